// Full-text search without a server: a /search/ page on every site, and a Pagefind index of every page's
// text written into the output once Eleventy has written the pages (https://pagefind.app/docs/node-api/).
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import * as pagefind from "pagefind";
import { QuireError } from "../errors.ts";

// Part of the cache key: another Pagefind writes another index. (Its package.json is not in its exports.)
const pagefindVersion = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }
).version;

export interface Options {
  /** The folder being built: a site with its own search page keeps it (default "content") */
  input: string;
  /** Write the index (default true; off, the search page still renders and says it has nothing to search) */
  index: boolean;
  /** Folder where an index is kept for reuse when no page's text changed; undefined: always index afresh */
  cacheDir?: string;
  /** "serve" indexes once, at the first build: re-indexing on every save would slow each reload by seconds */
  mode: "build" | "serve";
}

export const defaults = {
  input: "content",
  index: true,
  mode: "build",
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
      .addTemplate("search/index.njk", "", searchPageData);
  }
  if (!options.index) return;
  // Pages go to Pagefind as they render, so its own process indexes on the other core while Eleventy works;
  // the index is written once the site is complete.
  let pending: SearchIndexer | undefined;
  let indexed = false;
  eleventyConfig.on("eleventy.before", (() => {
    if (options.mode === "serve" && indexed) return;
    pending = new SearchIndexer(options.cacheDir);
  }) as never);
  eleventyConfig.addTransform("quire-search-index", function (content, outputPath) {
    if (pending && typeof outputPath === "string" && outputPath.endsWith(".html") && this.page.url) pending.add(this.page.url, content);
    return content;
  });
  eleventyConfig.on("eleventy.after", (async ({ directories }: AfterBuild) => {
    const indexer = pending;
    pending = undefined;
    if (!indexer) return;
    await indexer.write(directories.output);
    indexed = true;
  }) as never);
}

/**
 * One build's search index. With no index in the cache (a first or --no-cache build) pages go to Pagefind as
 * they render, so its own process indexes on the other core while Eleventy works; otherwise they are kept
 * until the end, when an unchanged site reuses the cached index and a changed one is indexed afresh.
 */
export class SearchIndexer {
  readonly #pages: Array<{ url: string; content: string }> = [];
  readonly #hash = createHash("sha256").update(`pagefind ${pagefindVersion}\0`);
  readonly #eager: boolean;
  #index: Promise<pagefind.PagefindIndex> | undefined;
  readonly #adding: Promise<{ errors: string[] }>[] = [];

  constructor(private readonly cacheDir?: string) {
    this.#eager = !cacheDir || !existsSync(path.join(cacheDir, "search"));
  }

  add(url: string, content: string): void {
    if (!content.includes("data-pagefind-body")) return;
    this.#hash.update(`${url}\0${content}\0`);
    if (this.#eager) this.#addToIndex({ url, content });
    else this.#pages.push({ url, content });
  }

  #addToIndex(page: { url: string; content: string }): void {
    this.#index ??= createSearchIndex();
    // Caught here and reported by write(), so a failure is never an unhandled rejection.
    this.#adding.push(this.#index.then((index) => index.addHTMLFile(page)).catch((error: Error) => ({ errors: [error.message] })));
  }

  /** Write `site/pagefind/`: a copy of the cached index when no indexed page changed, else Pagefind's. */
  async write(site: string): Promise<void> {
    const target = path.join(site, "pagefind");
    const cached = this.cacheDir ? path.join(this.cacheDir, "search", this.#hash.digest("hex")) : undefined;
    try {
      if (!this.#eager && cached && existsSync(path.join(cached, "pagefind-entry.json"))) {
        cpSync(cached, target, { recursive: true });
        return;
      }
      for (const page of this.#pages) this.#addToIndex(page);
      const index = await (this.#index ?? createSearchIndex());
      for (const added of await Promise.all(this.#adding)) {
        if (added.errors.length > 0) throw new Error(added.errors.join("; "));
      }
      const written = await index.writeFiles({ outputPath: target });
      if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    } catch (error) {
      throw searchIndexError(error);
    } finally {
      // Pagefind runs as a child process; close it so no process outlives the build.
      if (this.#index) await pagefind.close();
    }
    if (cached) {
      // Keep only the newest index: a temp copy renamed into place, so a half-written one is never reused.
      rmSync(path.dirname(cached), { recursive: true, force: true });
      mkdirSync(path.dirname(cached), { recursive: true });
      cpSync(target, `${cached}.tmp`, { recursive: true });
      renameSync(`${cached}.tmp`, cached);
    }
  }
}

async function createSearchIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED });
  if (!index) throw new Error(errors.join("; "));
  return index;
}

// The contents box repeats the headings, the home page's list repeats other pages' excerpts.
const EXCLUDED = ["nav.toc", ".heading-anchor", ".page-list"];

function searchIndexError(error: unknown): QuireError {
  return new QuireError(
    `the search index could not be built: ${(error as Error).message}`,
    undefined,
    undefined,
    "check that the pagefind package is installed (npm ci) and its binary runs on this machine",
  );
}

