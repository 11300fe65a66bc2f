// The author's reference essay built next to quire's own pages and read in Chromium: the issue's
// "done when" list. Read from ../shared (QUIRE_SHARED overrides); skips cleanly when either is absent.
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildSite, type BuiltSite } from "../helpers/site.ts";
import { desktop, hasChromium, launchChromium, noChromium, phone, seriousAxeViolations, serveStatic, type StaticSite } from "./support.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const shared = process.env.QUIRE_SHARED ?? path.resolve(repoRoot, "../shared");
const essay = path.join(shared, "essays/on-ai-art.md");
const skipReason = !existsSync(essay) ? `no reference essay at ${essay} (set QUIRE_SHARED)` : !hasChromium ? noChromium : undefined;
if (skipReason) console.warn(`quire: skipping the reference essay's browser tests: ${skipReason}`);

describe.skipIf(skipReason !== undefined)(skipReason ? `reference essay in Chromium skipped: ${skipReason}` : "the reference essay in Chromium", () => {
  let site: BuiltSite;
  let server: StaticSite;
  let browser: Browser;
  let phonePage: Page;
  let desktopPage: Page;
  /** Response body bytes of everything the first desktop load fetched, by URL. */
  const transferred = new Map<string, number>();

  beforeAll(async () => {
    const input = path.join(mkdtempSync(path.join(tmpdir(), "quire-essay-")), "content");
    cpSync(path.join(repoRoot, "content"), input, { recursive: true });
    cpSync(essay, path.join(input, "on-ai-art.md"));
    site = await buildSite(input);
    server = await serveStatic(site.output);
    browser = await launchChromium();
    const pageAt = async (viewport: typeof phone) => {
      const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    };
    [phonePage, desktopPage] = [await pageAt(phone), await pageAt(desktop)];
    desktopPage.on("response", async (response) => {
      transferred.set(response.url(), (await response.body()).length);
    });
    await desktopPage.goto(`${server.origin}/on-ai-art/`, { waitUntil: "networkidle" });
    await desktopPage.evaluate(() => document.fonts.ready);
    desktopPage.removeAllListeners("response");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads with its CSS, fonts and scripts in at most 150 KB", () => {
    const urls = [...transferred.keys()].map((url) => new URL(url).pathname);
    expect(urls).toContain("/on-ai-art/");
    expect(urls).toContain("/styles/quire.css");
    expect(urls.filter((url) => url.endsWith(".woff2"))).toHaveLength(2);
    const total = [...transferred.values()].reduce((sum, bytes) => sum + bytes, 0);
    expect(total, `${total} bytes: ${[...transferred].map(([url, bytes]) => `${new URL(url).pathname} ${bytes}`).join(", ")}`).toBeLessThanOrEqual(150 * 1024);
  });

  it("never scrolls sideways at 375px", async () => {
    await phonePage.goto(`${server.origin}/on-ai-art/`);
    const widths = await phonePage.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.view);
  });

  it("keeps its column at most 820px at 1280px, under a header in #311b92", async () => {
    await desktopPage.goto(`${server.origin}/on-ai-art/`);
    expect((await desktopPage.locator("main").boundingBox())!.width).toBeLessThanOrEqual(820);
    const band = await desktopPage.locator("header.band").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(band).toBe("rgb(49, 27, 146)");
  });

  it("sets one thought per line", async () => {
    await desktopPage.goto(`${server.origin}/on-ai-art/`);
    const section = desktopPage.locator("main h2#background ~ p").first();
    const lines = await section.evaluate((p) => {
      const range = document.createRange();
      const tops = new Set<number>();
      let lineStart = true;
      for (const node of p.childNodes) {
        if (node.nodeName === "BR") lineStart = true;
        if (!lineStart || node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        tops.add(Math.round(range.getClientRects()[0]!.top));
        lineStart = false;
      }
      return { starts: tops.size, breaks: p.querySelectorAll("br").length };
    });
    expect(lines.breaks).toBeGreaterThan(2);
    // Every thought after a <br> starts a line of its own.
    expect(lines.starts).toBe(lines.breaks + 1);
  });

  it('scrolls "some hope" to the top and shows #some-hope in the URL from its contents entry', async () => {
    for (const page of [phonePage, desktopPage]) {
      await page.goto(`${server.origin}/on-ai-art/`);
      await page.locator("nav.toc a", { hasText: /^some hope$/ }).click();
      await page.waitForURL(/#some-hope$/);
      // Scrolling is smooth (unless the reader asks for less motion): wait for it to arrive.
      const top = () => page.locator("#some-hope").evaluate((heading) => heading.getBoundingClientRect().top);
      await expect.poll(top, { timeout: 5000 }).toBeLessThanOrEqual(24);
      expect(await top()).toBeGreaterThanOrEqual(0);
    }
  });

  it("opens its aside on a click", async () => {
    await desktopPage.goto(`${server.origin}/on-ai-art/`);
    const aside = desktopPage.locator("main details").first();
    await aside.locator("summary").click();
    expect(await aside.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });

  it("has no serious or critical axe violation, at phone and desktop widths", async () => {
    for (const page of [phonePage, desktopPage]) {
      await page.goto(`${server.origin}/on-ai-art/`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });

  it("reads with JavaScript off, reached from the home page", async () => {
    const context = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.locator(".page-list a[href='/on-ai-art/']").click();
      await page.waitForURL(/\/on-ai-art\/$/);
      expect(await page.locator("h1").textContent()).toBe("on ai* art**");
      expect(await page.locator("nav.toc").isVisible()).toBe(true);
      expect((await page.locator("header.band").boundingBox())!.height).toBeGreaterThanOrEqual(180);
      await page.locator("main details summary").first().click();
      expect(await page.locator("main details").first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
