// `draft: true` pages (and `published: false`, Jekyll's word for it): shown by the dev server (the layout marks
// them), left out of a build entirely, so they are in no collection, home list, feed or sitemap. Same approach
// as eleventy-base-blog's drafts.
import type { UserConfig } from "@11ty/eleventy";

export interface Options {
  /** Publish draft pages (default false; the dev server turns it on) */
  publish: boolean;
}

export const defaults = { publish: false } satisfies Options;

/** Whether a page's data makes it a draft: `draft: true`, or `published: false` as Jekyll writes it. */
export function isDraft(data: Record<string, unknown>): boolean {
  return data.draft === true || data.published === false;
}

export default function drafts(eleventyConfig: UserConfig, options: Partial<Options> = {}): void {
  const { publish } = { ...defaults, ...options };
  // A preprocessor returning false drops the page before it reaches any collection.
  eleventyConfig.addPreprocessor("drafts", "*", (data) => (isDraft(data) && !publish ? false : undefined));
}
