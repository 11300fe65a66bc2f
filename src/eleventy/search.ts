// Full-text search without a server: a /search/ page on every site, and a Pagefind index of every page's
// text written into the output once Eleventy has written the pages (https://pagefind.app/docs/node-api/).
import { existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import * as pagefind from "pagefind";
import { QuireError } from "../errors.ts";

export interface Options {
  /** The folder being built: a site with its own search page keeps it (default "content") */
  input: string;
  /** Write the index (default true; off, the search page still renders and says it has nothing to search) */
  index: boolean;
}

export const defaults = {
  input: "content",
  index: true,
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
  eleventyConfig.on("eleventy.after", (async ({ directories }: AfterBuild) => {
    await writeSearchIndex(directories.output);
  }) as never);
}

/** Index every page under `site` that has `data-pagefind-body` and write the index to `site/pagefind/`. */
export async function writeSearchIndex(site: string): Promise<number> {
  try {
    // The contents box repeats the headings, the home page's list repeats other pages' excerpts.
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: ["nav.toc", ".heading-anchor", ".page-list"] });
    if (!index) throw new Error(errors.join("; "));
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await index.writeFiles({ outputPath: path.join(site, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return added.page_count;
  } catch (error) {
    throw new QuireError(
      `the search index could not be built: ${(error as Error).message}`,
      undefined,
      undefined,
      "check that the pagefind package is installed (npm ci) and its binary runs on this machine",
    );
  } finally {
    // Pagefind runs as a child process; close it so no process outlives the build.
    await pagefind.close();
  }
}
