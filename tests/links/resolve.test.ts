import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectPageLinks } from "../../src/links/collect.ts";
import { fileForPath, reduceToLettersAndDigits, resolveLink, type SiteIndex } from "../../src/links/resolve.ts";
import { rewriteHrefs } from "../../src/links/link-check.ts";

function siteOf(pages: Record<string, string[]>, files: string[] = []): SiteIndex {
  const ids = new Map(Object.entries(pages).map(([file, list]) => [file, new Set(list)]));
  return {
    hasFile: (file) => ids.has(file) || files.includes(file),
    idsOf: (file) => ids.get(file),
    headingIdsOf: (file) => ids.get(file),
    pageFiles: () => ids.keys(),
  };
}

const site = siteOf(
  {
    "index.html": ["content"],
    "essay/index.html": ["some-hope", "one-persons-craft-is-anothers-chore", "what-i-wish-for"],
    "style-guide/index.html": ["lowercase"],
    "notes.html": [],
  },
  ["img/my fox.png"],
);

describe("resolveLink", () => {
  it("judges a fragment of the page itself as it judges the same fragment through the page's full address", () => {
    // "#…" skips URL parsing; written as "/essay/#…" the same fragment goes through it.
    const pieces = fc.constantFrom("some-hope", "Some Hope", "what", "i", "-", "%", "%20", "%27", "%zz", "’", "'", "é", "#", "?", "top", "日本");
    const idsWith = (extra: string) => siteOf({ "essay/index.html": ["some-hope", "what-i-wish-for", "what i", "é’", extra] });
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 5 }), fc.string({ maxLength: 6 }), (parts, extra) => {
        const fragment = parts.join("");
        const pageSite = idsWith(extra);
        const short = resolveLink(`#${fragment}`, "/essay/", pageSite);
        const long = resolveLink(`/essay/#${fragment}`, "/essay/", pageSite);
        expect({ ...short, href: undefined }).toEqual({ ...long, href: undefined });
      }),
      { numRuns: 2000 },
    );
  });
  it("accepts links to pages, files and existing ids", () => {
    expect(resolveLink("#some-hope", "/essay/", site).status).toBe("ok");
    expect(resolveLink("/style-guide/", "/essay/", site).status).toBe("ok");
    expect(resolveLink("/style-guide/#lowercase", "/essay/", site).status).toBe("ok");
    expect(resolveLink("../style-guide/", "/essay/", site).status).toBe("ok");
    expect(resolveLink("/img/my%20fox.png", "/essay/", site).status).toBe("ok");
    expect(resolveLink("/notes", "/essay/", site).status).toBe("ok");
    expect(resolveLink("/style-guide", "/essay/", site).status).toBe("ok");
  });
  it("leaves other sites alone", () => {
    expect(resolveLink("https://example.net/#nope", "/essay/", site).status).toBe("external");
    expect(resolveLink("mailto:fox@example.net", "/essay/", site).status).toBe("external");
  });
  it("corrects a fragment that matches an id once both are reduced to letters and digits", () => {
    expect(resolveLink("#one-person's-craft-is-another's-chore", "/essay/", site)).toEqual({
      status: "rewrite",
      id: "one-persons-craft-is-anothers-chore",
      href: "#one-persons-craft-is-anothers-chore",
    });
    expect(resolveLink("/essay/#Some_Hope", "/", site)).toMatchObject({ status: "rewrite", href: "/essay/#some-hope" });
  });
  it("reports a fragment that matches nothing, with the closest heading", () => {
    const verdict = resolveLink("#the-world-i-wish-we-had", "/essay/", site);
    expect(verdict).toMatchObject({ status: "broken", suggestion: "#what-i-wish-for" });
  });
  it("reports a missing page with the closest page", () => {
    expect(resolveLink("/style-guid/", "/essay/", site)).toMatchObject({ status: "broken", suggestion: "/style-guide/" });
  });
  it("suggests the same page whatever order the site lists its pages in, and none that is hardly alike", () => {
    const files = ["index.html", "a-page/index.html", "b-page/index.html", "essay/index.html"];
    const inOrder = (list: string[]) => siteOf(Object.fromEntries(list.map((file) => [file, []])));
    // "/c-page/" is one letter from "/a-page/" and "/b-page/" alike, and "/nowhere/" shares a letter or two with any page at most.
    for (const list of [files, [...files].reverse()]) {
      expect(resolveLink("/c-page/", "/", inOrder(list))).toMatchObject({ status: "broken", suggestion: "/a-page/" });
      expect(resolveLink("/nowhere/", "/", inOrder(list))).toEqual({ status: "broken", reason: "no page or file at this address", suggestion: undefined });
      expect(resolveLink("/esay/", "/", inOrder(list))).toMatchObject({ suggestion: "/essay/" });
    }
  });
  it("strips the base path from root-relative links", () => {
    expect(resolveLink("/blog/essay/#some-hope", "/essay/", site, "/blog/").status).toBe("ok");
    expect(resolveLink("/other/", "/essay/", site, "/blog/").status).toBe("broken");
  });
});

describe("helpers", () => {
  it("maps URL paths to the files a host serves", () => {
    expect(fileForPath("/")).toBe("index.html");
    expect(fileForPath("/a/b/")).toBe("a/b/index.html");
    expect(fileForPath("/img/my%20fox.png")).toBe("img/my fox.png");
  });
  it("reduces text to lowercase letters and digits, Unicode included", () => {
    expect(reduceToLettersAndDigits("One Person's-Craft")).toBe("onepersonscraft");
    expect(reduceToLettersAndDigits("ünï-çödé 2")).toBe("ünïçödé2");
  });
});

describe("collectPageLinks", () => {
  it("finds ids, heading ids and links with their text", () => {
    const html = `<h2 id="a">A</h2><p id="p"><a href="#a">to <em>a</em></a> <img src="x.png" alt="an x"><a name="old"></a></p><link href="/s.css" rel="stylesheet">`;
    const page = collectPageLinks(html);
    expect([...page.ids].sort()).toEqual(["a", "old", "p"]);
    expect([...page.headings]).toEqual(["a"]);
    expect(page.links.map((l) => [l.kind, l.href, l.text])).toEqual([
      ["a[href]", "#a", "to a"],
      ["img[src]", "x.png", "an x"],
      ["link[href]", "/s.css", ""],
    ]);
  });
  it("decodes entities in attributes", () => {
    expect(collectPageLinks(`<a href="#it&#39;s">x</a>`).links[0]?.href).toBe("#it's");
  });
});

describe("rewriteHrefs", () => {
  it("replaces only the listed hrefs, in place", () => {
    const html = `<p><a href="#it's" class="x">one</a> <a href='#keep'>two</a> <a href="#it's">three</a></p>`;
    const rewritten = rewriteHrefs(html, new Map([["#it's", "#its"]]));
    expect(collectPageLinks(rewritten).links.map((l) => l.href)).toEqual(["#its", "#keep", "#its"]);
    expect(rewritten).toContain('class="x"');
  });
});
