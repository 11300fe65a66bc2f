// How each tool builds the benchmark's essays: the command to run, and the small site it needs around them.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Command } from "./measure.ts";

export interface Workspace {
  /** The repository root: quire's checkout */
  root: string;
  /** The temp folder the run works in */
  dir: string;
  /** The generated essays */
  essays: string;
}

const require = createRequire(import.meta.url);

/** quire's own build, as `npm run build` runs it (src/launch.mjs), with its cache in the workspace. */
export function quireBuild(space: Workspace, extraFlags: string[] = []): Command {
  return {
    command: process.execPath,
    args: [
      path.join(space.root, "src/launch.mjs"),
      "build",
      "--quiet",
      "--input",
      space.essays,
      "--output",
      path.join(space.dir, "out-quire"),
      "--cache-dir",
      path.join(space.dir, "quire-cache"),
      ...extraFlags,
    ],
    cwd: space.root,
  };
}

/** Pagefind's own binary over the site quire built (`out-quire`), in one run, as quire's search index asks it
 * (the same selectors left out): what the search index alone costs, written to a folder of its own. */
export async function pagefindAlone(space: Workspace): Promise<Command> {
  const { EXCLUDED, pagefindBinary } = await import("../src/search-index.ts");
  const output = path.join(space.dir, "pagefind-alone");
  rmSync(output, { recursive: true, force: true });
  return {
    command: await pagefindBinary(),
    args: ["--site", path.join(space.dir, "out-quire"), "--output-path", output, "--exclude-selectors", EXCLUDED.join(", "), "--silent"],
    cwd: space.dir,
  };
}

/** Eleventy 3 as it comes: markdown-it with its defaults, no Liquid, no layout, no plugins. */
export function vanillaEleventy(space: Workspace): Command {
  const config = path.join(space.dir, "vanilla.eleventy.config.mjs");
  writeFileSync(
    config,
    [
      "// Markdown only: no template engine before markdown, no layout, no plugins.",
      "export default function (eleventyConfig) {",
      '  eleventyConfig.setTemplateFormats(["md"]);',
      "  eleventyConfig.setUseGitIgnore(false);",
      "  return { markdownTemplateEngine: false };",
      "}",
      "",
    ].join("\n"),
  );
  return {
    command: process.execPath,
    args: [
      // cmd.cjs is not in Eleventy's exports; it sits one folder above the entry point.
      path.join(path.dirname(require.resolve("@11ty/eleventy")), "../cmd.cjs"),
      `--config=${config}`,
      `--input=${space.essays}`,
      `--output=${path.join(space.dir, "out-eleventy")}`,
      "--quiet",
    ],
    cwd: space.dir,
  };
}

/** Jekyll 4 with kramdown as the author's GitHub Pages site sets it up. */
export function jekyll(space: Workspace): Command {
  const config = path.join(space.dir, "jekyll.config.yml");
  writeFileSync(
    config,
    [
      "markdown: kramdown",
      // Jekyll 4 keeps converted markdown in .jekyll-cache between builds; every run here is a cold build.
      "disable_disk_cache: true",
      "kramdown:",
      "  input: GFM",
      "  hard_wrap: true",
      "  header_offset: 1",
      "  parse_block_html: true",
      "",
    ].join("\n"),
  );
  return {
    command: "jekyll",
    args: ["build", "--quiet", "--source", space.essays, "--destination", path.join(space.dir, "out-jekyll"), "--config", config],
    cwd: space.dir,
    env: { JEKYLL_NO_BUNDLER_REQUIRE: "true" },
  };
}

/** Hugo with a minimal site: the essays as content, a template that prints the page body, nothing else. */
export function hugo(space: Workspace): Command {
  const site = path.join(space.dir, "hugo-site");
  mkdirSync(path.join(site, "layouts/_default"), { recursive: true });
  writeFileSync(
    path.join(site, "config.toml"),
    [
      `contentDir = ${JSON.stringify(space.essays)}`,
      `publishDir = ${JSON.stringify(path.join(space.dir, "out-hugo"))}`,
      'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
      // A content/index.md would make the whole folder one page bundle with the essays as its resources.
      "ignoreFiles = ['(^|/)index\\.md$']",
      "[markup.goldmark.renderer]",
      "  unsafe = true",
      "",
    ].join("\n"),
  );
  for (const name of ["single.html", "list.html"]) writeFileSync(path.join(site, "layouts/_default", name), "{{ .Content }}\n");
  return { command: "hugo", args: ["--quiet", "--source", site], cwd: site };
}

/** The installed version of a command-line tool, or undefined when it is not installed. */
export function installedVersion(command: string, args: string[], env: Record<string, string> = {}): string | undefined {
  try {
    const text = execFileSync(command, args, { encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "ignore"] });
    return text.trim().split("\n")[0];
  } catch {
    return undefined;
  }
}
