// The dev server's first build on a large site: pages are served before the search index is written, which
// follows in the background (a failure there is reported and tried again at the next save), and a cold cache
// renders on both cores as a build does.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Eleventy } from "@11ty/eleventy";
import { serve } from "../../src/serve.ts";
import { build } from "../../src/build.ts";
import site from "../../site.config.ts";
import { describeBuildError } from "../../src/report-error.ts";
import { writeFixture } from "../helpers/site.ts";
import { freePort, servedPort, within } from "../helpers/waiting.ts";

const dir = mkdtempSync(path.join(tmpdir(), "quire-serve-first-"));
/** While `fail` exists, the stand-in for Pagefind fails; while `slow` exists, it waits before indexing; once it
 * has indexed it makes `finished`, and waits while `hold` exists before it ends. */
const [fail, slow, finished, hold] = ["fail", "slow", "finished", "hold"].map((name) => path.join(dir, name)) as [string, string, string, string];

// Pagefind, as quire finds it (PAGEFIND_BINARY_PATH), behind a script that can hold it back or fail it.
beforeAll(async () => {
  const { resolveBinaryPath } = (await import(new URL("resolveBinary.js", import.meta.resolve("pagefind")).href)) as {
    resolveBinaryPath(names: string[]): string;
  };
  const real = resolveBinaryPath(["pagefind_extended", "pagefind"]);
  const script = path.join(dir, "pagefind");
  writeFileSync(
    script,
    [
      "#!/bin/sh",
      `if [ -e '${fail}' ]; then echo 'pagefind stand-in: failing as asked' >&2; exit 3; fi`,
      `while [ -e '${slow}' ]; do sleep 0.05; done`,
      `'${real}' "$@"; code=$?; touch '${finished}'`,
      `while [ -e '${hold}' ]; do sleep 0.05; done`,
      "exit $code",
      "",
    ].join("\n"),
  );
  chmodSync(script, 0o755);
  process.env.PAGEFIND_BINARY_PATH = script;
});
afterAll(() => {
  delete process.env.PAGEFIND_BINARY_PATH;
});

let running: Eleventy | undefined;
afterEach(async () => {
  await running?.stopWatch();
  running = undefined;
  vi.restoreAllMocks();
  delete process.env.QUIRE_DEBUG;
  delete process.env.QUIRE_SEARCH_SHARD_PAGES;
  for (const file of [fail, slow, finished, hold]) rmSync(file, { force: true });
});

const pages = {
  "index.md": "---\ntitle: home\n---\nthe home page\n",
  "tides.md": "---\ntitle: tides\n---\nthe harbourmaster reads the tides\n",
  "boats.md": "---\ntitle: boats\n---\nboats in the harbour\n",
  "nets.md": "---\ntitle: nets\n---\nmending the nets\n",
};

async function start(input: string, cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache")) {
  const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-")), "site");
  const lines: { line: string; kind: string }[] = [];
  running = await serve({ input, output, cacheDir, port: await freePort(), print: (line, kind) => lines.push({ line, kind }) });
  const port = servedPort(lines);
  const status = async (url: string) => (await fetch(`http://127.0.0.1:${port}${url}`)).status;
  const said = (text: string, kind: string) => lines.find((entry) => entry.kind === kind && entry.line.includes(text));
  return { output, status, said, lines, port };
}

describe("the dev server's first build", () => {
  it("serves the pages while the search index is still being written, then writes it", async () => {
    writeFileSync(slow, "");
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache");
    const { output, status, said, port } = await start(writeFixture(pages), cacheDir);
    expect(await status("/tides/")).toBe(200);
    // Its search page says the index is on its way (a build's says nothing of the kind: tests/site/search-index).
    const searchPage = cheerio.load(await (await fetch(`http://127.0.0.1:${port}/search/`)).text());
    expect(searchPage(".search-status").attr("data-index-written-later")).toBeDefined();
    expect(existsSync(path.join(output, "pagefind/bundles.json"))).toBe(false);
    expect(said("search index is written", "info")).toBeUndefined();
    rmSync(slow);
    await within(30, "the search index", () => said("search index is written", "info"));
    expect(existsSync(finished)).toBe(true);
    const { bundles } = JSON.parse(readFileSync(path.join(output, "pagefind/bundles.json"), "utf8")) as { bundles: string[] };
    expect(bundles.length).toBeGreaterThan(0);
    expect(await status("/pagefind/bundles.json")).toBe(200);
    // Nothing changed while it was written: its shard is kept for the next build.
    expect(readdirSync(path.join(cacheDir, "search")).filter((name) => !name.endsWith(".tmp"))).toHaveLength(1);
  });

  it("reports an index that could not be written, keeps serving, and writes it at the next rebuild", async () => {
    writeFileSync(fail, "");
    const input = writeFixture(pages);
    const { output, status, said } = await start(input);
    const failed = await within(30, "the failure", () => said("the search index was not written", "error"));
    expect(failed.line).toContain("failing as asked");
    expect(await status("/boats/")).toBe(200);
    rmSync(fail);
    // A new title: the site is rebuilt (a change of the text alone re-renders the one page).
    writeFileSync(path.join(input, "boats.md"), "---\ntitle: boats and oars\n---\nboats in the harbour\n");
    await within(30, "the search index", () => said("search index is written", "info"));
    expect(existsSync(path.join(output, "pagefind/bundles.json"))).toBe(true);
  });

  // How many pages the worker renders before Eleventy reaches them depends on the machine's speed; that it renders
  // Eleventy's pages, identically, is tests/cache/prerender.test.ts's to show.
  it.skipIf(availableParallelism() < 2)("starts the second core's worker over every page on a cold cache, and not on a warm one", async () => {
    const many: Record<string, string> = { "index.md": pages["index.md"] };
    const paragraph = "the harbour at dawn, nets drying on the wall, a gull on every post\n".repeat(60);
    for (let n = 0; n < 300; n++) many[`essay-${n}.md`] = `---\ntitle: essay ${n}\n---\n# part ${n}\n\n${paragraph}`;
    const input = writeFixture(many);
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache");
    process.env.QUIRE_DEBUG = "1";
    const debug = vi.spyOn(console, "error").mockImplementation(() => {});
    const worker = () => debug.mock.calls.map(([line]) => String(line)).find((line) => line.includes("prerender worker"));
    const { status, said } = await start(input, cacheDir);
    expect(worker()).toMatch(/the prerender worker rendered \d+ of 301 pages/);
    expect(await status("/essay-7/")).toBe(200);
    await within(30, "the search index", () => said("search index is written", "info"));
    await running?.stopWatch();
    debug.mockClear();
    await start(input, cacheDir);
    expect(worker()).toBeUndefined();
  });

  it.skipIf(availableParallelism() < 2)("stops the second core's worker when the server cannot start", async () => {
    process.env.QUIRE_DEBUG = "1";
    const debug = vi.spyOn(console, "error").mockImplementation(() => {});
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache");
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-")), "site");
    const error = await serve({ input: writeFixture(pages), output, cacheDir, port: await freePort(), site: { ...site, feedEntries: 0 }, print: () => {} }).then(
      (server) => ((running = server), undefined),
      (e: unknown) => e,
    );
    expect(describeBuildError(error)).toContain('"feedEntries" is 0');
    expect(debug.mock.calls.map(([line]) => String(line)).some((line) => line.includes("prerender worker rendered"))).toBe(true);
  });

  it("writes one index while a reload of the site's settings rebuilds it, and keeps it whole", async () => {
    process.env.QUIRE_SEARCH_SHARD_PAGES = "2";
    writeFileSync(slow, "");
    const input = writeFixture({ ...pages, "_config.yml": 'title: "first name"\n' });
    const { output, said, lines } = await start(input);
    writeFileSync(path.join(input, "_config.yml"), 'title: "second name"\n');
    await within(30, "the settings read again", () => said("read the site's settings again", "info"));
    rmSync(slow);
    await within(30, "the search index", () => said("search index is written", "info"));
    // Time for a second writer, were there one, to finish too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(lines.filter((entry) => entry.line.includes("search index"))).toHaveLength(1);
    expect(records(output).map((record) => record.url).sort()).toEqual(["/", "/boats.html", "/nets.html", "/tides.html"]);
  });

  it("caches no shard whose pages changed while Pagefind read them, so a build never publishes their old index", async () => {
    writeFileSync(slow, "");
    const input = writeFixture(pages);
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache");
    const { said } = await start(input, cacheDir);
    // Saved while the index waits to be written: the page on disk is no longer the one noted for the index.
    writeFileSync(path.join(input, "tides.md"), "---\ntitle: tides\n---\nthe lighthouse keeper reads the tides\n");
    await within(30, "the quick edit", () => said("re-rendered", "info"));
    rmSync(slow);
    await within(30, "the search index", () => said("search index is written", "info"));
    await expectNoShardKept(input, cacheDir);
  });

  it("caches no shard whose pages were written while Pagefind read them, even when written back as they were", async () => {
    for (const file of [slow, hold]) writeFileSync(file, "");
    const input = writeFixture(pages);
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache");
    const { said, lines } = await start(input, cacheDir);
    const edits = (count: number) => (lines.filter((entry) => entry.line.includes("re-rendered")).length >= count ? true : undefined);
    const tides = path.join(input, "tides.md");
    // Pagefind reads the edited page, which is then put back as it was before Pagefind ends.
    writeFileSync(tides, "---\ntitle: tides\n---\nthe lighthouse keeper reads the tides\n");
    await within(30, "the quick edit", () => edits(1));
    rmSync(slow);
    await within(30, "Pagefind's run", () => (existsSync(finished) ? true : undefined));
    writeFileSync(tides, pages["tides.md"]);
    await within(30, "the edit undone", () => edits(2));
    rmSync(hold);
    await within(30, "the search index", () => said("search index is written", "info"));
    await expectNoShardKept(input, cacheDir);
  });

  it("ends the index being written when the server stops, and writes nothing after", async () => {
    writeFileSync(slow, "");
    const { output, said } = await start(writeFixture(pages));
    await running?.stopWatch();
    running = undefined;
    rmSync(slow);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(existsSync(finished)).toBe(false);
    expect(existsSync(path.join(output, "pagefind/bundles.json"))).toBe(false);
    expect(said("search index", "info") ?? said("search index", "error")).toBeUndefined();
  });
});

/** Once the server has stopped: its index's shard is not in the cache, and a build with that cache of the pages
 * as they were (the edit undone) indexes their own text, not the edit's. */
async function expectNoShardKept(input: string, cacheDir: string): Promise<void> {
  await running?.stopWatch();
  running = undefined;
  const search = path.join(cacheDir, "search");
  expect(existsSync(search) ? readdirSync(search).filter((name) => !name.endsWith(".tmp")) : []).toEqual([]);
  writeFileSync(path.join(input, "tides.md"), pages["tides.md"]);
  const built = path.join(mkdtempSync(path.join(tmpdir(), "quire-built-")), "site");
  await build({ input, output: built, cacheDir, quiet: true });
  expect(records(built).find((record) => record.url === "/tides/")?.content).toContain("harbourmaster");
}

/** Every page record in every bundle of the site's index. */
function records(output: string): Array<{ url: string; content: string }> {
  const { bundles } = JSON.parse(readFileSync(path.join(output, "pagefind/bundles.json"), "utf8")) as { bundles: string[] };
  return bundles.flatMap((bundle) => {
    const fragments = path.join(output, "pagefind", bundle, "fragment");
    return readdirSync(fragments).map(
      (file) => JSON.parse(gunzipSync(readFileSync(path.join(fragments, file))).toString("utf8").replace(/^pagefind_dcd/, "")) as { url: string; content: string },
    );
  });
}
