// A Jekyll site and quire's own content/ as a reader gets them: names, palette, Liquid, page URLs,
// static files from every source, and clear errors when two files want the same path.
import { existsSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { build } from "../../src/build.ts";
import { describeBuildError } from "../../src/report-error.ts";
import { withDefaults } from "../../src/build-options.ts";
import { buildSite, writeFixture, type BuiltSite } from "../helpers/site.ts";

const fixture = path.resolve("tests/fixtures/jekyll-site");
const CONFIG = "title: a small site\nurl: https://small.example\n";

async function quietly<T>(run: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = vi.spyOn(console, "warn").mockImplementation((message: unknown) => void warnings.push(String(message)));
  try {
    const result = await run();
    // A build's own warnings come back in its result; anything else that warns goes to the console.
    const built = (result as { result?: { warnings?: string[] } }).result;
    return { result, warnings: [...warnings, ...(built?.warnings ?? [])] };
  } finally {
    warn.mockRestore();
  }
}

async function failure(files: Record<string, string>): Promise<{ message: string; output: string }> {
  const input = writeFixture(files);
  const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
  const { result: error } = await quietly(() => build({ input, output, quiet: true }).then(() => undefined, (e: unknown) => e));
  expect(error, "the build should have failed").toBeDefined();
  return { message: describeBuildError(error), output };
}

describe("the Jekyll fixture site", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = (await quietly(() => buildSite(fixture))).result;
  });

  it("is named by its _config.yml title", () => {
    const $ = site.page("/notes.html");
    expect($("title").text()).toBe("loose notes - fox's field notes");
    expect($('meta[property="og:site_name"]').attr("content")).toBe("fox's field notes");
    expect(site.page("/")("header h1").text().trim()).toBe("field notes");
  });
  it("applies _config.yml's defaults: under each page's own front matter, as Jekyll does", () => {
    // walks/ takes the colour "sea" and a walker; walks/river.md its own walker and a permalink.
    const river = site.page("/walks/the-river/");
    expect(river('meta[name="theme-color"]').attr("content")).toBe("#0e4c92");
    expect(river("main p").first().text()).toContain("walked by fox, in fog.");
    expect(site.page("/walks/")('meta[name="theme-color"]').attr("content")).toBe("#0e4c92");
    expect(site.page("/notes.html")('meta[name="theme-color"]').attr("content")).toBe("#333333");
  });
  it("takes its palette from _data/colors.tsv", () => {
    expect(site.page("/writing/2023/spring/rain/puddles.html")('meta[name="theme-color"]').attr("content")).toBe("#0e4c92");
    expect(site.page("/")('meta[name="theme-color"]').attr("content")).toBe("#4b6b2a");
    expect(site.page("/notes.html")('meta[name="theme-color"]').attr("content")).toBe("#333333");
  });
  it("renders Liquid with Jekyll's page.* and site.*", () => {
    const $ = site.page("/");
    const text = $("main").text();
    expect(text).toContain("welcome to fox's field notes.");
    expect(text).toContain("eleven kilometres at a time");
    expect(text).toContain('this page is / and it is called "field notes".');
    expect($('main a[href="/about/"]').text()).toBe("about me");
    expect($('main a[href="https://fox.example/elsewhere/"]').text()).toBe("a page that moved");
    expect(site.page("/elsewhere/")("main").text()).toContain("this page lives at /elsewhere/ because");
    expect(site.page("/elsewhere/")("main").text()).toContain("the site is https://fox.example.");
  });
  it("titles a page without a title by the heading it starts with, as GitHub Pages does, else by its URL", () => {
    expect(site.page("/notes.html")("header h1").text().trim()).toBe("loose notes");
    expect(site.page("/about/")("header h1").text().trim()).toBe("about");
    // The heading stays in the text too, as on GitHub Pages.
    expect(site.page("/notes.html")("main h2").first().text()).toContain("loose notes");
  });
  it("renders an .html page with front matter in quire's layout", () => {
    const $ = site.page("/printable.html");
    expect($("header h1").text().trim()).toBe("a printable list");
    expect($("main p").first().text()).toBe("a list for fox's field notes, written as HTML with front matter.");
  });
  it("publishes names with spaces and non-ASCII letters as they are", () => {
    expect(site.has("images/a fox at dusk.png")).toBe(true);
    expect(site.has("images/café crème.png")).toBe(true);
  });
});

describe("a Jekyll site's rules", () => {
  it("serves the site under _config.yml's baseurl, links and all", async () => {
    const { result } = await quietly(() =>
      buildSite({
        "_config.yml": `${CONFIG}baseurl: /fox\n`,
        "index.md": "home, and [about]({{ '/about.html' | relative_url }})\n",
        "about.md": "---\ntitle: about\n---\nback [home](index.md)\n",
      }),
    );
    const $ = result.page("/");
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/fox/styles/quire.css");
    expect($("main a").first().attr("href")).toBe("/fox/about.html");
    expect(result.page("/about.html")("main a").attr("href")).toBe("/fox/");
    expect(result.result.links.broken).toEqual([]);
  });

  it("writes pages at folders when the permalink style is pretty", async () => {
    const { result: site } = await quietly(() => buildSite({ "_config.yml": `${CONFIG}permalink: pretty\n`, "index.md": "home\n", "notes.md": "notes\n" }));
    expect(site.has("notes/index.html")).toBe(true);
    expect(site.has("notes.html")).toBe(false);
  });
  it("gives Jekyll layout names quire's layout, and a bare permalink its .html", async () => {
    const { result: site } = await quietly(() =>
      buildSite({ "_config.yml": CONFIG, "index.md": "home\n", "now.md": "---\nlayout: post\npermalink: /now\ntitle: now\n---\ntoday\n" }),
    );
    expect(site.page("/now.html")("header h1").text().trim()).toBe("now");
  });
  it("publishes an .html page with layout: null bare, with its Liquid rendered", async () => {
    const { result: site } = await quietly(() =>
      buildSite({ "_config.yml": CONFIG, "index.md": "home\n", "feed.html": "---\nlayout: null\n---\n<p>{{ site.title }}</p>\n" }),
    );
    expect(site.file("feed.html").trim()).toBe("<p>a small site</p>");
  });
  it("copies README.md and LICENSE.md without front matter as they are, as GitHub Pages does", async () => {
    const { result: site } = await quietly(() =>
      buildSite({ "_config.yml": CONFIG, "index.md": "home\n", "README.md": "# the repository\n", "docs/LICENSE.md": "terms\n", "readme-notes.md": "a page\n" }),
    );
    expect(site.file("README.md")).toBe("# the repository\n");
    expect(site.has("README.html")).toBe(false);
    expect(site.has("docs/LICENSE.md")).toBe(true);
    expect(site.has("docs/LICENSE.html")).toBe(false);
    expect(site.has("readme-notes.html")).toBe(true);
  });
  it("gives Liquid a heading's title as HTML, as Jekyll does, so {{ page.title }} adds no tags", async () => {
    const { result: site } = await quietly(() =>
      buildSite({ "_config.yml": CONFIG, "index.md": "home\n", "tags.md": "# the `<b>` tag & more\n\nself: {{ page.title }}\n" }),
    );
    const $ = site.page("/tags.html");
    expect($("main p").last().text()).toBe("self: the <b> tag & more");
    expect($("main b")).toHaveLength(0);
    expect($("header h1").text().trim()).toBe("the <b> tag & more");
  });
  it("warns that blog posts in _posts/ are not published", async () => {
    const { warnings } = await quietly(() => buildSite({ "_config.yml": CONFIG, "index.md": "home\n", "_posts/2024-01-01-hello.md": "hello\n" }));
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining("_posts/: Jekyll's blog posts are not published")]));
  });
  it("fails on a bad _data/colors.tsv row, naming the file and line", async () => {
    const { message } = await failure({ "_config.yml": CONFIG, "index.md": "home\n", "_data/colors.tsv": "name\thex\nsea\tblue-ish\n" });
    expect(message).toMatch(/_data\/colors\.tsv:2: /);
  });
  it("fails when a static file would overwrite a page, naming the file", async () => {
    const { message, output } = await failure({ "_config.yml": CONFIG, "index.md": "home\n", "notes.md": "---\n---\nnotes\n", "notes.html": "<p>old</p>\n" });
    expect(message).toMatch(/notes\.html would overwrite the page published at \/notes\.html/);
    expect(existsSync(output)).toBe(false);
  });
  it("applies defaults: as Jekyll 4.3 does: permalink placeholders, dates, typed sets, globs (checked against Jekyll)", async () => {
    const config = [
      CONFIG,
      "defaults:\n",
      '  - scope: { path: "pages" }\n    values: { permalink: "/:basename/", date: "2020-03-04", excerpt: "from the defaults" }\n',
      '  - scope: { path: "/notes/*.md" }\n    values: { color: "red" }\n',
      '  - scope: { path: "notes", type: pages }\n    values: { mood: "typed" }\n',
      '  - scope: { path: "notes" }\n    values: { mood: "untyped" }\n',
    ].join("");
    const { result: site } = await quietly(() =>
      buildSite({
        "_config.yml": config,
        "index.md": "home\n",
        "pages/about.md": "---\ntitle: about\n---\ndir {{ page.dir }} url {{ page.url }}\n",
        "pages/contact.md": "---\ntitle: contact\n---\ncontact page\n",
        "notes/a.md": "---\ntitle: a note\n---\nmood {{ page.mood }} colour [{{ page.color }}]\n",
        "gone.md": "---\ntitle: gone\npublished: no\n---\nnot here\n",
      }),
    );
    const about = site.page("/about/");
    expect(about("main p").text()).toBe("dir /about/ url /about/");
    expect(about('meta[name="description"]').attr("content")).toBe("from the defaults");
    expect(site.has("contact/index.html")).toBe(true);
    expect(site.file("feed.xml")).toContain("<updated>2020-03-04T00:00:00Z</updated>");
    // The set with a type wins over one without of the same length; a glob with a leading "/" takes in nothing.
    expect(site.page("/notes/a.html")("main p").text()).toBe("mood typed colour []");
    // YAML 1.1's `no`, as Ruby reads it: the page is not published.
    expect(site.has("gone.html")).toBe(false);
  });
  it("takes a title from defaults: over the page's first heading, and its own title over both", async () => {
    const config = `${CONFIG}defaults:\n  - scope: { path: "walks" }\n    values: { title: "a walk" }\n`;
    const { result: site } = await quietly(() =>
      buildSite({
        "_config.yml": config,
        "index.md": "home\n",
        "walks/river.md": "# by the river\n\nfog\n",
        "walks/hill.md": "---\ntitle: up the hill\n---\n# the climb\n",
      }),
    );
    // As Jekyll: jekyll-titles-from-headings leaves a page alone once defaults give it a title.
    expect(site.page("/walks/river.html")("header h1").text().trim()).toBe("a walk");
    expect(site.page("/walks/hill.html")("header h1").text().trim()).toBe("up the hill");
  });
  it("fails on a bad value from _config.yml's defaults:, naming _config.yml's line and the page", async () => {
    const config = `${CONFIG}defaults:\n  - scope:\n      path: "walks"\n    values:\n      color: "nosuchcolour"\n`;
    const { message } = await failure({ "_config.yml": config, "index.md": "home\n", "walks/walk.md": "---\ntitle: walk\n---\nwalking\n" });
    expect(message).toMatch(/_config\.yml:7: "color" is "nosuchcolour", which is neither a palette colour nor a hex colour \(set by defaults: for \S*walks\/walk\.md\)/);
  });
  it("refuses an include_relative that climbs out of the page's folder, naming the page and line", async () => {
    const page = "---\ntitle: walk\n---\nfirst line\n\n{% include_relative ../secret.html %}\n";
    const { message } = await failure({ "_config.yml": CONFIG, "index.md": "home\n", "walks/walk.md": page, "secret.html": "<p>secret</p>\n" });
    expect(message).toMatch(/walk\.md:6: Liquid: include_relative "\.\.\/secret\.html": name the file by its path from the page's own folder/);
  });
});

describe("quire's own content/", () => {
  it("publishes every non-page file as it is, dot-folders included", async () => {
    const site = await buildSite({
      "index.md": "home\n",
      CNAME: "fox.example\n",
      "keybase.txt": "proof\n",
      ".well-known/security.txt": "Contact: mailto:fox@fox.example\n",
      "favicon.ico": "not really an icon\n",
      "standalone.html": "<!doctype html>\n<title>mine</title>\n<p>{{ untouched }}</p>\n",
      "with-front-matter.html": "---\ntitle: rendered\n---\n<p>{{ site.name }}</p>\n",
    });
    expect(site.file("CNAME")).toBe("fox.example\n");
    expect(site.file("keybase.txt")).toBe("proof\n");
    expect(site.file(".well-known/security.txt")).toBe("Contact: mailto:fox@fox.example\n");
    expect(site.file("favicon.ico")).toBe("not really an icon\n");
    expect(site.file("standalone.html")).toBe(readFileSync(path.join(site.input, "standalone.html"), "utf8"));
    expect(site.page("/with-front-matter/")("header h1").text().trim()).toBe("rendered");
    expect(site.has("styles/quire.css")).toBe(true);
  });
  it("copies files whose names hold glob characters, and leaves such .html pages untouched", async () => {
    const site = await buildSite({ "index.md": "home\n", "art (draft) [1].html": "<p>{{ raw }}</p>\n", "notes/a+b!.txt": "plus\n" });
    expect(site.file("art (draft) [1].html")).toBe("<p>{{ raw }}</p>\n");
    expect(site.file("notes/a+b!.txt")).toBe("plus\n");
  });
  it("fails when content/ and public/ both have a file for the same path, naming both", async () => {
    const { message, output } = await failure({ "index.md": "home\n", "styles/quire.css": "body {}\n" });
    expect(message).toMatch(/styles\/quire\.css and public\/styles\/quire\.css would both be published at \/styles\/quire\.css/);
    expect(existsSync(output)).toBe(false);
  });
});

describe("a Jekyll site's `site` data", () => {
  it("lists the accounts of the site's settings once, and leaves the settings as they were, build after build", async () => {
    const settings = withDefaults().site;
    const before = structuredClone(settings);
    const input = writeFixture({ "_config.yml": CONFIG, "index.md": "home\n", "accounts.md": "---\nlayout: accounts.njk\n---\nwhere to find me\n" });
    const accounts = Object.values(before.accounts ?? {}).flat();
    expect(accounts.length).toBeGreaterThan(1);
    for (let round = 0; round < 3; round++) {
      const built = (await quietly(() => buildSite(input, { site: settings }))).result;
      const $ = built.page("/accounts.html");
      expect($(".account-group li a").map((_, a) => $(a).attr("href")).get(), `build ${round + 1}`).toEqual(accounts.map((account) => account.url));
      expect(settings).toEqual(before);
    }
  });
});
