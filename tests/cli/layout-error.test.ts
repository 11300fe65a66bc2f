// A mistake in one of quire's layouts is named at the layout's own line, before the page being written.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyOfQuire, removeCopiesOfQuire } from "../helpers/quire-copy.ts";
import { writeFixture } from "../helpers/site.ts";

describe("a broken layout", () => {
  afterAll(removeCopiesOfQuire);

  /** The build's error output with `text` written as line `line` of quire's layout `name`. */
  function buildWithBroken(name: string, line: number, home: string, text = "{% if %}") {
    const copy = copyOfQuire();
    const layout = path.join(copy, "layouts", name);
    const lines = readFileSync(layout, "utf8").split("\n");
    lines.splice(line - 1, 0, text);
    writeFileSync(layout, lines.join("\n"));
    const input = writeFixture({ "index.md": home });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
    return spawnSync(process.execPath, [path.join(copy, "src/launch.mjs"), "build", "--input", input, "--output", output], { cwd: copy, encoding: "utf8" });
  }

  it("is named at its line, with the page being written and what to do", () => {
    const run = buildWithBroken("base.njk", 81, "home\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^layouts\/base\.njk:81: Nunjucks: unexpected token: %\} \(column 7, rendering \S+\.md\)\n {2}→ fix the template on that line/m);
  });

  it("counts the layout's own front matter in its line", () => {
    const run = buildWithBroken("home.njk", 7, "---\nlayout: home.njk\n---\nhome\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^layouts\/home\.njk:7: Nunjucks: unexpected token: %\}/m);
  });

  it("names a mistake found while rendering in the layout, after the last tag Nunjucks knew the line of", () => {
    const run = buildWithBroken("base.njk", 81, "home\n", "<p>{{ nosuch() }}</p>");
    expect(run.status).toBe(1);
    const line = Number(/^layouts\/base\.njk: Nunjucks: Unable to call `nosuch`, which is undefined or falsey \(at or after line (\d+), rendering \S+\.md\)$/m.exec(run.stderr)?.[1]);
    expect(line).toBeGreaterThan(0);
    expect(line).toBeLessThanOrEqual(81);
    // JavaScript's own errors while rendering likewise, never an exact line.
    const typed = buildWithBroken("base.njk", 81, "home\n", '<p>{{ nothing | join(",") }}</p>');
    expect(typed.stderr).toMatch(/^layouts\/base\.njk: Nunjucks: Cannot read properties of undefined \(reading 'join'\) \(at or after line \d+, rendering \S+\.md\)$/m);
  });
});
