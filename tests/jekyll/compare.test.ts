// The Jekyll fixture site built by quire against the same site built by Jekyll as GitHub Pages does
// (tests/fixtures/jekyll-site-expected/, made by tests/jekyll/build-expected.sh): same published paths, same
// static files byte for byte, and per page the same heading ids, words, tables, rel attributes and classes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import type { Cheerio, CheerioAPI } from "cheerio";
import type { AnyNode } from "domhandler";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { publicDir } from "../../src/paths.ts";
import { isSearchOutput } from "../../src/eleventy/search.ts";
import { buildSite, type BuiltSite } from "../helpers/site.ts";

const fixture = path.resolve("tests/fixtures/jekyll-site");
const expectedDir = path.resolve("tests/fixtures/jekyll-site-expected");

/** What Jekyll publishes and quire deliberately does not, and why. */
const ONLY_JEKYLL_PUBLISHES: Record<string, string> = {
  "assets/css/style.css": "Sass with front matter is Jekyll's stylesheet; quire's styles replace it (a warning names it)",
  "assets/css/style.css.map": "the source map of that stylesheet",
};

/** What quire adds to every site: its Atom feed, sitemap and robots.txt (src/eleventy/feed.ts, sitemap.ts). */
const QUIRE_ADDS = ["feed.xml", "robots.txt", "sitemap.xml"];

/**
 * Classes that come from the generators' own markup, not from the author's attribute lists: kramdown's
 * footnotes and Rouge's code blocks, quire's contents box and its "#" link after each heading.
 */
const MARKUP_CLASSES = /^(language-|highlight|footnotes?$|reversefootnote$|toc$|heading-anchor$)/;

/**
 * Ids Jekyll gives that quire deliberately does not: kramdown puts an id on each link of the contents list
 * (markdown-toc-…); they are not headings, nothing links to them, and quire's contents links carry none.
 */
const IDS_ONLY_JEKYLL_GIVES = /^markdown-toc-/;

let site: BuiltSite;
let warnings: string[] = [];

beforeAll(async () => {
  site = await buildSite(fixture);
  warnings = site.result.warnings;
});

afterAll(() => vi.restoreAllMocks());

function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(path.join(folder, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(folder, relative) : [relative];
    })
    .sort();
}

const expectedFiles = filesUnder(expectedDir);
const expectedPages = expectedFiles.filter((file) => file.endsWith(".html") && readFileSync(path.join(expectedDir, file), "utf8").includes("<main>"));

function jekyllPage(file: string): CheerioAPI {
  return cheerio.load(readFileSync(path.join(expectedDir, file), "utf8"));
}

function quirePage(file: string): CheerioAPI {
  return cheerio.load(site.file(file));
}

/**
 * The words of an element's text, quotes straightened: kramdown curls them, quire keeps them as typed (a
 * warning says so). Text nodes are read apart, so words of neighbouring list items never run together;
 * hard breaks are not compared, since quire keeps them inside HTML blocks too where kramdown drops them.
 */
function words($: CheerioAPI, selector: string): string[] {
  const texts = $(selector)
    .find("*")
    .addBack()
    .contents()
    .filter((_, node) => node.type === "text")
    .map((_, node) => $(node).text())
    .get();
  const straight = texts.join(" ").replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  return straight.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
}

function headingIds($: CheerioAPI): string[] {
  return $("main :is(h1,h2,h3,h4,h5,h6)[id]").map((_, element) => $(element).attr("id")).get();
}

function tables($: CheerioAPI): string[][][] {
  return $("main table")
    .map((_, table) => [
      $(table)
        .find("tr")
        .map((_, row) => [
          $(row)
            .find("th, td")
            .map((_, cell) => `${$(cell).text().trim()} [${alignment($(cell))}]`)
            .get(),
        ])
        .get(),
    ])
    .get();
}

function alignment(cell: Cheerio<AnyNode>): string {
  return /text-align:\s*(\w+)/.exec(cell.attr("style") ?? "")?.[1] ?? cell.attr("align") ?? "";
}

function relLinks($: CheerioAPI): string[] {
  return $("main a[rel]")
    .map((_, a) => `${$(a).attr("href")} rel=${$(a).attr("rel")}`)
    .get()
    .sort();
}

function authorClasses($: CheerioAPI): string[] {
  return $("main [class]")
    .map((_, element) =>
      ($(element).attr("class") ?? "")
        .split(/\s+/)
        .filter((name) => name && !MARKUP_CLASSES.test(name))
        .map((name) => `${element.tagName}.${name}`),
    )
    .get()
    .sort();
}

describe("what is published", () => {
  it("is every path Jekyll publishes, less Jekyll's stylesheet, plus quire's public files, feed, sitemap and search", () => {
    const quirePublic = new Set(filesUnder(publicDir));
    expect(filesUnder(site.output)).toEqual(expect.arrayContaining(QUIRE_ADDS));
    const published = filesUnder(site.output).filter(
      (file) => file !== ".quire-output" && !quirePublic.has(file) && !QUIRE_ADDS.includes(file) && !isSearchOutput(file),
    );
    expect(published).toEqual(expectedFiles.filter((file) => !(file in ONLY_JEKYLL_PUBLISHES)));
    // The allowance stays honest: Jekyll does publish those files.
    expect(expectedFiles).toEqual(expect.arrayContaining(Object.keys(ONLY_JEKYLL_PUBLISHES)));
  });
  it("copies every static file byte for byte, standalone HTML included", () => {
    const copied = expectedFiles.filter((file) => !expectedPages.includes(file) && !(file in ONLY_JEKYLL_PUBLISHES));
    expect(copied).toEqual(expect.arrayContaining(["CNAME", "keybase.txt", ".well-known/security.txt", "images/a fox at dusk.png", "images/café crème.png", "standalone.html", "notes.md"]));
    for (const file of copied) {
      expect(readFileSync(path.join(site.output, file)).equals(readFileSync(path.join(expectedDir, file))), file).toBe(true);
    }
  });
  it("warns about the Sass file it leaves out and the kramdown setting it renders otherwise", () => {
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining("assets/css/style.scss: Sass with front matter")]));
    expect(warnings.filter((line) => line.includes("kramdown"))).toEqual([expect.stringContaining('"smart_quotes"')]);
  });
});

describe("links and raw blocks", () => {
  it("resolves every internal link and anchor, across pages and to static files", () => {
    expect(site.result.links.broken).toEqual([]);
    expect(site.result.links.checked).toBeGreaterThanOrEqual(12);
  });
  it('keeps a markdown="0" block raw, as Jekyll does', () => {
    const raw = ($: CheerioAPI) => $("main div").filter((_, div) => $(div).text().includes("stays as it is")).text().trim();
    expect(raw(quirePage("essays/on-quiet-tools.html"))).toBe("*this stays as it is*, stars and all.");
    expect(raw(quirePage("essays/on-quiet-tools.html"))).toBe(raw(jekyllPage("essays/on-quiet-tools.html")));
  });
  it("renders include_relative from the page's own folder, with its parameters", () => {
    const route = ($: CheerioAPI) => $("main p.route").text().trim();
    expect(route(quirePage("walks/the-river/index.html"))).toBe("from the bridge to the weir, along the bank.");
    expect(route(quirePage("walks/the-river/index.html"))).toBe(route(jekyllPage("walks/the-river/index.html")));
  });
  it("renders Jekyll's includes from _includes/, with their parameters", () => {
    const note = ($: CheerioAPI) => $("main aside.note").text().trim();
    expect(note(quirePage("elsewhere/index.html"))).toBe("a note about moving, from an include");
    expect(note(quirePage("elsewhere/index.html"))).toBe(note(jekyllPage("elsewhere/index.html")));
  });
});

describe.each(expectedPages)("the page %s", (file) => {
  it("keeps every id Jekyll gives its headings", () => {
    const ids = headingIds(jekyllPage(file));
    expect(headingIds(quirePage(file))).toEqual(expect.arrayContaining(ids));
  });
  it("keeps every other id Jekyll gives (contents links, footnotes)", () => {
    const $ = quirePage(file);
    const ids = jekyllPage(file)("main [id]").map((_, element) => element.attribs.id).get();
    for (const id of ids.filter((id) => !IDS_ONLY_JEKYLL_GIVES.test(id))) expect($(`[id="${id}"]`), id).toHaveLength(1);
  });
  it("keeps the words of its main text", () => {
    expect(words(quirePage(file), "main")).toEqual(words(jekyllPage(file), "main"));
  });
  it("keeps its tables, rel attributes and classes from attribute lists", () => {
    expect(tables(quirePage(file))).toEqual(tables(jekyllPage(file)));
    expect(relLinks(quirePage(file))).toEqual(relLinks(jekyllPage(file)));
    expect(authorClasses(quirePage(file))).toEqual(authorClasses(jekyllPage(file)));
  });
  it("has exactly one <h1>, the page title", () => {
    expect(quirePage(file)("h1")).toHaveLength(1);
  });
  it("is titled as GitHub Pages titles it: front matter, else the heading it starts with", () => {
    // The fixture's layout falls back to the site's title when a page has none; quire names it after its URL.
    const title = jekyllPage(file)("title").text();
    if (title !== "fox's field notes") expect(quirePage(file)("header h1").text().trim()).toBe(title);
  });
});
