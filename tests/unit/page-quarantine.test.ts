// Which page a dev-server build error belongs to, and the page that stands at its address meanwhile.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { MOST_LEFT_OUT, PageQuarantine } from "../../src/page-quarantine.ts";

function site() {
  const input = mkdtempSync(path.join(tmpdir(), "quire-quarantine-"));
  writeFileSync(path.join(input, "essay.md"), "---\ntitle: x\n---\n");
  return input;
}

describe("PageQuarantine", () => {
  it("takes the page a build error names first, if it is one of the site's pages and not left out already", () => {
    const input = site();
    const quarantine = new PageQuarantine(input);
    const essay = path.join(input, "essay.md");
    expect(quarantine.pageOf(`${essay}:3: "color" is "nope"\n  → a fix`)).toBe(essay);
    expect(quarantine.pageOf(`${path.relative(process.cwd(), essay)}: the front matter is not valid YAML`)).toBe(essay);
    // A layout, a page that is not there, a message naming no file.
    expect(quarantine.pageOf("layouts/base.njk:4: Nunjucks: unknown filter")).toBeUndefined();
    expect(quarantine.pageOf(`${path.join(input, "gone.md")}:1: something`)).toBeUndefined();
    expect(quarantine.pageOf("the output folder is not empty")).toBeUndefined();
    quarantine.leaveOut(essay, "essay.md:3: wrong");
    expect(quarantine.pageOf(`${essay}:3: again`)).toBeUndefined();
    // Another page of the site saved (one a build wrote) lets none back in.
    quarantine.noteOutputs([{ inputPath: path.resolve("other.md"), outputPath: "/out/other/index.html" }]);
    expect(quarantine.release(["./other.md"])).toBe(false);
    expect(quarantine.release([path.relative(process.cwd(), essay)])).toBe(true);
    expect(quarantine.pages).toEqual([]);
    // Eleventy's watcher names a file outside the working directory by its absolute path without the first "/".
    quarantine.leaveOut(essay, "essay.md:3: wrong");
    expect(quarantine.release([essay.slice(1)])).toBe(true);
    expect(quarantine.pages).toEqual([]);
  });

  it("writes, where the page was last built, what is wrong with it, escaped; a page never built is named on the page of unknown addresses", () => {
    const input = site();
    const out = mkdtempSync(path.join(tmpdir(), "quire-quarantine-out-"));
    const essay = path.join(input, "essay.md");
    const quarantine = new PageQuarantine(input);
    const outputPath = path.join(out, "essay", "index.html");
    quarantine.noteOutputs([{ inputPath: essay, outputPath }]);
    quarantine.leaveOut(essay, 'essay.md:2: "title" is <b>bold</b>');
    mkdirSync(path.dirname(outputPath), { recursive: true });
    expect(quarantine.writeErrorPages(out)).toEqual([outputPath]);
    const html = readFileSync(outputPath, "utf8");
    expect(html).toContain("&quot;title&quot; is &lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain("<b>");
    expect(existsSync(path.join(out, "404.html"))).toBe(false);
    // Pages never built have no address of their own: the dev server shows 404.html at any address without a page.
    const other = new PageQuarantine(input);
    writeFileSync(path.join(input, "second.md"), "x\n");
    other.leaveOut(essay, "essay.md:2: wrong <here>");
    other.leaveOut(path.join(input, "second.md"), "second.md:1: wrong too");
    expect(other.writeErrorPages(out)).toEqual([path.join(out, "404.html")]);
    const $ = cheerio.load(readFileSync(path.join(out, "404.html"), "utf8"));
    expect($("h1").text()).toBe("There is no page at this address");
    expect($("h2").map((_, h2) => $(h2).text()).get()).toEqual([path.relative(process.cwd(), essay), path.relative(process.cwd(), path.join(input, "second.md"))]);
    expect($("pre").map((_, pre) => $(pre).text()).get()).toEqual(["essay.md:2: wrong <here>", "second.md:1: wrong too"]);
  });

  it("leaves out, one build after another, only pages that may have broken the build, and at most MOST_LEFT_OUT in turn", () => {
    const input = site();
    const pages = Array.from({ length: MOST_LEFT_OUT + 2 }, (_, n) => {
      const page = path.join(input, `page-${n}.md`);
      writeFileSync(page, "x\n");
      return page;
    });
    const [first, second, third] = pages as [string, string, string];
    const quarantine = new PageQuarantine(input);
    const error = (page: string) => `${page}:1: broken`;
    // At the server's start every page may be broken: each named is left out in turn…
    expect(quarantine.leaveOutFor(error(first))).toBe(first);
    // …the build again without it (named by the pages' folder) keeps going…
    expect(quarantine.release([input.slice(1)])).toBe(false);
    expect(quarantine.leaveOutFor(error(second))).toBe(second);
    expect(quarantine.pages).toEqual([first, second]);
    // …until MOST_LEFT_OUT pages are out: then the fault is taken to be elsewhere.
    for (const page of pages.slice(2, MOST_LEFT_OUT)) expect(quarantine.leaveOutFor(error(page))).toBe(page);
    expect(quarantine.leaveOutFor(error(pages[MOST_LEFT_OUT]!))).toBeUndefined();
    expect(quarantine.pages).toHaveLength(MOST_LEFT_OUT);
    // The builds again say which pages they go without: those left out since the last build that went through.
    expect(quarantine.leftOutInTurn).toEqual(pages.slice(0, MOST_LEFT_OUT));
    quarantine.built();
    expect(quarantine.leftOutInTurn).toEqual([]);
    expect(quarantine.pages).toHaveLength(MOST_LEFT_OUT);

    // Once a build went through, only pages saved (or let back in) since may be left out, until one goes through.
    const later = new PageQuarantine(input, () => [path.join(input, "_includes")]);
    later.noteOutputs(pages.map((page) => ({ inputPath: page, outputPath: `${page}.html` })));
    later.built();
    expect(later.release([path.relative(process.cwd(), first), path.relative(process.cwd(), second)])).toBe(false);
    expect(later.leaveOutFor(error(third))).toBeUndefined();
    expect(later.leaveOutFor(error(second))).toBe(second);
    expect(later.release([input])).toBe(false);
    expect(later.leaveOutFor(error(first))).toBe(first);
    expect(later.pages).toEqual([second, first]);
    // Another page saved: the left-out pages stay out; it may be left out too, and so may the pages saved before
    // it while no build has gone through (a build failing for another reason, a save during the retries).
    expect(later.release([path.relative(process.cwd(), third)])).toBe(false);
    expect(later.pages).toEqual([second, first]);
    expect(later.leaveOutFor(error(pages[3]!))).toBeUndefined();
    // The pages' folder among the files saved stands for a retry, not for a file that may mend a page.
    expect(later.release([input, path.relative(process.cwd(), pages[3]!)])).toBe(false);
    expect(later.pages).toEqual([second, first]);
    expect(later.leaveOutFor(error(third))).toBe(third);
    later.built();
    // A left-out page saved again comes back, and may be left out again.
    expect(later.release([second])).toBe(true);
    expect(later.pages).toEqual([first, third]);
    expect(later.leaveOutFor(error(pages[4]!))).toBeUndefined();
    expect(later.leaveOutFor(error(second))).toBe(second);
    later.built();
    // An image or a style sheet mends no page: the left-out pages stay out…
    expect(later.release([path.join(input, "photo.jpg"), path.join(input, "style.css")])).toBe(false);
    expect(later.pages).toEqual([first, third, second]);
    // …unless it is in a folder of includes (a page may include an icon).
    expect(later.release([path.join(input, "_includes", "icon.svg")])).toBe(true);
    expect(later.pages).toEqual([]);
    for (const page of [first, third, second]) expect(later.leaveOutFor(error(page))).toBe(page);
    later.built();
    // A file that may mend a page (an include, a layout, data, a new page): all come back, and may be left out again.
    expect(later.release([path.join(input, "_includes", "note.html")])).toBe(true);
    expect(later.pages).toEqual([]);
    expect(later.leaveOutFor(error(first))).toBe(first);
    expect(later.leaveOutFor(error(pages[4]!))).toBeUndefined();
    // Let back in by an include before the next build went through, and left out again: named once.
    expect(later.release([path.join(input, "_includes", "note.html")])).toBe(true);
    expect(later.leaveOutFor(error(first))).toBe(first);
    expect(later.leftOutInTurn).toEqual([first]);
    // An include, a layout or data named by an error is not a page to leave out; a page in a folder starting
    // with "_" is.
    for (const folder of ["_includes", "_pages"]) mkdirSync(path.join(input, folder), { recursive: true });
    writeFileSync(path.join(input, "_includes", "note.html"), "{% if x %}\n");
    writeFileSync(path.join(input, "_pages", "about.md"), "x\n");
    expect(later.pageOf(`${path.join(input, "_includes", "note.html")}:1: Liquid: tag {% if x %} not closed`)).toBeUndefined();
    expect(later.pageOf(`${path.join(input, "_pages", "about.md")}:1: wrong`)).toBe(path.join(input, "_pages", "about.md"));
    // Nor is a file of the site that is not a page, such as a data file.
    writeFileSync(path.join(input, "extra.json"), "{,}\n");
    expect(later.pageOf(`${path.join(input, "extra.json")}:1: wrong`)).toBeUndefined();
  });
});
