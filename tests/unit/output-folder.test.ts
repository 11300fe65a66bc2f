import { mkdirSync, mkdtempSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkInputFolder, checkOutputFolder, OUTPUT_MARKER, publishStaging } from "../../src/output-folder.ts";

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

describe("checkInputFolder", () => {
  it("refuses a missing folder and a file, and accepts a folder", () => {
    const root = scratch();
    expect(() => checkInputFolder(path.join(root, "missing"))).toThrow(/no folder of pages/);
    writeFileSync(path.join(root, "file.md"), "");
    expect(() => checkInputFolder(path.join(root, "file.md"))).toThrow(/no folder of pages/);
    expect(() => checkInputFolder(root)).not.toThrow();
  });
});
