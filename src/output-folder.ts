// The output folder is quire's alone: it refuses folders it did not make, and a failed build
// never touches the site already there (quire builds beside it and swaps on success).
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync, statSync } from "node:fs";
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

/** A fresh sibling folder to build into. */
export function stagingFolderFor(output: string): string {
  const out = path.resolve(output);
  const staging = `${out}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  return staging;
}

/** Puts a finished build in place of the old one; the old one is removed only once the new one is there. */
export function publishStaging(staging: string, output: string): void {
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
  if (hadOutput) rmSync(retired, { recursive: true, force: true });
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
