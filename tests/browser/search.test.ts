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

/** The pages whose text has a word matching `pattern`, as a single index finds them. */
const pagesWith = (pattern: RegExp) => Object.values(texts).filter((text) => pattern.test(text)).length;

describe.skipIf(!hasChromium)(hasChromium ? "search over an index in several bundles" : `browser tests skipped: ${noChromium}`, () => {
  let site: BuiltSite;
  let server: StaticSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const before = process.env.QUIRE_SEARCH_SHARD_PAGES;
    process.env.QUIRE_SEARCH_SHARD_PAGES = String(SHARD_PAGES);
    try {
      site = await buildSite({ "index.md": "---\ntitle: home\n---\nthe home page\n", ...texts });
    } finally {
      if (before === undefined) delete process.env.QUIRE_SEARCH_SHARD_PAGES;
      else process.env.QUIRE_SEARCH_SHARD_PAGES = before;
    }
    server = await serveStatic(site.output);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: desktop });
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
    await more.click();
    await expect.poll(() => page.locator(".search-results li").count()).toBe(tides);
    expect(await page.locator(".search-status").textContent()).toBe(`${tides} pages found`);
    expect(await more.isHidden()).toBe(true);
    const paths = await page.locator(".search-results a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(new Set(paths).size, "no result twice").toBe(tides);
  });

  it("answers a word no page has with the pages closest to it, as one index would", async () => {
    expect(await search("harbourmasterly")).toEqual({ count: 1, paths: ["/harbourmaster/"] });
  });
});
