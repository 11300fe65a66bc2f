// What of the folder being built Eleventy renders: pages only. Everything else is ignored as a template;
// static files are copied by the build (src/build.ts) once pages render, or served by the dev server.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { PublishedFiles } from "../jekyll/published-files.ts";
import { staticFilesFor } from "../static-files.ts";

export interface Options {
  /** The folder being built */
  input: string;
  /** Its pages, copied files and unpublished paths (src/static-files.ts siteFiles) */
  files: PublishedFiles;
  /** "serve" hands static files to Eleventy's passthrough copy (default "build": the build copies them) */
  mode: "build" | "serve";
  /** Where warnings go (default console.warn) */
  warn?: (message: string) => void;
}

export const defaults = { mode: "build", warn: (message: string) => console.warn(message) } satisfies Partial<Options>;

export default function siteFiles(eleventyConfig: UserConfig, partial: Options): void {
  const options = { ...defaults, ...partial };
  const input = path.resolve(options.input);
  const pages = new Set(options.files.pages);
  // An .html file with front matter is a page; one without is copied untouched.
  eleventyConfig.addTemplateFormats("html");
  const inInput = (relative: string) => path.join(path.relative(process.cwd(), input), relative).split(path.sep).join("/");
  for (const relative of options.files.unpublished) {
    eleventyConfig.ignores.add(escapeGlob(inInput(relative)) + (relative.endsWith("/") ? "**" : ""));
  }
  for (const relative of options.files.copied) {
    if (!pages.has(relative) && /\.(md|njk|html)$/i.test(relative)) eleventyConfig.ignores.add(escapeGlob(inInput(relative)));
  }
  if (options.mode === "serve") {
    for (const file of staticFilesFor(input, options.files)) eleventyConfig.addPassthroughCopy({ [escapeGlob(file.source)]: file.output });
  }
  for (const warning of options.files.warnings) options.warn(warning);
}

/** File names with glob characters (`[`, `*`, `(`…) match only themselves. */
export function escapeGlob(file: string): string {
  return file.replace(/[*?[\]{}()!+@\\]/g, "\\$&");
}
