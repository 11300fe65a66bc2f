// What a build publishes: drafts left out, the Atom feed, the sitemap and robots.txt, page dates from git.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, writeFixture, type BuiltSite } from "../helpers/site.ts";
import { withDefaults } from "../../src/build-options.ts";
import { describeBuildError } from "../../src/report-error.ts";

const xml = (text: string) => cheerio.load(text, { xml: true });

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({
    "index.md": "---\ntitle: home\nlayout: home.njk\n---\nhello\n",
    "older.md": '---\ntitle: "older & <wiser>"\ndate: 2023-05-01\nexcerpt: "an excerpt"\n---\nsee [the newer one](/newer/) and ![a picture](pic.png)\n',
    "newer/index.md": "---\ntitle: newer\ndate: 2024-02-10\n---\nthe newer page\n",
    "undated.md": "---\ntitle: undated\n---\nno date anywhere\n",
    "wip.md": "---\ntitle: work in progress\ndraft: true\ndate: 2025-01-01\n---\nnot ready\n",
    "unpublished.md": "---\ntitle: held back\npublished: false\ndate: 2025-02-01\n---\nnot yet either\n",
  });
});

describe("drafts", () => {
  it("are left out of the build, the home list, the feed and the sitemap", () => {
    expect(site.has("wip/index.html")).toBe(false);
    const home = site.page("/");
    expect(home(".page-list a").map((_, a) => home(a).attr("href")).get()).not.toContain("/wip/");
    expect(site.file("feed.xml")).not.toContain("work in progress");
    expect(xml(site.file("sitemap.xml"))("loc").map((_, loc) => xml(site.file("sitemap.xml"))(loc).text()).get()).not.toContain(
      "https://example.net/wip/",
    );
  });
  it("include pages with Jekyll's published: false, left out everywhere the same way", () => {
    expect(site.has("unpublished/index.html")).toBe(false);
    const home = site.page("/");
    expect(home(".page-list a").map((_, a) => home(a).attr("href")).get()).not.toContain("/unpublished/");
    expect(site.file("feed.xml")).not.toContain("held back");
    expect(site.file("sitemap.xml")).not.toContain("/unpublished/");
  });
});

describe("the Atom feed", () => {
  it("lists the dated published pages, newest first, with absolute URLs and escaped titles", () => {
    const $ = xml(site.file("feed.xml"));
    expect($("feed").attr("xmlns")).toBe("http://www.w3.org/2005/Atom");
    const entries = $("entry");
    expect(entries.map((_, e) => $(e).find("title").text()).get()).toEqual(["newer", "older & <wiser>"]);
    expect(entries.map((_, e) => $(e).find("id").text()).get()).toEqual(["https://example.net/newer/", "https://example.net/older/"]);
    expect(entries.first().find("updated").text()).toBe("2024-02-10T00:00:00Z");
    expect(entries.last().find("summary").text()).toBe("an excerpt");
  });
  it("takes its own <updated> from the newest page, not the time of the build", () => {
    expect(xml(site.file("feed.xml"))("feed > updated").text()).toBe("2024-02-10T00:00:00Z");
  });
  it("carries each page's rendered HTML with absolute URLs", () => {
    const $ = xml(site.file("feed.xml"));
    const content = cheerio.load($("entry").last().find("content").text());
    expect(content("a").attr("href")).toBe("https://example.net/newer/");
    expect(content("img").attr("src")).toBe("https://example.net/older/pic.png");
    expect($("entry").last().find("content").attr("type")).toBe("html");
  });
  it("carries the links the link check corrected on the page, as the page has them, under a base path too", async () => {
    const pages = {
      "index.md": "home\n",
      "other.md": "---\ntitle: other\n---\nthe other page\n",
      "linked.md": [
        "---\ntitle: linked\ndate: 2024-03-01\n---",
        "to [the source](other.md), to [a shouted part](#THE-PART), to [a quoted part](#the-boat's-part) and [home](/)",
        "",
        "# the part",
        "",
        "text",
        "",
        "# the boat's part",
        "",
        "more text",
        "",
      ].join("\n"),
    };
    for (const basePath of ["/", "/blog/"]) {
      const built = await buildSite(pages, { basePath });
      const onPage = built.page("/linked/")("main p a").map((_, a) => built.page("/linked/")(a).attr("href")).get();
      const prefix = basePath.replace(/\/$/, "");
      expect(onPage, "the page's links, corrected").toEqual([`${prefix}/other/`, "#the-part", "#the-boats-part", `${prefix}/`]);
      const entry = cheerio.load(xml(built.file("feed.xml"))("entry").first().find("content").text());
      const inFeed = entry("p a").map((_, a) => entry(a).attr("href")).get();
      const origin = `https://example.net${prefix}`;
      expect(inFeed, basePath).toEqual([`${origin}/other/`, `${origin}/linked/#the-part`, `${origin}/linked/#the-boats-part`, `${origin}/`]);
    }
  });
  it("leaves out undated pages and says which in one warning", () => {
    expect(site.file("feed.xml")).not.toContain("no date anywhere");
    expect(site.result.warnings).toHaveLength(1);
    expect(site.result.warnings[0]).toMatch(/1 page has no date, so the feed leaves it out: .*undated\.md\n {2}→ add a line like date:/);
  });
  it("carries only the newest pages when the site's settings say how many (feedEntries)", async () => {
    const small = await buildSite(site.input, { site: { ...withDefaults().site, feedEntries: 1 } });
    const $ = xml(small.file("feed.xml"));
    expect($("entry title").map((_, title) => $(title).text()).get()).toEqual(["newer"]);
    const failed = await buildSite(site.input, { site: { ...withDefaults().site, feedEntries: 0 } }).catch((error: unknown) => error);
    expect(describeBuildError(failed)).toMatch(/^site\.config\.ts: "feedEntries" is 0\n {2}→ set it to how many/);
  });
  it("is linked from every page's <head>", () => {
    for (const url of ["/", "/older/", "/newer/", "/undated/"]) {
      const link = site.page(url)('head link[rel="alternate"][type="application/atom+xml"]');
      expect(link.attr("href"), url).toBe("/feed.xml");
    }
  });
});

describe("the sitemap and robots.txt", () => {
  it("lists every published page once, with absolute URLs", () => {
    const $ = xml(site.file("sitemap.xml"));
    expect($("urlset").attr("xmlns")).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect($("url > loc").map((_, loc) => $(loc).text()).get()).toEqual([
      "https://example.net/",
      "https://example.net/newer/",
      "https://example.net/older/",
      "https://example.net/undated/",
    ]);
  });
  it("is named in robots.txt", () => {
    expect(site.file("robots.txt")).toContain("Sitemap: https://example.net/sitemap.xml");
  });
  it("gives way to the author's own robots.txt", async () => {
    const own = await buildSite({ "index.md": "home\n", "robots.txt": "User-agent: *\nDisallow: /\n" });
    // The static-file publisher copies content/robots.txt; quire only must not write one of its own.
    expect(own.has("robots.txt") ? own.file("robots.txt") : "").not.toContain("Sitemap:");
  });
});

describe("page dates from git", () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", args, {
      cwd,
      env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.net", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.net" },
    });

  it("date a page by its first commit, with one git call for the whole site", async () => {
    const repo = writeFixture({ "content/index.md": "home\n", "content/first.md": "first\n", "content/later/index.md": "later\n" });
    git(repo, "init", "-q");
    git(repo, "add", "content/index.md", "content/first.md");
    git(repo, "commit", "-q", "-m", "one", "--date", "2021-03-04T05:06:07Z");
    writeFileSync(path.join(repo, "content/first.md"), "first, edited\n");
    git(repo, "add", "content/first.md");
    git(repo, "commit", "-q", "-m", "two", "--date", "2022-08-09T10:11:12Z");

    // A `git` on PATH that notes each call, then runs the real one.
    const bin = mkdtempSync(path.join(tmpdir(), "quire-bin-"));
    const calls = path.join(bin, "calls");
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(path.join(bin, "git"), `#!/bin/sh\necho "$@" >> "${calls}"\nexec "${real}" "$@"\n`);
    chmodSync(path.join(bin, "git"), 0o755);
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    let dated: BuiltSite;
    try {
      dated = await buildSite(path.join(repo, "content"));
    } finally {
      process.env.PATH = savedPath;
    }
    expect(readFileSync(calls, "utf8").trim().split("\n")).toHaveLength(1);

    const $ = xml(dated.file("feed.xml"));
    const entry = $("entry").filter((_, e) => $(e).find("id").text() === "https://example.net/first/");
    expect(entry.find("updated").text()).toBe("2021-03-04T05:06:07Z");
    // Committed twice, dated by the first; never committed, left out and named.
    expect($("entry id").map((_, id) => $(id).text()).get()).not.toContain("https://example.net/later/");
    expect(dated.result.warnings.join("\n")).toContain(path.join("later", "index.md"));
  });
});
