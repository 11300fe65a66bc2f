// The Atom feed at /feed.xml: the newest published pages that have a date (20 unless the site's settings say
// `feedEntries`), newest first, each with its HTML in full.
// Dates and URL filters come from @11ty/eleventy-plugin-rss; the template is ours so titles fall back
// like the pages' own and the feed's <updated> is the newest page's date, never the build's time.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { BuildLog } from "../build-log.ts";
import { QuireError } from "../errors.ts";
import { templatesDir } from "../paths.ts";
import { absoluteUrls } from "../links/rewrite.ts";
import { feedEntries, newestDate, undatedWarning, type FeedCandidate } from "../feed-entries.ts";

export interface Options {
  /** The site's public origin, e.g. "https://example.net"; entry content gets absolute URLs on it */
  siteUrl: string;
  /** Where pages left out of the feed are reported */
  log: BuildLog;
  /** Where the feed is written (default "/feed.xml") */
  url: string;
  /** The path the site is served under (default "/") */
  basePath: string;
  /** How many of the newest pages the feed carries (default 20) */
  entries: number;
}

/** Where the feed is, in the output folder (its URL is always the default). */
export const FEED_FILE = "feed.xml";

export const defaults = { url: `/${FEED_FILE}`, basePath: "/", entries: 20 } satisfies Partial<Options>;

/** The page's HTML without the "#" section links markdown puts after each heading (src/markdown/heading-ids.ts). */
export function withoutHeadingAnchors(html: string): string {
  return html.replace(/\n?<a class="heading-anchor"[^>]*>#<\/a>/g, "");
}

export default function feed(eleventyConfig: UserConfig, partial: Omit<Options, keyof typeof defaults> & Partial<Options>): void {
  const options = { ...defaults, ...partial, entries: partial.entries ?? defaults.entries };
  if (!Number.isInteger(options.entries) || options.entries < 1) {
    throw new QuireError(`"feedEntries" is ${String(options.entries)}`, "site.config.ts", undefined, "set it to how many of the newest pages the feed carries, a whole number like 20");
  }
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addFilter("feedEntries", (pages: FeedCandidate[]) => {
    const warning = undatedWarning(pages);
    if (warning) options.log.warn(warning);
    return feedEntries(pages, options.entries);
  });
  eleventyConfig.addFilter("newestDate", (pages: FeedCandidate[]) => newestDate(pages));
  // Entry content with absolute URLs, one tokenizer pass a page (the HTML base plugin's transform re-parses
  // every entry into a tree, seconds on a thousand essays); section "#" links mean nothing in a reader.
  const siteBase = new URL(options.basePath, options.siteUrl).href;
  // The dev server rebuilds the feed on every save: an entry whose page did not change is not redone.
  const done = new Map<string, { html: string; content: string }>();
  eleventyConfig.addFilter("feedContent", (html: string, url: string) => {
    const previous = done.get(url);
    if (previous?.html === html) return previous.content;
    const content = absoluteUrls(withoutHeadingAnchors(html), url, siteBase);
    done.set(url, { html, content });
    return content;
  });
  eleventyConfig.addTemplate("quire-feed.njk", readFileSync(path.join(templatesDir, "feed.njk"), "utf8"), {
    permalink: options.url,
    layout: false,
    eleventyExcludeFromCollections: true,
    // Render after the pages, so their content is ready for the entries.
    eleventyImport: { collections: ["published"] },
  });
}
