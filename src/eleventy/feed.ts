// The Atom feed at /feed.xml: every published page that has a date, newest first, with its HTML in full.
// Dates and URL filters come from @11ty/eleventy-plugin-rss; the template is ours so titles fall back
// like the pages' own and the feed's <updated> is the newest page's date, never the build's time.
import { readFileSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { BuildLog } from "../build-log.ts";
import { feedEntries, newestDate, undatedWarning, type FeedCandidate } from "../feed-entries.ts";

export interface Options {
  /** The site's public origin, e.g. "https://example.net"; entry content gets absolute URLs on it */
  siteUrl: string;
  /** Where pages left out of the feed are reported */
  log: BuildLog;
  /** Where the feed is written (default "/feed.xml") */
  url: string;
}

export const defaults = { url: "/feed.xml" } satisfies Partial<Options>;

export default function feed(eleventyConfig: UserConfig, partial: Omit<Options, keyof typeof defaults> & Partial<Options>): void {
  const options = { ...defaults, ...partial };
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addFilter("feedEntries", (pages: FeedCandidate[]) => {
    const warning = undatedWarning(pages);
    if (warning) options.log.warn(warning);
    return feedEntries(pages);
  });
  eleventyConfig.addFilter("newestDate", (pages: FeedCandidate[]) => newestDate(pages));
  eleventyConfig.addTemplate("quire-feed.njk", readFileSync(new URL("templates/feed.njk", import.meta.url), "utf8"), {
    permalink: options.url,
    layout: false,
    eleventyExcludeFromCollections: true,
    // Render after the pages, so their content is ready for the entries.
    eleventyImport: { collections: ["published"] },
    // HTML base plugin: relative and root-relative URLs in entries become absolute on the origin + base path.
    feedOrigin: new URL(options.siteUrl).origin + "/",
  });
}
