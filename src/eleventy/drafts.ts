// `draft: true` pages: shown by the dev server (the layout marks them), left out of a build entirely, so
// they are in no collection, home list, feed or sitemap. Same approach as eleventy-base-blog's drafts.
import type { UserConfig } from "@11ty/eleventy";

export interface Options {
  /** Publish draft pages (default false; the dev server turns it on) */
  publish: boolean;
}

export const defaults = { publish: false } satisfies Options;

export default function drafts(eleventyConfig: UserConfig, options: Partial<Options> = {}): void {
  const { publish } = { ...defaults, ...options };
  // A preprocessor returning false drops the page before it reaches any collection.
  eleventyConfig.addPreprocessor("drafts", "*", (data) => (data.draft === true && !publish ? false : undefined));
}
