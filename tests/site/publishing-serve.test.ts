// `npm start` as an author uses it: the real dev server on a free port, a bad edit reported in quire's words
// while the server keeps answering, and a fixed file served again without a restart.
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterEach, describe, expect, it } from "vitest";
import type { Eleventy } from "@11ty/eleventy";
import { MOST_LEFT_OUT } from "../../src/page-quarantine.ts";
import { serve } from "../../src/serve.ts";
import { buildSite, writeFixture } from "../helpers/site.ts";
import { freePort, servedPort, within } from "../helpers/waiting.ts";

let running: Eleventy | undefined;
afterEach(async () => {
  await running?.stopWatch();
  running = undefined;
});

async function start(files: Record<string, string>, insideProject = false, basePath?: string) {
  const input = insideProject ? writeInsideProject(files) : writeFixture(files);
  const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-serve-")), "site");
  const lines: { line: string; kind: string }[] = [];
  running = await serve({ input, output, port: await freePort(), basePath, print: (line, kind) => lines.push({ line, kind }) });
  const port = servedPort(lines);
  const fetchPage = async (url: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${url}`);
    return { status: response.status, $: cheerio.load(await response.text()) };
  };
  // The watcher can miss a write made in the first moments after it reports ready; an author never types that fast.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const errors = () => lines.filter((entry) => entry.kind === "error").map((entry) => entry.line);
  return { input, output, port, lines, errors, fetchPage };
}

/** A folder of pages inside the working directory, given to quire by a relative path, as `content` is. */
function writeInsideProject(files: Record<string, string>): string {
  // Relative, as `content` is when the CLI runs: Eleventy matches watcher paths against the input as given.
  const input = path.relative(process.cwd(), mkdtempSync(path.join(process.cwd(), ".test-serve-")));
  cleanups.push(() => rmSync(input, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(input, name), text);
  return input;
}
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const essay = (title: string, colour = "teal") => `---\ntitle: "${title}"\ncolor: "${colour}"\n---\nthe body\n`;

describe("the dev server", () => {
  it("refuses an output folder inside the build cache, or holding it, before serving anything", async () => {
    const input = writeFixture({ "index.md": essay("home") });
    const dir = mkdtempSync(path.join(tmpdir(), "quire-serve-"));
    const cacheDir = path.join(dir, "cache");
    for (const output of [path.join(cacheDir, "site"), dir]) {
      const error = await serve({ input, output, cacheDir, port: await freePort(), print: () => {} }).then(
        (server) => ((running = server), undefined),
        (e: unknown) => e,
      );
      expect(String(error)).toContain("overlaps the build cache");
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reports a bad edit in quire's words, keeps serving, and recovers when the file is fixed", async () => {
    const site = await start({ "index.md": "home\n", "essay.md": essay("first") });
    expect((await site.fetchPage("/essay/")).$("h1").text().trim()).toBe("first");

    writeFileSync(path.join(site.input, "essay.md"), essay("second", "deep-purpel"));
    const reported = await within(10, "the error report", () => site.errors().find((line) => line.includes("essay.md:3:")));
    expect(reported).toContain('"color" is "deep-purpel", which is neither a palette colour nor a hex colour');
    expect(reported).toContain('→ did you mean "deeppurple"?');
    expect(reported).not.toContain("    at "); // no stack dump
    // The page's address says what is wrong with it until it is fixed.
    const during = await within(10, "the error page", async () => {
      const page = await site.fetchPage("/essay/");
      return page.$("h1").text().includes("could not be built") ? page : undefined;
    });
    expect(during.status).toBe(200);
    expect(during.$("h1").text()).toMatch(/essay\.md could not be built$/);
    expect(during.$("pre").text()).toContain('"color" is "deep-purpel", which is neither a palette colour nor a hex colour');

    writeFileSync(path.join(site.input, "essay.md"), essay("fixed"));
    await within(10, "the fixed page", async () => ((await site.fetchPage("/essay/")).$("h1").text().trim() === "fixed" ? true : undefined));
    // The files land a moment before the build finishes and prints its line.
    await within(5, "the rebuild line", () => site.lines.find((entry) => entry.kind === "info" && /rebuilt \d+ pages/.test(entry.line)));
  });

  it.each([
    ["inside the working directory", true],
    ["elsewhere (an absolute --input)", false],
  ])("builds the rest of the site without a page it cannot build, until that page is saved again (pages %s)", async (_where, insideProject) => {
    const site = await start({ "index.md": "---\nlayout: home.njk\n---\nhome\n", "broken.md": essay("broken"), "other.md": essay("other") }, insideProject);
    writeFileSync(path.join(site.input, "broken.md"), essay("broken", "no-such-colour"));
    await within(10, "the page left out", () => site.errors().find((line) => line.includes("the rest of the site is built without it")));
    // Another page's edits still show: its title (a full rebuild) and then its text alone.
    writeFileSync(path.join(site.input, "other.md"), essay("other, renamed"));
    await within(10, "the other page's new title", async () => ((await site.fetchPage("/other/")).$("h1").text().trim() === "other, renamed" ? true : undefined));
    writeFileSync(path.join(site.input, "other.md"), essay("other, renamed").replace("the body", "a new body"));
    await within(10, "the other page's new text", async () => ((await site.fetchPage("/other/")).$("main").text().includes("a new body") ? true : undefined));
    const broken = await site.fetchPage("/broken/");
    expect(broken.$("pre").text()).toContain('"color" is "no-such-colour"');
    // Saved still broken: left out again. Then fixed: back.
    writeFileSync(path.join(site.input, "broken.md"), essay("still broken", "no-such-colour"));
    await within(10, "the second report", () => (site.errors().filter((line) => line.includes("the rest of the site is built without it")).length >= 2 ? true : undefined));
    writeFileSync(path.join(site.input, "broken.md"), essay("mended"));
    await within(10, "the mended page", async () => ((await site.fetchPage("/broken/")).$("h1").text().trim() === "mended" ? true : undefined));
    const $ = (await site.fetchPage("/")).$;
    expect($(".page-list a").map((_, a) => $(a).attr("href")).get().sort()).toEqual(["/broken/", "/other/"]);
  });

  it("leaves out every page it cannot build, at the start or saved at once; names pages never built at any address without a page; lets them in when a file they need changes", async () => {
    const broken = (title: string) => `---\ntitle: "${title}"\nexcerpt: [unclosed\n---\nbody\n`;
    const site = await start({
      "_config.yml": "title: a site\n",
      "index.md": "home\n",
      "a.md": broken("a"),
      "b.md": broken("b"),
      "c.md": `---\ntitle: c\n---\nbefore {% include note.html %} after\n`,
      "d.md": essay("d"),
    });
    // Three pages broken at the start: each is left out in turn (a build each, after the server is up), and the
    // rest is served.
    await within(10, "the site built without the three", async () => ((await site.fetchPage("/d/")).status === 200 ? true : undefined));
    expect((await site.fetchPage("/d/")).$("h1").text().trim()).toBe("d");
    const missing = await site.fetchPage("/a/");
    expect(missing.status).toBe(404);
    expect(missing.$("h1").text()).toBe("There is no page at this address");
    const named = () => missing.$("h2").map((_, h2) => path.basename(missing.$(h2).text())).get().sort();
    expect(named()).toEqual(["a.md", "b.md", "c.md"]);
    expect(missing.$("pre").text()).toMatch(/a\.md:\d+: the front matter is not valid YAML/);

    // The include c.md needs is written: c.md is built without being saved (a and b are tried again, and left out).
    mkdirSync(path.join(site.input, "_includes"));
    writeFileSync(path.join(site.input, "_includes", "note.html"), "<em>the note</em>");
    await within(10, "c.md with its include", async () => ((await site.fetchPage("/c/")).$("main").text().includes("the note") ? true : undefined));
    await within(10, "a and b left out again", async () => {
      const page = await site.fetchPage("/b/");
      const listed = page.$("h2").map((_, h2) => path.basename(page.$(h2).text())).get().sort();
      return page.status === 404 && listed.join() === "a.md,b.md" ? true : undefined;
    });

    // Both fixed by one save, then both broken by one save: both are left out, each at its address.
    writeFileSync(path.join(site.input, "a.md"), essay("a fixed"));
    writeFileSync(path.join(site.input, "b.md"), essay("b fixed"));
    await within(10, "a and b back", async () => ((await site.fetchPage("/a/")).$("h1").text().trim() === "a fixed" && (await site.fetchPage("/b/")).$("h1").text().trim() === "b fixed" ? true : undefined));
    // (After a reload of the settings: a failed build then must still let its static-file copy finish.)
    writeFileSync(path.join(site.input, "_config.yml"), "title: a renamed site\n");
    await within(10, "the renamed site", async () => ((await site.fetchPage("/d/")).$("title").text() === "d - a renamed site" ? true : undefined));
    writeFileSync(path.join(site.input, "a.md"), broken("a again"));
    writeFileSync(path.join(site.input, "b.md"), broken("b again"));
    await within(10, "both error pages", async () => {
      const [a, b] = [await site.fetchPage("/a/"), await site.fetchPage("/b/")];
      return /a\.md could not be built$/.test(a.$("h1").text()) && /b\.md could not be built$/.test(b.$("h1").text()) ? true : undefined;
    });
    // The rest of the site goes on updating.
    writeFileSync(path.join(site.input, "d.md"), essay("d, renamed"));
    await within(10, "d's new title", async () => ((await site.fetchPage("/d/")).$("h1").text().trim() === "d, renamed" ? true : undefined));
  });

  it("leaves out a page whose text-only save opens an aside it never closes, naming its file and line", async () => {
    const site = await start({ "index.md": "home\n", "a.md": essay("a"), "d.md": essay("d") });
    writeFileSync(path.join(site.input, "a.md"), essay("a").replace("the body\n", "the body\n\n<details><summary>more</summary>\n\nhidden\n"));
    const report = await within(10, "a.md left out", () => site.errors().find((line) => line.includes("the rest of the site is built without it")));
    expect(report).toMatch(/a\.md:7: <details> is opened here and never closed/);
    await within(10, "a's error page", async () => (/a\.md could not be built$/.test((await site.fetchPage("/a/")).$("h1").text()) ? true : undefined));
  });

  it("serves from .quire-preview/ unless told otherwise, never _site/, emptied at each start", async () => {
    const name = `preview-${process.pid}-${Date.now()}`;
    const input = writeFixture({ "index.md": "home\n", [`${name}.md`]: essay("a draft", "teal").replace("title:", "draft: true\ntitle:") });
    const lines: { line: string }[] = [];
    const leftover = path.join(".quire-preview", "gone", "index.html");
    mkdirSync(path.dirname(leftover), { recursive: true });
    writeFileSync(path.join(".quire-preview", ".quire-output"), "");
    writeFileSync(leftover, "<p>a page deleted since the last session</p>");
    running = await serve({ input, port: await freePort(), print: (line) => lines.push({ line }) });
    expect(readFileSync(path.join(".quire-preview", name, "index.html"), "utf8")).toContain("a draft");
    expect(existsSync(path.join("_site", name))).toBe(false);
    expect((await fetch(`http://127.0.0.1:${servedPort(lines)}/gone/`)).status).toBe(404);
  });

  it("empties an output folder given by a link to it, keeping the link", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "quire-serve-"));
    const real = path.join(dir, "real");
    mkdirSync(path.join(real, "gone"), { recursive: true });
    writeFileSync(path.join(real, ".quire-output"), "");
    writeFileSync(path.join(real, "gone", "index.html"), "<p>old</p>");
    symlinkSync(real, path.join(dir, "link"));
    const input = writeFixture({ "index.md": "home\n" });
    running = await serve({ input, output: `${path.join(dir, "link")}/`, port: await freePort(), print: () => {} });
    expect(lstatSync(path.join(dir, "link")).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(real, "index.html"))).toBe(true);
    expect(existsSync(path.join(real, "gone"))).toBe(false);
  });

  it("keeps a broken page out whatever comes between: a save of broken YAML, a broken data file, a rename", async () => {
    const brokenYaml = (title: string) => `---\ntitle: "${title}"\nexcerpt: [unclosed\n---\nbody\n`;
    const site = await start({ "index.md": "home\n", "a.md": essay("a"), "d.md": essay("d"), "_data/extra.json": '{"x": 1}\n' });
    const leftOut = () => site.errors().filter((line) => line.includes("the rest of the site is built without it"));
    const renamed = async (title: string) => {
      writeFileSync(path.join(site.input, "d.md"), essay(title));
      await within(10, `d titled "${title}"`, async () => ((await site.fetchPage("/d/")).$("h1").text().trim() === title ? true : undefined));
    };
    // Saved alone with front matter that cannot be read (a text-only edit is tried first): left out, named.
    writeFileSync(path.join(site.input, "a.md"), brokenYaml("a"));
    const report = await within(10, "a.md left out", () => leftOut()[0]);
    expect(report).toMatch(/a\.md:3: the front matter is not valid YAML: this line opens a list with \[/);
    await renamed("d, once");
    // A data file broken (every page comes back in and the build fails on the data), then mended: a.md is
    // left out again rather than stopping the site.
    writeFileSync(path.join(site.input, "a.md"), essay("a", "no-such-colour"));
    await within(10, "a.md left out again", () => leftOut()[1]);
    writeFileSync(path.join(site.input, "_data", "extra.json"), '{"x": 1,,}\n');
    await within(10, "the data error", () => site.errors().find((line) => line.includes("extra.json")));
    writeFileSync(path.join(site.input, "_data", "extra.json"), '{"x": 2}\n');
    await renamed("d, twice");
    // Renamed while broken: left out under its new name.
    renameSync(path.join(site.input, "a.md"), path.join(site.input, "b.md"));
    await within(10, "b.md left out", () => leftOut().find((line) => /b\.md:3: "color" is "no-such-colour"/.test(line)));
    await renamed("d, thrice");
    // Not an error: the rename's first build, which still looked for a.md, is followed by one without it.
    expect(site.errors().filter((line) => line.includes("could not be rebuilt") && /\b[ab]\.md\b/.test(line))).toEqual([]);
  });

  it("leaves out both of two pages saved broken at once, even with a save landing between the builds", async () => {
    const site = await start({ "index.md": "home\n", "a.md": essay("a"), "b.md": essay("b"), "c.md": essay("c") });
    // c.md is saved the moment a.md is left out: its build comes before the build without a.md, and fails on b.md.
    const watcher = (running as unknown as { watcher: { emit(event: string, file: string): void } }).watcher;
    const c = path.join(site.input, "c.md");
    const printed = site.lines.length;
    const saveC = setInterval(() => {
      if (!site.lines.slice(printed).some((entry) => entry.line.includes("the rest of the site is built without it"))) return;
      clearInterval(saveC);
      writeFileSync(c, essay("c, renamed"));
      watcher.emit("change", c);
    }, 1);
    writeFileSync(path.join(site.input, "a.md"), essay("a", "no-such-colour"));
    writeFileSync(path.join(site.input, "b.md"), essay("b", "no-such-colour"));
    await within(10, "c's new title", async () => ((await site.fetchPage("/c/")).$("h1").text().trim() === "c, renamed" ? true : undefined));
    clearInterval(saveC);
    // The watcher may see b.md's save only after a build with c's went through: b is left out by the next one.
    for (const name of ["a", "b"]) {
      await within(10, `${name}'s error page`, async () => (new RegExp(`${name}\\.md could not be built$`).test((await site.fetchPage(`/${name}/`)).$("h1").text()) ? true : undefined));
    }
  });

  it("leaves out a page in a folder starting with \"_\", and lets a page in when an include of any kind it needs is written", async () => {
    const site = await start({
      "_config.yml": "title: s\ninclude: [_pages]\n",
      "index.md": "home\n",
      "c.md": "---\ntitle: c\n---\nan icon: {% include icon.svg %}\n",
      "_pages/about.md": essay("about"),
      "d.md": essay("d"),
    });
    // c.md needs an include that is not there yet: left out at the start.
    expect((await site.fetchPage("/c.html")).status).toBe(404);
    mkdirSync(path.join(site.input, "_includes"));
    writeFileSync(path.join(site.input, "_includes", "icon.svg"), "<svg><title>the icon</title></svg>");
    await within(10, "c.html with its icon", async () => ((await site.fetchPage("/c.html")).$("main").text().includes("the icon") ? true : undefined));
    // A page published from a folder starting with "_" is a page like another: left out when broken.
    writeFileSync(path.join(site.input, "_pages", "about.md"), essay("about", "no-such-colour"));
    await within(10, "about.md left out", () => site.errors().find((line) => line.includes("the rest of the site is built without it") && line.includes("about.md:3:")));
    writeFileSync(path.join(site.input, "d.md"), essay("d, renamed"));
    await within(10, "d's new title", async () => ((await site.fetchPage("/d.html")).$("h1").text().trim() === "d, renamed" ? true : undefined));
  });

  it("reports a missing file a data file reads, rather than taking it for a page renamed during the build", async () => {
    const reads = "module.exports = () => require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'notes', 'missing.txt'), 'utf8');\n";
    const site = await start({ "index.md": "home\n", "d.md": essay("d"), "_data/notes.cjs": reads });
    expect(site.errors().join("\n")).toMatch(/^quire: the site could not be rebuilt[^]*ENOENT: no such file or directory, open '[^']*missing\.txt'/);
    writeFileSync(path.join(site.input, "_data", "notes.cjs"), "module.exports = () => 'no notes';\n");
    await within(10, "the site, once the data file is mended", async () => ((await site.fetchPage("/d/")).status === 200 ? true : undefined));
  });

  it(`still names the pages it left out when more than ${MOST_LEFT_OUT} are broken at the start`, async () => {
    const files: Record<string, string> = { "index.md": "home\n", "good.md": essay("good") };
    for (let n = 0; n <= MOST_LEFT_OUT; n++) files[`broken-${String(n).padStart(2, "0")}.md`] = essay(`broken ${n}`, "no-such-colour");
    const site = await start(files);
    // Each left out in turn (a build each), until the fault is taken to be elsewhere.
    await within(20, "the last report", () => site.errors().find((line) => line.startsWith("quire: the site could not be rebuilt")));
    expect(site.errors().filter((line) => line.includes("the rest of the site is built without it"))).toHaveLength(MOST_LEFT_OUT);
    const page = await site.fetchPage("/good/");
    expect(page.status).toBe(404);
    expect(page.$("h2").length).toBe(MOST_LEFT_OUT);
    expect(page.$("pre").first().text()).toMatch(/broken-\d\d\.md:3: "color" is "no-such-colour"/);
  });

  it("leaves out the page saved at another's address, and never writes an error page over a page built there", async () => {
    const site = await start({ "index.md": "home\n", "a.md": essay("a"), "b.md": essay("b"), "c.md": essay("c"), "o.md": essay("o") });
    const leftOut = () => site.errors().filter((line) => line.includes("the rest of the site is built without it"));
    // b.md saved with a's address: b.md, the page saved, is left out; a keeps its address.
    writeFileSync(path.join(site.input, "b.md"), essay("b").replace("title:", "permalink: /a/\ntitle:"));
    const report = await within(10, "b.md left out", () => leftOut()[0]);
    expect(report).toMatch(/Output conflict[^]*→ these pages publish at one address/);
    await within(10, "b's error page", async () => (/b\.md could not be built$/.test((await site.fetchPage("/b/")).$("h1").text()) ? true : undefined));
    expect((await site.fetchPage("/a/")).$("h1").text().trim()).toBe("a");
    writeFileSync(path.join(site.input, "o.md"), essay("o, renamed"));
    await within(10, "o's new title", async () => ((await site.fetchPage("/o/")).$("h1").text().trim() === "o, renamed" ? true : undefined));
    // a.md broken and left out, then c.md given its address: c is served there, and a is named on the 404 page.
    writeFileSync(path.join(site.input, "a.md"), essay("a", "no-such-colour"));
    await within(10, "a.md left out", () => leftOut()[1]);
    writeFileSync(path.join(site.input, "c.md"), essay("c at a").replace("title:", "permalink: /a/\ntitle:"));
    await within(10, "c at a's address", async () => ((await site.fetchPage("/a/")).$("h1").text().trim() === "c at a" ? true : undefined));
    await within(10, "a.md named on the 404 page", async () => {
      const missing = await site.fetchPage("/nowhere/");
      return missing.$("h2").map((_, h2) => path.basename(missing.$(h2).text())).get().includes("a.md") ? true : undefined;
    });
    expect((await site.fetchPage("/a/")).$("h1").text().trim()).toBe("c at a");
  });

  it("shows a left-out page's error at every address it was paginated to", async () => {
    const list = (colour: string) => `---\ntitle: list\ncolor: ${colour}\npagination:\n  data: items\n  size: 1\nitems: [x, y, z]\npermalink: "/list/{{ pagination.pageNumber }}/"\n---\nitem {{ pagination.items[0] }}\n`;
    const site = await start({ "index.md": "home\n", "list.md": list("teal") });
    expect((await site.fetchPage("/list/1/")).$("main").text()).toContain("item y");
    writeFileSync(path.join(site.input, "list.md"), list("no-such-colour"));
    await within(10, "the error pages", async () => {
      const pages = await Promise.all(["/list/0/", "/list/1/", "/list/2/"].map((url) => site.fetchPage(url)));
      return pages.every((page) => /list\.md could not be built$/.test(page.$("h1").text())) ? true : undefined;
    });
  });

  it("lets no left-out page back in for settings it refuses as broken", async () => {
    const site = await start({ "_config.yml": "title: s\n", "index.md": "home\n", "a.md": essay("a") });
    const leftOut = () => site.errors().filter((line) => line.includes("the rest of the site is built without it"));
    writeFileSync(path.join(site.input, "a.md"), essay("a", "no-such-colour"));
    await within(10, "a.md left out", () => leftOut()[0]);
    writeFileSync(path.join(site.input, "_config.yml"), 'title: "unclosed\n');
    await within(10, "the settings error", () => site.errors().find((line) => line.includes("were not read again")));
    // The build the save starts (with the last settings) goes through without a.md.
    await within(10, "the rebuild", () => site.lines.filter((entry) => /rebuilt \d+ pages/.test(entry.line)).at(1));
    expect(leftOut()).toHaveLength(1);
  });

  it("does not take a broken include for a page: the site waits for it, and no page is left out for it", async () => {
    const site = await start({ "_config.yml": "title: s\n", "index.md": "home\n", "c.md": "---\ntitle: c\n---\n{% include note.html %}\n", "_includes/note.html": "<em>note</em>" });
    writeFileSync(path.join(site.input, "_includes", "note.html"), "{% if x %}note");
    const report = await within(10, "the include's error", () => site.errors().find((line) => line.includes("note.html")));
    expect(report).toMatch(/^quire: the site could not be rebuilt/);
    writeFileSync(path.join(site.input, "_includes", "note.html"), "<em>the mended note</em>");
    await within(10, "c.md with the mended note", async () => ((await site.fetchPage("/c/")).$("main").text().includes("the mended note") ? true : undefined));
    expect(site.errors().filter((line) => line.includes("the rest of the site is built without it"))).toEqual([]);
  });

  it.each([
    ["inside the working directory", true],
    ["elsewhere (an absolute --input)", false],
  ])("stops serving a page once its file is deleted or it moves, with the pages %s", async (_where, insideProject) => {
    const home = "---\nlayout: home.njk\n---\nhome\n";
    const site = await start({ "index.md": home, "gone.md": essay("soon gone"), "moving.md": essay("moving") }, insideProject);
    expect((await site.fetchPage("/gone/")).status).toBe(200);
    rmSync(path.join(site.input, "gone.md"));
    writeFileSync(path.join(site.input, "moving.md"), `---\ntitle: moving\npermalink: /elsewhere/\n---\nmoved\n`);
    await within(10, "the moved page", async () => ((await site.fetchPage("/elsewhere/")).status === 200 ? true : undefined));
    await within(10, "the deleted page to go", async () => ((await site.fetchPage("/gone/")).status === 404 ? true : undefined));
    expect((await site.fetchPage("/moving/")).status).toBe(404);
    const $ = (await site.fetchPage("/")).$;
    expect($(".page-list a").map((_, a) => $(a).attr("href")).get()).toEqual(["/elsewhere/"]);
  });

  it("starts even when the content is broken, shows drafts with a banner, and serves once fixed", async () => {
    const site = await start({
      "index.md": "home\n",
      "essay.md": "---\ntitle: x\nexcerpt: [unclosed\n---\nbody\n",
      "wip.md": "---\ntitle: not yet\ndraft: true\n---\nwork in progress\n",
      "held.md": "---\ntitle: held back\npublished: false\n---\nJekyll's word for a draft\n",
    });
    expect(site.errors().join("\n")).toMatch(/essay\.md:\d+: the front matter is not valid YAML/);
    writeFileSync(path.join(site.input, "essay.md"), essay("repaired"));
    await within(10, "the repaired page", async () => ((await site.fetchPage("/essay/")).$("h1").text().trim() === "repaired" ? true : undefined));
    const draft = await site.fetchPage("/wip/");
    expect(draft.$(".draft-banner").text()).toContain("draft: true");
    const held = await site.fetchPage("/held/");
    expect(held.$(".draft-banner").text()).toContain("published: false");
  });

  it("re-renders a page alone when only its text changed, writing what a full build writes", async () => {
    const body = "1. contents\n{:toc}\n\n# the start\n\nfirst words\nsee [the other page](/other/#the-end)\n\n# the end\n\nlast words\n";
    const files = {
      "index.md": "home\n",
      "essay.md": `---\ntitle: essay\ncolor: teal\n---\n${body}`,
      "other.md": "---\ntitle: other\n---\n# the end\n\nback to [the essay's start](/essay/#the-start)\n",
    };
    const site = await start(files);
    const quickLines = () => site.lines.filter((entry) => /re-rendered \S*essay\.md in \d+ ms/.test(entry.line));
    const fullLines = () => site.lines.filter((entry) => /rebuilt \d+ pages/.test(entry.line));

    // A new line of text: only the essay is rendered again.
    appendFileSync(path.join(site.input, "essay.md"), "a sentence added while previewing\n");
    await within(10, "the quick re-render", () => quickLines()[0]);
    expect(fullLines()).toHaveLength(0);
    const served = await site.fetchPage("/essay/");
    expect(served.$("main p").last().text()).toContain("a sentence added while previewing");
    // Byte for byte the page a build of the same files writes.
    const built = await buildSite(site.input);
    expect(readFileSync(path.join(site.output, "essay/index.html"), "utf8")).toBe(built.file("essay/index.html"));

    // A broken link in the new text is reported with its line, as after a full build.
    appendFileSync(path.join(site.input, "essay.md"), "and [a wrong turn](#the-middle)\n");
    const report = await within(10, "the link report", () => site.lines.find((entry) => entry.kind === "warning" && entry.line.includes("#the-middle")));
    expect(report.line).toMatch(/essay\.md:17: broken link "a wrong turn"/);
    expect(quickLines()).toHaveLength(2);

    // A renamed heading changes an id another page may link to: the whole site is rebuilt.
    writeFileSync(path.join(site.input, "essay.md"), files["essay.md"].replace("# the start", "# the beginning"));
    await within(10, "a full rebuild", () => fullLines()[0]);
    const renamed = await site.fetchPage("/essay/");
    expect(renamed.$("nav.toc a").first().attr("href")).toBe("#the-beginning");
    await within(10, "the other page's link report", () => site.lines.find((entry) => entry.kind === "warning" && entry.line.includes("other.md:6: broken link")));

    // So is a change of front matter (the title shows on other pages: breadcrumbs, the home list).
    writeFileSync(path.join(site.input, "essay.md"), files["essay.md"].replace("title: essay", "title: retitled"));
    await within(10, "the second full rebuild", () => fullLines()[1]);
    expect((await site.fetchPage("/essay/")).$("h1").text().trim()).toBe("retitled");
    expect(quickLines()).toHaveLength(2);

    // And a new first heading on a page without a title: it is the page's title, even where its id stays.
    writeFileSync(path.join(site.input, "untitled.md"), "# old words {#intro}\n\ntext\n");
    await within(10, "the new page's rebuild", () => fullLines()[2]);
    expect((await site.fetchPage("/untitled/")).$("h1").text().trim()).toBe("old words");
    writeFileSync(path.join(site.input, "untitled.md"), "# new words {#intro}\n\ntext\n");
    await within(10, "the retitling rebuild", () => fullLines()[3]);
    expect((await site.fetchPage("/untitled/")).$("h1").text().trim()).toBe("new words");
    expect(quickLines()).toHaveLength(2);

    // On a page whose front matter names its title, the first heading is only text: re-rendered alone.
    writeFileSync(path.join(site.input, "titled.md"), "---\ntitle: named\n---\n# old words {#intro}\n\ntext\n");
    await within(10, "the titled page's rebuild", () => fullLines()[4]);
    writeFileSync(path.join(site.input, "titled.md"), "---\ntitle: named\n---\n# new words {#intro}\n\ntext\n");
    await within(10, "the titled page's quick re-render", () => site.lines.find((entry) => /re-rendered \S*titled\.md in \d+ ms/.test(entry.line)));
    const titled = await site.fetchPage("/titled/");
    expect([titled.$("h1").text().trim(), titled.$("main h2").first().text()]).toEqual(["named", expect.stringContaining("new words")]);
    expect(fullLines()).toHaveLength(5);
  });

  it.each([
    ["elsewhere (an absolute --input)", false],
    ["inside the working directory", true],
  ])("reloads a Jekyll site's _config.yml when it is edited, with the site %s: its title and defaults show", async (_where, inside) => {
    const config = 'title: "first name"\ndefaults:\n  - scope: { path: "" }\n    values: { walker: "fox" }\n';
    const site = await start({ "_config.yml": config, "index.md": "home\n", "walk.md": "---\ntitle: walk\n---\nwalked by {{ page.walker }}\n" }, inside);
    expect((await site.fetchPage("/walk.html")).$("title").text()).toBe("walk - first name");
    writeFileSync(path.join(site.input, "_config.yml"), config.replace("first name", "second name").replace('"fox"', '"hare"'));
    const page = await within(10, "the renamed site", async () => {
      const fetched = await site.fetchPage("/walk.html");
      return fetched.$("title").text() === "walk - second name" ? fetched : undefined;
    });
    expect(page.$("main p").text()).toBe("walked by hare");
    await within(5, "the reload line", () => site.lines.find((entry) => entry.line.startsWith("quire: read the site's settings again")));
    expect(site.errors()).toEqual([]);

    // A broken _config.yml is reported and the server goes on with the last settings; fixed, it is read again.
    writeFileSync(path.join(site.input, "_config.yml"), 'title: "unclosed\n');
    const report = await within(10, "the settings error", () => site.errors().find((line) => line.includes("were not read again")));
    expect(report).toMatch(/_config\.yml:\d+: _config\.yml is not valid YAML/);
    expect((await site.fetchPage("/walk.html")).$("title").text()).toBe("walk - second name");
    // A setting taken out is gone: the site is named by quire's settings again.
    writeFileSync(path.join(site.input, "_config.yml"), "defaults: []\n");
    await within(10, "the site without its title", async () => ((await site.fetchPage("/walk.html")).$("title").text() === "walk - quire" ? true : undefined));
  });

  it("rebuilds the site for every edit under a base path, so new links get it too", async () => {
    const site = await start({ "index.md": "home\n", "essay.md": essay("essay") }, false, "/blog/");
    appendFileSync(path.join(site.input, "essay.md"), "see [home](/)\n");
    await within(10, "the rebuild", () => site.lines.find((entry) => /rebuilt \d+ pages/.test(entry.line)));
    const written = cheerio.load(readFileSync(path.join(site.output, "essay/index.html"), "utf8"));
    expect(written("main a").filter((_, a) => written(a).text() === "home").attr("href")).toBe("/blog/");
    expect(site.lines.some((entry) => entry.line.includes("re-rendered"))).toBe(false);
  });
});
