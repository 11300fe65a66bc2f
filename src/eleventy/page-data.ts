// What every page's layout needs, computed from its front matter: title, colour, breadcrumbs.
import type { CollectionItem, UserConfig } from "@11ty/eleventy";
import { breadcrumbsFor, documentTitle, type Crumb } from "../breadcrumbs.ts";
import { paletteColour, type Palette } from "../palette.ts";
import type { SiteSettings } from "../settings.ts";
import { pageTitleOf } from "../titles.ts";
import { isNotFoundPage } from "../not-found-page.ts";
import path from "node:path";

export interface Options {
  /** Colour names pages may use */
  palette: Palette;
  /** Site settings, for the home page's name and source links */
  site: SiteSettings;
  /** The folder being built, to turn input paths into repository paths */
  input: string;
}

interface PageFields {
  title?: unknown;
  color?: unknown;
  colour?: unknown;
  page: { url: string | false; inputPath?: string; rawInput?: unknown };
}

/** A page's title: its front matter, else the heading its markdown starts with, else its URL's last segment,
 * else (the home page) the site name. */
export function pageTitle(data: PageFields, siteName: string): string {
  const { url, inputPath, rawInput } = data.page;
  const markdown = inputPath?.endsWith(".md") && typeof rawInput === "string" ? rawInput : undefined;
  return pageTitleOf(data.title, markdown, url, siteName);
}

export default function pageData(eleventyConfig: UserConfig, options: Options): void {
  eleventyConfig.addGlobalData("eleventyComputed", {
    pageTitle: (data: PageFields) => pageTitle(data, options.site.name),
    // An unknown colour fails the schema check; here it only needs a value to render with.
    pageColour: (data: PageFields) => {
      const value = data.color ?? data.colour;
      return paletteColour(typeof value === "string" ? value : undefined, options.palette) ?? paletteColour(undefined);
    },
  });

  // One url → title map per build, shared by every page's breadcrumbs.
  const titleMaps = new WeakMap<readonly CollectionItem[], Map<string, string>>();
  const titlesOf = (all: readonly CollectionItem[]) => {
    let titles = titleMaps.get(all);
    if (!titles) {
      titles = new Map();
      for (const item of all) {
        // Each page's title is computed data already; worked out again only where it is missing.
        if (item.url) titles.set(item.url, typeof item.data.pageTitle === "string" ? item.data.pageTitle : pageTitle(item.data, options.site.name));
      }
      titleMaps.set(all, titles);
    }
    return titles;
  };

  eleventyConfig.addFilter("breadcrumbs", (all: CollectionItem[], url: string, title: string): Crumb[] =>
    breadcrumbsFor(url, title, titlesOf(all ?? [])),
  );
  eleventyConfig.addFilter("sourceUrl", (inputPath: string) => sourceUrl(inputPath, options.input, options.site.repository));
  eleventyConfig.addFilter("isNotFoundPage", isNotFoundPage);
  eleventyConfig.addFilter("documentTitle", (crumbs: Crumb[]) => documentTitle(crumbs, options.site.name));
}

/** The page's source file in the site's repository. */
export function sourceUrl(inputPath: string, input: string, repository: SiteSettings["repository"]): string {
  const relative = path.relative(input, inputPath).split(path.sep).map(encodeURIComponent).join("/");
  const base = repository.url.replace(/\/+$/, "");
  return `${base}/blob/${encodeURIComponent(repository.branch)}/${repository.contentPath ? `${repository.contentPath}/` : ""}${relative}`;
}
