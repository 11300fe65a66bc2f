// Full-text search without a server: a /search/ page on every site, and a Pagefind index of every page's
// text written into the output once Eleventy has written the pages (https://pagefind.app/docs/running-pagefind/).
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
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
  // Pages are noted as they render; the index is written once the site is complete.
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
 * One build's search index. Pages are only noted (a hash of each) as they render; once the site is written,
 * an unchanged site gets a copy of the cached index, a changed one is indexed from its written pages by
 * Pagefind's command line, which reads them on every core (faster than feeding its service page by page,
 * and no page is held in memory for it).
 */
export class SearchIndexer {
  readonly #hash = createHash("sha256").update(`pagefind ${pagefindVersion}\0${EXCLUDED.join(",")}\0`);

  constructor(private readonly cacheDir?: string) {}

  add(url: string, content: string): void {
    if (content.includes("data-pagefind-body")) this.#hash.update(`${url}\0${content}\0`);
  }

  /** Write `site/pagefind/`: a copy of the cached index when no indexed page changed, else Pagefind's. */
  async write(site: string): Promise<void> {
    const target = path.join(site, "pagefind");
    const cached = this.cacheDir ? path.join(this.cacheDir, "search", this.#hash.digest("hex")) : undefined;
    try {
      if (cached && existsSync(path.join(cached, "pagefind-entry.json"))) {
        cpSync(cached, target, { recursive: true });
        return;
      }
      await runPagefind(site);
    } catch (error) {
      throw searchIndexError(error);
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

/** Pagefind's command line (the binary its npm package installed) over the written site, into `site/pagefind/`. */
async function runPagefind(site: string): Promise<void> {
  const runner = fileURLToPath(new URL("runner/bin.cjs", import.meta.resolve("pagefind")));
  const args = [runner, "--site", site, "--output-subdir", "pagefind", "--exclude-selectors", EXCLUDED.join(", "), "--silent"];
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
  if (code !== 0 || !existsSync(path.join(site, "pagefind", "pagefind-entry.json"))) {
    throw new Error(`pagefind exited with ${String(code)}${output.trim() ? `: ${output.trim()}` : ""}`);
  }
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

