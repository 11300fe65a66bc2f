// `npm start` as an author sees it in the browser: the open page follows each save, including one that breaks
// the page and the one that mends it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Eleventy } from "@11ty/eleventy";
import { serve } from "../../src/serve.ts";
import { writeFixture } from "../helpers/site.ts";
import { freePort, servedPort } from "../helpers/waiting.ts";
import { desktop, hasChromium, launchChromium, noChromium } from "./support.ts";

const essay = (title: string, body: string, colour = "teal") => `---\ntitle: "${title}"\ncolor: "${colour}"\n---\n${body}\n`;

describe.skipIf(!hasChromium)(`the page open in the browser while the dev server runs (${noChromium})`, () => {
  let running: Eleventy | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let input: string;
  const lines: string[] = [];

  beforeAll(async () => {
    input = writeFixture({ "index.md": "home\n", "essay.md": essay("the essay", "the first words"), "other.md": essay("other", "another page") });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-")), "site");
    running = await serve({ input, output, port: await freePort(), print: (line) => lines.push(line) });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: desktop });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.goto(`http://localhost:${servedPort(lines.map((line) => ({ line })))}/essay/`);
    // The watcher can miss a write made in the first moments after it reports ready; an author never types that fast.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stopWatch();
  });

  const main = () => page.locator("main").innerText();
  const heading = () => page.locator("h1").first().innerText();

  it("shows a save of the page's text without a reload by hand", async () => {
    writeFileSync(path.join(input, "essay.md"), essay("the essay", "the second words"));
    await expect.poll(main, { timeout: 15_000 }).toContain("the second words");
    expect(lines.some((line) => line.includes("only its text changed"))).toBe(true);
  });

  it("shows a save of its title (a full build)", async () => {
    writeFileSync(path.join(input, "essay.md"), essay("the essay, retitled", "the second words"));
    await expect.poll(heading, { timeout: 15_000 }).toBe("the essay, retitled");
  });

  it("shows what is wrong once a save breaks the page, and the page again once it is mended", async () => {
    writeFileSync(path.join(input, "essay.md"), essay("the essay, retitled", "the second words", "no-such-colour"));
    await expect.poll(heading, { timeout: 15_000 }).toMatch(/essay\.md could not be built$/);
    writeFileSync(path.join(input, "essay.md"), essay("the essay, mended", "the third words"));
    await expect.poll(heading, { timeout: 15_000 }).toBe("the essay, mended");
    expect(await main()).toContain("the third words");
  });
});
