import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { HeadingIdAllocator, headingPlainText, kramdownSlug } from "../../src/markdown/slug.ts";

describe("kramdownSlug", () => {
  it.each([
    ["you should draw for the fun of it", "you-should-draw-for-the-fun-of-it"],
    ["one person's craft is another's chore", "one-persons-craft-is-anothers-chore"],
    ["am i the baddie?", "am-i-the-baddie"],
    ['"quoted" and (parens), commas; colons: done.', "quoted-and-parens-commas-colons-done"],
    ["UPPER Case", "upper-case"],
    ["ünïcödé", "ünïcödé"],
    ["日本語のテキスト", "日本語のテキスト"],
    ["straße æsthetics", "straße-æsthetics"],
    ["snake_case and kebab-case", "snake_case-and-kebab-case"],
    ["a\tb  c", "a-b--c"],
    ["dall·e 3", "dalle-3"],
    ["emoji 🎨 art", "emoji--art"],
    ["½ and ٣ and Ⅻ", "-and-٣-and-ⅻ"],
    ["", ""],
  ])("%j → %j", (text, id) => {
    expect(kramdownSlug(text)).toBe(id);
  });

  it("keeps combining marks and drops zero-width joiners, like Ruby's \\p{Word}", () => {
    expect(kramdownSlug("e\u0301")).toBe("e\u0301");
    expect(kramdownSlug("a\u200db")).toBe("ab");
  });
});

describe("HeadingIdAllocator", () => {
  it("counts repeats per base like kramdown", () => {
    const ids = new HeadingIdAllocator();
    expect(["foo", "foo", "bar", "foo"].map((base) => ids.next(base))).toEqual(["foo", "foo-1", "bar", "foo-2"]);
  });

  it("keeps counting past ids already used", () => {
    const ids = new HeadingIdAllocator();
    expect(["foo", "foo-1", "foo"].map((base) => ids.next(base))).toEqual(["foo", "foo-1", "foo-2"]);
  });

  it("steps around reserved explicit ids, which their owner can still claim", () => {
    const ids = new HeadingIdAllocator(["foo"]);
    expect(ids.next("foo")).toBe("foo-1");
    expect(ids.claim("foo")).toBe("foo");
    expect(ids.claim("foo")).toBe("foo-2");
  });

  it("never hands out ids taken by other elements, not even to their explicit owner", () => {
    const ids = new HeadingIdAllocator(["bar"], ["foo", "bar"]);
    expect(ids.next("foo")).toBe("foo-1");
    expect(ids.claim("bar")).toBe("bar-1");
  });
});

describe("headingPlainText", () => {
  it("joins text and code spans, dropping formatting and html", () => {
    const md = new MarkdownIt({ html: true });
    const [, inline] = md.parse("# *a* `b` [c](/d) <span>e</span> &amp;", {});
    expect(headingPlainText(inline?.children ?? null)).toBe("a b c e &");
  });
});
