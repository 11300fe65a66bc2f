// --base-path /blog/: every internal link, image, stylesheet and feed URL stays under /blog/.
import { readdirSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuiltSite } from "../helpers/site.ts";

const origin = "https://example.net";
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(
    {
      "index.md": "---\ntitle: home\nlayout: home.njk\n---\nsee [an essay](/essay/) and [notes](notes/)\n",
      "essay/index.md":
        "---\ntitle: an essay\ndate: 2024-01-02\nexcerpt: x\n---\n" +
        "[home](/) [sibling](../notes/) [here](#part) [same folder](pic.png) [elsewhere](https://example.org/x)\n\n" +
        "![root image](/images/a.png) ![relative image](pic.png)\n\n" +
        "[liquid]({{ '/notes/' | relative_url }}) [absolute]({{ '/notes/' | absolute_url }})\n\n" +
        '<a href="/raw/html/">raw html</a> <img src="/raw.png" srcset="/raw-2x.png 2x, small.png 1x" alt="">\n',
      "notes/index.md": "---\ntitle: notes\ndate: 2024-01-01\n---\nnotes [back](/essay/#top)\n",
      "notes/deep/page.md": "---\ntitle: deep\n---\n[up](../../) [home](/)\n",
    },
    { basePath: "/blog/" },
  );
});

function htmlFiles(folder: string, prefix = ""): string[] {
  return readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(folder, relative);
    return entry.name.endsWith(".html") ? [relative] : [];
  });
}

/** Every URL an HTML document points at: links, assets, srcsets, canonical and og:url. */
function urlsIn($: cheerio.CheerioAPI): string[] {
  const urls: string[] = [];
  $("[href], [src], [srcset], [action], [poster]").each((_, element) => {
    for (const attribute of ["href", "src", "action", "poster"]) {
      const value = $(element).attr(attribute);
      if (value !== undefined) urls.push(value);
    }
    const srcset = $(element).attr("srcset");
    if (srcset) urls.push(...srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""));
  });
  $('meta[property="og:url"]').each((_, meta) => void urls.push($(meta).attr("content") ?? ""));
  return urls;
}

/** The URLs, as served from https://example.net/blog/, that are on this site but outside /blog/. */
function outsideBase(urls: string[], pageUrl: string): string[] {
  return urls.filter((url) => {
    if (/^(mailto|tel|data|javascript):/i.test(url)) return false;
    const resolved = new URL(url, `${origin}/blog${pageUrl}`);
    return resolved.origin === origin && !resolved.pathname.startsWith("/blog/");
  });
}

describe("a site built with --base-path /blog/", () => {
  it("has no internal link or asset outside /blog/ in any page", () => {
    const files = htmlFiles(site.output);
    expect(files.length).toBeGreaterThanOrEqual(4);
    let checked = 0;
    for (const file of files) {
      const pageUrl = `/${file.replace(/index\.html$/, "")}`;
      const urls = urlsIn(cheerio.load(site.file(file)));
      checked += urls.length;
      expect(outsideBase(urls, pageUrl), file).toEqual([]);
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("prefixes root-relative URLs and keeps relative ones relative", () => {
    const $ = site.page("/essay/");
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/blog/styles/quire.css");
    expect($('link[type="application/atom+xml"]').attr("href")).toBe("/blog/feed.xml");
    expect($('link[rel="canonical"]').attr("href")).toBe(`${origin}/blog/essay/`);
    expect($("main a").filter((_, a) => $(a).text() === "home").attr("href")).toBe("/blog/");
    expect($("main a").filter((_, a) => $(a).text() === "liquid").attr("href")).toBe("/blog/notes/");
    expect($("main a").filter((_, a) => $(a).text() === "absolute").attr("href")).toBe(`${origin}/blog/notes/`);
    expect($("main a").filter((_, a) => $(a).text() === "elsewhere").attr("href")).toBe("https://example.org/x");
  });

  it("has no URL outside /blog/ in the feed, its entries, the sitemap or robots.txt", () => {
    const feed = cheerio.load(site.file("feed.xml"), { xml: true });
    const feedUrls = [
      ...feed("link").map((_, link) => feed(link).attr("href") ?? "").get(),
      ...feed("id").map((_, id) => feed(id).text()).get(),
    ];
    expect(feedUrls).toContain(`${origin}/blog/feed.xml`);
    for (const url of feedUrls) expect(url.startsWith(`${origin}/blog/`), url).toBe(true);
    const entries = feed("entry");
    expect(entries).toHaveLength(2);
    entries.each((_, entry) => {
      const pageUrl = new URL(feed(entry).find("id").text()).pathname.replace(/^\/blog/, "");
      const content = urlsIn(cheerio.load(feed(entry).find("content").text()));
      expect(content.length).toBeGreaterThan(0);
      for (const url of content) expect(/^https?:/.test(url) || url.startsWith("#"), `${url} is absolute`).toBe(true);
      expect(outsideBase(content, pageUrl)).toEqual([]);
    });

    const sitemap = cheerio.load(site.file("sitemap.xml"), { xml: true });
    const locs = sitemap("loc").map((_, loc) => sitemap(loc).text()).get();
    expect(locs).toEqual([`${origin}/blog/`, `${origin}/blog/essay/`, `${origin}/blog/notes/`, `${origin}/blog/notes/deep/page/`]);
    expect(site.file("robots.txt")).toContain(`Sitemap: ${origin}/blog/sitemap.xml`);
  });
});
