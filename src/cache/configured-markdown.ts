// The markdown library exactly as quire's Eleventy configuration sets it up — the library given to
// setLibrary("md"), every amendLibrary("md") applied, and Eleventy's own change to it — without running
// Eleventy. The prerender worker renders with it, so its output is the build's output.
import type MarkdownIt from "markdown-it";
import quire from "../../.eleventy.ts";
import type { BuildOptions } from "../build-options.ts";

/** Accepts any call or property access and does nothing: the parts of the configuration that are not markdown. */
const inert: object = new Proxy(function () {}, { get: () => inert, apply: () => inert });

export function configuredMarkdown(options: Partial<BuildOptions>): MarkdownIt {
  let library: MarkdownIt | undefined;
  const amendments: ((library: unknown) => unknown)[] = [];
  const config: object = new Proxy(
    {},
    {
      get(_target, name) {
        if (name === "setLibrary") return (engine: string, value: MarkdownIt) => (engine === "md" ? (library = value) : undefined);
        if (name === "amendLibrary") return (engine: string, amend: (library: unknown) => unknown) => (engine === "md" ? amendments.push(amend) : undefined);
        if (name === "addPlugin") return (plugin: (config: unknown, options?: unknown) => unknown, pluginOptions?: unknown) => plugin(config, pluginOptions);
        return inert;
      },
    },
  );
  quire(config as Parameters<typeof quire>[0], options);
  if (!library) throw new Error("quire's configuration sets no markdown library");
  // Eleventy turns off indented code blocks on every markdown library it is given (Engines/Markdown.js).
  library.disable("code");
  for (const amend of amendments) amend(library);
  return library;
}
