// The site as a reader gets it: pages, titles, colours, meta tags, breadcrumbs, footer, escaping.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuiltSite } from "../helpers/site.ts";

const fixture = path.resolve("tests/fixtures/sites/basic");
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(fixture);
});

describe("URLs", () => {
  it("publishes name.md and name/index.md at /name/, and index.md at /", () => {
    expect(site.has("index.html")).toBe(true);
    expect(site.has("on-ai-art/index.html")).toBe(true);
    expect(site.has("toki-pona/index.html")).toBe(true);
    expect(site.has("notes/deeper/page/index.html")).toBe(true);
  });
  it("copies quire's public files to the site root", () => {
    expect(site.has("styles/quire.css")).toBe(true);
  });
});

describe("a page with the reference essay's front matter", () => {
  it("has its title as the only <h1> and in <title>", () => {
    const $ = site.page("/on-ai-art/");
    expect($("h1")).toHaveLength(1);
    expect($("h1").text().trim()).toBe("on ai* art**");
    expect($("title").text()).toBe("on ai* art** - quire");
  });
  it("carries its colour in the page and theme-color", () => {
    const $ = site.page("/on-ai-art/");
    expect($('meta[name="theme-color"]').attr("content")).toBe("#311b92");
    expect($("body").attr("style")).toContain("#311b92");
  });
  it("describes itself with its excerpt", () => {
    const $ = site.page("/on-ai-art/");
    const excerpt = "a fixture page carrying the reference essay's front matter shape";
    expect($('meta[name="description"]').attr("content")).toBe(excerpt);
    expect($('meta[property="og:description"]').attr("content")).toBe(excerpt);
    expect($('meta[name="twitter:description"]').attr("content")).toBe(excerpt);
    expect($('meta[property="og:title"]').attr("content")).toBe("on ai* art**");
  });
  it("renders markdown # as <h2>", () => {
    const $ = site.page("/on-ai-art/");
    expect($("main h2").first().text()).toContain("a section");
    expect($("main h1")).toHaveLength(0);
  });
});

describe("front matter", () => {
  it("falls back to the slug for a missing title", () => {
    const $ = site.page("/toki-pona/");
    expect($("h1").text().trim()).toBe("toki pona");
    expect($('meta[name="theme-color"]').attr("content")).toBe("#37474f");
  });
  it("takes a missing title from the heading the page starts with, which stays in the text", () => {
    const $ = site.page("/field-notes/");
    expect($("h1").text().trim()).toBe("notes from the field");
    expect($("title").text()).toBe("notes from the field - quire");
    expect($("main h2").first().text()).toContain("notes from the field");
  });
  it("accepts colour and hex colours", () => {
    expect(site.page("/notes/")('meta[name="theme-color"]').attr("content")).toBe("#004d40");
    expect(site.page("/notes/deeper/page/")('meta[name="theme-color"]').attr("content")).toBe("#0d47a1");
  });
  it("escapes front-matter text everywhere it appears, and passes unknown keys to templates", () => {
    const $ = site.page("/escapes/");
    const title = '<script>alert(1)</script> & "quotes"';
    expect($("script")).toHaveLength(0);
    expect($("h1").text().trim()).toBe(title);
    expect($("title").text()).toBe(`${title} - quire`);
    expect($('meta[property="og:title"]').attr("content")).toBe(title);
    expect($('meta[name="description"]').attr("content")).toBe('an excerpt with <b>tags</b> & ampersands "and quotes"');
    expect($(".breadcrumbs [aria-current]").text()).toBe(title);
    expect($("main mark").text()).toBe("kept");
    expect($("main").text()).toContain("mood from front matter: sleepy");
    const home = site.page("/");
    expect(home("script")).toHaveLength(0);
    expect(home(".page-list a").filter((_, a) => home(a).text() === title)).toHaveLength(1);
  });
});

describe("breadcrumbs", () => {
  it("name each ancestor page by its title", () => {
    const $ = site.page("/notes/deeper/page/");
    const crumbs = $(".breadcrumbs li").map((_, li) => $(li).text().trim()).get();
    expect(crumbs).toEqual(["a fixture site", "notes", "a deep page"]);
    expect($(".breadcrumbs a").map((_, a) => $(a).attr("href")).get()).toEqual(["/", "/notes/"]);
    expect($("title").text()).toBe("notes / a deep page - quire");
  });
});

describe("footer", () => {
  it("gives the site licence, or all rights reserved for copyrighted pages", () => {
    expect(site.page("/on-ai-art/")('footer a[rel="license"]')).toHaveLength(1);
    const $ = site.page("/notes/deeper/page/");
    expect($('footer a[rel="license"]')).toHaveLength(0);
    expect($("footer").text()).toContain("all rights reserved");
  });
  it("links to the page's source file", () => {
    const href = site.page("/notes/deeper/page/")("footer a").last().attr("href");
    expect(href).toMatch(/\/blob\/main\/content\/notes\/deeper\/page\.md$/);
  });
});

describe("the home page", () => {
  it("lists every published page with its title, colour and excerpt", () => {
    const $ = site.page("/");
    const items = $(".page-list li");
    const titles = items.map((_, li) => $(li).find("a").text()).get();
    expect(titles).toEqual(expect.arrayContaining(["on ai* art**", "toki pona", "notes", "a deep page"]));
    expect(titles).not.toContain("a fixture site");
    const essay = items.filter((_, li) => $(li).find("a").attr("href") === "/on-ai-art/");
    expect(essay.attr("style")).toContain("#311b92");
    expect(essay.find("p").text()).toBe("a fixture page carrying the reference essay's front matter shape");
  });
});
