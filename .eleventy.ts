// quire's Eleventy configuration: wiring only. Each concern lives in src/ and is added here in order.
// The CLI (src/cli.ts) calls this with the options from its flags; see README "Where things live".
import path from "node:path";
import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { withDefaults, type BuildOptions } from "./src/build-options.ts";
import { createMarkdown } from "./src/markdown/index.ts";
import { layoutsDir, publicDir, quireRoot } from "./src/paths.ts";
import frontMatter from "./src/eleventy/front-matter.ts";
import pageData from "./src/eleventy/page-data.ts";
import collections from "./src/eleventy/collections.ts";
import jekyllFilters from "./src/eleventy/jekyll-filters.ts";
import headerContrast from "./src/eleventy/header-contrast.ts";
import search, { type BackgroundIndex } from "./src/eleventy/search.ts";
import jekyllSite from "./src/eleventy/jekyll-site.ts";
import siteFiles from "./src/eleventy/site-files.ts";
import { readJekyllConfig } from "./src/jekyll/config.ts";
import { DefaultedKeys } from "./src/jekyll/defaults.ts";
import { withJekyllSite } from "./src/jekyll/site-options.ts";
import { siteFiles as publishedFiles } from "./src/static-files.ts";
import buildCache, { renderSettings } from "./src/eleventy/build-cache.ts";
import plainTextLiquid from "./src/eleventy/plain-text-liquid.ts";
import layoutCompileOnce from "./src/eleventy/layout-compile-once.ts";
import linkCheck from "./src/eleventy/link-check.ts";
import type { LinkRegistry } from "./src/links/link-check.ts";
import drafts from "./src/eleventy/drafts.ts";
import pageDates from "./src/eleventy/page-dates.ts";
import feed from "./src/eleventy/feed.ts";
import sitemap from "./src/eleventy/sitemap.ts";
import { BuildLog } from "./src/build-log.ts";
import pageShells, { type PageShells } from "./src/eleventy/page-shells.ts";

/** What the build or dev server hands in to read back afterwards. */
export interface Hooks {
  /** Collects every page's ids and links for the link check */
  links?: LinkRegistry;
  /** Collects warnings (the feed's undated pages) and summary lines for the CLI or dev server to print */
  log?: BuildLog;
  /** The dev server's record of each page's layout around its body, for re-rendering one page on a save */
  shells?: PageShells;
  /** The dev server's search index, written in the background after its first build */
  searchIndex?: BackgroundIndex;
}

export default function quire(eleventyConfig: UserConfig, partial: Partial<BuildOptions> = {}, hooks: Hooks = {}) {
  // A Jekyll site (it has _config.yml) brings its own name and palette (src/jekyll/).
  const options = withJekyllSite(withDefaults(partial));
  const input = path.resolve(options.input);
  const jekyllConfig = readJekyllConfig(input);
  // Plugins' warnings go to the build's log, printed once with the summary (console when there is no log).
  const log = hooks.log ?? new BuildLog();
  const warn = (line: string) => (hooks.log ? log.warn(line) : console.warn(line));

  // Layouts and public/ are quire's own, wherever the pages come from.
  eleventyConfig.setLayoutsDirectory(path.relative(input, layoutsDir));
  // Only pages are templates; a one-shot build copies static files itself once pages render (src/build.ts),
  // so a failed build has no copies in flight; the dev server lets Eleventy serve them.
  const files = publishedFiles(input);
  eleventyConfig.addPlugin(siteFiles, { input, files, mode: options.mode, warn });
  // Every page gets the base layout unless it names another.
  eleventyConfig.addGlobalData("layout", "base.njk");
  // A Jekyll site's `site` is its _config.yml with these settings (src/eleventy/jekyll-site.ts). Eleventy merges
  // global data into the objects it is given, arrays concatenated: `site` is added once, as a copy of its own.
  if (!jekyllConfig) eleventyConfig.addGlobalData("site", structuredClone(options.site));

  // The author's kramdown dialect on markdown-it (src/markdown/).
  eleventyConfig.setLibrary("md", createMarkdown());
  // Unchanged pages are not rendered again: markdown renders are cached on disk (src/cache/, --no-cache).
  eleventyConfig.addPlugin(buildCache, {
    dir: path.resolve(options.cacheDir),
    enabled: options.cache,
    quireRoot,
    settings: renderSettings(options),
  });
  // Pages without Liquid syntax skip Liquid's tokenizer (same output, a tenth of a build faster).
  eleventyConfig.addPlugin(plainTextLiquid);
  // Each layout compiles once per build, not once per page (Eleventy's template cache is off, below).
  eleventyConfig.addPlugin(layoutCompileOnce);
  // Jekyll's absolute_url / relative_url for Liquid in pages, as on GitHub Pages.
  eleventyConfig.addPlugin(jekyllFilters, { siteUrl: options.site.url, basePath: options.basePath });
  // Bad front matter fails the build with file, line and a fix.
  const defaultedKeys = new DefaultedKeys();
  eleventyConfig.addPlugin(frontMatter, { palette: options.palette, defaults: jekyllConfig ? { configFile: path.join(input, "_config.yml"), keys: defaultedKeys } : undefined });
  // Title fallback, page colour, breadcrumbs.
  eleventyConfig.addPlugin(pageData, { palette: options.palette, site: options.site, input });
  // The home page's list of pages.
  eleventyConfig.addPlugin(collections);
  // The header's text colour and scrim for the page's colour; a warning when a colour stays unreadable.
  eleventyConfig.addPlugin(headerContrast, { warn });
  // A /search/ page and a Pagefind index of every page, written after the pages.
  eleventyConfig.addPlugin(search, {
    input,
    index: options.search,
    cacheDir: options.cache ? path.resolve(options.cacheDir) : undefined,
    // Builds of this folder that publish other pages or other HTML keep their own shards in a shared cache.
    variant: JSON.stringify([path.resolve(options.output), options.basePath, options.drafts, options.mode]),
    background: hooks.searchIndex,
    log,
  });
  // Every page's ids and links, for the site-wide link check after the build.
  if (hooks.links) eleventyConfig.addPlugin(linkCheck, { registry: hooks.links });
  // An existing Jekyll site keeps its URLs, `page.*` and `site.*` for Liquid; its layouts give way to quire's.
  if (jekyllConfig) eleventyConfig.addPlugin(jekyllSite, { input, config: jekyllConfig, site: options.site, warn, folderIndexes: files.folderIndexes, defaultedKeys });
  // Drafts show in the dev server and are left out of a build, its home list, feed and sitemap.
  eleventyConfig.addPlugin(drafts, { publish: options.drafts });
  // Root-relative URLs in every page carry --base-path (first, so the feed plugin reuses this one).
  eleventyConfig.addPlugin(HtmlBasePlugin, { baseHref: options.basePath });
  // A page's date: front matter, else its first commit (one git call per build).
  eleventyConfig.addPlugin(pageDates, { input });
  // The Atom feed at /feed.xml.
  eleventyConfig.addPlugin(feed, { siteUrl: options.site.url, basePath: options.basePath, log, entries: options.site.feedEntries });
  // /sitemap.xml and a /robots.txt pointing at it, unless the author wrote their own.
  eleventyConfig.addPlugin(sitemap, { ownRobots: [path.join(input, "robots.txt"), path.join(publicDir, "robots.txt")] });

  // Last, so it sees each page as written: the dev server re-renders a page alone when only its body changed.
  // Not under a base path, whose plugin rewrites links in the body a quick edit would not pass through.
  if (hooks.shells && options.basePath === "/") eleventyConfig.addPlugin(pageShells, { shells: hooks.shells });

  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.setUseGitIgnore(false);
  // Eleventy's "slow plugin" notices would interleave with quire's report; `npm run bench` measures speed.
  eleventyConfig.benchmarks.config.setIsVerbose(false);
  // Read pages and layouts afresh on every build, even when builds share a process (tests, benchmarks).
  eleventyConfig.setUseTemplateCache(false);
  return { markdownTemplateEngine: "liquid" };
}
