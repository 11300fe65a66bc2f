// The dev server's first build on a large site: pages are served before the search index is written, which
// follows in the background (a failure there is reported and tried again at the next save), and a cold cache
// renders on both cores as a build does.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Eleventy } from "@11ty/eleventy";
import { serve } from "../../src/serve.ts";
import { writeFixture } from "../helpers/site.ts";
import { freePort, within } from "../helpers/waiting.ts";

const dir = mkdtempSync(path.join(tmpdir(), "quire-serve-first-"));
/** While this file exists, the stand-in for Pagefind fails; while `slow` exists, it waits before indexing. */
const [fail, slow, finished] = ["fail", "slow", "finished"].map((name) => path.join(dir, name)) as [string, string, string];

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
      `'${real}' "$@"; code=$?; touch '${finished}'; exit $code`,
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
  for (const file of [fail, slow, finished]) rmSync(file, { force: true });
});

const pages = {
  "index.md": "---\ntitle: home\n---\nthe home page\n",
  "tides.md": "---\ntitle: tides\n---\nthe harbourmaster reads the tides\n",
  "boats.md": "---\ntitle: boats\n---\nboats in the harbour\n",
  "nets.md": "---\ntitle: nets\n---\nmending the nets\n",
};

async function start(input: string, cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache")) {
  const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-")), "site");
  const port = await freePort();
  const lines: { line: string; kind: string }[] = [];
  running = await serve({ input, output, cacheDir, port, print: (line, kind) => lines.push({ line, kind }) });
  const status = async (url: string) => (await fetch(`http://127.0.0.1:${port}${url}`)).status;
  const said = (text: string, kind: string) => lines.find((entry) => entry.kind === kind && entry.line.includes(text));
  return { output, status, said };
}

describe("the dev server's first build", () => {
  it("serves the pages while the search index is still being written, then writes it", async () => {
    writeFileSync(slow, "");
    const { output, status, said } = await start(writeFixture(pages));
    expect(await status("/tides/")).toBe(200);
    expect(existsSync(path.join(output, "pagefind/bundles.json"))).toBe(false);
    expect(said("search index is written", "info")).toBeUndefined();
    rmSync(slow);
    await within(30, "the search index", () => said("search index is written", "info"));
    expect(existsSync(finished)).toBe(true);
    const { bundles } = JSON.parse(readFileSync(path.join(output, "pagefind/bundles.json"), "utf8")) as { bundles: string[] };
    expect(bundles.length).toBeGreaterThan(0);
    expect(await status("/pagefind/bundles.json")).toBe(200);
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

  it("renders a cold cache's pages on the second core as well, and not a warm one's", async () => {
    const input = writeFixture(pages);
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-cache-")), "cache");
    process.env.QUIRE_DEBUG = "1";
    const debug = vi.spyOn(console, "error").mockImplementation(() => {});
    const worker = () => debug.mock.calls.map(([line]) => String(line)).find((line) => line.includes("prerender worker"));
    const { status, said } = await start(input, cacheDir);
    expect(worker()).toMatch(/the prerender worker rendered \d+ of 4 pages/);
    expect(await status("/nets/")).toBe(200);
    await within(30, "the search index", () => said("search index is written", "info"));
    await running?.stopWatch();
    debug.mockClear();
    await start(input, cacheDir);
    expect(worker()).toBeUndefined();
  });
});
