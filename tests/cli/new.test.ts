// `npm run new` as an author runs it: the real CLI in a child process, on a temp content folder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../helpers/site.ts";

const quire = (...args: string[]) =>
  spawnSync(process.execPath, ["src/launch.mjs", ...args], { encoding: "utf8" });

describe("quire new", () => {
  it("starts content/<slug>/index.md, which the next build publishes", async () => {
    const input = mkdtempSync(path.join(tmpdir(), "quire-new-"));
    const run = quire("new", "A Brand New Essay!", "--input", input);
    expect(run.status, run.stderr).toBe(0);
    const file = path.join(input, "a-brand-new-essay", "index.md");
    expect(run.stdout).toContain(file);
    expect(readFileSync(file, "utf8")).toContain('title: "A Brand New Essay!"');
    const site = await buildSite(input);
    expect(site.page("/a-brand-new-essay/")("h1").text().trim()).toBe("A Brand New Essay!");
    // Dated the day it was started, so the feed carries it without a warning, before it is ever committed.
    expect(site.result.warnings.filter((line) => line.includes("no date"))).toEqual([]);
    expect(site.file("feed.xml")).toContain("/a-brand-new-essay/");
  });

  it("refuses to overwrite a page at the same URL, in either shape", () => {
    const input = mkdtempSync(path.join(tmpdir(), "quire-new-"));
    mkdirSync(path.join(input, "taken"));
    writeFileSync(path.join(input, "taken", "index.md"), "mine\n");
    writeFileSync(path.join(input, "also-taken.md"), "mine too\n");
    for (const [title, file] of [["Taken", "taken/index.md"], ["also taken", "also-taken.md"]] as const) {
      const run = quire("new", title, "--input", input);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("there is already a page at");
      expect(run.stderr).toContain(path.join(input, file));
    }
    expect(readFileSync(path.join(input, "taken", "index.md"), "utf8")).toBe("mine\n");
    expect(existsSync(path.join(input, "also-taken", "index.md"))).toBe(false);
  });

  it("asks for a title when given none, or one with no words", () => {
    const input = mkdtempSync(path.join(tmpdir(), "quire-new-"));
    expect(quire("new", "--input", input).status).toBe(2);
    const run = quire("new", "?!", "--input", input);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no letters or digits");
  });

  it("refuses the addresses quire publishes itself: the search page and its index", () => {
    const input = mkdtempSync(path.join(tmpdir(), "quire-new-"));
    for (const [title, what] of [["Search", "/search/ is quire's own search page"], ["pagefind", "/pagefind/ is quire's own search index"]] as const) {
      const run = quire("new", title, "--input", input);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(what);
    }
    expect(readdirSync(input)).toEqual([]);
  });
});
