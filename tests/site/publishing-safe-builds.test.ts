// Safe builds: the output is exactly what the content makes, the same content makes the same bytes,
// and a failed build changes nothing.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { build } from "../../src/build.ts";
import { describeBuildError } from "../../src/report-error.ts";
import { writeFixture } from "../helpers/site.ts";

/** Every file under `folder`, path → bytes. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(path.join(folder, child)));
    }
  };
  walk("");
  return files;
}

const freshOutput = () => path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");

const pages = {
  "index.md": "---\ntitle: home\nlayout: home.njk\n---\nhello\n",
  "dated.md": "---\ntitle: dated\ndate: 2024-04-05\n---\n[home](/)\n",
  "undated/index.md": "---\ntitle: undated\n---\nno date\n",
  "gone.md": "---\ntitle: soon gone\ndate: 2024-01-01\n---\nbye\n",
};

afterEach(() => {
  vi.useRealTimers();
});

describe("the same content", () => {
  it("builds byte for byte the same site, at another time, from another copy", async () => {
    const first = writeFixture(pages);
    const firstOut = freshOutput();
    // A cache of its own: a build in 2031 prunes every entry it did not read, and other tests' are not its to prune.
    const cacheDir = mkdtempSync(path.join(tmpdir(), "quire-cache-"));
    await build({ input: first, output: firstOut, quiet: true, cacheDir });

    // Another day, another checkout: nothing may depend on the clock or on file times.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-07-08T09:10:11Z"));
    const second = mkdtempSync(path.join(tmpdir(), "quire-in-"));
    cpSync(first, second, { recursive: true });
    const secondOut = freshOutput();
    await build({ input: second, output: secondOut, quiet: true, cacheDir });

    const [a, b] = [snapshot(firstOut), snapshot(secondOut)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()]).toEqual(expect.arrayContaining(["feed.xml", "sitemap.xml", "robots.txt", path.join("dated", "index.html")]));
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), `${file} differs`).toBe(true);
  });
});

describe("the output folder", () => {
  it("loses a page once its file is deleted", async () => {
    const input = writeFixture(pages);
    const output = freshOutput();
    await build({ input, output, quiet: true });
    expect(snapshot(output).has(path.join("gone", "index.html"))).toBe(true);
    expect(readFileSync(path.join(output, "sitemap.xml"), "utf8")).toContain("/gone/");

    rmSync(path.join(input, "gone.md"));
    await build({ input, output, quiet: true });
    const after = snapshot(output);
    expect([...after.keys()].some((file) => file.startsWith("gone"))).toBe(false);
    expect(after.has(path.join("dated", "index.html"))).toBe(true);
    expect(readFileSync(path.join(output, "sitemap.xml"), "utf8")).not.toContain("/gone/");
    expect(readFileSync(path.join(output, "feed.xml"), "utf8")).not.toContain("soon gone");
    // Nothing left beside it: no staging or retired folders.
    expect(readdirSync(path.dirname(output))).toEqual(["site"]);
  });

  it("is left exactly as it was when a page has malformed front matter, and the error names the file", async () => {
    const input = writeFixture(pages);
    const output = freshOutput();
    await build({ input, output, quiet: true });
    const before = snapshot(output);

    writeFileSync(path.join(input, "dated.md"), "---\ntitle: dated\nexcerpt: [unclosed\n---\nchanged\n");
    writeFileSync(path.join(input, "new-page.md"), "a page the failed build must not publish\n");
    const error = await build({ input, output, quiet: true }).then(() => undefined, (e: unknown) => e);
    expect(describeBuildError(error)).toMatch(/dated\.md:\d+: the front matter is not valid YAML/);

    const after = snapshot(output);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(bytes.equals(after.get(file)!), `${file} changed`).toBe(true);
    expect(readdirSync(path.dirname(output))).toEqual(["site"]);
  });
});
