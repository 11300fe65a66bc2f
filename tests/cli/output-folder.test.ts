// The CLI refuses output folders that are not quire's to replace, and says why, before touching anything.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const quire = (...args: string[]) =>
  spawnSync(process.execPath, ["src/launch.mjs", ...args], { encoding: "utf8" });

describe("quire build --output", () => {
  it("refuses the project root", () => {
    const before = readdirSync(".").sort();
    const run = quire("build", "--output", ".");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the build failed");
    expect(run.stderr).toContain("the output folder would hold the project itself");
    expect(run.stderr).toContain("→ pass an output folder inside the project, like --output _site");
    expect(readdirSync(".").sort()).toEqual(before);
  });

  it("refuses the content folder and a non-empty folder quire did not make", () => {
    expect(quire("build", "--output", "content").stderr).toContain("overlaps the pages being built");
    const theirs = path.join(mkdtempSync(path.join(tmpdir(), "quire-cli-")), "theirs");
    mkdirSync(theirs);
    writeFileSync(path.join(theirs, "precious.txt"), "keep me");
    const run = quire("build", "--output", theirs);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("not empty and was not made by quire");
    expect(readdirSync(theirs)).toEqual(["precious.txt"]);
    expect(readdirSync(path.dirname(theirs))).toEqual(["theirs"]);
  });
});
