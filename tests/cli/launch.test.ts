// src/launch.mjs, what `npm run build` runs: a bundle of quire's code made once per version of it, never a stale
// one, the same site as quire run from its sources, and quire from its sources when no bundle can be made.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyOfQuire, removeCopiesOfQuire } from "../helpers/quire-copy.ts";
import { writeFixture } from "../helpers/site.ts";

const launch = (copy: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(copy, "src/launch.mjs"), ...args], { cwd: copy, encoding: "utf8", env: { ...process.env, ...env } });

const bundles = (copy: string) => {
  const folder = path.join(copy, "node_modules/.cache/quire");
  return existsSync(folder) ? readdirSync(folder).sort() : [];
};

/** Every file under `folder`, by relative path, with its bytes. */
function filesOf(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
    const file = path.join(folder, name);
    if (statSync(file).isFile()) files.set(name, readFileSync(file));
  }
  return files;
}

describe("the launcher", () => {
  afterAll(removeCopiesOfQuire);

  it("runs a bundle of quire's code, and makes a new one when the code changes", () => {
    const copy = copyOfQuire();
    const first = launch(copy, ["--help"]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^quire — a static site generator for essay sites\n/);
    const [made] = bundles(copy);
    expect(bundles(copy)).toHaveLength(1);
    const entry = path.join(copy, "node_modules/.cache/quire", made!, "cli.mjs");
    expect(readFileSync(entry, "utf8"), "the bundle holds quire's code").toContain("a static site generator for essay sites");
    const madeAt = statSync(entry).mtimeMs;

    expect(launch(copy, ["--help"]).status).toBe(0);
    expect(bundles(copy), "unchanged code: the same bundle").toEqual([made]);
    expect(statSync(entry).mtimeMs, "and it is not made again").toBe(madeAt);

    const cli = path.join(copy, "src/cli.ts");
    writeFileSync(cli, readFileSync(cli, "utf8").replace("a static site generator for essay sites", "an edited help text"));
    const edited = launch(copy, ["--help"]);
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout, "the edit shows at once").toMatch(/^quire — an edited help text\n/);
    expect(bundles(copy)).toHaveLength(2);

    const settings = path.join(copy, "site.config.ts");
    writeFileSync(settings, `${readFileSync(settings, "utf8")}\n// an edit of the site's settings\n`);
    expect(launch(copy, ["--help"]).status).toBe(0);
    expect(bundles(copy), "site.config.ts is in the bundle too").toHaveLength(3);

    const tsconfig = path.join(copy, "tsconfig.json");
    writeFileSync(tsconfig, readFileSync(tsconfig, "utf8").replace('"target": "ES2022"', '"target": "ES2020"'));
    expect(launch(copy, ["--help"]).status).toBe(0);
    expect(bundles(copy), "tsconfig.json changes how esbuild compiles").toHaveLength(4);
  });

  it("removes other versions' bundles unused for a day, and keeps those in use", () => {
    const copy = copyOfQuire();
    expect(launch(copy, ["--help"]).status).toBe(0);
    const [current] = bundles(copy);
    const cache = path.join(copy, "node_modules/.cache/quire");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    for (const name of ["old-unused", "recent"]) mkdirSync(path.join(cache, name));
    utimesSync(path.join(cache, "old-unused"), twoDaysAgo, twoDaysAgo);
    utimesSync(path.join(cache, current!), twoDaysAgo, twoDaysAgo);

    expect(launch(copy, ["--help"]).status).toBe(0);
    expect(Date.now() - statSync(path.join(cache, current!)).mtimeMs, "a bundle run is marked in use").toBeLessThan(60 * 60 * 1000);
    expect(bundles(copy), "only a new bundle clears old ones").toContain("old-unused");

    const cli = path.join(copy, "src/cli.ts");
    writeFileSync(cli, `${readFileSync(cli, "utf8")}
// another version
`);
    expect(launch(copy, ["--help"]).status).toBe(0);
    expect(bundles(copy)).not.toContain("old-unused");
    expect(bundles(copy)).toContain("recent");
    expect(bundles(copy), "the bundle used a moment ago stays").toContain(current);
    expect(bundles(copy)).toHaveLength(3);
  });

  it("builds the same site as quire run from its sources, the prerender worker and the feed included", () => {
    const copy = copyOfQuire();
    const pages: Record<string, string> = { "index.md": "# home\n\nsee [the first](/essay-1/#a-section).\n" };
    for (let n = 1; n <= 6; n++) {
      pages[`essay-${n}.md`] = `---\ntitle: essay ${n}\ndate: 2024-0${n}-01\n---\n1. \n{:toc}\n\n## a section\n\ntext of essay ${n}, [back](/).\n\n## another\n\nmore.\n`;
    }
    const input = writeFixture(pages);
    const out = mkdtempSync(path.join(tmpdir(), "quire-launch-"));
    const build = (command: string[], name: string) => {
      const run = spawnSync(
        process.execPath,
        [...command, "build", "--quiet", "--input", input, "--output", path.join(out, name), "--cache-dir", path.join(out, `${name}-cache`)],
        { cwd: copy, encoding: "utf8", env: { ...process.env, QUIRE_DEBUG: "1" } },
      );
      expect(run.status, run.stderr).toBe(0);
      if (availableParallelism() > 1) expect(run.stderr, `${name}: the worker started and did not fail`).toMatch(/^quire: the prerender worker rendered \d of 7 pages\n$/m);
      return filesOf(path.join(out, name));
    };
    const fromSources = build(["--import", "tsx", path.join(copy, "src/cli.ts")], "sources");
    const fromBundle = build([path.join(copy, "src/launch.mjs")], "bundle");
    expect(bundles(copy)).toHaveLength(1);
    expect([...fromBundle.keys()].sort()).toEqual([...fromSources.keys()].sort());
    expect(fromBundle.has("feed.xml") && fromBundle.has("sitemap.xml") && fromBundle.has(path.join("essay-3", "index.html"))).toBe(true);
    for (const [name, bytes] of fromSources) expect(fromBundle.get(name)?.equals(bytes), name).toBe(true);
  });

  it("runs quire from its sources when no bundle can be made, and says why when asked", () => {
    const copy = copyOfQuire();
    // A file where the bundles' folder would be: nothing can be written there.
    writeFileSync(path.join(copy, "node_modules/.cache"), "not a folder\n");
    const run = launch(copy, ["--help"], { QUIRE_DEBUG: "1" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^quire — a static site generator for essay sites\n/);
    expect(run.stderr).toMatch(/^quire: running from src\/ through tsx \(no bundle: .+\)\n$/);
    expect(launch(copy, ["--help"]).stderr, "silent unless asked").toBe("");
  });
});
