import { describe, expect, it } from "vitest";
import { pageTitleOf, titleFromHeading, titleFromUrl } from "../../src/titles.ts";
import { breadcrumbsFor, documentTitle } from "../../src/breadcrumbs.ts";
import { pageTitle } from "../../src/eleventy/page-data.ts";

describe("titleFromUrl", () => {
  it("reads the last segment's hyphens as spaces", () => {
    expect(titleFromUrl("/toki-pona/")).toBe("toki pona");
    expect(titleFromUrl("/notes/deep/very-deep-page/")).toBe("very deep page");
  });
  it("decodes escaped letters", () => {
    expect(titleFromUrl("/caf%C3%A9-notes/")).toBe("café notes");
  });
  it("gives nothing for the home page", () => {
    expect(titleFromUrl("/")).toBe("");
  });
});

describe("pageTitle", () => {
  it("prefers the front matter title", () => {
    expect(pageTitle({ title: "on ai* art**", page: { url: "/on-ai-art/" } }, "site")).toBe("on ai* art**");
  });
  it("falls back to the slug, then the site name", () => {
    expect(pageTitle({ page: { url: "/toki-pona/" } }, "site")).toBe("toki pona");
    expect(pageTitle({ title: "  ", page: { url: "/toki-pona/" } }, "site")).toBe("toki pona");
    expect(pageTitle({ page: { url: "/" } }, "site")).toBe("site");
  });
});

describe("breadcrumbsFor", () => {
  const titles = new Map([
    ["/", "home"],
    ["/notes/", "notes"],
    ["/notes/a/b/", "b page"],
  ]);
  it("lists each ancestor page that exists, then the page", () => {
    expect(breadcrumbsFor("/notes/a/b/c/", "c page", titles)).toEqual([
      { url: "/", title: "home" },
      { url: "/notes/", title: "notes" },
      { url: "/notes/a/b/", title: "b page" },
      { url: "/notes/a/b/c/", title: "c page" },
    ]);
  });
  it("is just the home page on the home page", () => {
    expect(breadcrumbsFor("/", "home", titles)).toEqual([{ url: "/", title: "home" }]);
  });
});

describe("documentTitle", () => {
  it("is the path below home, then the site name", () => {
    const crumbs = [
      { url: "/", title: "home" },
      { url: "/on-ai-art/", title: "on ai* art**" },
    ];
    expect(documentTitle(crumbs, "sitename")).toBe("on ai* art** - sitename");
    expect(documentTitle([{ url: "/", title: "home" }], "sitename")).toBe("sitename");
    expect(documentTitle([...crumbs, { url: "/on-ai-art/x/", title: "x" }], "s")).toBe("on ai* art** / x - s");
  });
});

// Each case checked against Jekyll 4.3 with jekyll-titles-from-headings 0.5.3, as GitHub Pages runs it; where
// quire differs on purpose, the comment says what Jekyll gives.
describe("titleFromHeading", () => {
  it.each([
    ["# plain title\n\ntext\n", "plain title"],
    ["## two *emph* and `code`\n", "two emph and code"],
    ["### three [a link](x.html) here\n", "three a link here"],
    ["Setext title\n============\n\nbody\n", "Setext title"],
    ["Setext two\n---\n", "Setext two"],
    ["Windows lines\r\n=====\r\n\r\nbody\r\n", "Windows lines"],
    ["\n\n   # indented?\n", "indented?"],
    ["# with a footnote[^1]\n\n[^1]: note\n", "with a footnote"],
    ["# ~~struck~~ and **strong** and _u_\n", "struck and strong and u"],
    ["# trailing spaces   \nnext line\n", "trailing spaces"],
    ["# a\\*b\\* escaped\n", "a*b* escaped"],
    // Jekyll keeps the entity as written (`&amp;`), which the browser shows as "&" too.
    ["# fox & hound <b>bold</b>\n", "fox & hound bold"],
    ["# emoji 🦊 and &amp; entity\n", "emoji 🦊 and & entity"],
    // Jekyll: "closing hashes ##" and "heading {#custom-id}"; the page shows neither in its heading.
    ["# closing hashes ##\n", "closing hashes"],
    ["# heading {#custom-id}\n", "heading"],
    ["# closing on Windows ##\r\nbody\r\n", "closing on Windows"],
    ["# an id on Windows {#x}\r\n", "an id on Windows"],
    ["# C#\n", "C#"],
    ["# a\u2028b\n", "a b"],
  ])("reads %j as %j", (markdown, title) => {
    expect(titleFromHeading(markdown)).toBe(title);
  });
  it.each([
    ["#### four is too deep\n"],
    ["text first\n\n# later heading\n"],
    ["#no space\n"],
    ["#\n"],
    ["a paragraph\n\n===\n"],
    [""],
  ])("finds no title in %j", (markdown) => {
    expect(titleFromHeading(markdown)).toBeUndefined();
  });
  it("comes after the front matter's title and before the URL", () => {
    expect(pageTitleOf("given", "# heading\n", "/page/", "site")).toBe("given");
    expect(pageTitleOf(" ", "# heading\n", "/page/", "site")).toBe("heading");
    expect(pageTitleOf(undefined, "no heading\n", "/a-page/", "site")).toBe("a page");
    expect(pageTitleOf(undefined, undefined, "/", "site")).toBe("site");
  });
});
