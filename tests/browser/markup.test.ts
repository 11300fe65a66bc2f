// What the layouts give the browser, read with a real parser (no browser needed): the header's ink, fonts,
// the search page and its index, and no script anywhere else.
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuiltSite } from "../helpers/site.ts";
import { buildFixtureSite, fixtureShardPages, fixtureUrls } from "./fixture-site.ts";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildFixtureSite();
});

describe("the header band", () => {
  it("carries the page colour, its ink and its scrim on <body>", () => {
    expect(site.page("/colour-yellow/")("body").attr("style")).toBe("--page-colour: #a47611; --page-ink: #ffffff; --page-scrim: 0.06");
    expect(site.page("/colour-deeppurple/")("body").attr("style")).toBe("--page-colour: #311b92; --page-ink: #ffffff; --page-scrim: 0");
    expect(site.page("/raw-hex/")("body").attr("style")).toBe("--page-colour: #ffeb3b; --page-ink: #131619; --page-scrim: 0");
  });
});

describe("fonts and styles", () => {
  it("preloads only fonts that exist, and links the stylesheet", () => {
    const $ = site.page("/essay/");
    const preloads = $('link[rel="preload"][as="font"]').map((_, l) => $(l).attr("href")).get();
    expect(preloads).toHaveLength(2);
    for (const href of preloads) expect(site.has(href.slice(1))).toBe(true);
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/styles/quire.css");
  });
});

describe("search", () => {
  it("adds a /search/ page to a site without one, with the only script, and leaves it off the home list", () => {
    const $ = site.page("/search/");
    expect($("h1").text()).toBe("search");
    expect($("script").attr("src")).toBe("/scripts/search.js");
    expect($(".search-needs-js").text()).toContain("needs JavaScript");
    const home = site.page("/");
    expect(home(".page-list a").map((_, a) => home(a).attr("href")).get()).not.toContain("/search/");
    for (const url of fixtureUrls().filter((url) => url !== "/search/")) expect(site.page(url)("script"), url).toHaveLength(0);
  });
  it("writes a Pagefind index of the pages, not of the search page", () => {
    // In bundles of at most fixtureShardPages pages, each a whole Pagefind bundle, listed for the search page.
    const { bundles } = JSON.parse(site.file("pagefind/bundles.json")) as { bundles: string[] };
    expect(bundles.length).toBeGreaterThanOrEqual(Math.ceil((fixtureUrls().length - 1) / fixtureShardPages));
    for (const bundle of bundles) expect(site.has(`pagefind/${bundle}pagefind.js`), bundle).toBe(true);
    expect(site.page("/essay/")("main").attr("data-pagefind-body")).toBe("");
    expect(site.page("/search/")("main").attr("data-pagefind-body")).toBeUndefined();
  });
  it("keeps a site's own search page", async () => {
    const own = await buildSite({
      "index.md": "---\nlayout: home.njk\n---\nhome\n",
      "search.md": "---\ntitle: find things\n---\nmy own search page\n",
    });
    expect(own.page("/search/")("h1").text()).toBe("find things");
    expect(existsSync(path.join(own.output, "search/index.html"))).toBe(true);
  });
});
