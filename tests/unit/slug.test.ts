import { describe, expect, it } from "vitest";
import { slugFor } from "../../src/slug.ts";
import { newPageText } from "../../src/new-page.ts";
import matter from "gray-matter";

describe("slugFor", () => {
  it("lowercases and joins words with hyphens", () => {
    expect(slugFor("My New Essay")).toBe("my-new-essay");
    expect(slugFor("  a   brand\tnew essay ")).toBe("a-brand-new-essay");
  });
  it("drops punctuation and symbols", () => {
    expect(slugFor("on quiet* tools**")).toBe("on-quiet-tools");
    expect(slugFor("don't panic! (really?)")).toBe("dont-panic-really");
    expect(slugFor("a — b / c")).toBe("a-b-c");
    expect(slugFor("-- leading and trailing --")).toBe("leading-and-trailing");
  });
  it("keeps letters of any script and digits", () => {
    expect(slugFor("Über Café")).toBe("über-café");
    expect(slugFor("toki pona li pona 2")).toBe("toki-pona-li-pona-2");
    expect(slugFor("日本語 の ノート")).toBe("日本語-の-ノート");
    expect(slugFor("Cafe\u0301")).toBe("café");
  });
  it("is empty when nothing is left", () => {
    expect(slugFor("?!*")).toBe("");
  });
});

describe("newPageText", () => {
  it("is front matter that parses back to the title as written and the day given, with colour and excerpt to fill in", () => {
    const title = 'on "quotes": colons & <tags> #1';
    const { data } = matter(newPageText(title, "2024-07-31"));
    expect(data).toEqual({ title, date: new Date("2024-07-31T00:00:00Z"), colour: "default", excerpt: "" });
  });
});
