// An existing Jekyll site built as it stands: pages at Jekyll's URLs, Jekyll's `page.*` and `site.*` for
// Liquid, Jekyll's layouts replaced by quire's, and a warning for each kramdown setting quire renders otherwise.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { loadJekyllYaml } from "../jekyll/yaml.ts";
import type { JekyllConfig } from "../jekyll/config.ts";
import { jekyllFrontMatter } from "../jekyll/front-matter.ts";
import { kramdownDifferences } from "../jekyll/kramdown.ts";
import { jekyllPageFields, readJekyllPage, type EleventyPage } from "../jekyll/page-fields.ts";
import { deepMerge, DefaultedKeys, frontMatterDefaults } from "../jekyll/defaults.ts";
import { fillPermalink, jekyllFrontMatterPermalink, jekyllPagePath } from "../jekyll/permalink.ts";
import { jekyllSiteData } from "../jekyll/site-settings.ts";
import { IncludeRelativeTag } from "../jekyll/include-relative.ts";
import type { SiteSettings } from "../settings.ts";

export interface Options {
  /** The Jekyll site's folder */
  input: string;
  /** Its _config.yml, read (src/jekyll/config.ts) */
  config: JekyllConfig;
  /** quire's site settings with the site's name and address (src/jekyll/site-settings.ts) */
  site: SiteSettings;
  /** Where warnings go (default console.warn) */
  warn?: (message: string) => void;
  /** Pages that are their folder's index though not named index (READMEs, src/jekyll/published-files.ts) */
  folderIndexes?: string[];
  /** Where the keys each page took from `defaults:` are noted, for the front-matter check's reports */
  defaultedKeys?: DefaultedKeys;
}

export const defaults = { warn: (message: string) => console.warn(message) } satisfies Partial<Options>;

export default function jekyllSite(eleventyConfig: UserConfig, partial: Options): void {
  const options = { ...defaults, ...partial };
  const input = path.resolve(options.input);

  // Jekyll layout names become quire's layout; a bare permalink keeps Jekyll's .html file.
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: (text: string) => jekyllFrontMatter(loadJekyllYaml(text)) } });
  // Every page at the path Jekyll gives it, unless its front matter says otherwise.
  const folderIndexes = new Set(options.folderIndexes ?? []);
  const relativePath = (inputPath: string) => path.relative(input, path.resolve(inputPath)).split(path.sep).join("/");
  const pagePath = (relative: string) => jekyllPagePath(relative, options.config.permalink, folderIndexes.has(relative));
  eleventyConfig.addFilter("jekyll_page_path", (inputPath: string) => pagePath(relativePath(inputPath)));
  eleventyConfig.addGlobalData("permalink", "{{ page.inputPath | jekyll_page_path }}");
  // A copy: Eleventy merges data into what it is given, and these settings outlive this reading of the configuration.
  eleventyConfig.addGlobalData("site", jekyllSiteData(options.config, structuredClone(options.site)));
  // The site's front matter defaults under each page's own front matter, and Liquid's `page.title` and the
  // page's other front matter, as Jekyll gives them.
  const pageDefaults = frontMatterDefaults(options.config.raw.defaults);
  for (const warning of pageDefaults.warnings) options.warn(warning);
  eleventyConfig.addPreprocessor("jekyll-page", "md,html", (data: Record<string, unknown>) => {
    const page = data.page as EleventyPage;
    const relative = relativePath(page.inputPath);
    const fromDefaults = pageDefaults.forPage(relative);
    const own = readJekyllPage(page.inputPath);
    if (Object.keys(fromDefaults).length > 0) options.defaultedKeys?.set(page.inputPath, applyDefaults(data, own.frontMatter, fromDefaults));
    // Jekyll fills :path, :basename and :output_ext into a permalink, from front matter or defaults.
    if (typeof data.permalink === "string" && /:(?:path|basename|output_ext)/.test(data.permalink)) {
      data.permalink = jekyllFrontMatterPermalink(fillPermalink(data.permalink, relative));
    }
    // Liquid's page.url and page.dir are read before Eleventy has the URL: the one the permalink gives.
    const url = page.url || (typeof data.permalink === "string" && !data.permalink.includes("{") ? data.permalink : pagePath(relative));
    Object.assign(page, jekyllPageFields({ ...page, url }, input, fromDefaults, own));
  });

  // Jekyll's includes: `{% include note.html text="…" %}` from _includes/ (Eleventy's includes folder too),
  // the file name unquoted and the parameters as `include.text`.
  eleventyConfig.setLiquidOptions({ jekyllInclude: true, dynamicPartials: false });
  // And `{% include_relative aside.md %}` from the page's own folder.
  eleventyConfig.amendLibrary("liquid", (liquid) => (liquid as { registerTag(name: string, tag: unknown): void }).registerTag("include_relative", IncludeRelativeTag));

  for (const difference of kramdownDifferences(options.config.kramdown)) options.warn(`_config.yml: ${difference}`);
}

/** Default values into a page's data where its own front matter says nothing (maps merged key by key). A layout
 * is quire's whatever the defaults say, and `published: false` from defaults unpublishes nothing in Jekyll. */
function applyDefaults(data: Record<string, unknown>, own: Record<string, unknown>, fromDefaults: Record<string, unknown>): string[] {
  const applied: string[] = [];
  for (const [key, value] of Object.entries(fromDefaults)) {
    if (key === "layout" || key === "published") continue;
    if (key in own) {
      // The page's own map wins key by key; anything else of its own wins whole.
      const merged = deepMerge({ [key]: value }, { [key]: own[key] })[key];
      if (merged !== own[key]) data[key] = merged;
      continue;
    }
    applied.push(key);
    data[key] = key === "permalink" && typeof value === "string" ? jekyllFrontMatterPermalink(value) : value;
    // Eleventy dated the page before this runs: from the file, without a date of its own.
    if (key === "date") {
      const date = value instanceof Date ? value : new Date(String(value));
      if (!Number.isNaN(date.getTime())) (data.page as { date: Date }).date = date;
    }
  }
  return applied;
}
