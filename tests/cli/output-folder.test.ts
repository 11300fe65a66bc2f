// The CLI refuses output folders that are not quire's to replace, and says why, before touching anything.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const quire = (...args: string[]) =>
  spawnSync(process.execPath, ["src/launch.mjs", ...args], { encoding: "utf8" });

/** The project root's entries, but for what other tests running beside this one make there (the dev server's
 * tests' page folders and its output, the build cache). */
const projectRoot = () => readdirSync(".").filter((name) => !name.startsWith(".test-") && name !== ".quire-cache" && name !== ".quire-preview").sort();

describe("quire build --output", () => {
  it("refuses the project root", () => {
    const before = projectRoot();
    const run = quire("build", "--output", ".");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the build failed");
    expect(run.stderr).toContain("the output folder would hold the project itself");
    expect(run.stderr).toContain("→ pass an output folder inside the project, like --output _site");
    expect(projectRoot()).toEqual(before);
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
