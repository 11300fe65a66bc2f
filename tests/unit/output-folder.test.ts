import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkInputFolder, checkOutputFolder, isReuseConflict, OUTPUT_MARKER, pruneStaging, publishStaging, SpellingMismatch } from "../../src/output-folder.ts";

const scratch = () => mkdtempSync(path.join(tmpdir(), "quire-folder-"));

describe("checkOutputFolder", () => {
  it("refuses the project root, a folder holding it, and the input folder", () => {
    const root = scratch();
    const input = path.join(root, "content");
    expect(() => checkOutputFolder(root, input, root)).toThrow(/project itself/);
    expect(() => checkOutputFolder(path.dirname(root), input, root)).toThrow(/project itself/);
    expect(() => checkOutputFolder(input, input, root)).toThrow(/overlaps/);
    expect(() => checkOutputFolder(path.join(input, "out"), input, root)).toThrow(/overlaps/);
  });
  it("refuses a non-empty folder quire did not make", () => {
    const root = scratch();
    const out = path.join(root, "out");
    mkdirSync(out);
    writeFileSync(path.join(out, "precious.txt"), "keep me");
    expect(() => checkOutputFolder(out, path.join(root, "content"), root)).toThrow(/not made by quire/);
  });
  it("accepts a missing folder, an empty one, and one quire made", () => {
    const root = scratch();
    const out = path.join(root, "out");
    expect(() => checkOutputFolder(out, path.join(root, "content"), root)).not.toThrow();
    mkdirSync(out);
    expect(() => checkOutputFolder(out, path.join(root, "content"), root)).not.toThrow();
    writeFileSync(path.join(out, OUTPUT_MARKER), "");
    writeFileSync(path.join(out, "index.html"), "");
    expect(() => checkOutputFolder(out, path.join(root, "content"), root)).not.toThrow();
  });
});

describe("publishStaging", () => {
  it("replaces the old output whole", () => {
    const root = scratch();
    const out = path.join(root, "out");
    const staging = path.join(root, "staging");
    mkdirSync(out);
    writeFileSync(path.join(out, "deleted-page.html"), "old");
    mkdirSync(staging);
    writeFileSync(path.join(staging, "index.html"), "new");
    publishStaging(staging, out);
    expect(existsSync(path.join(out, "deleted-page.html"))).toBe(false);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("new");
    expect(existsSync(path.join(out, OUTPUT_MARKER))).toBe(true);
    expect(existsSync(staging)).toBe(false);
  });
});

describe("checkOutputFolder and names starting with two dots", () => {
  it("counts a folder named ..site inside its parent, and the build cache as a folder not to overlap", () => {
    const root = scratch();
    const content = path.join(root, "content");
    expect(() => checkOutputFolder(path.join(content, "..site"), content, root)).toThrow(/overlaps the pages/);
    expect(() => checkOutputFolder(path.join(root, "_site"), content, root, path.join(root, "_site", "..cache"))).toThrow(/overlaps the build cache/);
    expect(() => checkOutputFolder(path.join(root, "_site"), content, root, path.join(root, ".quire-cache"))).not.toThrow();
  });
});

describe("pruneStaging", () => {
  it("removes the files not written and the folders left empty, and keeps folders written whole", () => {
    const root = scratch();
    for (const file of ["a/index.html", "gone/index.html", "deep/er/old.txt", "pagefind/x.js", OUTPUT_MARKER]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "x");
    }
    pruneStaging(root, new Set([path.join(root, "a/index.html")]), ["pagefind"]);
    expect(readdirSync(root).sort()).toEqual([OUTPUT_MARKER, "a", "pagefind"].sort());
    expect(readdirSync(path.join(root, "pagefind"))).toEqual(["x.js"]);
  });

  it("throws, deleting nothing, when a written file is there under another name", () => {
    // On a case-insensitive file system About/index.html is written into the old about/; a link stands in here.
    const root = scratch();
    mkdirSync(path.join(root, "about"));
    writeFileSync(path.join(root, "about", "index.html"), "new text");
    symlinkSync(path.join(root, "about"), path.join(root, "About"));
    writeFileSync(path.join(root, "stale.html"), "old");
    const error = (() => {
      try {
        pruneStaging(root, new Set([path.join(root, "About", "index.html")]));
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(SpellingMismatch);
    expect(isReuseConflict(error)).toBe(true);
    expect(existsSync(path.join(root, "stale.html"))).toBe(true);
  });
});

describe("isReuseConflict", () => {
  it("is a file or folder in the way, or one that could not be written over, however wrapped", () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ["ENOTDIR", "EISDIR", "EEXIST", "EACCES", "EPERM"]) {
      expect(isReuseConflict(coded(code)), code).toBe(true);
      expect(isReuseConflict(Object.assign(new Error("Eleventy's"), { originalError: new Error("wrapped", { cause: coded(code) }) })), code).toBe(true);
    }
    expect(isReuseConflict(coded("ENOENT"))).toBe(false);
    expect(isReuseConflict(new Error("the front matter is not valid YAML"))).toBe(false);
  });
});

describe("checkInputFolder", () => {
  it("refuses a missing folder and a file, and accepts a folder", () => {
    const root = scratch();
    expect(() => checkInputFolder(path.join(root, "missing"))).toThrow(/no folder of pages/);
    writeFileSync(path.join(root, "file.md"), "");
    expect(() => checkInputFolder(path.join(root, "file.md"))).toThrow(/no folder of pages/);
    expect(() => checkInputFolder(root)).not.toThrow();
  });
});
