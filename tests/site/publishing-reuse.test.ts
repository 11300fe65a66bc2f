// A build writes over the site the build before it replaced (kept in the build cache) instead of making every
// folder and file anew: what it publishes must be exactly what a build into a fresh folder publishes.
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { build } from "../../src/build.ts";
import { OUTPUT_MARKER } from "../../src/output-folder.ts";
import { describeBuildError } from "../../src/report-error.ts";
import { writeFixture } from "../helpers/site.ts";

/** Every file under `folder`, posix path → bytes. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
    const full = path.join(folder, name);
    if (statSync(full).isFile()) files.set(name.split(path.sep).join("/"), readFileSync(full).toString("base64"));
  }
  return files;
}

/** What a build of `input` into a fresh folder, with a cache of its own, publishes. */
async function freshBuild(input: string): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), "quire-fresh-"));
  const output = path.join(dir, "site");
  await build({ input, output, cacheDir: path.join(dir, "cache"), quiet: true });
  return snapshot(output);
}

function expectSameSite(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) expect(actual.get(file) === bytes, `${file} differs`).toBe(true);
}

const pages = {
  "index.md": "---\ntitle: home\nlayout: home.njk\n---\nhello\n",
  "kept.md": "---\ntitle: kept\ndate: 2024-04-05\n---\na page that stays, linking [home](/)\n",
  "gone.md": "---\ntitle: soon gone\ndate: 2024-01-01\n---\nbye\n",
  "notes": "a static file without an extension\n",
  "old.pdf": "%PDF a file that will be deleted\n",
};

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.QUIRE_DEBUG;
});

/** Runs `build` and says whether it wrote over the spare site without starting again in a fresh folder: the
 * spare's first file keeps its inode and birth time, and no "building again" is said (QUIRE_DEBUG). */
async function wroteOver(spare: string, output: string, build: () => Promise<unknown>): Promise<boolean> {
  const { ino, birthtimeMs } = statSync(path.join(spare, "index.html"));
  process.env.QUIRE_DEBUG = "1";
  const said = vi.spyOn(console, "error").mockImplementation(() => {});
  await build();
  const again = said.mock.calls.some(([line]) => String(line).includes("building again"));
  const after = statSync(path.join(output, "index.html"));
  return !again && after.ino === ino && after.birthtimeMs === birthtimeMs;
}

/** Three builds of `input`: the third writes over the site the second replaced. */
async function builtThrice(input: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "quire-reuse-"));
  const [output, cacheDir] = [path.join(dir, "site"), path.join(dir, "cache")];
  const again = () => build({ input, output, cacheDir, quiet: true });
  await again();
  await again();
  const spare = path.join(cacheDir, "spare-site");
  return { dir, output, cacheDir, spare, again };
}

describe("a build over the site before", () => {
  it("keeps the replaced site in the cache, and publishes what a fresh build publishes, stale files gone", async () => {
    const input = writeFixture(pages);
    const { dir, output, spare, again } = await builtThrice(input);
    expect(existsSync(path.join(spare, OUTPUT_MARKER))).toBe(true);
    expect(snapshot(spare).has("gone/index.html")).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["cache", "site"]);

    rmSync(path.join(input, "gone.md"));
    rmSync(path.join(input, "old.pdf"));
    writeFileSync(path.join(input, "new.md"), "---\ntitle: new\n---\nfresh words\n");
    writeFileSync(path.join(input, "kept.md"), "---\ntitle: kept\ndate: 2024-04-05\n---\nchanged words\n");
    const result = await again();
    const published = snapshot(output);
    expect(published.has("gone/index.html")).toBe(false);
    expect(published.has("old.pdf")).toBe(false);
    expect(published.has("new/index.html")).toBe(true);
    expectSameSite(published, await freshBuild(input));
    expect(result.written).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["cache", "site"]);
  });

  it("reports a link to a file the old site had and this one does not", async () => {
    const input = writeFixture(pages);
    const { again } = await builtThrice(input);
    rmSync(path.join(input, "old.pdf"));
    writeFileSync(path.join(input, "kept.md"), "---\ntitle: kept\n---\nthe [old paper](/old.pdf)\n");
    const result = await again();
    expect(result.links.broken.map((problem) => problem.href)).toEqual(["/old.pdf"]);
  });

  it("builds afresh when an old file stands where a folder goes, or an old folder where a file goes", async () => {
    const input = writeFixture(pages);
    const { output, again } = await builtThrice(input);
    // The static file `notes` becomes a page (notes/index.html); the page kept/ becomes a static file `kept`.
    rmSync(path.join(input, "notes"));
    writeFileSync(path.join(input, "notes.md"), "---\ntitle: notes\n---\nnow a page\n");
    rmSync(path.join(input, "kept.md"));
    writeFileSync(path.join(input, "kept"), "now a file\n");
    await again();
    const published = snapshot(output);
    expect(published.has("notes/index.html")).toBe(true);
    expect(published.get("kept")).toBe(Buffer.from("now a file\n").toString("base64"));
    expectSameSite(published, await freshBuild(input));
  });

  it("never writes through a hard link or a symbolic link the old site holds", async () => {
    const input = writeFixture(pages);
    const { dir, output, spare, again } = await builtThrice(input);
    // Someone kept a copy of a published page with `cp -al`, and a link out of the site was left in it.
    const copy = path.join(dir, "kept-copy.html");
    linkSync(path.join(spare, "kept", "index.html"), copy);
    const copied = readFileSync(copy, "utf8");
    const outside = path.join(dir, "outside.html");
    writeFileSync(outside, "not the site's\n");
    rmSync(path.join(spare, "gone", "index.html"));
    symlinkSync(outside, path.join(spare, "gone", "index.html"));

    writeFileSync(path.join(input, "kept.md"), "---\ntitle: kept\n---\nnew words for the kept page\n");
    writeFileSync(path.join(input, "gone.md"), "---\ntitle: gone\n---\nwritten where a link was\n");
    await again();
    expect(readFileSync(copy, "utf8")).toBe(copied);
    expect(readFileSync(outside, "utf8")).toBe("not the site's\n");
    expect(readFileSync(path.join(output, "kept", "index.html"), "utf8")).toContain("new words for the kept page");
    expect(statSync(path.join(output, "gone", "index.html")).isFile()).toBe(true);
    expectSameSite(snapshot(output), await freshBuild(input));
  });

  it("is not kept by a build without the cache", async () => {
    const input = writeFixture(pages);
    const dir = mkdtempSync(path.join(tmpdir(), "quire-reuse-"));
    const output = path.join(dir, "site");
    await build({ input, output, cache: false, cacheDir: path.join(dir, "cache"), quiet: true });
    await build({ input, output, cache: false, cacheDir: path.join(dir, "cache"), quiet: true });
    expect(readdirSync(dir)).toEqual(["site"]);
  });

  it("writes over the old files themselves: the same inodes, a page's old read-only file replaced", async () => {
    const input = writeFixture(pages);
    const { output, spare, again } = await builtThrice(input);
    // The site the third build replaced is the spare now; the fourth build writes over its files.
    chmodSync(path.join(spare, "kept", "index.html"), 0o444);
    expect(await wroteOver(spare, output, again)).toBe(true);
    expect(statSync(path.join(output, "kept", "index.html")).mode & 0o777).toBe(statSync(path.join(output, "index.html")).mode & 0o777);
  });

  it("never takes a link to a folder for the spare, and a failed build leaves the folder it pointed to alone", async () => {
    const input = writeFixture(pages);
    const dir = mkdtempSync(path.join(tmpdir(), "quire-reuse-"));
    const www = path.join(dir, "www");
    await build({ input, output: www, cacheDir: path.join(dir, "other-cache"), quiet: true });
    const served = snapshot(www);
    const [output, cacheDir] = [path.join(dir, "site"), path.join(dir, "cache")];
    symlinkSync(www, output);
    await build({ input, output, cacheDir, quiet: true });
    expect(existsSync(path.join(cacheDir, "spare-site"))).toBe(false);
    writeFileSync(path.join(input, "kept.md"), "---\ntitle: kept\n---\n[nowhere](/nowhere/)\n");
    const error = await build({ input, output, cacheDir, quiet: true, strict: true }).then(() => undefined, (e: unknown) => e);
    expect(describeBuildError(error)).toContain("broken link");
    expectSameSite(snapshot(www), served);
  });

  it("keeps no empty folder it was given as the spare, and takes the next one", async () => {
    const input = writeFixture(pages);
    const dir = mkdtempSync(path.join(tmpdir(), "quire-reuse-"));
    const [output, cacheDir] = [path.join(dir, "site"), path.join(dir, "cache")];
    mkdirSync(output);
    await build({ input, output, cacheDir, quiet: true });
    expect(existsSync(path.join(cacheDir, "spare-site"))).toBe(false);
    await build({ input, output, cacheDir, quiet: true });
    expect(existsSync(path.join(cacheDir, "spare-site", OUTPUT_MARKER))).toBe(true);
  });

  it("replaces a spare folder quire did not keep there, and keeps the next site it replaces", async () => {
    const input = writeFixture(pages);
    const dir = mkdtempSync(path.join(tmpdir(), "quire-reuse-"));
    const [output, cacheDir] = [path.join(dir, "site"), path.join(dir, "cache")];
    const spare = path.join(cacheDir, "spare-site");
    mkdirSync(spare, { recursive: true });
    writeFileSync(path.join(spare, "index.html"), "not a page quire wrote\n");
    await build({ input, output, cacheDir, quiet: true });
    expect(existsSync(spare)).toBe(false);
    expectSameSite(snapshot(output), await freshBuild(input));
    await build({ input, output, cacheDir, quiet: true });
    expect(existsSync(path.join(spare, OUTPUT_MARKER))).toBe(true);
    expect(await wroteOver(spare, output, () => build({ input, output, cacheDir, quiet: true }))).toBe(true);
  });

  it("refuses an output folder inside the build cache, or holding it", async () => {
    const input = writeFixture(pages);
    const dir = mkdtempSync(path.join(tmpdir(), "quire-reuse-"));
    const cacheDir = path.join(dir, "cache");
    for (const output of [path.join(cacheDir, "spare-site"), dir]) {
      const error = await build({ input, output, cacheDir, quiet: true }).then(() => undefined, (e: unknown) => e);
      expect(describeBuildError(error)).toContain("overlaps the build cache");
    }
    // Without the cache there is nothing to overlap.
    await build({ input, output: path.join(cacheDir, "site"), cacheDir, cache: false, quiet: true });
  });

  it("never copies a static file over the search index, which shares its files with the cache", async () => {
    const input = writeFixture(pages);
    const { output, cacheDir, again } = await builtThrice(input);
    const entry = path.join(output, "pagefind", "0", "pagefind-entry.json");
    const [published, inode] = [readFileSync(entry, "utf8"), statSync(entry).ino];
    mkdirSync(path.join(input, "pagefind", "0"), { recursive: true });
    writeFileSync(path.join(input, "pagefind", "0", "pagefind-entry.json"), "the author's file\n");
    const error = await again().then(() => undefined, (e: unknown) => e);
    expect(describeBuildError(error)).toContain("would overwrite the page published at /pagefind/0/pagefind-entry.json");
    expect(readFileSync(entry, "utf8")).toBe(published);
    const cached = readdirSync(path.join(cacheDir, "search")).map((key) => path.join(cacheDir, "search", key, "pagefind-entry.json"));
    expect(cached.filter((file) => statSync(file).ino === inode).map((file) => readFileSync(file, "utf8"))).toEqual([published]);
  });

  it("writes over the old site with a static file beside the search index, without starting again", async () => {
    const input = writeFixture({ ...pages, "pagefind/extra.txt": "beside the index\n" });
    const { output, spare, again } = await builtThrice(input);
    expect(await wroteOver(spare, output, again)).toBe(true);
    expect(readFileSync(path.join(output, "pagefind", "extra.txt"), "utf8")).toBe("beside the index\n");
    expectSameSite(snapshot(output), await freshBuild(input));
  });

  it("gives files and folders the modes a fresh build gives, whatever umask built the old site", async () => {
    const input = writeFixture(pages);
    const dir = mkdtempSync(path.join(tmpdir(), "quire-reuse-"));
    const [output, cacheDir] = [path.join(dir, "site"), path.join(dir, "cache")];
    const modes = (folder: string) =>
      Object.fromEntries(readdirSync(folder, { recursive: true, encoding: "utf8" }).map((name) => [name, statSync(path.join(folder, name)).mode & 0o777]));
    const mask = process.umask(0o077);
    try {
      await build({ input, output, cacheDir, quiet: true });
      await build({ input, output, cacheDir, quiet: true });
    } finally {
      process.umask(mask);
    }
    expect(statSync(path.join(cacheDir, "spare-site", "index.html")).mode & 0o777).toBe(0o600);
    await build({ input, output, cacheDir, quiet: true });
    const fresh = path.join(mkdtempSync(path.join(tmpdir(), "quire-fresh-")), "site");
    await build({ input, output: fresh, cache: false, quiet: true });
    expect(modes(output)).toEqual(modes(fresh));
  });

  it("builds afresh when only an old page's folder stands where a static file now goes", async () => {
    const input = writeFixture(pages);
    const { output, again } = await builtThrice(input);
    rmSync(path.join(input, "kept.md"));
    writeFileSync(path.join(input, "kept"), "now a file\n");
    await again();
    expect(readFileSync(path.join(output, "kept"), "utf8")).toBe("now a file\n");
    expectSameSite(snapshot(output), await freshBuild(input));
  });

  it("keeps the modes a fresh build gets in a setgid folder, and goes on writing over the old files there", async () => {
    const input = writeFixture(pages);
    const parent = mkdtempSync(path.join(tmpdir(), "quire-setgid-"));
    chmodSync(parent, 0o2775);
    const [output, cacheDir] = [path.join(parent, "site"), path.join(parent, "cache")];
    const again = () => build({ input, output, cacheDir, quiet: true });
    await again();
    await again();
    expect(await wroteOver(path.join(cacheDir, "spare-site"), output, again)).toBe(true);
    const fresh = path.join(parent, "fresh");
    await build({ input, output: fresh, cache: false, quiet: true });
    const modes = (folder: string) =>
      Object.fromEntries(readdirSync(folder, { recursive: true, encoding: "utf8" }).map((name) => [name, statSync(path.join(folder, name)).mode & 0o7777]));
    expect(statSync(output).mode & 0o2000).toBe(0o2000);
    expect(modes(output)).toEqual(modes(fresh));
  });
});
