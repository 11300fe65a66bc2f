// The reference essay built next to quire's own pages, through the real build and link check.
// It is read from ../shared (QUIRE_SHARED overrides) and the suite skips cleanly in a fresh clone.
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { describeBuildError } from "../../src/report-error.ts";
import { buildSite, type BuiltSite } from "../helpers/site.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const shared = process.env.QUIRE_SHARED ?? path.resolve(repoRoot, "../shared");
const essay = path.join(shared, "essays/on-ai-art.md");

function siteWithEssay(): string {
  const input = path.join(mkdtempSync(path.join(tmpdir(), "quire-essay-")), "content");
  cpSync(path.join(repoRoot, "content"), input, { recursive: true });
  cpSync(essay, path.join(input, "on-ai-art.md"));
  return input;
}

describe.skipIf(!existsSync(essay))("the reference essay in a quire site", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(siteWithEssay());
  });

  it("lands every in-page link on an element, correcting the apostrophe one", () => {
    const $ = site.page("/on-ai-art/");
    const fragments = $("main a[href^='#']").map((_, a) => $(a).attr("href")).get();
    const missing = fragments.filter((href) => $(`[id="${href.slice(1)}"]`).length === 0);
    expect(missing).toEqual(["#the-world-i-wish-we-had"]);
    expect(fragments).toContain("#one-persons-craft-is-anothers-chore");
    expect(fragments).not.toContain("#one-person's-craft-is-another's-chore");
  });

  it("reports exactly the one fragment that has no heading, by name, with its source line", () => {
    const broken = site.result.links.broken;
    expect(broken.map((b) => b.href)).toEqual(["#the-world-i-wish-we-had"]);
    expect(broken[0]?.inputPath).toMatch(/on-ai-art\.md$/);
    expect(broken[0]?.line).toBeGreaterThan(1);
  });

  it("has a nested ordered contents list whose every entry lands on its heading", () => {
    const $ = site.page("/on-ai-art/");
    const toc = $("main nav.toc > ol");
    expect(toc).toHaveLength(1);
    const entries = toc.find("a");
    expect(entries.length).toBe($("main :is(h2,h3,h4,h5,h6)").length);
    expect(toc.find("ol").length).toBeGreaterThan(0);
    entries.each((_, a) => {
      expect($(`[id="${$(a).attr("href")?.slice(1)}"]`).is("h2,h3,h4,h5,h6")).toBe(true);
    });
  });

  it("is linked from the home page", () => {
    const $ = site.page("/");
    expect($(".page-list a[href='/on-ai-art/']")).toHaveLength(1);
  });

  it("fails a --strict build by naming the broken fragment", async () => {
    const input = siteWithEssay();
    const error = await build({ input, output: path.join(path.dirname(input), "out"), strict: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(describeBuildError(error)).toContain("#the-world-i-wish-we-had");
  });
});
