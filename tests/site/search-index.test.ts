// The search index is reused from the cache only while no page's text changed.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { writeFixture } from "../helpers/site.ts";

const pageCount = (output: string) =>
  (JSON.parse(readFileSync(path.join(output, "pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> })
    .languages;

describe("the search index and the build cache", () => {
  it("reuses the cached index for an unchanged site and indexes afresh after an edit", async () => {
    const input = writeFixture({ "index.md": "home\n", "a.md": "---\ntitle: a\n---\nfirst words\n" });
    const scratch = mkdtempSync(path.join(tmpdir(), "quire-search-"));
    const cacheDir = path.join(scratch, "cache");
    const output = path.join(scratch, "site");
    const cached = () => readdirSync(path.join(cacheDir, "search"));

    await build({ input, output, cacheDir, quiet: true });
    const first = cached();
    expect(first).toHaveLength(1);
    const pagesBefore = Object.values(pageCount(output))[0]?.page_count;

    await build({ input, output, cacheDir, quiet: true });
    expect(cached()).toEqual(first);
    expect(Object.values(pageCount(output))[0]?.page_count).toBe(pagesBefore);

    writeFileSync(path.join(input, "b.md"), "---\ntitle: b\n---\nnew words\n");
    await build({ input, output, cacheDir, quiet: true });
    expect(cached()).toHaveLength(1);
    expect(cached()).not.toEqual(first);
    expect(Object.values(pageCount(output))[0]?.page_count).toBe((pagesBefore ?? 0) + 1);
  });

  it("indexes each page's text without the contents box, the heading links or the home page's list", async () => {
    const input = writeFixture({
      "index.md": "---\ntitle: home\nlayout: home.njk\n---\nwelcome\n",
      "a.md": "---\ntitle: quokka tales\n---\n1. contents\n{:toc}\n\n# wombat heading\n\nplain text here\n",
    });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-search-")), "site");
    await build({ input, output, cache: false, quiet: true });
    // Pagefind's fragments: gzip, a signature, then the page's JSON record.
    const folder = path.join(output, "pagefind/fragment");
    const records = readdirSync(folder).map(
      (file) => JSON.parse(gunzipSync(readFileSync(path.join(folder, file))).toString("utf8").replace(/^pagefind_dcd/, "")) as { url: string; content: string; meta: { title: string } },
    );
    const byUrl = Object.fromEntries(records.map((record) => [record.url, record]));
    expect(Object.keys(byUrl).sort()).toEqual(["/", "/a/"]);
    expect(byUrl["/a/"]?.content).toBe("wombat heading. plain text here.");
    expect(byUrl["/a/"]?.meta.title).toBe("quokka tales");
    expect(byUrl["/"]?.content).toBe("welcome.");
  });
});
