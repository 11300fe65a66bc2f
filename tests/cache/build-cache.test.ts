// The build cache in real builds: an unchanged page comes from the cache; a changed page, a changed setting or a
// damaged entry never does. To see where a page came from, the tests mark every cached render with a sentinel:
// a page showing the sentinel was served from the cache, one without it was rendered afresh.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, writeFixture } from "../helpers/site.ts";
import { parseEntry, RenderCache } from "../../src/cache/render-cache.ts";
import { palette } from "../../src/palette.ts";
import site from "../../site.config.ts";

const SENTINEL_ID = "served-from-cache";

function entryFiles(cacheDir: string): string[] {
  return readdirSync(cacheDir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(cacheDir, name))
    .filter((file) => file.endsWith(".html"));
}

/** Rewrites every valid entry with a sentinel paragraph in front (a well-formed entry, checksum and all). */
function markCachedRenders(cacheDir: string): number {
  const cache = new RenderCache(cacheDir, "unused for writing");
  let marked = 0;
  for (const file of entryFiles(cacheDir)) {
    const key = path.basename(file, ".html");
    const entry = parseEntry(readFileSync(file, "utf8"), key);
    // Link-check entries keep no HTML, only their extra JSON; only markdown renders are marked.
    if (!entry || entry.html === "") continue;
    cache.write(key, { ...entry, html: `<p id="${SENTINEL_ID}">from the cache</p>\n${entry.html}` });
    marked++;
  }
  return marked;
}

const pages = {
  "index.md": "---\ntitle: home\n---\nthe home page\n",
  "first.md": "---\ntitle: first\n---\n# a heading\n\nthe first essay, *unchanged*\n",
  "second.md": "---\ntitle: second\n---\n# another heading\n\nthe second essay\n",
};

async function setUp() {
  const input = writeFixture(pages);
  const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
  const cold = await buildSite(input, { cacheDir });
  expect(cold.page("/first/")(`#${SENTINEL_ID}`)).toHaveLength(0);
  expect(markCachedRenders(cacheDir)).toBe(Object.keys(pages).length);
  return { input, cacheDir };
}

describe("the build cache", () => {
  it("serves unchanged pages from the cache", async () => {
    const { input, cacheDir } = await setUp();
    const warm = await buildSite(input, { cacheDir });
    for (const url of ["/", "/first/", "/second/"]) expect(warm.page(url)(`#${SENTINEL_ID}`), url).toHaveLength(1);
    expect(warm.page("/first/")("main em").text()).toBe("unchanged");
  });

  it("serves them, and the search index, in another checkout of the site given the cache as a tar archive", async () => {
    const { cacheDir } = await setUp();
    // As actions/cache saves and restores it: tar, which keeps modes and times.
    const [elsewhere, restored] = [writeFixture(pages), mkdtempSync(path.join(tmpdir(), "quire-restored-"))];
    execFileSync("sh", ["-c", `tar -C '${path.dirname(cacheDir)}' -cf - '${path.basename(cacheDir)}' | tar -C '${restored}' -xf -`]);
    const copy = path.join(restored, path.basename(cacheDir));
    const warm = await buildSite(elsewhere, { cacheDir: copy });
    for (const url of ["/", "/first/", "/second/"]) expect(warm.page(url)(`#${SENTINEL_ID}`), url).toHaveLength(1);
    // The index's shard is the restored cache's, not indexed again.
    const [shard] = readdirSync(path.join(copy, "search"));
    expect(statSync(path.join(warm.output, "pagefind/0/pagefind-entry.json")).ino).toBe(statSync(path.join(copy, "search", shard!, "pagefind-entry.json")).ino);
  });

  it("drops, once a day, the entries no build has used for a month, and keeps those this build used", async () => {
    const { input, cacheDir } = await setUp();
    const monthAgo = new Date(Date.now() - 40 * 86_400_000);
    const entries = entryFiles(cacheDir);
    for (const file of entries) utimesSync(file, monthAgo, monthAgo);
    const renders = entries.filter((file) => parseEntry(readFileSync(file, "utf8"), path.basename(file, ".html"))?.html);
    // An entry of a page since deleted, a month unused.
    const orphan = path.join(path.dirname(entries[0]!), `${"0".repeat(64)}.html`);
    writeFileSync(orphan, readFileSync(entries[0]!));
    utimesSync(orphan, monthAgo, monthAgo);
    utimesSync(path.join(cacheDir, "markdown", ".pruned"), monthAgo, monthAgo);
    const warm = await buildSite(input, { cacheDir });
    expect(warm.page("/first/")(`#${SENTINEL_ID}`)).toHaveLength(1);
    expect(existsSync(orphan)).toBe(false);
    // Every page's render was read, so it stays (their link entries were of pages without the sentinel: gone).
    expect(renders).toHaveLength(Object.keys(pages).length);
    for (const file of renders) expect(existsSync(file), file).toBe(true);
  });

  it("renders an edited page afresh and keeps serving the others", async () => {
    const { input, cacheDir } = await setUp();
    writeFileSync(path.join(input, "first.md"), "---\ntitle: first\n---\n# a heading\n\nthe first essay, *edited*\n");
    const warm = await buildSite(input, { cacheDir });
    expect(warm.page("/first/")(`#${SENTINEL_ID}`)).toHaveLength(0);
    expect(warm.page("/first/")("main em").text()).toBe("edited");
    expect(warm.page("/second/")(`#${SENTINEL_ID}`)).toHaveLength(1);
  });

  it.each([
    ["the site's address", { site: { ...site, url: "https://elsewhere.example" } }],
    ["the palette", { palette: { ...palette, extra: "#123456" } }],
    ["the base path", { basePath: "/blog/" }],
  ])("renders every page afresh when %s changes", async (_name, settings) => {
    const { input, cacheDir } = await setUp();
    const rebuilt = await buildSite(input, { cacheDir, ...settings });
    for (const url of ["/", "/first/", "/second/"]) expect(rebuilt.file(`${url}index.html`.slice(1))).not.toContain(SENTINEL_ID);
  });

  it("ignores truncated and garbage entries, renders those pages again and repairs the entries", async () => {
    const { input, cacheDir } = await setUp();
    const files = entryFiles(cacheDir);
    files.forEach((file, index) => {
      const text = readFileSync(file, "utf8");
      writeFileSync(file, index % 2 ? text.slice(0, Math.floor(text.length / 2)) : "\u0000garbage");
    });
    const rebuilt = await buildSite(input, { cacheDir });
    expect(rebuilt.page("/first/")(`#${SENTINEL_ID}`)).toHaveLength(0);
    expect(rebuilt.page("/first/")("main em").text()).toBe("unchanged");
    for (const file of files) expect(parseEntry(readFileSync(file, "utf8"), path.basename(file, ".html")), file).toBeDefined();
  });

  it("is skipped entirely with --no-cache: nothing read, nothing written", async () => {
    const { input, cacheDir } = await setUp();
    const uncached = await buildSite(input, { cacheDir, cache: false });
    expect(uncached.page("/first/")(`#${SENTINEL_ID}`)).toHaveLength(0);
    const emptyDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    await buildSite(input, { cacheDir: emptyDir, cache: false });
    expect(readdirSync(emptyDir)).toEqual([]);
  });

  it("keys on the text after Liquid, so pages with the same source but different Liquid output differ", async () => {
    const body = "this page is {{ page.url }}\n";
    const input = writeFixture({ "one.md": body, "two.md": body });
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    await buildSite(input, { cacheDir });
    const warm = await buildSite(input, { cacheDir });
    expect(warm.page("/one/")("main p").text()).toBe("this page is /one/");
    expect(warm.page("/two/")("main p").text()).toBe("this page is /two/");
  });

  it("gives the link check the same findings in a warm build as in a cold one", async () => {
    const input = writeFixture({ "index.md": "home\n", "a.md": "# a heading\n\n[gone](/nowhere/), [here](#a-heading), [there](#A-Heading)\n" });
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    const cold = await buildSite(input, { cacheDir });
    expect(cold.result.links.broken.map((problem) => problem.href)).toEqual(["/nowhere/"]);
    expect(cold.result.links.corrected.map((correction) => correction.to)).toEqual(["#a-heading"]);
    const warm = await buildSite(input, { cacheDir });
    // The same findings; their order follows the order pages finish rendering, which cache hits change.
    const findings = (report: typeof cold.result.links) => ({
      checked: report.checked,
      corrected: report.corrected.map((item) => JSON.stringify(item)).sort(),
      broken: report.broken.map((item) => JSON.stringify(item)).sort(),
    });
    expect(findings(warm.result.links)).toEqual(findings(cold.result.links));
    expect(warm.page("/a/")("main a").eq(2).attr("href")).toBe("#a-heading");
  });
});
