// The build cache: pages whose markdown, settings and quire version are unchanged are not rendered again.
// It wraps whatever markdown library the configuration set (amendLibrary runs on it), so the dialect's
// plugins need not know about it. Layouts are not cached: Eleventy renders them on every build.
import type { UserConfig } from "@11ty/eleventy";
import type MarkdownIt from "markdown-it";
import { cachedMarkdown } from "../cache/cached-markdown.ts";
import { quireVersionOnce } from "../cache/quire-version.ts";
import { RenderCache } from "../cache/render-cache.ts";
import { cachedPageLinks } from "../cache/cached-page-links.ts";
import type { PageLinks } from "../links/collect.ts";
import type { BuildOptions } from "../build-options.ts";
import { quireRoot } from "../paths.ts";
import path from "node:path";

export interface Options {
  /** Folder the cache is kept in (default: `.quire-cache/` in quire's checkout) */
  dir: string;
  /** Off (`--no-cache`): every page is rendered afresh and nothing is written (default true) */
  enabled: boolean;
  /** quire's checkout, whose version and source hash are part of every key */
  quireRoot: string;
  /** Settings that can change a page's rendered markdown; any change makes every entry stale */
  settings: unknown;
}

/** The settings that can change rendered output: part of every key. */
export function renderSettings(options: Pick<BuildOptions, "site" | "palette" | "basePath">): unknown {
  return { site: options.site, palette: options.palette, basePath: options.basePath };
}

/** The link check's page reader, through the build cache unless the build has none. */
export function pageLinksReader(options: BuildOptions): ((html: string) => PageLinks) | undefined {
  if (!options.cache) return undefined;
  return cachedPageLinks(renderCacheFor({ dir: path.resolve(options.cacheDir), quireRoot, settings: renderSettings(options) }));
}

/** The cache a build with these options uses: its salt is quire's version and the settings. */
export function renderCacheFor(options: Pick<Options, "dir" | "quireRoot" | "settings">): RenderCache {
  return new RenderCache(options.dir, JSON.stringify({ quire: quireVersionOnce(options.quireRoot), settings: options.settings }));
}

export default function buildCache(eleventyConfig: UserConfig, options: Options): void {
  if (!options.enabled) return;
  const cache = renderCacheFor(options);
  eleventyConfig.amendLibrary("md", (md) => cachedMarkdown(md as MarkdownIt, { cache }));
  // QUIRE_CACHE_STATS=1 prints how the cache did, for the benchmark and for checking it works.
  if (process.env.QUIRE_CACHE_STATS) {
    eleventyConfig.on("eleventy.after", () => console.error(`quire cache: ${JSON.stringify(cache.stats)}`));
  }
}
