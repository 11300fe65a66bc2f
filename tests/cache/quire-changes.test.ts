// A change to quire itself — a layout, its own code — must show in the next build even with a full cache.
// These build through the command line of a copy of quire's checkout, so the copy's files can be edited.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { parseEntry, RenderCache } from "../../src/cache/render-cache.ts";
import { copyOfQuire, removeCopiesOfQuire } from "../helpers/quire-copy.ts";
import { writeFixture } from "../helpers/site.ts";

const SENTINEL_ID = "served-from-cache";

function markCachedRenders(cacheDir: string): number {
  const cache = new RenderCache(cacheDir, "unused for writing");
  let marked = 0;
  for (const name of readdirSync(cacheDir, { recursive: true, encoding: "utf8" })) {
    if (!name.endsWith(".html")) continue;
    const key = path.basename(name, ".html");
    const entry = parseEntry(readFileSync(path.join(cacheDir, name), "utf8"), key);
    // Link-check entries keep no HTML, only their extra JSON; only markdown renders are marked.
    if (!entry || entry.html === "") continue;
    cache.write(key, { ...entry, html: `<p id="${SENTINEL_ID}">from the cache</p>\n${entry.html}` });
    marked++;
  }
  return marked;
}

describe("changes to quire itself", () => {
  afterAll(removeCopiesOfQuire);

  it("show in the next build: a layout edit, a code edit, and --no-cache", () => {
    const copy = copyOfQuire();
    const input = writeFixture({ "index.md": "home\n", "essay.md": "---\ntitle: an essay\n---\n# a heading\n\nsome *text*\n" });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    const build = (...flags: string[]) => {
      execFileSync(
        process.execPath,
        ["--import", "tsx", path.join(copy, "src/cli.ts"), "build", "--quiet", "--input", input, "--output", output, "--cache-dir", cacheDir, ...flags],
        { cwd: copy, stdio: "pipe" },
      );
      return cheerio.load(readFileSync(path.join(output, "essay/index.html"), "utf8"));
    };

    build();
    expect(markCachedRenders(cacheDir)).toBe(2);
    expect(build()(`#${SENTINEL_ID}`), "an unchanged page comes from the cache").toHaveLength(1);

    const layout = path.join(copy, "layouts/base.njk");
    writeFileSync(layout, readFileSync(layout, "utf8").replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<meta name="quire-test" content="layout edited">'));
    const afterLayoutEdit = build();
    expect(afterLayoutEdit('meta[name="quire-test"]').attr("content")).toBe("layout edited");
    expect(afterLayoutEdit("main em").text()).toBe("text");

    markCachedRenders(cacheDir);
    expect(build("--no-cache")(`#${SENTINEL_ID}`), "--no-cache reads nothing from the cache").toHaveLength(0);

    appendFileSync(path.join(copy, "src/markdown/index.ts"), "// an edit to quire's markdown code\n");
    const afterCodeEdit = build();
    expect(afterCodeEdit(`#${SENTINEL_ID}`), "quire's code changed, so no render is reused").toHaveLength(0);
    expect(afterCodeEdit("main em").text()).toBe("text");
  });
});
