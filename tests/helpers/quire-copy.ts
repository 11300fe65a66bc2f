// A copy of quire's checkout that a test may edit, beside the real one: its own files, and a node_modules/ of
// links to the real one's packages (so the copy's node_modules/.cache/ is its own).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { quireRoot } from "../../src/paths.ts";

const copies: string[] = [];

export function copyOfQuire(): string {
  const copy = mkdtempSync(path.join(tmpdir(), "quire-copy-"));
  copies.push(copy);
  for (const name of ["package.json", "package-lock.json", "tsconfig.json", ".eleventy.ts", "site.config.ts", "src", "layouts", "public"]) {
    cpSync(path.join(quireRoot, name), path.join(copy, name), { recursive: true });
  }
  const packages = realpathSync(path.join(quireRoot, "node_modules"));
  mkdirSync(path.join(copy, "node_modules"));
  for (const name of readdirSync(packages)) {
    if (name !== ".cache") symlinkSync(path.join(packages, name), path.join(copy, "node_modules", name));
  }
  return copy;
}

/** Removes every copy made so far (for afterAll). */
export function removeCopiesOfQuire(): void {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
}
