import { describe, expect, it } from "vitest";
import type { CollectionItem } from "@11ty/eleventy";
import { byDateThenTitle, isListed } from "../../src/eleventy/collections.ts";

const item = (url: string | false, data: Record<string, unknown> = {}) =>
  ({ url, data: { ...data, page: { url } } }) as unknown as CollectionItem;

describe("isListed", () => {
  it("lists pages at /name/ and Jekyll's /name.html", () => {
    expect(isListed(item("/essay/"))).toBe(true);
    expect(isListed(item("/notes.html"))).toBe(true);
  });
  it("leaves out home, 404, feeds, unpublished and drafts", () => {
    expect(isListed(item("/"))).toBe(false);
    expect(isListed(item("/404.html"))).toBe(false);
    expect(isListed(item("/404/"))).toBe(false);
    expect(isListed(item("/feed.xml"))).toBe(false);
    expect(isListed(item(false))).toBe(false);
    expect(isListed(item("/draft/", { draft: true }))).toBe(false);
    expect(isListed(item("/hidden/", { unlisted: true }))).toBe(false);
  });
});

describe("byDateThenTitle", () => {
  it("puts dated pages first, newest first, then the rest by title", () => {
    const pages = [
      item("/b/", { pageTitle: "b" }),
      item("/old/", { pageTitle: "old", date: new Date("2020-01-01") }),
      item("/a/", { pageTitle: "a" }),
      item("/new/", { pageTitle: "new", date: new Date("2024-01-01") }),
      item("/committed/", { pageTitle: "committed", pageDate: new Date("2022-06-01") }),
    ];
    expect(pages.sort(byDateThenTitle).map((p) => p.url)).toEqual(["/new/", "/committed/", "/old/", "/a/", "/b/"]);
  });
});
