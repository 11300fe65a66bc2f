import { describe, expect, it } from "vitest";
import { titleFromUrl } from "../../src/titles.ts";
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
