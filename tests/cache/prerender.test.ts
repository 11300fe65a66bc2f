// The prerender worker renders pages into the cache on the second core; the build then serves those renders,
// so they must be exactly what Eleventy itself would have rendered.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, writeFixture } from "../helpers/site.ts";
import { markdownFiles, startPrerender } from "../../src/cache/prerender.ts";
import { withDefaults } from "../../src/build-options.ts";
import { parseEntry } from "../../src/cache/render-cache.ts";
import type { BuildOptions } from "../../src/build-options.ts";
import { collectPageLinks } from "../../src/links/collect.ts";

/** Runs the worker through the pages, stops it, and resolves with how many it rendered or found cached. */
async function prerendered(options: Partial<BuildOptions>): Promise<number> {
  const prerender = startPrerender(withDefaults(options));
  try {
    return await prerender.done();
  } finally {
    await prerender.stop();
  }
}

const pages = {
  "index.md": "---\ntitle: home\n---\nthe home page\n",
  "essay.md": [
    "---\ntitle: an essay\ncolor: teal\n---\n",
    "1. \n{:toc}\n",
    "# first part\n\nsome text with a [link](#second-part) and a footnote[^a]\nand a second line\n",
    "## second part\n\n- a list\n\t- nested with a tab\n\n    indented, not code\n",
    "| a | b |\n| --- | --- |\n| 1 | 2 |\n",
    "a paragraph\n\n    indented four spaces: a paragraph, not code, as Eleventy sets markdown-it up\n",
    '<details>\n<summary markdown="span">an *aside*</summary>\n\nhidden **text**\n\n</details>\n',
    "# with an id\n{: #custom-id}\n\n[^a]: the footnote\n",
  ].join("\n"),
  "notes/index.md": "# notes\n\n~~struck~~ and `code`\n",
  "liquid.md": "this page is {{ page.url }}\n",
};

function allFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const full = path.join(dir, name);
    if (name.endsWith(".html")) files.set(name, readFileSync(full, "utf8"));
  }
  return files;
}

/** Cached markdown renders (the link check's entries hold no HTML). */
function renderEntries(cacheDir: string): string[] {
  return readdirSync(cacheDir, { recursive: true, encoding: "utf8" }).filter((name) => {
    if (!name.endsWith(".html")) return false;
    return parseEntry(readFileSync(path.join(cacheDir, name), "utf8"), path.basename(name, ".html"))?.html !== "";
  });
}

describe("the prerender worker", () => {
  it("lists the pages Eleventy builds, leaving out dot-folders and node_modules", () => {
    const input = writeFixture({ ...pages, ".hidden/x.md": "x\n", "node_modules/y/z.md": "z\n", "styles.css": "" });
    expect(markdownFiles(input).map((file) => path.relative(input, file))).toEqual(["essay.md", "index.md", "liquid.md", path.join("notes", "index.md")]);
  });

  it("fills the cache with renders identical to Eleventy's own, and skips pages with Liquid", async () => {
    const input = writeFixture(pages);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    expect(await prerendered({ input, cacheDir })).toBe(3);
    expect(renderEntries(cacheDir)).toHaveLength(3);

    const fromCache = await buildSite(input, { cacheDir });
    const fresh = await buildSite(input, { cache: false });
    const [cached, uncached] = [allFiles(fromCache.output), allFiles(fresh.output)];
    expect([...cached.keys()].sort()).toEqual([...uncached.keys()].sort());
    for (const [name, html] of uncached) expect(cached.get(name), name).toBe(html);
    // The build found the worker's three renders and added only the Liquid page's.
    expect(renderEntries(cacheDir)).toHaveLength(4);
    // With the cache warm, or one page edited, no worker starts: its start-up would cost more than it saves.
    expect(await prerendered({ input, cacheDir })).toBe(0);
    writeFileSync(path.join(input, "notes/index.md"), "# notes, edited\n");
    expect(await prerendered({ input, cacheDir })).toBe(0);
    writeFileSync(path.join(input, "index.md"), "the home page, edited too\n");
    // Two of the samples miss: the worker goes through every page without Liquid again.
    expect(await prerendered({ input, cacheDir })).toBe(3);
  });

  it("then reads pages' links as this thread would, until it is stopped", async () => {
    const input = writeFixture(pages);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    const prerender = startPrerender(withDefaults({ input, cacheDir }));
    const html = '<h2 id="a">a &amp; b</h2><p id="p"><a href="#b">to <em>b</em></a> <img src="/i.png" alt="a picture"><a name="old"></a></p>';
    try {
      expect(prerender.readLinks).toBeDefined();
      expect(await prerender.done()).toBe(3);
      const read = await prerender.readLinks?.(html);
      expect(read).toEqual(collectPageLinks(html));
      expect([...(read?.ids ?? [])]).toEqual(["a", "p", "old"]);
      expect(read?.links.map((link) => [link.href, link.text])).toEqual([
        ["#b", "to b"],
        ["/i.png", "a picture"],
      ]);
      // Many pages at once: the worker takes a few at a time and this thread takes the rest back as it comes round.
      const many = Array.from({ length: 40 }, (_, n) => `<p id="p${n}"><a href="/${n}/">page ${n}</a></p>`);
      const answers = await Promise.all(many.map((page) => prerender.readLinks?.(page)));
      const fromWorker = answers.flatMap((answer, n) => (answer ? [n] : []));
      expect(fromWorker.length).toBeGreaterThanOrEqual(4);
      expect(fromWorker.length).toBeLessThan(many.length);
      for (const n of fromWorker) expect(answers[n]).toEqual(collectPageLinks(many[n]!));
    } finally {
      await prerender.stop();
    }
    // A stopped worker answers nothing: the link check reads the page itself.
    expect(await prerender.readLinks?.(html)).toBeUndefined();
  });

  it("stops walking its pages at the first page sent for links, since Eleventy has rendered every page by then", async () => {
    const many: Record<string, string> = {};
    for (let n = 0; n < 30; n++) many[`page-${n}.md`] = `# page ${n}\n\nwords of page ${n}\n`;
    const input = writeFixture(many);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    const prerender = startPrerender(withDefaults({ input, cacheDir }));
    try {
      // Sent before the worker has started: it renders nothing and answers.
      const html = '<h2 id="x">x</h2><a href="#x">x</a>';
      expect(await prerender.readLinks?.(html)).toEqual(collectPageLinks(html));
      expect(await prerender.done()).toBe(0);
    } finally {
      await prerender.stop();
    }
  });

  it("gives a build the same link report as a build without it", async () => {
    const site: Record<string, string> = { "index.md": "[a](/a/) [gone](/gone/)\n" };
    for (const name of ["a", "b", "c", "d", "e", "f"]) site[`${name}.md`] = `# ${name}\n\n[next](#${name}) [broken](#not-${name}) [home](/)\n`;
    const input = writeFixture(site);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    const withWorker = await buildSite(input, { cacheDir });
    const without = await buildSite(input, { cache: false });
    expect(withWorker.result.links.broken.length).toBe(7);
    expect(withWorker.result.links).toEqual(without.result.links);
  });
});

