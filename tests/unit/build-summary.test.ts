import { describe, expect, it } from "vitest";
import { buildSummary } from "../../src/build-summary.ts";
import { BuildLog } from "../../src/build-log.ts";

const result = { pages: 12, written: 15, milliseconds: 843, warnings: ["1 page has no date"], summaries: ["links: 40 checked, 0 broken"] };

describe("buildSummary", () => {
  it("says what was built, how long it took, and the plugins' summaries", () => {
    expect(buildSummary(result, "_site", false)).toEqual({
      lines: ["quire: built 12 pages (+ 3 other files) into _site in 0.84 s", "  links: 40 checked, 0 broken"],
      warnings: ["quire: warning: 1 page has no date"],
    });
  });
  it("prints only warnings with --quiet", () => {
    expect(buildSummary(result, "_site", true)).toEqual({ lines: [], warnings: ["quire: warning: 1 page has no date"] });
  });
  it("counts in words a person reads", () => {
    expect(buildSummary({ ...result, pages: 1, written: 2, summaries: [] }, "out", false).lines).toEqual([
      "quire: built 1 page (+ 1 other file) into out in 0.84 s",
    ]);
  });
});

describe("BuildLog", () => {
  it("keeps each line once and forgets them on clear", () => {
    const log = new BuildLog();
    log.warn("a");
    log.warn("a");
    log.summary("s");
    expect([log.warnings, log.summaries]).toEqual([["a"], ["s"]]);
    log.clear();
    expect([log.warnings, log.summaries]).toEqual([[], []]);
  });
});
