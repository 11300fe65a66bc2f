// The output folder is quire's alone: it refuses folders it did not make, and a failed build
// never touches the site already there (quire builds beside it and swaps on success).
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync, statSync } from "node:fs";
import path from "node:path";
import { errorChain, QuireError } from "./errors.ts";

/** Left in every output folder quire writes, so it knows the folder is its own to replace. */
export const OUTPUT_MARKER = ".quire-output";

/** Whether `child` is `parent` or lies inside it (a name like `..site` in it included). */
export function inside(parent: string, child: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Throws when building into `output` could overwrite something that is not a quire build. `cacheDir`: the build
 * cache's folder, when the build uses one (it keeps the replaced site there). */
export function checkOutputFolder(output: string, input: string, projectRoot: string, cacheDir?: string): void {
  const out = path.resolve(output);
  if (out === path.parse(out).root) throw new QuireError(`the output folder is the root of the file system`, output, undefined, "pass --output _site");
  if (out === path.resolve(projectRoot) || inside(out, path.resolve(projectRoot)))
    throw new QuireError(`the output folder would hold the project itself`, output, undefined, "pass an output folder inside the project, like --output _site");
  if (inside(out, path.resolve(input)) || inside(path.resolve(input), out))
    throw new QuireError(`the output folder overlaps the pages being built (${input})`, output, undefined, "pass an output folder outside the input folder, like --output _site");
  if (cacheDir && (inside(out, path.resolve(cacheDir)) || inside(path.resolve(cacheDir), out)))
    throw new QuireError(`the output folder overlaps the build cache (${cacheDir})`, output, undefined, "pass an output folder outside the cache, like --output _site, or another --cache-dir");
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

/** A real folder (not a link to one) that quire wrote: it holds the output marker. */
function isQuireFolder(folder: string): boolean {
  try {
    return lstatSync(folder).isDirectory() && existsSync(path.join(folder, OUTPUT_MARKER));
  } catch {
    return false;
  }
}

/** A sibling folder to build into: the spare site moved there when there is one that can be written over (on
 * the same file system), else a fresh one. `attempt` tells a second try's folder from the first's. */
export function stagingFolderFor(output: string, spare?: string, attempt = ""): Staging {
  const folder = `${path.resolve(output)}.building-${process.pid}${attempt}`;
  rmSync(folder, { recursive: true, force: true });
  if (!spare) return { folder, reused: false };
  if (!isQuireFolder(spare)) {
    // Not a site quire replaced (something else put it there, or a link): it goes, so this build's site can be
    // kept in its place.
    discardStaging(spare);
    return { folder, reused: false };
  }
  try {
    renameSync(spare, folder);
  } catch {
    // Another build took it, or it is on another file system: build into a fresh folder.
    return { folder, reused: false };
  }
  try {
    ownFiles(folder, freshModes(output));
    return { folder, reused: true };
  } catch {
    // Something in it cannot be written over (a read-only folder): it goes, and the build starts afresh.
    discardStaging(folder);
    return stagingFolderFor(output, undefined, `${attempt}-fresh`);
  }
}

/** The modes a build into a fresh folder beside `output` gives that folder, the folders in it and their files:
 * found by making such a folder, so the umask, a default ACL and a setgid bit of the parent all count. */
export interface FreshModes {
  top: number;
  folder: number;
  file: number;
}

export function freshModes(output: string): FreshModes {
  const probe = `${path.resolve(output)}.probe-${process.pid}`;
  rmSync(probe, { recursive: true, force: true });
  try {
    mkdirSync(path.join(probe, "folder"), { recursive: true });
    const mode = (file: string) => lstatSync(file).mode & 0o7777;
    return { top: mode(probe), folder: mode(path.join(probe, "folder")), file: newFileMode(path.join(probe, "folder")) };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** The mode a file written now in `folder` gets (the umask, a default ACL of the folder). */
export function newFileMode(folder: string): number {
  const probe = path.join(folder, `.quire-probe-${process.pid}`);
  writeFileSync(probe, "");
  try {
    return lstatSync(probe).mode & 0o7777;
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * A build writes over files in place: every file left must be the folder's own, writable, and of the mode a
 * new file gets (`modes`: a build under another umask left others, and a write keeps a file's mode). Symbolic
 * links and other special files (a write would go through them or block), files with other hard links (a copy
 * made with `cp -al`, the build cache's search shards) and files of another mode are removed, so the build
 * writes fresh files there instead; folders are given a fresh folder's mode, and one that will not take it throws.
 */
function ownFiles(folder: string, modes: FreshModes, top = true): void {
  const wanted = top ? modes.top : modes.folder;
  if ((lstatSync(folder).mode & 0o7777) !== wanted) {
    chmodSync(folder, wanted);
    if ((lstatSync(folder).mode & 0o7777) !== wanted) throw new Error(`${folder} keeps another mode`);
  }
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) ownFiles(full, modes, false);
    else if (!entry.isFile()) unlinkSync(full);
    else {
      const { nlink, mode } = lstatSync(full);
      if (nlink > 1 || (mode & 0o7777) !== modes.file) unlinkSync(full);
    }
  }
}

/** A file the build wrote that the folder lists under another spelling (a case-insensitive or normalising file
 * system kept the old file's name): the site must be built again into a fresh folder. */
export class SpellingMismatch extends Error {}

/**
 * Removes from a reused staging folder every file this build did not write (`written`: absolute paths) and
 * every folder left empty, so the site holds exactly what a build into a fresh folder would. Folders named in
 * `writtenWhole` (relative, e.g. the search index) were written whole by this build and are kept as they are.
 * Throws SpellingMismatch when a written file is there under another name.
 */
export function pruneStaging(staging: string, written: ReadonlySet<string>, writtenWhole: readonly string[] = []): void {
  const root = path.resolve(staging);
  const whole = new Set(writtenWhole.map((folder) => path.join(root, folder)));
  const files = new Set<string>();
  const folders: string[] = [];
  const list = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (whole.has(full)) continue;
      if (entry.isDirectory()) {
        folders.push(full);
        list(full);
      } else files.add(full);
    }
  };
  list(root);
  for (const file of written) {
    // Only files of the folder are listed, and none of the folders written whole.
    const listable = file.startsWith(`${root}${path.sep}`) && ![...whole].some((folder) => file.startsWith(`${folder}${path.sep}`));
    if (listable && !files.has(file) && existsSync(file)) throw new SpellingMismatch(`${file} is listed under another spelling`);
  }
  const marker = path.join(root, OUTPUT_MARKER);
  for (const file of files) if (!written.has(file) && file !== marker) unlinkSync(file);
  // Innermost first: a folder left empty once its own empty folders have gone, goes too.
  for (const folder of folders.reverse()) if (readdirSync(folder).length === 0) rmdirSync(folder);
}

/** Puts a finished build in place of the old one; the old one is removed only once the new one is there, or
 * kept as `spare` for the next build to write over (it is only ever a build's staging folder again). */
export function publishStaging(staging: string, output: string, spare?: string): void {
  const out = path.resolve(output);
  writeFileSync(path.join(staging, OUTPUT_MARKER), "This folder is written by quire; each build replaces it whole.\n");
  const retired = `${out}.previous-${process.pid}`;
  // Left by a build of a process that had this number and was stopped while publishing.
  rmSync(retired, { recursive: true, force: true });
  const hadOutput = existsSync(out);
  if (hadOutput) renameSync(out, retired);
  try {
    renameSync(staging, out);
  } catch (error) {
    if (hadOutput) renameSync(retired, out);
    throw error;
  }
  if (!hadOutput) return;
  // Only a folder quire wrote, not a link to one elsewhere nor an empty folder it was given.
  if (spare && isQuireFolder(retired) && !existsSync(spare)) {
    try {
      renameSync(retired, spare);
      return;
    } catch {
      // Another file system, or another build put its spare there first: the old site goes.
    }
  }
  // The new site is in place whatever happens here.
  discardStaging(retired);
}

/** Whether a build into a reused folder failed because of what the old site left there: a file in the way of a
 * folder or the other way round, a file it could not write over, a name spelt otherwise. Such a build is done
 * again into a fresh folder. */
export function isReuseConflict(error: unknown): boolean {
  for (const current of errorChain(error)) {
    if (current instanceof SpellingMismatch) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && ["ENOTDIR", "EISDIR", "EEXIST", "EACCES", "EPERM"].includes(code)) return true;
  }
  return false;
}

/** Removes a staging folder, as far as it can: a failed build reports its own error, not this one's. */
export function discardStaging(staging: string): void {
  try {
    rmSync(staging, { recursive: true, force: true });
  } catch {
    // A read-only file or folder in it: it stays beside the output, named for the build's process.
  }
}

/** Throws when there is no folder of pages to build. */
export function checkInputFolder(input: string): void {
  if (!existsSync(input) || !statSync(input).isDirectory()) {
    throw new QuireError(`there is no folder of pages here`, input, undefined, "pass --input with a folder of markdown pages (default: content)");
  }
}
