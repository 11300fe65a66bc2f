import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstCommitDates, parseFirstAdded } from "../../src/git-dates.ts";

describe("parseFirstAdded", () => {
  it("keeps each path's oldest commit (git log lists newest first)", () => {
    const log = [
      "\x002024-05-06T07:08:09+02:00\n\nnew.md\nnotes/été.md\n",
      "\x002023-01-02T03:04:05Z\n\nold.md\nnotes/été.md\n",
    ].join("");
    const dates = parseFirstAdded(log);
    expect([...dates.keys()].sort()).toEqual(["new.md", "notes/été.md", "old.md"]);
    expect(dates.get("new.md")?.toISOString()).toBe("2024-05-06T05:08:09.000Z");
    expect(dates.get("notes/été.md")?.toISOString()).toBe("2023-01-02T03:04:05.000Z");
  });
  it("is empty for an empty log and skips malformed commits", () => {
    expect(parseFirstAdded("").size).toBe(0);
    expect(parseFirstAdded("\x00not a date\n\na.md\n").size).toBe(0);
  });
});

describe("firstCommitDates", () => {
  it("has no dates outside a git repository", () => {
    expect(firstCommitDates(mkdtempSync(path.join(tmpdir(), "quire-nogit-"))).size).toBe(0);
  });
});
