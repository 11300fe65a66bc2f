// Jekyll's rules as quire reads them: what is published, where pages go, the palette file, kramdown settings.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EXCLUDES, readJekyllConfig } from "../../src/jekyll/config.ts";
import { fnmatch, jekyllEntryFilter } from "../../src/jekyll/entry-filter.ts";
import { jekyllFrontMatter } from "../../src/jekyll/front-matter.ts";
import { kramdownDifferences } from "../../src/jekyll/kramdown.ts";
import { parseColorsTsv } from "../../src/jekyll/palette.ts";
import { fillPermalink, jekyllFrontMatterPermalink, jekyllPagePath } from "../../src/jekyll/permalink.ts";
import { loadJekyllYaml } from "../../src/jekyll/yaml.ts";
import { jekyllPublishedFiles } from "../../src/jekyll/published-files.ts";
import { defaultsLine, frontMatterDefaults } from "../../src/jekyll/defaults.ts";
import { writeFixture } from "../helpers/site.ts";
import { QuireError } from "../../src/errors.ts";

describe("Jekyll's entry filter", () => {
  const passes = jekyllEntryFilter({ include: [".well-known", "_assets"], exclude: ["README.md", "scripts/", "private", ...DEFAULT_EXCLUDES] });
  it("skips names starting with _ . # ~ and backups, at any depth", () => {
    for (const skipped of ["_drafts", ".notes", "#scratch.md", "~tmp", "notes.md~", "essays/_partial.md", "essays/.DS_Store"]) {
      expect(passes(skipped), skipped).toBe(false);
    }
    expect(passes("essays/on-tools.md")).toBe(true);
  });
  it("publishes what include: lists, by name at any depth", () => {
    expect(passes(".well-known")).toBe(true);
    expect(passes("_assets")).toBe(true);
    expect(passes("docs/.well-known")).toBe(true);
  });
  it("honours exclude: as a path prefix or glob, and Jekyll's default excludes", () => {
    expect(passes("README.md")).toBe(false);
    expect(passes("scripts")).toBe(false);
    expect(passes("private")).toBe(false);
    expect(passes("privateer.md")).toBe(false); // Jekyll's prefix match, kept as Jekyll has it
    expect(passes("Gemfile")).toBe(false);
    expect(passes("node_modules")).toBe(false);
    expect(passes("vendor/bundle")).toBe(false);
    expect(passes("vendor")).toBe(true);
    expect(passes("notes/README.md")).toBe(true);
  });
  it("never publishes Jekyll's own files, even when included", () => {
    const greedy = jekyllEntryFilter({ include: ["_config.yml", "_layouts", "_data", "Gemfile", ".jekyll-cache", "_site"], exclude: [] });
    for (const name of ["_config.yml", "_layouts", "_includes", "_data", "Gemfile", "Gemfile.lock", ".jekyll-cache", "_site"]) {
      expect(greedy(name), name).toBe(false);
    }
  });
  it("matches globs as Ruby's File.fnmatch does, * crossing folders", () => {
    expect(fnmatch("*.log").test("logs/today.log")).toBe(true);
    expect(fnmatch("draft-?.md").test("draft-1.md")).toBe(true);
    expect(fnmatch("[ab].md").test("c.md")).toBe(false);
  });
});

describe("page URLs", () => {
  it("puts index files at their folder and other pages at name.html, as Jekyll does by default", () => {
    expect(jekyllPagePath("index.md")).toBe("/");
    expect(jekyllPagePath("about/index.md")).toBe("/about/");
    expect(jekyllPagePath("notes.md")).toBe("/notes.html");
    expect(jekyllPagePath("writing/2023/spring/rain/puddles.md")).toBe("/writing/2023/spring/rain/puddles.html");
    expect(jekyllPagePath("printable.html")).toBe("/printable.html");
  });
  it("gives folders when the site's permalink style ends in a slash", () => {
    expect(jekyllPagePath("notes.md", "pretty")).toBe("/notes/");
    expect(jekyllPagePath("notes.md", "/:categories/:title/")).toBe("/notes/");
    expect(jekyllPagePath("notes.md", "none")).toBe("/notes.html");
  });
  it("fills :path, :basename and :output_ext into a permalink, as Jekyll does for pages", () => {
    expect(fillPermalink("/:basename/", "pages/about.md")).toBe("/about/");
    expect(fillPermalink("/:path/:basename:output_ext", "pages/about.md")).toBe("/pages/about.html");
    expect(fillPermalink("/:path/:basename/", "about.md")).toBe("/about/");
  });
  it("writes a bare front-matter permalink to a .html file, as Jekyll does", () => {
    expect(jekyllFrontMatterPermalink("/now")).toBe("/now.html");
    expect(jekyllFrontMatterPermalink("/now/")).toBe("/now/");
    expect(jekyllFrontMatterPermalink("/feed.xml")).toBe("/feed.xml");
  });
});

describe("front matter", () => {
  it("replaces Jekyll layout names with quire's layout, and keeps layout: null bare", () => {
    expect(jekyllFrontMatter({ layout: "post", title: "x" })).toEqual({ layout: "base.njk", title: "x" });
    expect(jekyllFrontMatter({ layout: null })).toEqual({ layout: false });
    expect(jekyllFrontMatter({ title: "no layout" })).toEqual({ title: "no layout" });
  });
});

describe("_data/colors.tsv", () => {
  it("reads name and hex columns in either order", () => {
    expect(parseColorsTsv("hex\tname\n#0E4C92\tSea\n\n333\tdefault\n", "colors.tsv")).toEqual({ sea: "0e4c92", default: "333" });
  });
  it("names the file and line of a bad row", () => {
    const attempt = () => parseColorsTsv("name\thex\nsea\t0e4c92\nmoss\tgreenish\n", "_data/colors.tsv");
    expect(attempt).toThrow(QuireError);
    try {
      attempt();
    } catch (error) {
      expect((error as QuireError).format()).toMatch(/^_data\/colors\.tsv:3: /);
    }
  });
  it("refuses a file without the header", () => {
    expect(() => parseColorsTsv("sea\t0e4c92\n", "colors.tsv")).toThrow(/"name" and "hex"/);
  });
});

describe("kramdown settings", () => {
  it("names nothing but quotes for the author's configuration", () => {
    const differences = kramdownDifferences({ input: "GFM", hard_wrap: true, header_offset: 1, parse_block_html: true });
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatch(/"smart_quotes" is not set/);
  });
  it("names each setting quire renders otherwise, and settings it does not read", () => {
    const differences = kramdownDifferences({ hard_wrap: false, auto_ids: false, toc_levels: "2..3", smart_quotes: "apostrophe,apostrophe,quot,quot" });
    expect(differences.map((line) => /"(\w+)"/.exec(line)?.[1])).toEqual(["hard_wrap", "header_offset", "parse_block_html", "auto_ids", "toc_levels"]);
  });
});

describe("READMEs (GitHub Pages' jekyll-readme-index)", () => {
  const site = () =>
    writeFixture({
      "_config.yml": "title: a site\n",
      "README.md": "# a site\n\nno index.md beside me\n",
      "walks/README.md": "# walks\n",
      "walks/index.md": "---\ntitle: walks\n---\nthe folder's own index\n",
      "notes/readme.md": "notes, lower case\n",
      "tools/README.md": "---\ntitle: tools\n---\na README with front matter is a page of its own\n",
    });
  it("makes a README without front matter its folder's index page when the folder has none, and still copies it", () => {
    const input = site();
    const config = readJekyllConfig(input);
    if (!config) throw new Error("the fixture has a _config.yml");
    const files = jekyllPublishedFiles(input, config);
    expect(files.folderIndexes).toEqual(["README.md", "notes/readme.md"]);
    expect(files.pages).toEqual(expect.arrayContaining(["README.md", "notes/readme.md", "walks/index.md", "tools/README.md"]));
    expect(files.pages).not.toContain("walks/README.md");
    expect(files.copied).toEqual(expect.arrayContaining(["README.md", "notes/readme.md", "walks/README.md"]));
    expect(jekyllPagePath("README.md", "date", true)).toBe("/");
    expect(jekyllPagePath("notes/readme.md", "date", true)).toBe("/notes/");
    expect(jekyllPagePath("tools/README.md")).toBe("/tools/README.html");
  });
  it("leaves a README be where a page is already published at its folder's URL (checked against Jekyll)", () => {
    const input = writeFixture({
      "_config.yml": "title: a site\npermalink: pretty\n",
      "index.md": "home\n",
      "walks.md": "# walks page\n",
      "walks/README.md": "# walks readme\n",
      "other.md": "---\npermalink: /notes/\n---\nnotes elsewhere\n",
      "notes/README.md": "# notes readme\n",
      "tools/README.md": "# tools readme\n",
    });
    const config = readJekyllConfig(input);
    if (!config) throw new Error("the fixture has a _config.yml");
    expect(jekyllPublishedFiles(input, config).folderIndexes).toEqual(["tools/README.md"]);
  });
});

// The sets and what each page gets, as Jekyll 4.3 gave them (`{{ page.* }}` in a layout, 2026-11-25).
describe("front matter defaults", () => {
  const defaults = frontMatterDefaults([
    { scope: { path: "" }, values: { author: "everyone", color: "teal" } },
    { scope: { path: "walks" }, values: { color: "moss", hidden: true } },
    { scope: { path: "walk" }, values: { near: "prefix" } },
    { scope: { path: "notes/*.md", type: "pages" }, values: { color: "slate" } },
    { scope: { path: "walks/r*", type: "posts" }, values: { only_posts: true } },
    { scope: { path: "walks/river.md" }, values: { permalink: "/the-river/", excerpt: "a default excerpt" } },
  ]);
  it("merges every set whose scope takes the page in, the longer scope path winning", () => {
    expect(defaults.forPage("index.md")).toEqual({ author: "everyone", color: "teal" });
    expect(defaults.forPage("notes/a.md")).toEqual({ author: "everyone", color: "slate" });
    expect(defaults.forPage("walks/red.md")).toEqual({ author: "everyone", color: "moss", hidden: true, near: "prefix" });
    expect(defaults.forPage("walks/river.md")).toEqual({
      author: "everyone",
      color: "moss",
      hidden: true,
      near: "prefix",
      permalink: "/the-river/",
      excerpt: "a default excerpt",
    });
    expect(defaults.warnings).toEqual([]);
  });
  it("lets a later set of the same scope win, merges maps key by key, and warns about sets Jekyll ignores", () => {
    const later = frontMatterDefaults([
      { scope: { path: "a" }, values: { color: "red", social: { mastodon: "x", site: "y" } } },
      { scope: { path: "a" }, values: { color: "blue", social: { site: "z" } } },
      { scope: { path: "a" } },
    ]);
    expect(later.forPage("a/page.md")).toEqual({ color: "blue", social: { mastodon: "x", site: "z" } });
    expect(later.warnings).toEqual(["_config.yml: defaults: set 3 has no values: map, so Jekyll and quire both ignore it"]);
  });
  it("finds the line of a value in _config.yml's defaults:", () => {
    const config = 'title: t\ndefaults:\n- scope:\n    path: ""\n  values:\n    color: teal\n- scope:\n    path: walks\n  values: { color: "moss" }\nother: 1\n';
    expect(defaultsLine(config, "color", "moss")).toBe(9);
    expect(defaultsLine(config, "color", "teal")).toBe(6);
    expect(defaultsLine(config, "other", 1)).toBeUndefined();
  });
});

describe("YAML as Ruby reads it", () => {
  it("takes YAML 1.1's yes, no, on and off as booleans, besides true and false", () => {
    expect(loadJekyllYaml("a: no\nb: Yes\nc: off\nd: ON\ne: true\nf: FALSE\ng: \"no\"\nh: nope\n")).toEqual({
      a: false,
      b: true,
      c: false,
      d: true,
      e: true,
      f: false,
      g: "no",
      h: "nope",
    });
  });
});

describe("_config.yml", () => {
  it("reads title, url, include and exclude with Jekyll's defaults", () => {
    const site = mkdtempSync(path.join(tmpdir(), "quire-jekyll-"));
    writeFileSync(path.join(site, "_config.yml"), "title: a site\nurl: https://a.example/\nexclude: [drafts]\n");
    const config = readJekyllConfig(site);
    expect(config?.title).toBe("a site");
    expect(config?.url).toBe("https://a.example");
    expect(config?.include).toEqual([".htaccess"]);
    expect(config?.exclude).toEqual(["drafts", ...DEFAULT_EXCLUDES]);
    expect(config?.permalink).toBe("date");
  });
  it("fails on bad YAML with the file and line", () => {
    const site = mkdtempSync(path.join(tmpdir(), "quire-jekyll-"));
    writeFileSync(path.join(site, "_config.yml"), "title: fine\nurl: [unclosed\n");
    expect(() => readJekyllConfig(site)).toThrow(QuireError);
    try {
      readJekyllConfig(site);
    } catch (error) {
      expect((error as QuireError).format()).toMatch(/_config\.yml:\d+: _config\.yml is not valid YAML/);
    }
  });
  it("is no Jekyll site without _config.yml", () => {
    expect(readJekyllConfig(mkdtempSync(path.join(tmpdir(), "quire-jekyll-")))).toBeUndefined();
  });
});
