// Search over an index in several bundles finds what one index over the whole site would. Pagefind looks for
// a word it cannot find in a bundle by the longest start of it that is there: a bundle without "harbourmaster"
// answers with its pages on "harbour". The search page keeps only the bundles that found the word itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { BuiltSite } from "../helpers/site.ts";
import { buildSite } from "../helpers/site.ts";
import { desktop, hasChromium, launchChromium, noChromium, serveStatic, type StaticSite } from "./support.ts";

/** Pages per bundle: the site below comes in five or more bundles. */
const SHARD_PAGES = 3;

const texts: Record<string, string> = {
  "harbourmaster.md": "the harbourmaster keeps a small boat\nand a ledger of tides\n",
  "keeping.md": "keeping a garden is keeping a promise\n",
  "bread.md": "bread rises slowly in a cold kitchen\n",
  "letters.md": "letters arrive late in winter\n",
};
for (let n = 1; n <= 8; n++) texts[`harbour-${n}.md`] = `the harbour at dawn, morning ${n}\nboats rock on the water\nthe gulls ${n % 2 ? "keep" : "kept"} watch\n`;
for (let n = 1; n <= 3; n++) texts[`wall-${n}.md`] = `an old wall ${n} keeps the wind out\n`;
for (let n = 1; n <= 24; n++) texts[`tide-${n}.md`] = `tide table ${n}\n`;
// Forms of a word on pages far apart (different bundles), which one index finds together by their stem.
for (const [early, late] of [
  ["connected", "connection"],
  ["run", "running"],
  ["happy", "happiness"],
  ["fly", "flies"],
  ["try", "tried"],
  ["stop", "stopped"],
  ["general", "generalization"],
]) {
  texts[`a-${early}.md`] = `a page with the word ${early} in it\n`;
  texts[`z-${late}.md`] = `a page with the word ${late} in it\n`;
}
texts["a-plan.md"] = "a long-term plan\n";
texts["z-plan.md"] = "a plan for the long term\n";
texts["a-title.md"] = "---\ntitle: lighthouse notes\n---\nnothing else here\n";
texts["z-title.md"] = "a lighthouse on the rocks\n";

/** Queries whose answers over many bundles must be one index's answers. */
const QUERIES = ["harbourmaster", "harbour", "boats", "keeping", "connection", "connected", "running", "happiness", "happy", "flies", "tried", "stopped", "generalization", "long term", "lighthouse", "harbourmasterly", "tide"];

/** The pages whose text has a word matching `pattern`, as a single index finds them. */
const pagesWith = (pattern: RegExp) => Object.values(texts).filter((text) => pattern.test(text)).length;

describe.skipIf(!hasChromium)(hasChromium ? "search over an index in several bundles" : `browser tests skipped: ${noChromium}`, () => {
  let site: BuiltSite;
  let server: StaticSite;
  let whole: StaticSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const before = process.env.QUIRE_SEARCH_SHARD_PAGES;
    process.env.QUIRE_SEARCH_SHARD_PAGES = String(SHARD_PAGES);
    try {
      site = await buildSite({ "index.md": "---\ntitle: home\n---\nthe home page\n", ...texts });
      process.env.QUIRE_SEARCH_SHARD_PAGES = "1000";
      whole = await serveStatic((await buildSite({ "index.md": "---\ntitle: home\n---\nthe home page\n", ...texts })).output);
    } finally {
      if (before === undefined) delete process.env.QUIRE_SEARCH_SHARD_PAGES;
      else process.env.QUIRE_SEARCH_SHARD_PAGES = before;
    }
    server = await serveStatic(site.output);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: desktop });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await whole?.close();
  });

  /** The result count the page shows for `query`, once it shows one for it, and the results' paths. */
  async function search(query: string): Promise<{ count: number; paths: string[] }> {
    // An empty box empties the status: the next status is this query's answer.
    const box = page.getByLabel("search this site");
    await box.fill("");
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "");
    await box.fill(query);
    await page.waitForFunction(() => /found/.test(document.querySelector(".search-status")?.textContent ?? ""));
    const status = (await page.locator(".search-status").textContent()) ?? "";
    const paths = await page.locator(".search-results a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    return { count: Number(/^(\d+) pages? found/.exec(status)?.[1] ?? NaN), paths };
  }

  it("answers every query with the pages one index over the whole site gives", async () => {
    const answers = async (origin: string) => {
      await page.goto(`${origin}/search/`);
      // How many pages, and which when all are shown (bundles rank by their own counts, so a first twenty may differ).
      const found: Record<string, { count: number; paths?: string[] }> = {};
      for (const query of QUERIES) {
        const { count, paths } = await search(query);
        found[query] = count <= paths.length ? { count, paths: paths.sort() } : { count };
      }
      return found;
    };
    const [inBundles, inOne] = [await answers(server.origin), await answers(whole.origin)];
    expect(inBundles).toEqual(inOne);
    // The stem pairs are found in pairs: no form of a word is lost.
    expect(inOne["connection"]?.paths).toEqual(["/a-connected/", "/z-connection/"]);
    expect(inOne["long term"]?.paths).toEqual(["/a-plan/", "/z-plan/"]);
    await page.goto(`${server.origin}/search/`);
  });

  it("comes in several bundles", () => {
    const { bundles } = JSON.parse(site.file("pagefind/bundles.json")) as { bundles: string[] };
    expect(bundles.length).toBeGreaterThanOrEqual(4);
  });

  it("finds a word on one page only there, though other bundles know only the start of it", async () => {
    expect(pagesWith(/harbourmaster/)).toBe(1);
    expect(await search("harbourmaster")).toEqual({ count: 1, paths: ["/harbourmaster/"] });
  });

  it("finds a word on every page that has it, in every bundle", async () => {
    expect((await search("harbour")).count).toBe(pagesWith(/\bharbour/));
    expect((await search("boat")).count).toBe(pagesWith(/\bboat/));
    expect((await search("boats")).count).toBe(pagesWith(/\bboat/));
  });

  it("keeps the other forms of a word, whichever bundle they are in", async () => {
    expect((await search("keeping")).count).toBe(pagesWith(/\bkeep(s|ing)?\b/));
    expect((await search("keeps")).count).toBe(pagesWith(/\bkeep(s|ing)?\b/));
  });

  it("shows twenty results at a time, and the rest on asking", async () => {
    const tides = pagesWith(/\btide/);
    expect(tides).toBeGreaterThan(20);
    expect((await search("tide")).count).toBe(tides);
    expect(await page.locator(".search-results li").count()).toBe(20);
    await expect.poll(() => page.locator(".search-status").textContent()).toBe(`${tides} pages found, the first 20 shown`);
    const more = page.getByRole("button", { name: "more results" });
    // Twice in a row: the second click comes before the first one's results.
    await more.dblclick();
    await expect.poll(() => page.locator(".search-results li").count()).toBe(tides);
    expect(await page.locator(".search-status").textContent()).toBe(`${tides} pages found`);
    expect(await more.isHidden()).toBe(true);
    const paths = await page.locator(".search-results a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(new Set(paths).size, "no result twice").toBe(tides);
  });

  it("searches the bundles that loaded when one cannot be, and says part of the index is missing", async () => {
    await page.route("**/pagefind/1/pagefind.js", (route) => route.abort());
    try {
      await page.goto(`${server.origin}/search/`);
      const { count } = await search("harbour");
      expect(count).toBeGreaterThan(0);
      expect(await page.locator(".search-status").textContent()).toMatch(/found.*\(part of the index could not be loaded: some pages may be missing\)$/);
    } finally {
      await page.unroute("**/pagefind/1/pagefind.js");
      await page.goto(`${server.origin}/search/`);
    }
  });

  it("says the index is missing when it is, or, on the dev server's page, that it is still being written", async () => {
    await page.route("**/pagefind/bundles.json", (route) => route.fulfill({ status: 404, body: "" }));
    const html = await (await fetch(`${server.origin}/search/`)).text();
    try {
      await page.goto(`${server.origin}/search/`);
      await expect.poll(() => page.locator(".search-status").textContent()).toBe("the search index is missing; the home page lists every page");
      expect(await page.getByLabel("search this site").isVisible()).toBe(false);
      await page.route("**/search/", (route) =>
        route.fulfill({ contentType: "text/html", body: html.replace('class="search-status"', 'class="search-status" data-index-written-later') }),
      );
      await page.goto(`${server.origin}/search/`);
      await expect.poll(() => page.locator(".search-status").textContent()).toMatch(/^the search index is not written yet .*reload this page in a few seconds$/);
    } finally {
      await page.unrouteAll();
      await page.goto(`${server.origin}/search/`);
    }
  });

  it("answers a word no page has with the pages closest to it, as one index would", async () => {
    expect(await search("harbourmasterly")).toEqual({ count: 1, paths: ["/harbourmaster/"] });
  });
});
