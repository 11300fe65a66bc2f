// The prerender worker's markdown library is built without Eleventy (src/cache/configured-markdown.ts); here the
// whole configuration runs, and what it sets up for markdown must be that library: the same setLibrary, Eleventy's
// disable("code"), and no amendment but the build cache. Then both render every markdown fixture alike.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import quire from "../../.eleventy.ts";
import { configuredMarkdown } from "../../src/cache/configured-markdown.ts";
import type { BuildOptions } from "../../src/build-options.ts";
import { parseFixtures } from "../markdown/fixture-format.ts";
import { fixturesDir } from "../markdown/fixtures.ts";

/** Accepts any call or property access and does nothing: the parts of the configuration that are not markdown. */
const inert: object = new Proxy(function () {}, { get: () => inert, apply: () => inert });

/** The markdown library and its amendments as quire's configuration hands them to Eleventy. */
function fromConfiguration(options: Partial<BuildOptions>): { library: MarkdownIt; amendments: number } {
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
  library.disable("code");
  for (const amend of amendments) amend(library);
  return { library, amendments: amendments.length };
}

const cases = readdirSync(fixturesDir).flatMap((file) => parseFixtures(readFileSync(path.join(fixturesDir, file), "utf8")).map((fixture) => ({ file, ...fixture })));

describe("the prerender worker's markdown library", () => {
  it("is all the configuration sets up for markdown in a build: the dialect and the build cache", () => {
    expect(fromConfiguration({ cache: true, mode: "build" }).amendments).toBe(1);
    expect(fromConfiguration({ cache: false, mode: "build" }).amendments).toBe(0);
    // A Jekyll site adds Liquid tags and page data, nothing for markdown.
    expect(fromConfiguration({ cache: true, mode: "build", input: "tests/fixtures/jekyll-site" }).amendments).toBe(1);
  });
  it("renders every markdown fixture as the configured library does", () => {
    const configured = fromConfiguration({ cache: false, mode: "build" }).library;
    const light = configuredMarkdown({ cache: false });
    expect(cases.length).toBeGreaterThan(50);
    for (const fixture of cases) expect(light.render(fixture.input), `${fixture.file}:${fixture.line}`).toBe(configured.render(fixture.input));
  });
});
