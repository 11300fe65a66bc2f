// Eleventy 3.1's file search throws when the watcher adds a file while a search is in flight; the dev server
// defers such a change until the searches end (src/eleventy/file-search-changes.ts).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { deferFileSearchChanges, type FileSearch } from "../../src/eleventy/file-search-changes.ts";

// Not among Eleventy's exports: loaded from its file, next to its entry point.
const { default: FileSystemSearch } = (await import(pathToFileURL(path.join(path.dirname(new URL(import.meta.resolve("@11ty/eleventy")).pathname), "FileSystemSearch.js")).href)) as {
  default: new () => FileSearch & { search(key: string, globs: string[]): Promise<string[]> | string[]; add(file: string): void; delete(file: string): void };
};

/** A search made the way Eleventy makes one after reading its configuration, once the guard is in place. */
function guardedSearch() {
  const owner: { fileSystemSearch?: unknown } = {};
  deferFileSearchChanges(owner);
  owner.fileSystemSearch = new FileSystemSearch();
  return owner.fileSystemSearch as InstanceType<typeof FileSystemSearch>;
}

function folder() {
  const dir = mkdtempSync(path.join(tmpdir(), "quire-file-search-"));
  writeFileSync(path.join(dir, "a.md"), "a\n");
  return path.relative(process.cwd(), dir).split(path.sep).join("/");
}

describe("a file added while Eleventy searches the pages' folder", () => {
  it("throws from Eleventy's own file search (the fault this guards against)", () => {
    const dir = folder();
    const search = new FileSystemSearch();
    void search.search("pages", [`${dir}/**/*.md`]);
    expect(() => search.add(`${dir}/c.md`)).toThrow(TypeError);
  });

  it("is known by one name, the search's, when the watcher names it by its absolute path", async () => {
    const dir = folder();
    const search = guardedSearch();
    const glob = [`${path.resolve(dir)}/**/*.md`];
    expect(await search.search("pages", glob)).toEqual([`${dir}/a.md`]);
    // Reported after the search found it (a search started by a build again without a page): listed once.
    search.add(path.resolve(dir, "a.md"));
    expect(await search.search("pages", glob)).toEqual([`${dir}/a.md`]);
    search.delete(path.resolve(dir, "a.md"));
    expect(await search.search("pages", glob)).toEqual([]);
  });

  it("is added once the search ends, and one added after is added at once", async () => {
    const dir = folder();
    // Eleventy makes its search after its configuration is read: the guard applies to each it makes.
    const search = guardedSearch();
    const found = search.search("pages", [`${dir}/**/*.md`]);
    // (The watcher reports c.md; whether the search in flight saw it on the disk or not, it is added.)
    expect(() => search.add(`${dir}/c.md`)).not.toThrow();
    expect(await found).toEqual([`${dir}/a.md`]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = await search.search("pages", [`${dir}/**/*.md`]);
    expect([...after].sort()).toEqual([`${dir}/a.md`, `${dir}/c.md`]);
    search.add(`${dir}/d.md`);
    expect([...(await search.search("pages", [`${dir}/**/*.md`]))].sort()).toEqual([`${dir}/a.md`, `${dir}/c.md`, `${dir}/d.md`]);
  });
});
