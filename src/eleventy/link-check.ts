// Records every rendered HTML page for the site-wide link check (src/links/); the check runs after the build.
import type { UserConfig } from "@11ty/eleventy";
import type { LinkRegistry } from "../links/link-check.ts";

export interface Options {
  /** Where pages are recorded; the build or the dev server reads the report from it */
  registry: LinkRegistry;
}

export default function linkCheck(eleventyConfig: UserConfig, options: Options): void {
  // Async: with a worker reading the links, Eleventy goes on rendering other pages meanwhile.
  eleventyConfig.addTransform("quire-link-check", async function (content, outputPath) {
    if (typeof outputPath === "string" && outputPath.endsWith(".html") && this.page.url) {
      await options.registry.recordElsewhere(this.page.url, this.page.inputPath, content);
    }
    return content;
  });
}
