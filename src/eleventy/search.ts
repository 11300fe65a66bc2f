// Full-text search without a server: a /search/ page on every site, and a Pagefind index of every page's
// text written into the output once Eleventy has written the pages (src/search-index.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { QuireError } from "../errors.ts";
import { SearchIndex, type IndexWritten } from "../search-index.ts";
import type { BuildLog } from "../build-log.ts";
import { plural } from "../build-summary.ts";

export interface Options {
  /** The folder being built: a site with its own search page keeps it (default "content") */
  input: string;
  /** Write the index (default true; off, the search page still renders and says it has nothing to search) */
  index: boolean;
  /** Folder where an index is kept for reuse when no page's text changed; undefined: always index afresh */
  cacheDir?: string;
  /** What tells this site's builds from others sharing the cache (its output, base path, drafts): each keeps
   * the shards of its own last build */
  variant: string;
  /** The dev server's index, written once, in the background, while the pages are served (re-indexing on every
   * save would slow each reload by seconds); undefined: each build writes its index before it ends */
  background?: BackgroundIndex;
  /** Where a build says what its index holds and what it cost */
  log?: BuildLog;
}

export const defaults = {
  input: "content",
  index: true,
  variant: "",
} satisfies Options;

/** Input files that would be a site's own /search/ page. */
const OWN_SEARCH_PAGES = ["search.md", "search/index.md", "search.njk", "search/index.njk"];

export const searchPageData = {
  title: "search",
  excerpt: "find any word on any page of this site",
  layout: "search.njk",
  permalink: "/search/",
  // The search page is not a page to find, nor one to list on the home page, in the feed or in the sitemap.
  search: false,
  eleventyExcludeFromCollections: true,
  // quire makes this page; there is no source file in the site's repository to link to.
  sourceLink: false,
};

/** Whether an output file is search's own (the index, or the /search/ page quire adds), not the site's. */
export function isSearchOutput(file: string): boolean {
  const posix = file.split(path.sep).join("/");
  return posix.startsWith("pagefind/") || posix === "search/index.html";
}

interface AfterBuild {
  /** Eleventy's normalised folders; `output` is the staging folder a build writes into */
  directories: { output: string };
}

export default function search(eleventyConfig: UserConfig, partial: Partial<Options> = {}): void {
  const options = { ...defaults, ...partial };
  if (!OWN_SEARCH_PAGES.some((file) => existsSync(path.join(options.input, file)))) {
    (eleventyConfig as unknown as { addTemplate(file: string, content: string, data: object): void })
      // The page's text is the layout's; the virtual file only gives it a place and its data.
      // The dev server's page says its index is on its way rather than missing.
      .addTemplate("search/index.njk", "", { ...searchPageData, indexWrittenLater: options.index && Boolean(options.background) });
  }
  if (!options.index) return;
  // Pages are noted as they render; the index is written once the site is complete.
  let pending: SearchIndex | undefined;
  const { background } = options;
  eleventyConfig.on("eleventy.before", (() => {
    if (background && !background.wanted) return;
    // The dev server's site changes while its index is written: a shard is cached only if its pages did not.
    pending = new SearchIndex(options.cacheDir, undefined, `${path.resolve(options.input)}\0${options.variant}`, Boolean(background));
  }) as never);
  eleventyConfig.addTransform("quire-search-index", function (content, outputPath) {
    if (pending && typeof outputPath === "string" && outputPath.endsWith(".html") && this.page.url) pending.add(this.page.url, outputPath, content);
    return content;
  });
  eleventyConfig.on("eleventy.after", (async ({ directories }: AfterBuild) => {
    const indexer = pending;
    pending = undefined;
    if (!indexer) return;
    if (background) {
      background.start((signal) => indexer.write(directories.output, signal));
      return;
    }
    const started = performance.now();
    try {
      const written = await indexer.write(directories.output);
      options.log?.summary(indexSummary(written, performance.now() - started));
    } catch (error) {
      throw searchIndexError(error);
    }
  }) as never);
}

/** `search index: 1000 pages in 4 bundles, 1 indexed by Pagefind, 3 from the cache (1.52 s)` */
export function indexSummary({ pages, bundles, indexed }: IndexWritten, milliseconds: number): string {
  if (bundles === 0) return "search index: no page to index (only pages without a place in search, like the not-found page)";
  const parts = [indexed > 0 && `${indexed} indexed by Pagefind`, bundles > indexed && `${bundles - indexed} from the cache`].filter(Boolean);
  return `search index: ${plural(pages, "page")} in ${plural(bundles, "bundle")}, ${parts.join(", ")} (${(milliseconds / 1000).toFixed(2)} s)`;
}

/** The dev server's search index, written in the background after its first build while the pages are served:
 * one writer for the whole session (a reload of the configuration makes a new plugin, not a new index), tried
 * again by the next build after a failure, and stopped with the server. */
export class BackgroundIndex {
  #writing: Promise<void> | undefined;
  #written = false;
  readonly #abort = new AbortController();

  /** @param report told when the index is written (no error, and what it holds: indexSummary) or why it is not */
  constructor(private readonly report: (error: QuireError | undefined, summary?: string) => void) {}

  /** Whether a build is to note its pages for an index: none is written or being written. */
  get wanted(): boolean {
    return !this.#written && !this.#writing && !this.#abort.signal.aborted;
  }

  /** Runs `write` in the background, unless an index is written or being written. */
  start(write: (signal: AbortSignal) => Promise<IndexWritten>): void {
    if (!this.wanted) return;
    const signal = this.#abort.signal;
    const started = performance.now();
    this.#writing = write(signal)
      .then(
        (written) => {
          this.#written = true;
          this.report(undefined, indexSummary(written, performance.now() - started));
        },
        (error: unknown) => {
          if (!signal.aborted) this.report(searchIndexError(error));
        },
      )
      .finally(() => (this.#writing = undefined));
  }

  /** Stops a write in progress (its Pagefind processes are ended) and waits until it has. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#writing;
  }
}

function searchIndexError(error: unknown): QuireError {
  return new QuireError(
    `the search index could not be built: ${(error as Error).message}`,
    undefined,
    undefined,
    "check that the pagefind package is installed (npm ci) and its binary runs on this machine",
  );
}

