// The search index: which text it holds, its shards, and their reuse from the cache while their pages are unchanged.
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { build } from "../../src/build.ts";
import { writeFixture } from "../helpers/site.ts";
import { globFor, linkedFromCache, SearchIndex } from "../../src/search-index.ts";

const bundlesOf = (output: string) =>
  (JSON.parse(readFileSync(path.join(output, "pagefind/bundles.json"), "utf8")) as { bundles: string[] }).bundles.map((bundle) =>
    path.join(output, "pagefind", bundle),
  );

/** Every page record in every bundle: Pagefind's fragments are gzip, a signature, then the page's JSON. */
function records(output: string) {
  return bundlesOf(output).flatMap((bundle) =>
    readdirSync(path.join(bundle, "fragment")).map(
      (file) =>
        JSON.parse(gunzipSync(readFileSync(path.join(bundle, "fragment", file))).toString("utf8").replace(/^pagefind_dcd/, "")) as {
          url: string;
          content: string;
          meta: { title: string };
        },
    ),
  );
}

const scratch = () => mkdtempSync(path.join(tmpdir(), "quire-search-"));
afterEach(() => {
  delete process.env.QUIRE_SEARCH_SHARD_PAGES;
});

describe("the search index", () => {
  it("holds each page's text without the contents box, the heading links or the home page's list", async () => {
    const input = writeFixture({
      "index.md": "---\ntitle: home\nlayout: home.njk\n---\nwelcome\n",
      "a.md": "---\ntitle: quokka tales\n---\n1. contents\n{:toc}\n\n# wombat heading\n\nplain text here\n",
    });
    const output = path.join(scratch(), "site");
    await build({ input, output, cache: false, quiet: true });
    const byUrl = Object.fromEntries(records(output).map((record) => [record.url, record]));
    expect(Object.keys(byUrl).sort()).toEqual(["/", "/a/"]);
    expect(byUrl["/a/"]?.content).toBe("wombat heading. plain text here.");
    expect(byUrl["/a/"]?.meta.title).toBe("quokka tales");
    expect(byUrl["/"]?.content).toBe("welcome.");
    // A build's index is there before the site is: its search page never says it is on its way.
    const searchPage = cheerio.load(readFileSync(path.join(output, "search/index.html"), "utf8"));
    expect(searchPage(".search-status")).toHaveLength(1);
    expect(searchPage(".search-status").attr("data-index-written-later")).toBeUndefined();
    // What the search page loads is there; Pagefind's own search interfaces, which nothing loads, are not.
    for (const bundle of bundlesOf(output)) {
      const files = readdirSync(bundle);
      expect(files).toEqual(expect.arrayContaining(["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"]));
      expect(files.filter((name) => /^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(name)), bundle).toEqual([]);
    }
  });

  it("leaves out a not-found page at /404/ (404.md without a permalink) the same way", async () => {
    const input = writeFixture({ "index.md": "home\n", "404.md": "---\ntitle: lost\n---\nnothing here\n" });
    const output = path.join(scratch(), "site");
    await build({ input, output, cache: false, quiet: true });
    expect(records(output).map((record) => record.url)).toEqual(["/"]);
    const notFound = cheerio.load(readFileSync(path.join(output, "404/index.html"), "utf8"));
    expect(notFound('link[rel="canonical"]')).toHaveLength(0);
    expect(notFound('meta[name="robots"]').attr("content")).toBe("noindex");
  });

  it("says so when a site has no page to index", async () => {
    const input = writeFixture({ "404.md": "---\ntitle: lost\npermalink: /404.html\n---\nnothing here\n" });
    const result = await build({ input, output: path.join(scratch(), "site"), cache: false, quiet: true });
    expect(result.summaries.filter((line) => line.startsWith("search index:"))).toEqual([
      "search index: no page to index (only pages without a place in search, like the not-found page)",
    ]);
  });

  it("leaves out the not-found page, which has no address of its own either", async () => {
    const input = writeFixture({
      "index.md": "---\ntitle: home\n---\nwelcome\n",
      "404.md": "---\ntitle: page not found\npermalink: /404.html\n---\nthere is no page at this address, a typo perhaps\n",
    });
    const output = path.join(scratch(), "site");
    await build({ input, output, cache: false, quiet: true });
    expect(records(output).map((record) => record.url)).toEqual(["/"]);
    const notFound = cheerio.load(readFileSync(path.join(output, "404.html"), "utf8"));
    expect(notFound("main").text()).toContain("there is no page at this address");
    expect(notFound("[data-pagefind-body]")).toHaveLength(0);
    expect(notFound('link[rel="canonical"], meta[property="og:url"]')).toHaveLength(0);
    expect(notFound('meta[name="robots"]').attr("content")).toBe("noindex");
    const home = cheerio.load(readFileSync(path.join(output, "index.html"), "utf8"));
    expect(home('link[rel="canonical"]').attr("href")).toMatch(/\/$/);
    expect(home('meta[name="robots"]')).toHaveLength(0);
  });

  it("comes in shards of a few pages each; an edit re-indexes only the edited page's shard", async () => {
    process.env.QUIRE_SEARCH_SHARD_PAGES = "2";
    const files: Record<string, string> = { "index.md": "home\n" };
    for (const name of ["a", "b", "c", "d", "e", "f", "g"]) files[`${name}.md`] = `---\ntitle: ${name}\n---\nwords of page ${name}\n`;
    const input = writeFixture(files);
    const dir = scratch();
    const [cacheDir, output] = [path.join(dir, "cache"), path.join(dir, "site")];
    const cached = () => new Set(readdirSync(path.join(cacheDir, "search")));

    const cold = await build({ input, output, cacheDir, quiet: true });
    const first = cached();
    expect(first.size).toBe(bundlesOf(output).length);
    expect(first.size).toBeGreaterThanOrEqual(3);
    // The build says what its index holds and what it cost.
    const said = (result: { summaries: string[] }) => result.summaries.find((line) => line.startsWith("search index:"));
    expect(said(cold)).toMatch(new RegExp(`^search index: 8 pages in ${first.size} bundles, ${first.size} indexed by Pagefind \\(\\d+\\.\\d\\d s\\)$`));
    // Every page in exactly one shard.
    expect(records(output).map((record) => record.url).sort()).toEqual(["/", "/a/", "/b/", "/c/", "/d/", "/e/", "/f/", "/g/"]);

    await build({ input, output, cacheDir, quiet: true });
    expect(cached()).toEqual(first);
    // Reused shards are the cache's own files (hard links on one file system), not copies of them.
    const inodes = (file: string) => [...first].map((key) => statSync(path.join(cacheDir, "search", key, file)).ino);
    for (const bundle of bundlesOf(output)) expect(inodes("pagefind-entry.json")).toContain(statSync(path.join(bundle, "pagefind-entry.json")).ino);

    writeFileSync(path.join(input, "c.md"), "---\ntitle: c\n---\nnew words on page c\n");
    const edited = await build({ input, output, cacheDir, quiet: true });
    expect(said(edited)).toMatch(new RegExp(`^search index: 8 pages in ${first.size} bundles, 1 indexed by Pagefind, ${first.size - 1} from the cache \\(`));
    const after = cached();
    expect(after.size).toBe(first.size);
    expect([...after].filter((key) => !first.has(key))).toHaveLength(1);
    expect(records(output).find((record) => record.url === "/c/")?.content).toBe("new words on page c.");
  });

  it("never reuses a shard whose files were changed in place in the site, and writes over no old index", async () => {
    process.env.QUIRE_SEARCH_SHARD_PAGES = "2";
    const files: Record<string, string> = { "index.md": "home\n" };
    for (const name of ["a", "b", "c", "d"]) files[`${name}.md`] = `---\ntitle: ${name}\n---\nwords of page ${name}\n`;
    const input = writeFixture(files);
    const dir = scratch();
    const [cacheDir, output] = [path.join(dir, "cache"), path.join(dir, "site")];
    const entryOf = (bundle: string) => readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8");
    await build({ input, output, cacheDir, quiet: true });
    await build({ input, output, cacheDir, quiet: true });
    // A deploy script appends to a file of the published index: the cache shares it, so it is damaged too.
    const [first] = bundlesOf(output);
    appendFileSync(path.join(first!, "pagefind-entry.json"), "appended by a script\n");
    await build({ input, output, cacheDir, quiet: true });
    for (const bundle of bundlesOf(output)) expect(() => JSON.parse(entryOf(bundle)) as unknown).not.toThrow();

    // Writing an index again into a site that has one (as the dev server does) replaces it, cache untouched.
    const again = new SearchIndex(cacheDir);
    for (const name of ["", "a/", "b/", "c/", "d/"]) {
      const file = path.join(output, name, "index.html");
      again.add(`/${name}`, file, readFileSync(file, "utf8"));
    }
    const entries = bundlesOf(output).map(entryOf);
    expect(await again.write(output)).toEqual({ pages: 5, bundles: bundlesOf(output).length, indexed: 0 });
    expect(bundlesOf(output).map(entryOf)).toEqual(entries);
    expect(records(output).map((record) => record.url).sort()).toEqual(["/", "/a/", "/b/", "/c/", "/d/"]);
  });

  it("keeps the shards of another site built with the same cache, until that site is a month unbuilt", async () => {
    process.env.QUIRE_SEARCH_SHARD_PAGES = "2";
    const siteOf = (prefix: string) => {
      const files: Record<string, string> = { "index.md": `${prefix} home\n` };
      for (const name of ["a", "b", "c"]) files[`${name}.md`] = `---\ntitle: ${name}\n---\n${prefix} words of page ${name}\n`;
      return writeFixture(files);
    };
    const [one, two] = [siteOf("first"), siteOf("second")];
    const dir = scratch();
    const cacheDir = path.join(dir, "cache");
    const [outOne, outTwo] = [path.join(dir, "one"), path.join(dir, "two")];
    const cached = () => new Set(readdirSync(path.join(cacheDir, "search")));

    await build({ input: one, output: outOne, cacheDir, quiet: true });
    const ofOne = cached();
    await build({ input: two, output: outTwo, cacheDir, quiet: true });
    const ofTwo = new Set([...cached()].filter((key) => !ofOne.has(key)));
    expect(ofTwo.size).toBe(bundlesOf(outTwo).length);
    expect(cached()).toEqual(new Set([...ofOne, ...ofTwo]));
    // The first site's next build reuses every shard of its own: the cache's files, not fresh ones.
    await build({ input: one, output: outOne, cacheDir, quiet: true });
    const inodes = (keys: Set<string>) => [...keys].map((key) => statSync(path.join(cacheDir, "search", key, "pagefind-entry.json")).ino);
    for (const bundle of bundlesOf(outOne)) expect(inodes(ofOne)).toContain(statSync(path.join(bundle, "pagefind-entry.json")).ino);
    expect(cached()).toEqual(new Set([...ofOne, ...ofTwo]));

    // A month on without a build of the second site, its shards go; a shard another build is caching right now
    // stays, one a stopped build left an hour ago goes.
    const claims = path.join(cacheDir, "search-claims");
    const monthAgo = new Date(Date.now() - 31 * 86_400_000);
    const claimOfTwo = readdirSync(claims).find((name) => readFileSync(path.join(claims, name), "utf8").includes(two));
    expect(claimOfTwo).toBeDefined();
    utimesSync(path.join(claims, claimOfTwo!), monthAgo, monthAgo);
    const [caching, stopped] = ["a.1.x.tmp", "b.2.y.tmp"].map((name) => path.join(cacheDir, "search", name));
    for (const folder of [caching!, stopped!]) mkdirSync(folder);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(stopped!, twoHoursAgo, twoHoursAgo);
    await build({ input: one, output: outOne, cacheDir, quiet: true });
    expect(cached()).toEqual(new Set([...ofOne, "a.1.x.tmp"]));
    expect(readdirSync(claims)).toHaveLength(1);
  });

  it("keeps a site's shards for each base path it is built under", async () => {
    const input = writeFixture({ "index.md": "home\n", "a.md": "---\ntitle: a\n---\nwords of page a\n" });
    const dir = scratch();
    const [cacheDir, output] = [path.join(dir, "cache"), path.join(dir, "site")];
    const cached = () => new Set(readdirSync(path.join(cacheDir, "search")));
    await build({ input, output, cacheDir, basePath: "/one/", quiet: true });
    const underOne = cached();
    await build({ input, output, cacheDir, basePath: "/two/", quiet: true });
    expect(cached().size).toBe(underOne.size * 2);
    await build({ input, output, cacheDir, basePath: "/one/", quiet: true });
    const [bundle] = bundlesOf(output);
    const [key] = [...underOne];
    expect(statSync(path.join(bundle!, "pagefind-entry.json")).ino).toBe(statSync(path.join(cacheDir, "search", key!, "pagefind-entry.json")).ino);
  });

  it("links a cached shard only when every file it had is there, with its size and the site's mode", async () => {
    const input = writeFixture({ "index.md": "home\n" });
    const dir = scratch();
    const cacheDir = path.join(dir, "cache");
    await build({ input, output: path.join(dir, "site"), cacheDir, quiet: true });
    const [key] = readdirSync(path.join(cacheDir, "search"));
    const cached = path.join(cacheDir, "search", key!);
    const mode = statSync(path.join(cached, "pagefind-entry.json")).mode & 0o7777;
    expect(linkedFromCache(cached, path.join(dir, "whole"), mode)).toBe(true);
    expect(readdirSync(path.join(dir, "whole"))).toContain("pagefind-entry.json");
    expect(linkedFromCache(cached, path.join(dir, "other-mode"), mode ^ 0o002)).toBe(false);
    // Another build pruning the shard has removed one of its files.
    const [fragment] = readdirSync(path.join(cached, "fragment"));
    rmSync(path.join(cached, "fragment", fragment!));
    expect(linkedFromCache(cached, path.join(dir, "short"), mode)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["cache", "site", "whole"]);
  });

  it("tells Pagefind a shard's pages by a glob, or by a folder of links when a path has a glob's characters", async () => {
    expect(globFor(["index.html", "a/index.html", "été/index.html"])).toBe("{index.html,a/index.html,été/index.html}");
    expect(globFor(["a/index.html"])).toBe("a/index.html");
    for (const awkward of ["a b/index.html", "a,b/index.html", "{a}/index.html", "a*/index.html", "[a]/index.html", "../index.html"]) {
      expect(globFor(["index.html", awkward]), awkward).toBeUndefined();
    }
    // One shard holding both kinds of page: every page is found, each once.
    process.env.QUIRE_SEARCH_SHARD_PAGES = "10";
    const input = writeFixture({
      "index.md": "home\n",
      "plain.md": "---\ntitle: plain\n---\nwords of a plain page\n",
      "with, comma.md": "---\ntitle: comma\n---\nwords of a page with a comma in its name\n",
      "à l'été.md": "---\ntitle: summer\n---\nwords of a page with an apostrophe\n",
    });
    const output = path.join(scratch(), "site");
    await build({ input, output, cache: false, quiet: true });
    expect(bundlesOf(output)).toHaveLength(1);
    const urls = records(output).map((record) => record.url);
    expect(urls).toHaveLength(4);
    expect(urls.map((url) => decodeURIComponent(url)).sort()).toEqual(["/", "/plain/", "/with, comma/", "/à l'été/"].sort());
    expect(readdirSync(output).filter((name) => name.startsWith(".quire-search-"))).toEqual([]);
  });

  it("indexes a shard of one page whose path starts with a dash", async () => {
    const input = writeFixture({ "-notes.md": "---\ntitle: notes\n---\ndashing words\n" });
    const output = path.join(scratch(), "site");
    await build({ input, output, cache: false, quiet: true });
    expect(records(output).map((record) => record.url)).toEqual(["/-notes/"]);
  });

  it("names no more pages in a glob than a command line holds", () => {
    const many = Array.from({ length: 400 }, (_, n) => `${"a-long-essay-name".repeat(5)}-${n}/index.html`);
    expect(globFor(many.slice(0, 10))).toBeDefined();
    expect(globFor(many)).toBeUndefined();
  });
});
