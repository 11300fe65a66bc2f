// An existing Jekyll site built as it stands: pages at Jekyll's URLs, Jekyll's `page.*` and `site.*` for
// Liquid, Jekyll's layouts replaced by quire's, and a warning for each kramdown setting quire renders otherwise.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { load } from "js-yaml";
import type { JekyllConfig } from "../jekyll/config.ts";
import { jekyllFrontMatter } from "../jekyll/front-matter.ts";
import { kramdownDifferences } from "../jekyll/kramdown.ts";
import { jekyllPageFields, type EleventyPage } from "../jekyll/page-fields.ts";
import { jekyllPagePath } from "../jekyll/permalink.ts";
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
}

export const defaults = { warn: (message: string) => console.warn(message) } satisfies Partial<Options>;

export default function jekyllSite(eleventyConfig: UserConfig, partial: Options): void {
  const options = { ...defaults, ...partial };
  const input = path.resolve(options.input);

  // Jekyll layout names become quire's layout; a bare permalink keeps Jekyll's .html file.
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: (text: string) => jekyllFrontMatter(load(text)) } });
  // Every page at the path Jekyll gives it, unless its front matter says otherwise.
  const folderIndexes = new Set(options.folderIndexes ?? []);
  eleventyConfig.addFilter("jekyll_page_path", (inputPath: string) => {
    const relative = path.relative(input, path.resolve(inputPath)).split(path.sep).join("/");
    return jekyllPagePath(relative, options.config.permalink, folderIndexes.has(relative));
  });
  eleventyConfig.addGlobalData("permalink", "{{ page.inputPath | jekyll_page_path }}");
  eleventyConfig.addGlobalData("site", jekyllSiteData(options.config, options.site));
  // Liquid's `page.title` and the page's other front matter, as Jekyll gives them.
  eleventyConfig.addPreprocessor("jekyll-page", "md,html", (data: Record<string, unknown>) => {
    const page = data.page as EleventyPage;
    Object.assign(page, jekyllPageFields(page, input));
  });

  // Jekyll's includes: `{% include note.html text="…" %}` from _includes/ (Eleventy's includes folder too),
  // the file name unquoted and the parameters as `include.text`.
  eleventyConfig.setLiquidOptions({ jekyllInclude: true, dynamicPartials: false });
  // And `{% include_relative aside.md %}` from the page's own folder.
  eleventyConfig.amendLibrary("liquid", (liquid) => (liquid as { registerTag(name: string, tag: unknown): void }).registerTag("include_relative", IncludeRelativeTag));

  for (const difference of kramdownDifferences(options.config.kramdown)) options.warn(`_config.yml: ${difference}`);
}
