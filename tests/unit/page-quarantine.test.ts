// Which page a dev-server build error belongs to, and the page that stands at its address meanwhile.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PageQuarantine } from "../../src/page-quarantine.ts";

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
    expect(quarantine.release(["./other.md"])).toBe(false);
    expect(quarantine.release([path.relative(process.cwd(), essay)])).toBe(true);
    expect(quarantine.pages).toEqual([]);
    // Eleventy's watcher names a file outside the working directory by its absolute path without the first "/".
    quarantine.leaveOut(essay, "essay.md:3: wrong");
    expect(quarantine.release([essay.slice(1)])).toBe(true);
    expect(quarantine.pages).toEqual([]);
  });

  it("writes, where the page was last built, what is wrong with it, escaped", () => {
    const input = site();
    const out = mkdtempSync(path.join(tmpdir(), "quire-quarantine-out-"));
    const essay = path.join(input, "essay.md");
    const quarantine = new PageQuarantine(input);
    const outputPath = path.join(out, "essay", "index.html");
    quarantine.noteOutputs([{ inputPath: essay, outputPath }]);
    quarantine.leaveOut(essay, 'essay.md:2: "title" is <b>bold</b>');
    mkdirSync(path.dirname(outputPath), { recursive: true });
    expect(quarantine.writeErrorPages()).toEqual([outputPath]);
    const html = readFileSync(outputPath, "utf8");
    expect(html).toContain("&quot;title&quot; is &lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain("<b>");
    // A page never built has no address to stand at.
    const other = new PageQuarantine(input);
    other.leaveOut(essay, "wrong");
    expect(other.writeErrorPages()).toEqual([]);
    expect(existsSync(path.join(out, "other"))).toBe(false);
  });
});
