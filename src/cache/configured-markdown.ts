// The markdown library a build renders pages with — createMarkdown() as .eleventy.ts sets it, Eleventy's own
// change to it, and the build cache around it — made without loading Eleventy or the rest of the configuration,
// so the prerender worker starts rendering sooner. tests/cache/configured-markdown.test.ts runs the whole
// configuration and checks that it sets up nothing else for markdown and renders the same.
import type MarkdownIt from "markdown-it";
import { withDefaults, type BuildOptions } from "../build-options.ts";
import { createMarkdown } from "../markdown/index.ts";
import { cachedMarkdown } from "./cached-markdown.ts";
import { renderCacheFor, renderSettings } from "../eleventy/build-cache.ts";
import { quireRoot } from "../paths.ts";
import path from "node:path";

export function configuredMarkdown(partial: Partial<BuildOptions>): MarkdownIt {
  const options = withDefaults(partial);
  const library = createMarkdown();
  // Eleventy turns off indented code blocks on every markdown library it is given (Engines/Markdown.js).
  library.disable("code");
  if (!options.cache) return library;
  return cachedMarkdown(library, { cache: renderCacheFor({ dir: path.resolve(options.cacheDir), quireRoot, settings: renderSettings(options) }) });
}
