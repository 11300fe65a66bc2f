// The dev server's way with pages it cannot build (bad front matter, a Liquid mistake): the site is built again
// without the page a failed build names, and again without the next, until it builds, so every other page goes on
// updating. A page is left out only when it may be what broke the build: saved or let back in since the last build
// that went through, or any page until one did (the server's start); never an include or a layout, nor a page an
// edit elsewhere broke. Its address (or, for a page never built, any address with no page) says what is wrong
// until it is saved again, or until a file it may need changes (an include, a layout, data, the settings).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inside } from "./output-folder.ts";
import { escapeHtml } from "./escape-html.ts";
import { escapeGlob } from "./eleventy/site-files.ts";
import { watchedPaths } from "./quick-edit.ts";

interface LeftOut {
  /** The error as the terminal shows it: `file:line: what is wrong` and the fix */
  error: string;
  /** Where the last build that had the page wrote it (a paginated page: each of its pages) */
  outputPaths: readonly string[];
}

/** Pages left out one after another before the fault is taken to be elsewhere (each costs a build). */
export const MOST_LEFT_OUT = 10;

/** Files elsewhere than in the support folders an edit of which may mend a page (a layout, the settings, a file
 * `include_relative` takes, a new page), unlike an image or a style sheet. */
const MAY_MEND = /\.(?:md|markdown|html|njk|liquid|json|ya?ml|[cm]?js|ts)$/i;

/** The files Eleventy builds pages from, in quire. */
const PAGE = /\.(?:md|markdown|html|njk|liquid)$/;

export class PageQuarantine {
  /** Pages left out, by absolute path */
  readonly #pages = new Map<string, LeftOut>();
  /** Each page's output files in the last build that had it, by the page's absolute path (none: a page with
   * `permalink: false`) */
  #outputs = new Map<string, string[]>();
  /** The ignores of the configuration Eleventy builds with (every build reads them afresh) */
  #ignores: Set<string> | undefined;
  /** Pages a failing build may leave out: saved, or let back in, since the last build that went through; "any"
   * until the first one did */
  #suspects: Set<string> | "any" = "any";
  /** Pages left out since the last build that went through */
  #leftOutInTurn: string[] = [];

  /** @param input the pages' folder
   * @param supportFolders the folders of what pages use and are not pages (includes, layouts, data), absolute */
  constructor(
    private readonly input: string,
    private readonly supportFolders: () => readonly string[] = () => [],
  ) {}

  /** A page of the site as the builds know it: one the last build wrote, or left out, or let back in (or, before
   * any build went through, any file of the pages' folder named like a page). */
  isPage(file: string): boolean {
    const page = path.resolve(file);
    if (!this.#namedLikePage(page)) return false;
    return this.#suspects === "any" || this.#outputs.has(page) || this.#pages.has(page) || this.#suspects.has(page);
  }

  /** A file of the pages' folder Eleventy builds a page from: not an include, a layout or data. */
  #namedLikePage(file: string): boolean {
    return PAGE.test(file) && inside(this.input, file) && !this.#supports(file);
  }

  #supports(file: string): boolean {
    return this.supportFolders().some((folder) => inside(folder, file));
  }

  /** Whether the watcher's files (as Eleventy names them) are the pages' folder alone: the build again without a
   * page (see leaveOutFor), not a save. */
  isRetry(changed: readonly string[]): boolean {
    const input = path.resolve(this.input);
    return changed.length > 0 && changed.every((file) => watchedPaths(file).includes(input));
  }

  /** Keeps the left-out pages in `ignores`, the configuration's (read again after a reload of it). */
  useIgnores(ignores: Set<string>): void {
    this.#ignores = ignores;
    for (const page of this.#pages.keys()) ignores.add(ignoreGlob(page));
  }

  /** After a failed build: leaves out the page its error names and resolves with it, to build the site again
   * without it; undefined when the error names no page of the site, or a page that cannot be what broke it
   * (neither saved nor let back in since the last build that went through), or MOST_LEFT_OUT pages went since
   * (then the fault is taken to be elsewhere: a layout, the settings). */
  leaveOutFor(description: string): string | undefined {
    const suspect = (page: string | undefined) => page !== undefined && (this.#suspects === "any" || this.#suspects.has(page));
    // Two pages at one address: Eleventy lists both ("  1. a.md"); the one that may have broken the build goes.
    const page = [this.pageOf(description), ...[...description.matchAll(/^ {2}\d+\. (.+)$/gm)].map((listed) => this.pageOf(`${listed[1]}: `))].find(suspect);
    if (!page || this.#leftOutInTurn.length >= MOST_LEFT_OUT) return undefined;
    this.leaveOut(page, description);
    if (!this.#leftOutInTurn.includes(page)) this.#leftOutInTurn.push(page);
    return page;
  }

  /** A build went through: from now on, only pages saved or let back in may be left out. */
  built(): void {
    this.#suspects = new Set();
    this.#leftOutInTurn = [];
  }

  /** The page of the site a build error names first (`content/x.md:3: …`), unless it is left out already; never
   * an include, a layout or data (not a page of its own). */
  pageOf(description: string): string | undefined {
    const named = /^(.+?)(?::\d+)?: /.exec(description)?.[1];
    if (!named) return undefined;
    const page = path.resolve(named);
    return this.#namedLikePage(page) && existsSync(page) && !this.#pages.has(page) ? page : undefined;
  }

  leaveOut(page: string, error: string): void {
    this.#pages.set(page, { error, outputPaths: this.#outputs.get(page) ?? [] });
    this.#ignores?.add(ignoreGlob(page));
  }

  /** Before each build of the watcher, with the files it was started for as Eleventy's watcher names them (the
   * pages' folder among them stands for the build again without a page, see leaveOutFor). Left-out pages among
   * them come back in (saved again, or deleted); all do when a file that may mend a page changed and is not one
   * of the site's pages (any file of an includes, layouts or data folder; elsewhere a layout, the settings, a new
   * page: see MAY_MEND). The files, and the pages let back in, may be left out by a failing build, until one goes
   * through. True when a page came back. */
  release(changed: readonly string[]): boolean {
    const input = path.resolve(this.input);
    const files = changed.map((file) => watchedPaths(file)).filter((candidates) => !candidates.includes(input));
    const released = new Set<string>();
    let mendsAny = false;
    for (const candidates of files) {
      const page = candidates.find((file) => this.#pages.has(file) || this.#outputs.has(file));
      if (page === undefined) {
        mendsAny ||= candidates.some((file) => this.#supports(file)) || MAY_MEND.test(candidates[0] ?? "");
        for (const file of candidates) this.#suspect(file);
        continue;
      }
      this.#suspect(page);
      if (this.#pages.has(page)) released.add(page);
    }
    if (mendsAny) for (const page of this.#pages.keys()) released.add(page);
    for (const page of released) {
      this.#pages.delete(page);
      this.#ignores?.delete(ignoreGlob(page));
      this.#suspect(page);
    }
    return released.size > 0;
  }

  #suspect(page: string): void {
    if (this.#suspects !== "any") this.#suspects.add(page);
  }

  /** The pages left out since the last build that went through: the builds again without them say so. */
  get leftOutInTurn(): string[] {
    return [...this.#leftOutInTurn];
  }

  get pages(): string[] {
    return [...this.#pages.keys()];
  }

  /** Notes the pages a build had, and where it wrote each. */
  noteOutputs(results: ReadonlyArray<{ inputPath?: unknown; outputPath?: unknown }>): void {
    const built = new Map<string, string[]>();
    for (const { inputPath, outputPath } of results) {
      if (typeof inputPath !== "string") continue;
      const outputs = built.get(path.resolve(inputPath)) ?? [];
      if (typeof outputPath === "string") outputs.push(outputPath);
      built.set(path.resolve(inputPath), outputs);
    }
    for (const [page, outputs] of built) this.#outputs.set(page, outputs);
  }

  /** Writes, at each left-out page's last addresses, a page saying what is wrong with it, and lists the pages
   * without one (never built, or their address now another page's: `taken`, the files the build wrote) on the
   * page the server shows at any address with no page (`output`/404.html); resolves with the files. */
  writeErrorPages(output: string, taken: ReadonlySet<string> = new Set()): string[] {
    const written: string[] = [];
    const neverBuilt: Array<[string, string]> = [];
    for (const [page, { error, outputPaths }] of this.#pages) {
      const name = path.relative(process.cwd(), page);
      const addresses = outputPaths.filter((file) => file.endsWith(".html") && !taken.has(file));
      if (addresses.length === 0) neverBuilt.push([name, error]);
      for (const file of addresses) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, errorPage(`${name} could not be built`, [["", error]], "The rest of the site is served as usual. Save the page once it is fixed and this one reloads with it."));
        written.push(file);
      }
    }
    if (neverBuilt.length > 0) {
      const notFound = path.join(output, "404.html");
      mkdirSync(output, { recursive: true });
      const these = neverBuilt.length === 1 ? "This page has" : "These pages have";
      writeFileSync(
        notFound,
        errorPage(
          "There is no page at this address",
          neverBuilt,
          `${these} not been built yet: ${neverBuilt.length === 1 ? "it has" : "each has"} an error, so ${neverBuilt.length === 1 ? "its address" : "their addresses"} may be this one. The rest of the site is served as usual. Save a page once it is fixed and it is built.`,
        ),
      );
      written.push(notFound);
    }
    return written;
  }
}

/** A page as Eleventy's ignores name it: relative to the working directory, glob characters escaped. */
function ignoreGlob(page: string): string {
  return escapeGlob(path.relative(process.cwd(), page).split(path.sep).join("/"));
}

/** A plain page (none of the site's layouts: one may be what is broken) with errors, each under its page's name
 * unless that is "" (the heading names it). */
function errorPage(heading: string, pages: Array<[string, string]>, note: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>quire: ${escapeHtml(heading)}</title>`,
    '<body style="font-family: sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem">',
    `<h1>${escapeHtml(heading)}</h1>`,
    ...pages.flatMap(([name, error]) => [...(name ? [`<h2>${escapeHtml(name)}</h2>`] : []), `<pre style="white-space: pre-wrap">${escapeHtml(error)}</pre>`]),
    `<p>${escapeHtml(note)}</p>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
