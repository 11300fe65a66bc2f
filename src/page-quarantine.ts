// The dev server's way with one page it cannot build (bad front matter, a Liquid mistake): the site is built
// again without that page, so every other page goes on updating, and a page at its address (when it had been
// built before) says what is wrong, until the author saves it again.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inside } from "./output-folder.ts";
import { escapeHtml } from "./escape-html.ts";
import { escapeGlob } from "./eleventy/site-files.ts";
import { watchedPaths } from "./quick-edit.ts";

interface LeftOut {
  /** The error as the terminal shows it: `file:line: what is wrong` and the fix */
  error: string;
  /** Where the page was written by the last build that had it */
  outputPath?: string;
}

export class PageQuarantine {
  /** Pages left out, by absolute path */
  readonly #pages = new Map<string, LeftOut>();
  /** Each page's output file in the last build, by the page's absolute path */
  #outputs = new Map<string, string>();
  /** The ignores of the configuration Eleventy builds with (every build reads them afresh) */
  #ignores: Set<string> | undefined;
  /** The last build was the one run again without a page */
  #retried = false;

  constructor(private readonly input: string) {}

  /** Keeps the left-out pages in `ignores`, the configuration's (read again after a reload of it). */
  useIgnores(ignores: Set<string>): void {
    this.#ignores = ignores;
    for (const page of this.#pages.keys()) ignores.add(ignoreGlob(page));
  }

  /** After a failed build: leaves out the page its error names and resolves with it, to build the site again
   * without it; undefined when the error names no page of the site, or this build already went without one
   * (then the fault is elsewhere: a layout, the settings). */
  leaveOutFor(description: string): string | undefined {
    const retried = this.#retried;
    this.#retried = false;
    const page = retried ? undefined : this.pageOf(description);
    if (!page) return undefined;
    this.leaveOut(page, description);
    this.#retried = true;
    return page;
  }

  /** A build went through. */
  built(): void {
    this.#retried = false;
  }

  /** The page of the site a build error names first (`content/x.md:3: …`), unless it is left out already. */
  pageOf(description: string): string | undefined {
    const named = /^(.+?\.(?:md|markdown|html|njk|liquid))(?::\d+)?: /.exec(description)?.[1];
    if (!named) return undefined;
    const page = path.resolve(named);
    return inside(this.input, page) && existsSync(page) && !this.#pages.has(page) ? page : undefined;
  }

  leaveOut(page: string, error: string): void {
    this.#pages.set(page, { error, outputPath: this.#outputs.get(page) });
    this.#ignores?.add(ignoreGlob(page));
  }

  /** Ends the quarantine of the pages among `changed` (saved again, or deleted), named as Eleventy's watcher
   * names them: true when there was one. */
  release(changed: readonly string[]): boolean {
    let released = false;
    for (const file of changed) {
      for (const candidate of watchedPaths(file)) {
        if (!this.#pages.delete(candidate)) continue;
        this.#ignores?.delete(ignoreGlob(candidate));
        released = true;
      }
    }
    return released;
  }

  get pages(): string[] {
    return [...this.#pages.keys()];
  }

  /** Notes where a build wrote each page. */
  noteOutputs(results: ReadonlyArray<{ inputPath?: unknown; outputPath?: unknown }>): void {
    for (const { inputPath, outputPath } of results) {
      if (typeof inputPath === "string" && typeof outputPath === "string") this.#outputs.set(path.resolve(inputPath), outputPath);
    }
  }

  /** Writes, at each left-out page's last address, a page saying what is wrong with it; resolves with the files. */
  writeErrorPages(): string[] {
    const written: string[] = [];
    for (const [page, { error, outputPath }] of this.#pages) {
      if (!outputPath?.endsWith(".html")) continue;
      mkdirSync(path.dirname(outputPath), { recursive: true });
      writeFileSync(outputPath, errorPage(path.relative(process.cwd(), page), error));
      written.push(outputPath);
    }
    return written;
  }
}

/** A page as Eleventy's ignores name it: relative to the working directory, glob characters escaped. */
function ignoreGlob(page: string): string {
  return escapeGlob(path.relative(process.cwd(), page).split(path.sep).join("/"));
}

function errorPage(page: string, error: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>quire: ${escapeHtml(page)} has an error</title>`,
    '<body style="font-family: sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem">',
    `<h1>${escapeHtml(page)} could not be built</h1>`,
    `<pre style="white-space: pre-wrap">${escapeHtml(error)}</pre>`,
    "<p>The rest of the site is served as usual. Save the page once it is fixed and this one reloads with it.</p>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
