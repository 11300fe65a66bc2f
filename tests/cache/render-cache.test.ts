// The cache store: what it keeps, what it refuses to trust, and what its keys depend on.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pruneRenderCache, RenderCache } from "../../src/cache/render-cache.ts";
import { quireVersion } from "../../src/cache/quire-version.ts";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "quire-cache-"));

function entryFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => file.endsWith(".html"));
}

/** A fresh cache holding one entry of `html`, and that entry's file. */
function cacheWithOne(html: string) {
  const dir = freshDir();
  const cache = new RenderCache(dir, "salt");
  const key = cache.keyFor(html);
  cache.write(key, { html });
  const [file] = entryFiles(dir);
  return { dir, cache, key, file: file as string };
}

describe("RenderCache", () => {
  it("gives back what was written, with its extra JSON", () => {
    const cache = new RenderCache(freshDir(), "salt");
    const key = cache.keyFor("# a title\n");
    cache.write(key, { html: "<h2>a title</h2>\n", extra: { ids: ["a-title"], links: [] } });
    expect(cache.read(key)).toEqual({ html: "<h2>a title</h2>\n", extra: { ids: ["a-title"], links: [] } });
    expect(cache.stats).toMatchObject({ hits: 1, writes: 1 });
  });

  it("keys on the salt, the text and the env key", () => {
    const a = new RenderCache(freshDir(), "quire 1 + settings A");
    const b = new RenderCache(freshDir(), "quire 1 + settings B");
    expect(a.keyFor("text")).not.toBe(b.keyFor("text"));
    expect(a.keyFor("text")).not.toBe(a.keyFor("text "));
    expect(a.keyFor("text", "/a/")).not.toBe(a.keyFor("text", "/b/"));
    expect(a.keyFor("text")).toBe(new RenderCache(freshDir(), "quire 1 + settings A").keyFor("text"));
  });

  it("reads a missing entry as a miss", () => {
    const cache = new RenderCache(freshDir(), "salt");
    expect(cache.read(cache.keyFor("never written"))).toBeUndefined();
    expect(cache.stats.misses).toBe(1);
  });

  it("never trusts a truncated entry", () => {
    const { cache, key, file } = cacheWithOne("<p>a long enough paragraph to cut in half</p>\n");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, text.length - 10));
    expect(cache.read(key)).toBeUndefined();
    writeFileSync(file, text.slice(0, 20));
    expect(cache.read(key)).toBeUndefined();
    expect(cache.stats.rejected).toBe(2);
  });

  it("never trusts garbage, an empty file, or an entry with its body changed", () => {
    const { cache, key, file } = cacheWithOne("<p>right</p>\n");
    const good = readFileSync(file, "utf8");
    for (const bad of ["", "\u0000\u0001garbage", "{}\n<p>right</p>\n", good.replace("right", "wrong"), "not json\n<p>right</p>\n"]) {
      writeFileSync(file, bad);
      expect(cache.read(key), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it("never serves one key's entry under another key", () => {
    const dir = freshDir();
    const cache = new RenderCache(dir, "salt");
    const [first, second] = [cache.keyFor("first"), cache.keyFor("second")];
    cache.write(first, { html: "<p>first</p>\n" });
    const [file] = entryFiles(dir);
    const secondFile = path.join(dir, "markdown", second.slice(0, 2), `${second}.html`);
    mkdirSync(path.dirname(secondFile), { recursive: true });
    cpSync(file as string, secondFile);
    expect(cache.read(second)).toBeUndefined();
  });

  it("leaves no temp files behind", () => {
    const dir = freshDir();
    const cache = new RenderCache(dir, "salt");
    for (let i = 0; i < 5; i++) cache.write(cache.keyFor(`text ${i}`), { html: `<p>${i}</p>\n` });
    const all = readdirSync(dir, { recursive: true, encoding: "utf8" });
    expect(all.filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(entryFiles(dir)).toHaveLength(5);
  });
});

describe("pruneRenderCache", () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  const age = (file: string, days: number) => utimesSync(file, daysAgo(days), daysAgo(days));

  it("removes entries no build has read or written for a month, and keeps those read since", () => {
    const dir = freshDir();
    const cache = new RenderCache(dir, "salt");
    const [used, unused, fresh] = ["used", "unused", "fresh"].map((text) => cache.keyFor(text)) as [string, string, string];
    for (const key of [used, unused, fresh]) cache.write(key, { html: `<p>${key}</p>\n` });
    const fileOf = (key: string) => entryFiles(dir).find((file) => file.includes(key))!;
    for (const key of [used, unused]) age(fileOf(key), 40);
    const temp = `${fileOf(fresh)}.123.k3x9.tmp`;
    writeFileSync(temp, "half an entry, left by a build that stopped");
    age(temp, 1);
    // Read by this build: in use, however old its entry.
    expect(cache.read(used)).toBeDefined();
    expect(pruneRenderCache(dir)).toBe(2);
    expect(cache.read(unused)).toBeUndefined();
    expect(cache.read(used)?.html).toBe(`<p>${used}</p>\n`);
    expect(cache.read(fresh)).toBeDefined();
    expect(existsSync(temp)).toBe(false);
  });

  it("removes only its own entries: nothing through a link, nothing named otherwise", () => {
    const dir = freshDir();
    const cache = new RenderCache(dir, "salt");
    cache.write(cache.keyFor("kept"), { html: "<p>kept</p>\n" });
    const outside = freshDir();
    const theirs = path.join(outside, `${"a".repeat(64)}.html`);
    writeFileSync(theirs, "someone else's file");
    symlinkSync(outside, path.join(dir, "markdown", "ab"));
    const [entry] = entryFiles(dir).filter((file) => !file.includes(`${path.sep}ab${path.sep}`));
    const notes = path.join(path.dirname(entry!), "notes.html");
    writeFileSync(notes, "not an entry");
    for (const file of [theirs, notes, entry!]) age(file, 40);
    expect(pruneRenderCache(dir)).toBe(1);
    expect(existsSync(theirs)).toBe(true);
    expect(existsSync(notes)).toBe(true);
    expect(existsSync(entry!)).toBe(false);
  });

  it("looks at most once a day", () => {
    const { dir, file } = cacheWithOne("<p>old</p>\n");
    pruneRenderCache(dir);
    age(file, 40);
    expect(pruneRenderCache(dir)).toBe(0);
    expect(pruneRenderCache(dir, Date.now() + 86_400_000 + 1000)).toBe(1);
  });
});

describe("quireVersion", () => {
  function fakeCheckout(): string {
    const root = freshDir();
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ name: "quire", version: "0.1.0" }),
      ".eleventy.ts": "export default () => {};\n",
      "src/markdown/index.ts": "export const dialect = 1;\n",
      "layouts/base.njk": "<main>{{ content | safe }}</main>\n",
      "content/essay.md": "an essay\n",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    return root;
  }

  it("is steady while nothing of quire changes, and ignores the site's pages", () => {
    const root = fakeCheckout();
    const before = quireVersion(root);
    expect(before).toMatch(/^0\.1\.0\+[0-9a-f]{16}$/);
    writeFileSync(path.join(root, "content/essay.md"), "an edited essay\n");
    expect(quireVersion(root)).toBe(before);
  });

  it.each([
    ["src/markdown/index.ts", "export const dialect = 2;\n"],
    ["src/markdown/new-plugin.ts", "export {};\n"],
    [".eleventy.ts", "export default () => 1;\n"],
    ["layouts/base.njk", "<main class=x>{{ content | safe }}</main>\n"],
    ["package.json", JSON.stringify({ name: "quire", version: "0.2.0" })],
  ])("changes when %s changes", (file, text) => {
    const root = fakeCheckout();
    const before = quireVersion(root);
    writeFileSync(path.join(root, file), text);
    expect(quireVersion(root)).not.toBe(before);
  });
});
