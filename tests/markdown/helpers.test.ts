// The pure helpers behind the plugins, tested directly.
import { describe, expect, it } from "vitest";
import { blockAttributeList, parseAttributeList, readAttributeList } from "../../src/markdown/attribute-lists.ts";
import { offsetLevel } from "../../src/markdown/heading-offset.ts";
import { contentModel, stripMarkdownAttribute } from "../../src/markdown/html-blocks.ts";
import { spacedDestination } from "../../src/markdown/link-destinations.ts";
import { parseFixtures } from "./fixture-format.ts";

describe("parseAttributeList", () => {
  it.each([
    ['rel="me"', [["rel", "me"]]],
    [".a .b", [["class", "a"], ["class", "b"]]],
    [".a, .b", [["class", "a,"], ["class", "b"]]], // kramdown class names are anything but space, "." and "#"
    [".a.b#x", [["class", "a"], ["class", "b"], ["id", "x"]]],
    [" target='_blank' ", [["target", "_blank"]]],
    ['.copyrighted style="width: 400px;"', [["class", "copyrighted"], ["style", "width: 400px;"]]],
    ['title="say \\"hi\\" \\}"', [["title", 'say "hi" }']]],
    ["#a:b-c_d", [["id", "a:b-c_d"]]],
  ])("%j", (content, attrs) => {
    expect(parseAttributeList(content)).toEqual(attrs);
  });

  it.each(["", "   ", "toc", "someref .a", "key=unquoted", "#1digit", ".", 'a="b"c'])(
    "rejects %j",
    (content) => {
      expect(parseAttributeList(content)).toBeNull();
    },
  );

  it("reads an IAL at a position and says where it ends", () => {
    expect(readAttributeList('x{:.a} rest', 1)).toEqual({ attrs: [["class", "a"]], end: 6 });
    expect(readAttributeList("x{:.a rest", 1)).toBeNull();
  });

  it("recognises block IAL lines but not extensions or the toc marker", () => {
    expect(blockAttributeList("{: .wide }  ")).toEqual([["class", "wide"]]);
    expect(blockAttributeList("{::comment}")).toBeNull();
    expect(blockAttributeList("{:toc}")).toBeNull();
    expect(blockAttributeList("{:.a} trailing")).toBeNull();
  });
});

describe("spacedDestination", () => {
  const read = (src: string) => {
    const found = spacedDestination(src, 0, src.length);
    return found && src.slice(0, found.end);
  };
  it.each([
    ["my fox.png)", "my fox.png"],
    ['my notes.pdf "title")', "my notes.pdf"],
    ["my notes.pdf 'title')", "my notes.pdf"],
    ["a (b) c.html) more", "a (b) c.html"],
    ["a\\) b)", "a\\) b"],
    ["trailing space   )", "trailing space"],
  ])("%j → %j", (src, destination) => {
    expect(read(src)).toBe(destination);
  });

  it.each(["no close", "line\nbreak)", ")", "(unbalanced"])("refuses %j", (src) => {
    expect(read(src)).toBeNull();
  });
});

describe("contentModel", () => {
  it.each([
    ["details", undefined, "block"],
    ["summary", undefined, "block"],
    ["p", undefined, "span"],
    ["h3", undefined, "span"],
    ["pre", undefined, "raw"],
    ["table", undefined, "raw"],
    ["custom-el", undefined, "raw"],
    ["div", "0", "raw"],
    ["div", "1", "block"],
    ["p", "1", "span"],
    ["summary", "span", "span"],
    ["p", "block", "block"],
    ["div", "nonsense", "block"],
  ] as const)("%s with markdown=%j is %s", (tag, markdown, model) => {
    expect(contentModel(tag, markdown)).toBe(model);
  });

  it("strips the markdown attribute in any quoting, keeping the rest of the tag", () => {
    expect(stripMarkdownAttribute('<div class="a" markdown="1" id=b>')).toEqual({
      tag: '<div class="a" id=b>',
      markdown: "1",
    });
    expect(stripMarkdownAttribute("<summary markdown='span'>")).toEqual({ tag: "<summary>", markdown: "span" });
    expect(stripMarkdownAttribute("<div MARKDOWN=0>")).toEqual({ tag: "<div>", markdown: "0" });
    expect(stripMarkdownAttribute('<div data-markdown="1">').markdown).toBeUndefined();
  });
});

describe("offsetLevel", () => {
  it("shifts and clamps to h1…h6", () => {
    expect([1, 2, 5, 6].map((level) => offsetLevel(level, 1))).toEqual([2, 3, 6, 6]);
    expect(offsetLevel(1, 0)).toBe(1);
    expect(offsetLevel(2, -3)).toBe(1);
  });
});

describe("parseFixtures", () => {
  it("reads named and unnamed cases with their line numbers", () => {
    const text = "a name\n.\nin\n.\nout\n.\n\n.\nin2\nmore\n.\n.\n";
    expect(parseFixtures(text)).toEqual([
      { line: 2, name: "a name", input: "in\n", expected: "out\n" },
      { line: 8, name: "", input: "in2\nmore\n", expected: "" },
    ]);
  });

  it("refuses an unfinished case", () => {
    expect(() => parseFixtures(".\nin\n.\nout\n")).toThrow(/line 1/);
  });
});
