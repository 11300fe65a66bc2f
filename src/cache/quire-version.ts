// quire's own version for the build cache: package.json's version and a hash of quire's source, so that any
// change to quire's code (a markdown plugin, a layout, the configuration) makes every cached render stale.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What counts as quire's own code, relative to its checkout. */
export const SOURCE_PATHS = ["package.json", ".eleventy.ts", "src", "layouts"];

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, path.join(relative, name)));
}

/** `0.1.0+<hash of quire's sources>` for the checkout at `root`. */
export function quireVersion(root: string): string {
  const hash = createHash("sha256");
  for (const file of SOURCE_PATHS.flatMap((relative) => filesUnder(root, relative))) {
    hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  }
  let version = "unknown";
  try {
    version = String((JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version?: unknown }).version ?? "unknown");
  } catch {
    // No readable package.json: the source hash alone still tells versions apart.
  }
  return `${version}+${hash.digest("hex").slice(0, 16)}`;
}

const memo = new Map<string, string>();

/** The version of the checkout at `root`, computed once per process (its code cannot change under a running process). */
export function quireVersionOnce(root: string): string {
  let version = memo.get(root);
  if (!version) memo.set(root, (version = quireVersion(root)));
  return version;
}
