import { describe, expect, it } from "vitest";
import { isBasePath, normaliseBasePath } from "../../src/base-path.ts";

describe("base paths", () => {
  it("normalises to one leading and one trailing slash", () => {
    expect(normaliseBasePath("blog")).toBe("/blog/");
    expect(normaliseBasePath("/blog")).toBe("/blog/");
    expect(normaliseBasePath("//a/b//")).toBe("/a/b/");
    expect(normaliseBasePath("/")).toBe("/");
  });
  it("accepts paths and refuses whole addresses, queries and fragments", () => {
    expect(isBasePath("/blog/")).toBe(true);
    expect(isBasePath("blog/notes")).toBe(true);
    expect(isBasePath("https://x.com/blog/")).toBe(false);
    expect(isBasePath("//x.com/blog/")).toBe(false);
    expect(isBasePath("/blog/?x")).toBe(false);
    expect(isBasePath("/my blog/")).toBe(false);
  });
});
