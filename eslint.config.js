// Lint: the recommended JavaScript and TypeScript rules, nothing clever.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["_site/", "_site.*/", "node_modules/", "coverage/", "tests/fixtures/", ".cache/", ".quire-cache/", ".quire-preview/", "**/*.min.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
