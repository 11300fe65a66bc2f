// quire's Eleventy configuration: wiring only. Each concern lives in src/ and is added here in order.
// The CLI (src/cli.ts) calls this with the options from its flags; see README "Where things live".
import path from "node:path";
import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { withDefaults, type BuildOptions } from "./src/build-options.ts";
import { createMarkdown } from "./src/markdown/index.ts";
import { layoutsDir, publicDir } from "./src/paths.ts";
import frontMatter from "./src/eleventy/front-matter.ts";
import pageData from "./src/eleventy/page-data.ts";
import collections from "./src/eleventy/collections.ts";
import jekyllFilters from "./src/eleventy/jekyll-filters.ts";
import drafts from "./src/eleventy/drafts.ts";
import pageDates from "./src/eleventy/page-dates.ts";
import feed from "./src/eleventy/feed.ts";
import sitemap from "./src/eleventy/sitemap.ts";
import { BuildLog } from "./src/build-log.ts";
import quietBenchmarks from "./src/eleventy/quiet-benchmarks.ts";

export default function quire(eleventyConfig: UserConfig, partial: Partial<BuildOptions> & { log?: BuildLog } = {}) {
  const options = withDefaults(partial);
  const input = path.resolve(options.input);
  // Warnings and summary lines (the feed's undated pages, the link checker's count) for the CLI to print.
  const log = partial.log ?? new BuildLog();

  // Layouts and public/ are quire's own, wherever the pages come from.
  eleventyConfig.setLayoutsDirectory(path.relative(input, layoutsDir));
  // A one-shot build copies static files itself once pages render (src/build.ts), so a failed build
  // has no copies in flight; the dev server lets Eleventy serve them.
  if (options.mode === "serve") eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), publicDir) || "."]: "/" });
  // Every page gets the base layout unless it names another.
  eleventyConfig.addGlobalData("layout", "base.njk");
  eleventyConfig.addGlobalData("site", options.site);

  // The author's kramdown dialect on markdown-it (src/markdown/).
  eleventyConfig.setLibrary("md", createMarkdown());
  // Jekyll's absolute_url / relative_url for Liquid in pages, as on GitHub Pages.
  eleventyConfig.addPlugin(jekyllFilters, { siteUrl: options.site.url, basePath: options.basePath });
  // Bad front matter fails the build with file, line and a fix.
  eleventyConfig.addPlugin(frontMatter, { palette: options.palette });
  // Title fallback, page colour, breadcrumbs.
  eleventyConfig.addPlugin(pageData, { palette: options.palette, site: options.site, input });
  // The home page's list of pages.
  eleventyConfig.addPlugin(collections);
  // Drafts show in the dev server and are left out of a build, its home list, feed and sitemap.
  eleventyConfig.addPlugin(drafts, { publish: options.drafts });
  // Root-relative URLs in every page carry --base-path (first, so the feed plugin reuses this one).
  eleventyConfig.addPlugin(HtmlBasePlugin, { baseHref: options.basePath });
  // A page's date: front matter, else its first commit (one git call per build).
  eleventyConfig.addPlugin(pageDates, { input });
  // The Atom feed at /feed.xml.
  eleventyConfig.addPlugin(feed, { siteUrl: options.site.url, log });
  // /sitemap.xml and a /robots.txt pointing at it, unless the author wrote their own.
  eleventyConfig.addPlugin(sitemap, { ownRobots: [path.join(input, "robots.txt"), path.join(publicDir, "robots.txt")] });
  // No "[11ty] Benchmark" notes in the author's terminal.
  eleventyConfig.addPlugin(quietBenchmarks);

  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.setUseGitIgnore(false);
  // Read pages and layouts afresh on every build, even when builds share a process (tests, benchmarks).
  eleventyConfig.setUseTemplateCache(false);
  return { markdownTemplateEngine: "liquid" };
}
