// The output folder is quire's alone: it refuses folders it did not make, and a failed build
// never touches the site already there (quire builds beside it and swaps on success).
import { existsSync, lstatSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync, statSync } from "node:fs";
import path from "node:path";
import { QuireError } from "./errors.ts";

/** Left in every output folder quire writes, so it knows the folder is its own to replace. */
export const OUTPUT_MARKER = ".quire-output";

/** Throws when building into `output` could overwrite something that is not a quire build. */
export function checkOutputFolder(output: string, input: string, projectRoot: string): void {
  const out = path.resolve(output);
  const inside = (parent: string, child: string) => {
    const relative = path.relative(parent, child);
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  };
  if (out === path.parse(out).root) throw new QuireError(`the output folder is the root of the file system`, output, undefined, "pass --output _site");
  if (out === path.resolve(projectRoot) || inside(out, path.resolve(projectRoot)))
    throw new QuireError(`the output folder would hold the project itself`, output, undefined, "pass an output folder inside the project, like --output _site");
  if (inside(out, path.resolve(input)) || inside(path.resolve(input), out))
    throw new QuireError(`the output folder overlaps the pages being built (${input})`, output, undefined, "pass an output folder outside the input folder, like --output _site");
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new QuireError(`the output path is a file, not a folder`, output, undefined, "remove it or pass another --output");
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER))
    throw new QuireError(
      `the output folder is not empty and was not made by quire; quire will not replace it`,
      output,
      undefined,
      "pass another --output, or empty the folder yourself if it can go",
    );
}

/** The folder a build writes into, beside the output: `reused` when it is the site a build before this one
 * replaced (kept in the build cache as `spare`), whose files are written over rather than made anew. */
export interface Staging {
  folder: string;
  reused: boolean;
}

/** A sibling folder to build into: the spare site moved there when there is one (on the same file system),
 * else a fresh one. */
export function stagingFolderFor(output: string, spare?: string): Staging {
  const out = path.resolve(output);
  const folder = `${out}.building-${process.pid}`;
  rmSync(folder, { recursive: true, force: true });
  if (spare && existsSync(path.join(spare, OUTPUT_MARKER))) {
    try {
      renameSync(spare, folder);
    } catch {
      // Another build took it, or it is on another file system: build into a fresh folder.
      return { folder, reused: false };
    }
    unlinkShared(folder);
    return { folder, reused: true };
  }
  return { folder, reused: false };
}

/** A build writes over files in place: none may be shared with anything outside the folder. Symbolic links
 * (a write would go through them) and files with other hard links (a copy someone made with `cp -al`, the build
 * cache's search shards) are removed, so the build writes fresh files there instead. */
function unlinkShared(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isSymbolicLink()) unlinkSync(full);
    else if (entry.isDirectory()) unlinkShared(full);
    else if (lstatSync(full).nlink > 1) unlinkSync(full);
  }
}

/**
 * Removes from a reused staging folder every file this build did not write (`written`: absolute paths) and
 * every folder left empty, so the site holds exactly what a build into a fresh folder would. Folders named in
 * `writtenWhole` (relative, e.g. the search index) were written whole by this build and are kept as they are.
 */
export function pruneStaging(staging: string, written: ReadonlySet<string>, writtenWhole: readonly string[] = []): void {
  const root = path.resolve(staging);
  const whole = new Set(writtenWhole.map((folder) => path.join(root, folder)));
  const prune = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (whole.has(full)) empty = false;
      else if (entry.isDirectory()) {
        if (prune(full)) rmdirSync(full);
        else empty = false;
      } else if (written.has(full) || full === path.join(root, OUTPUT_MARKER)) empty = false;
      else unlinkSync(full);
    }
    return empty;
  };
  prune(root);
}

/** Puts a finished build in place of the old one; the old one is removed only once the new one is there, or
 * kept as `spare` for the next build to write over (it is only ever a build's staging folder again). */
export function publishStaging(staging: string, output: string, spare?: string): void {
  const out = path.resolve(output);
  writeFileSync(path.join(staging, OUTPUT_MARKER), "This folder is written by quire; each build replaces it whole.\n");
  const retired = `${out}.previous-${process.pid}`;
  const hadOutput = existsSync(out);
  if (hadOutput) renameSync(out, retired);
  try {
    renameSync(staging, out);
  } catch (error) {
    if (hadOutput) renameSync(retired, out);
    throw error;
  }
  if (!hadOutput) return;
  if (spare && !existsSync(spare)) {
    try {
      renameSync(retired, spare);
      return;
    } catch {
      // Another file system, or another build put its spare there first: the old site goes.
    }
  }
  rmSync(retired, { recursive: true, force: true });
}

/** Whether `error` (or what it wraps) is a file in the way of a folder or a folder in the way of a file: a
 * build into a reused folder whose old files are shaped differently, to be built again into a fresh one. */
export function isPathConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, cause, originalError } = current as { code?: unknown; cause?: unknown; originalError?: unknown };
    if (code === "ENOTDIR" || code === "EISDIR" || code === "EEXIST") return true;
    current = originalError ?? cause;
  }
  return false;
}

export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** Throws when there is no folder of pages to build. */
export function checkInputFolder(input: string): void {
  if (!existsSync(input) || !statSync(input).isDirectory()) {
    throw new QuireError(`there is no folder of pages here`, input, undefined, "pass --input with a folder of markdown pages (default: content)");
  }
}
