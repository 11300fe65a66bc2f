import { describe, expect, it } from "vitest";
import { feedEntries, newestDate, undatedWarning } from "../../src/feed-entries.ts";
import { sitemapUrls } from "../../src/sitemap-urls.ts";

const page = (url: string, date?: string) => ({
  url,
  inputPath: `./content${url}index.md`,
  data: { pageDate: date ? new Date(date) : undefined },
});

describe("feedEntries", () => {
  it("keeps dated pages, newest first, same-day pages by URL", () => {
    const pages = [page("/b/", "2024-01-01"), page("/none/"), page("/c/", "2025-01-01"), page("/a/", "2024-01-01")];
    expect(feedEntries(pages).map((p) => p.url)).toEqual(["/c/", "/a/", "/b/"]);
  });
  it("keeps only the newest when given a limit", () => {
    const pages = [page("/b/", "2024-01-01"), page("/c/", "2025-01-01"), page("/a/", "2023-01-01")];
    expect(feedEntries(pages, 2).map((p) => p.url)).toEqual(["/c/", "/b/"]);
  });
});

describe("newestDate", () => {
  it("is the newest page's date, or the epoch for an empty feed, never now", () => {
    expect(newestDate([page("/a/", "2020-02-02"), page("/b/", "2021-03-03")]).toISOString()).toBe("2021-03-03T00:00:00.000Z");
    expect(newestDate([]).getTime()).toBe(0);
  });
});

describe("undatedWarning", () => {
  it("names the undated pages in one line with a fix, or says nothing", () => {
    expect(undatedWarning([page("/a/", "2020-01-01")])).toBeUndefined();
    const warning = undatedWarning([page("/z/"), page("/a/", "2020-01-01"), page("/b/")]);
    expect(warning).toBe(
      "2 pages have no date, so the feed leaves them out: content/b/index.md, content/z/index.md\n" +
        "  → add a line like date: 2024-07-31 to the front matter, or commit the page to git",
    );
  });
  it("names the first ten in order and counts the rest, so a thousand undated pages still make one short line", () => {
    const pages = Array.from({ length: 1000 }, (_, i) => page(`/p${String(i).padStart(4, "0")}/`));
    const [first] = (undatedWarning(pages.reverse()) ?? "").split("\n");
    expect(first).toBe(
      "1000 pages have no date, so the feed leaves them out: " +
        Array.from({ length: 10 }, (_, i) => `content/p000${i}/index.md`).join(", ") +
        " and 990 more",
    );
  });
});

describe("sitemapUrls", () => {
  it("lists page URLs once, sorted, without the 404 page, drafts, files or unwritten pages", () => {
    const items = [
      { url: "/b/", data: {} },
      { url: "/notes.html", data: {} },
      { url: "/", data: {} },
      { url: "/404.html", data: {} },
      { url: "/feed.xml", data: {} },
      { url: false as const, data: {} },
      { url: "/draft/", data: { draft: true } },
      { url: "/held/", data: { published: false } },
      { url: "/b/", data: {} },
    ];
    expect(sitemapUrls(items)).toEqual(["/", "/b/", "/notes.html"]);
  });
});
