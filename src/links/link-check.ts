// The site-wide link check: pages are recorded as they render, then every internal link and #fragment is
// resolved once the whole site is written. Fragments that differ from a real id only in punctuation or case
// are corrected in place; the rest are reported with the source line and the closest match.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { collectPageLinks, type PageLink, type PageLinks } from "./collect.ts";
import { decode, fileForPath, isExternal, resolveLink, type SiteIndex } from "./resolve.ts";
import { rewriteLinks } from "./rewrite.ts";

interface RecordedPage {
  url: string;
  inputPath: string;
  ids: Set<string>;
  headings: Set<string>;
  links: PageLink[];
}

export interface LinkProblem {
  /** The page's source file, as Eleventy names it ("./content/x.md") */
  inputPath: string;
  /** 1-based line in the source where the link is written, when it is found there */
  line?: number;
  /** The link is the layout's (outside the page's <main>), not the page's */
  layout?: boolean;
  href: string;
  text: string;
  reason: string;
  suggestion?: string;
}

export interface LinkCorrection {
  inputPath: string;
  /** The link is the layout's, not the page's */
  layout?: boolean;
  /** The URL of the page the link is on */
  url: string;
  line?: number;
  from: string;
  to: string;
}

export interface LinkReport {
  /** Internal links looked at */
  checked: number;
  corrected: LinkCorrection[];
  broken: LinkProblem[];
}

export class LinkRegistry {
  readonly #pages = new Map<string, RecordedPage>();

  /**
   * @param collect reads a page's ids and links (the build cache passes a cached one)
   * @param elsewhere reads them off this thread (the build's prerender worker); undefined from it: `collect` does
   */
  constructor(
    private readonly collect: (html: string) => PageLinks = collectPageLinks,
    private readonly elsewhere?: (html: string) => Promise<PageLinks | undefined>,
  ) {}

  /** Forget every page: the dev server renders the whole site again on each save. */
  clear(): void {
    this.#pages.clear();
  }

  /** Remember what a rendered page defines and links to, read on this thread; the page itself is not changed. */
  record(url: string, inputPath: string, html: string): void {
    this.#keep(url, inputPath, this.collect(html));
  }

  /** `record`, with the page read off this thread when the registry has somewhere else to read it (a build's
   * worker): resolves once it is recorded. */
  async recordElsewhere(url: string, inputPath: string, html: string): Promise<void> {
    const read = this.elsewhere ? await this.elsewhere(html) : undefined;
    this.#keep(url, inputPath, read ?? this.collect(html));
  }

  #keep(url: string, inputPath: string, { ids, headings, links }: PageLinks): void {
    this.#pages.set(fileForPath(url), { url, inputPath, ids, headings, links });
  }

  /** The ids the page at `url` defined when it was recorded. */
  idsOf(url: string): ReadonlySet<string> | undefined {
    return this.#pages.get(fileForPath(url))?.ids;
  }

  /**
   * Resolve every recorded link against the site written in `outputDir`, correcting fragments on disk.
   * `input` is the folder of pages, for links written to a page's markdown source (`[about](about.md)`).
   * `only` limits the check to the links of the page at that URL (the dev server's quick edit, which keeps every
   * id of the page, so no other page's links can have changed).
   */
  check(outputDir: string, basePath = "/", input?: string, only?: string): LinkReport {
    const pages = this.#pages;
    const pageForSource = sourceLinkResolver(pages.values(), basePath, input);
    // Every page links the same stylesheet, fonts and home page: each file is looked for once.
    const onDisk = new Map<string, boolean>();
    const site: SiteIndex = {
      hasFile: (file) => {
        if (pages.has(file)) return true;
        let found = onDisk.get(file);
        if (found === undefined) onDisk.set(file, (found = existsSync(path.join(outputDir, file))));
        return found;
      },
      idsOf: (file) => pages.get(file)?.ids,
      headingIdsOf: (file) => pages.get(file)?.headings,
      pageFiles: () => pages.keys(),
    };
    const report: LinkReport = { checked: 0, corrected: [], broken: [] };
    const sources = new Map<string, string[] | undefined>();
    // The n-th link to the same href on a page is looked for at its n-th place in the source.
    const seen = new Map<string, number>();
    // A link outside <main> is the layout's: it has no line in the page's source.
    const lineOf = (inputPath: string, href: string, inMain = true) => {
      if (!inMain) return undefined;
      const key = `${inputPath}\0${href}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return sourceLine(sources, inputPath, href, occurrence);
    };

    const onlyFile = only === undefined ? undefined : fileForPath(only);
    const onlyPage = onlyFile === undefined ? undefined : pages.get(onlyFile);
    // In file order: pages are recorded in whatever order their reading finished.
    const checked = onlyFile === undefined ? [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : onlyPage ? [[onlyFile, onlyPage] as const] : [];
    for (const [file, page] of checked) {
      const rewrites = new Map<string, string>();
      for (const link of page.links) {
        // A link to a page's markdown file goes to the page, as GitHub Pages' jekyll-relative-links does.
        const href = (link.kind === "a[href]" && pageForSource(link.href, page.inputPath)) || link.href;
        const verdict = resolveLink(href, page.url, site, basePath, file);
        if (verdict.status === "external") continue;
        report.checked++;
        const to = verdict.status === "rewrite" ? verdict.href : verdict.status === "ok" && href !== link.href ? href : undefined;
        if (to !== undefined) {
          rewrites.set(link.href, to);
          report.corrected.push({ inputPath: page.inputPath, url: page.url, line: lineOf(page.inputPath, link.href, link.inMain), layout: !link.inMain, from: link.href, to });
        } else if (verdict.status === "broken") {
          report.broken.push({
            inputPath: page.inputPath,
            line: lineOf(page.inputPath, link.href, link.inMain),
            layout: !link.inMain,
            href: link.href,
            text: link.text,
            reason: verdict.reason,
            suggestion: verdict.suggestion,
          });
        }
      }
      if (rewrites.size > 0) {
        const target = path.join(outputDir, file);
        writeFileSync(target, rewriteHrefs(readFileSync(target, "utf8"), rewrites));
      }
    }
    return report;
  }
}

/** Maps a link to a page's markdown source (relative, or root-relative under `input`) to the page's URL. */
function sourceLinkResolver(pages: Iterable<RecordedPage>, basePath: string, input?: string) {
  const urlOfSource = new Map<string, string>();
  // A paginated page has one source and several URLs: a link to the source goes to the first of them (the
  // shortest, then the first in order), whatever order the pages finished rendering in.
  const first = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  for (const page of pages) {
    const source = path.resolve(page.inputPath);
    const known = urlOfSource.get(source);
    if (known === undefined || first(page.url, known) < 0) urlOfSource.set(source, page.url);
  }
  const prefix = basePath.replace(/\/+$/, "");
  return (href: string, fromInputPath: string): string | undefined => {
    if (href.startsWith("#")) return undefined;
    const [target = "", fragment] = href.split("#", 2);
    const decoded = decode(target, decodeURI);
    if (!/\.(md|markdown)$/i.test(decoded) || isExternal(href)) return undefined;
    if (decoded.startsWith("/") && !input) return undefined;
    const source = decoded.startsWith("/") ? path.join(path.resolve(input ?? ""), decoded) : path.resolve(path.dirname(fromInputPath), decoded);
    const url = urlOfSource.get(source);
    return url === undefined ? undefined : `${prefix}${url}${fragment !== undefined ? `#${fragment}` : ""}`;
  };
}

/** `html` with each listed href replaced. */
export function rewriteHrefs(html: string, rewrites: ReadonlyMap<string, string>): string {
  return rewriteLinks(html, (link) => (link.kind === "a[href]" || link.kind === "area[href]" ? rewrites.get(link.href) : undefined));
}

/** The source line holding the `occurrence`-th (0-based) link to `href`; undefined when it came from a layout. */
function sourceLine(cache: Map<string, string[] | undefined>, inputPath: string, href: string, occurrence: number): number | undefined {
  if (!cache.has(inputPath)) {
    try {
      cache.set(inputPath, readFileSync(inputPath, "utf8").split(/\r?\n/));
    } catch {
      cache.set(inputPath, undefined);
    }
  }
  const lines = cache.get(inputPath);
  if (!lines) return undefined;
  const decoded = decode(href, decodeURI);
  const forms = [...new Set([href, decoded, encodeURI(decoded)])];
  // The line of each place the href is written, in the order of the text.
  const places: number[] = [];
  for (const [index, line] of lines.entries()) {
    // Where on the line, once each (`](<href>)` is also `<href>`).
    const columns = new Set<number>();
    for (const form of forms) {
      // As markdown writes a link (inline, with a title, in <>, by reference) or HTML quotes an attribute.
      for (const written of [`](${form})`, `](${form} `, `<${form}>`, `]: ${form}`, `"${form}"`, `'${form}'`]) {
        for (let at = line.indexOf(written); at !== -1; at = line.indexOf(written, at + 1)) columns.add(at + written.indexOf(form));
      }
    }
    for (let n = 0; n < columns.size; n++) places.push(index + 1);
  }
  return places[occurrence] ?? places[0];
}

/** What to do about a broken link nothing on the site is like. */
function whatToDo(reason: string): string {
  if (reason.includes("headings equally")) return "give the heading meant an id of its own ({: #an-id} on the line under it) and link to that";
  if (reason.startsWith("no heading")) return "link to one of the page's headings by its id, or drop the #fragment";
  if (reason.includes("base path")) return "begin the address with the base path, or give another site's address in full (https://…)";
  return "correct the address, or remove the link if its page is gone";
}

/** The report as an author reads it: one line a problem, with the fix under it. */
export function formatLinkReport(report: LinkReport): string {
  const where = (p: { inputPath: string; line?: number; layout?: boolean }) =>
    `${p.inputPath.replace(/^\.\//, "")}${p.line ? `:${p.line}` : p.layout ? " (layout)" : " (line not found)"}`;
  const lines: string[] = [];
  for (const problem of report.broken) {
    lines.push(`${where(problem)}: broken link ${problem.text ? `"${problem.text}" ` : ""}→ ${problem.href}: ${problem.reason}`);
    lines.push(`  → ${problem.suggestion ? `did you mean ${problem.suggestion}?` : whatToDo(problem.reason)}`);
  }
  for (const fix of report.corrected) lines.push(`${where(fix)}: corrected ${fix.from} → ${fix.to}`);
  return lines.join("\n");
}
