// The fixture site read in headless Chromium: widths, the header's colour, the contents, asides,
// JavaScript off, accessibility (axe-core) and search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { palette } from "../../src/palette.ts";
import type { BuiltSite } from "../helpers/site.ts";
import { buildFixtureSite, fixtureFiles, fixtureShardPages, fixtureUrls, searchable } from "./fixture-site.ts";
import { desktop, hasChromium, launchChromium, noChromium, phone, seriousAxeViolations, serveStatic, type StaticSite } from "./support.ts";

if (!hasChromium) console.warn(`quire: skipping the browser tests: ${noChromium}`);

describe.skipIf(!hasChromium)(hasChromium ? "reading the fixture site in Chromium" : `browser tests skipped: ${noChromium}`, () => {
  let site: BuiltSite;
  let server: StaticSite;
  let browser: Browser;
  let phoneContext: BrowserContext;
  let desktopContext: BrowserContext;
  let phonePage: Page;
  let desktopPage: Page;

  beforeAll(async () => {
    site = await buildFixtureSite();
    server = await serveStatic(site.output);
    browser = await launchChromium();
    // Reduced motion makes section jumps instant, so a test reads where the jump ended, not where it is going.
    phoneContext = await browser.newContext({ viewport: phone, reducedMotion: "reduce" });
    desktopContext = await browser.newContext({ viewport: desktop, reducedMotion: "reduce" });
    // Everything here is local: a missing element fails in seconds, not Playwright's 30 (with room for a busy machine).
    phoneContext.setDefaultTimeout(15_000);
    desktopContext.setDefaultTimeout(15_000);
    phonePage = await phoneContext.newPage();
    desktopPage = await desktopContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (page: Page, url: string) => {
    const response = await page.goto(server.origin + url);
    expect(response?.status(), url).toBe(200);
    return page;
  };

  describe("on a 375px phone", () => {
    it("never scrolls sideways, on any page", async () => {
      for (const url of fixtureUrls()) {
        await open(phonePage, url);
        const widths = await phonePage.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
        expect(widths.scroll, url).toBeLessThanOrEqual(widths.view);
      }
    });
    it("shows the contents box across the full width of the text", async () => {
      await open(phonePage, "/essay/");
      const box = await phonePage.locator(".toc").boundingBox();
      const text = await phonePage.locator("main > p").first().boundingBox();
      expect(box && text).toBeTruthy();
      expect(Math.abs(box!.width - text!.width)).toBeLessThanOrEqual(1);
    });
  });

  describe("on a 1280px desktop", () => {
    it("keeps the column at most 800px wide", async () => {
      await open(desktopPage, "/essay/");
      const main = await desktopPage.locator("main").boundingBox();
      expect(main!.width).toBeGreaterThan(600);
      expect(main!.width).toBeLessThanOrEqual(800);
    });
    it("draws a heading's focused # link round the # itself, on the heading's line", async () => {
      await open(desktopPage, "/essay/");
      for (const level of ["h2", "h3"]) {
        const anchor = desktopPage.locator(`${level} + .heading-anchor`).first();
        await anchor.focus();
        const [box, heading] = [await anchor.boundingBox(), await desktopPage.locator(`${level}:has(+ .heading-anchor)`).first().boundingBox()];
        // A box of no height drew the focus ring as a flat bar above the #.
        expect(box!.height, level).toBeGreaterThan(10);
        expect(box!.y, level).toBeGreaterThanOrEqual(heading!.y - 1);
        expect(box!.y + box!.height, level).toBeLessThanOrEqual(heading!.y + heading!.height + 1);
      }
    });
    it("rings a focused link on the page's colour in the band's own text colour, light colours too", async () => {
      await open(desktopPage, "/raw-hex/");
      const crumb = desktopPage.locator("header.band a").first();
      await crumb.focus();
      await desktopPage.keyboard.press("Shift+Tab");
      await desktopPage.keyboard.press("Tab");
      const [ring, ink] = await crumb.evaluate((link) => [getComputedStyle(link).outlineColor, getComputedStyle(link.closest("header")!).color]);
      expect(ring).toBe(ink);
      // The raw colour is a light yellow: the band's text is dark, and the site's yellow ring would vanish on it.
      expect(ink).not.toBe("rgb(255, 255, 255)");
    });
    it("paints the header band in the page's colour, for every palette colour", async () => {
      for (const [name, hex] of Object.entries(palette)) {
        await open(desktopPage, `/colour-${name}/`);
        const colour = await desktopPage.locator("header.band").evaluate((band) => getComputedStyle(band).backgroundColor);
        const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
        expect(colour, name).toBe(`rgb(${r}, ${g}, ${b})`);
        const height = await desktopPage.locator("header.band").evaluate((band) => band.getBoundingClientRect().height);
        expect(height).toBeGreaterThanOrEqual(180);
      }
    });
    it("puts a long contents box beside the column, not inside it, and keeps it in view", async () => {
      await open(desktopPage, "/essay/");
      const [toc, main] = [await desktopPage.locator(".toc").boundingBox(), await desktopPage.locator("main").boundingBox()];
      expect(toc!.x + toc!.width).toBeLessThanOrEqual(main!.x);
      await desktopPage.mouse.wheel(0, 1500);
      await desktopPage.waitForFunction(() => window.scrollY > 1000);
      const top = await desktopPage.locator(".toc").evaluate((box) => box.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(100);
    });
  });

  describe("the contents", () => {
    it("is labelled contents", async () => {
      await open(desktopPage, "/essay/");
      expect(await desktopPage.getByRole("navigation", { name: "contents" }).count()).toBe(1);
    });
    for (const [label, context] of [["phone", () => phonePage], ["desktop", () => desktopPage]] as const) {
      it(`scrolls a section to the top and puts its #id in the URL when an entry is clicked (${label})`, async () => {
        const page = await open(context(), "/essay/");
        await page.locator(".toc a", { hasText: "some hope" }).click();
        await page.waitForURL(/#some-hope$/);
        // Scrolling is smooth (unless the reader asks for less motion): wait for it to arrive.
        const top = () => page.locator("#some-hope").evaluate((heading) => heading.getBoundingClientRect().top);
        await expect.poll(top, { timeout: 5000 }).toBeLessThanOrEqual(24);
        expect(await top()).toBeGreaterThanOrEqual(0);
      });
    }
  });

  describe("asides and JavaScript", () => {
    it("opens an aside when its summary is clicked", async () => {
      await open(desktopPage, "/essay/");
      const details = desktopPage.locator("main details");
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await details.locator("summary").click();
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await details.getByText("it wakes them faster").isVisible()).toBe(true);
    });
    it("reads, navigates and opens asides with JavaScript off", async () => {
      const context = await browser.newContext({ viewport: phone, javaScriptEnabled: false, reducedMotion: "reduce" });
      context.setDefaultTimeout(15_000);
      try {
        const page = await context.newPage();
        await open(page, "/");
        await page.getByRole("link", { name: "on slow* mornings**" }).click();
        await page.waitForURL(/\/essay\/$/);
        expect(await page.getByText("a second thought on its own line").isVisible()).toBe(true);
        // The stylesheet applied: the band has its height without any script.
        expect((await page.locator("header.band").boundingBox())!.height).toBeGreaterThanOrEqual(180);
        await page.locator("main details summary").click();
        expect(await page.getByText("it wakes them faster").isVisible()).toBe(true);
        await page.locator(".toc a", { hasText: "the kettle" }).click();
        await page.waitForURL(/#the-kettle$/);
        await open(page, "/search/");
        expect(await page.getByText("searching needs JavaScript").isVisible()).toBe(true);
      } finally {
        await context.close();
      }
    });
    it("has no script on any page but the search page", async () => {
      for (const url of fixtureUrls()) {
        const $ = site.page(url);
        expect($("script").length, url).toBe(url === "/search/" ? 1 : 0);
      }
    });
  });

  describe("one thought per line", () => {
    it("sets each line on its own line with air between, and more between paragraphs", async () => {
      await open(desktopPage, "/essay/");
      const measured = await desktopPage.evaluate(() => {
        const paragraph = [...document.querySelectorAll("main p")].find((p) => p.textContent?.includes("a second thought"))!;
        const range = document.createRange();
        const tops: number[] = [];
        // The top of the first text after the start and after each <br>: where each thought begins.
        let lineStart = true;
        for (const node of paragraph.childNodes) {
          if (node.nodeName === "BR") lineStart = true;
          if (!lineStart || node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
          range.selectNodeContents(node);
          tops.push(range.getClientRects()[0]!.top);
          lineStart = false;
        }
        const style = getComputedStyle(paragraph);
        return {
          tops,
          gap: paragraph.nextElementSibling!.getBoundingClientRect().top - paragraph.getBoundingClientRect().bottom,
          lineHeight: parseFloat(style.lineHeight),
          fontSize: parseFloat(style.fontSize),
        };
      });
      expect(measured.tops).toHaveLength(3);
      // Each thought starts a line of its own, one line below the last.
      for (let i = 1; i < measured.tops.length; i++) {
        expect(measured.tops[i]! - measured.tops[i - 1]!).toBeCloseTo(measured.lineHeight, 0);
      }
      expect(measured.lineHeight).toBeGreaterThanOrEqual(1.5 * measured.fontSize);
      expect(measured.gap).toBeGreaterThanOrEqual(measured.lineHeight - measured.fontSize + 0.75 * measured.fontSize);
    });
  });

  describe("accessibility (axe-core)", () => {
    it("finds no serious or critical violation on any page, at phone and desktop widths", async () => {
      const found: string[] = [];
      // Every page at desktop width; the pages with the most structure at phone width too.
      const visits = [
        ...fixtureUrls().map((url) => [desktopPage, url] as const),
        ...["/", "/essay/", "/search/"].map((url) => [phonePage, url] as const),
      ];
      for (const [page, url] of visits) {
        await open(page, url);
        const violations = await seriousAxeViolations(page);
        found.push(...violations.map((v) => `${url} at ${page.viewportSize()?.width}px: ${v}`));
      }
      expect(found).toEqual([]);
    });
  });

  describe("search", () => {
    it("finds the one page a word is on", async () => {
      const page = await open(desktopPage, "/search/");
      await page.getByLabel("search this site").fill(searchable.word);
      const result = page.locator(".search-results a").first();
      await result.waitFor();
      expect(await page.locator(".search-results a").count()).toBe(1);
      expect(new URL((await result.getAttribute("href"))!, server.origin).pathname).toBe(searchable.url);
      expect(await result.textContent()).toBe("teal page");
    });
    it("finds a word on every page it is on, whichever bundle of the index holds the page", async () => {
      const page = await open(desktopPage, "/search/");
      await page.getByLabel("search this site").fill("palette");
      const expected = Object.values(fixtureFiles()).filter((text) => /palette/i.test(text.replace(/^---[\s\S]*?---/, ""))).length;
      expect(expected).toBeGreaterThan(fixtureShardPages);
      await page.getByText(`${expected} pages found`).waitFor();
    });
  });
});
