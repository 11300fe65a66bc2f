// What `npm run build` prints: one readable summary and the warnings; only the warnings with --quiet.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFixture } from "../helpers/site.ts";

const quire = (...args: string[]) =>
  spawnSync(process.execPath, ["src/launch.mjs", ...args], { encoding: "utf8" });

describe("quire build's output", () => {
  const input = writeFixture({ "index.md": "home\n", "dated.md": "---\ndate: 2024-01-01\n---\nx\n", "undated.md": "y\n" });
  const output = () => path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");

  it("is a summary line a person reads, then the warnings, and none of Eleventy's own lines", () => {
    const run = quire("build", "--input", input, "--output", output());
    expect(run.status, run.stderr).toBe(0);
    // Three pages of the fixture and quire's /search/ page.
    // The index holds the three (its bundle indexed now, or taken from the cache an earlier run left).
    expect(run.stdout).toMatch(
      /^quire: built 4 pages \(\+ 3 other files\) into \S+ in \d+\.\d\d s\n {2}search index: 3 pages in 1 bundle, 1 (indexed by Pagefind|from the cache) \(\d+\.\d\d s\)\n {2}links: \d+ internal links checked, all resolve\n$/,
    );
    expect(run.stderr).toMatch(/^quire: warning: 1 page has no date, so the feed leaves it out: \S*undated\.md\n/);
    expect(run.stdout + run.stderr).not.toContain("[11ty]");
  });

  it("is only the warnings with --quiet", () => {
    const run = quire("build", "--quiet", "--input", input, "--output", output());
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("quire: warning: 1 page has no date");
  });

  it("leaves the search index out with --no-search, and the search page says it is missing", () => {
    const site = output();
    const run = quire("build", "--quiet", "--no-search", "--input", input, "--output", site);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(site, "pagefind"))).toBe(false);
    expect(existsSync(path.join(site, "search/index.html"))).toBe(true);
    const withIndex = output();
    expect(quire("build", "--quiet", "--input", input, "--output", withIndex).status).toBe(0);
    expect(existsSync(path.join(withIndex, "pagefind/bundles.json"))).toBe(true);
  });
});
