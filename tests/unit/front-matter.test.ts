import { describe, expect, it } from "vitest";
import { checkFrontMatter } from "../../src/frontmatter/schema.ts";
import { bodyLineToFileLine, frontMatterKeyLine, impossibleDate, yamlErrorFileLine } from "../../src/frontmatter/lines.ts";

describe("checkFrontMatter", () => {
  it("accepts the reference essay's kind of front matter, and none at all", () => {
    expect(checkFrontMatter({ title: "on ai* art**", color: "deeppurple", excerpt: "my thoughts" })).toEqual([]);
    expect(checkFrontMatter({})).toEqual([]);
  });
  it("accepts colour as well as color, and hex values", () => {
    expect(checkFrontMatter({ colour: "teal" })).toEqual([]);
    expect(checkFrontMatter({ color: "#000000" })).toEqual([]);
  });
  it("refuses color and colour naming different colours, and lets the same one through", () => {
    const problems = checkFrontMatter({ color: "teal", colour: "red" });
    expect(problems).toEqual([{ key: "colour", message: '"color" is "teal" and "colour" is "red", but a page has one colour', hint: "keep one of the two lines" }]);
    expect(checkFrontMatter({ color: "teal", colour: "teal" })).toEqual([]);
  });
  it("refuses a permalink that leads out of the site's folder, and lets others through", () => {
    for (const permalink of ["../escaped.html", "/notes/../../content/victim.txt", "..\\x.html"]) {
      expect(checkFrontMatter({ permalink }).map((problem) => problem.key), permalink).toEqual(["permalink"]);
    }
    for (const permalink of ["/notes/", "/a..b/", "/404.html"]) expect(checkFrontMatter({ permalink }), String(permalink)).toEqual([]);
  });
  it("refuses permalink: false (a page kept unwritten), naming draft: true and published: false instead", () => {
    const [problem] = checkFrontMatter({ permalink: false });
    expect(problem?.key).toBe("permalink");
    expect(problem?.hint).toContain("draft: true");
    expect(problem?.hint).toContain("published: false");
  });
  it("lets unknown keys through", () => {
    expect(checkFrontMatter({ mood: "sleepy", tags: ["a"] })).toEqual([]);
  });
  it("names an unknown colour and suggests the closest", () => {
    const [problem] = checkFrontMatter({ color: "deep-purpel" });
    expect(problem?.key).toBe("color");
    expect(problem?.message).toContain("deep-purpel");
    expect(problem?.hint).toContain('"deeppurple"');
  });
  it("explains a hex colour YAML read as a number", () => {
    const [problem] = checkFrontMatter({ color: 0 });
    expect(problem?.hint).toContain('"000000"');
  });
  it("rejects wrong types", () => {
    expect(checkFrontMatter({ title: 12 })[0]?.key).toBe("title");
    expect(checkFrontMatter({ copyrighted: "yes" })[0]?.key).toBe("copyrighted");
    expect(checkFrontMatter({ excerpt: ["a"] })[0]?.message).toContain("a list");
  });
});

describe("front matter lines", () => {
  const source = "---\ntitle: x\ncolor: \"red\"\n---\ncolor: not this\n";
  it("finds a key's line in the front matter only", () => {
    expect(frontMatterKeyLine(source, "color")).toBe(3);
    expect(frontMatterKeyLine(source, "excerpt")).toBeUndefined();
    expect(frontMatterKeyLine("no front matter", "title")).toBeUndefined();
  });
  it("turns js-yaml's line into the file's", () => {
    expect(yamlErrorFileLine(3)).toBe(4);
  });
  it("turns a line of the text after the front matter into the file's", () => {
    expect(bodyLineToFileLine(source, 1)).toBe(5);
    expect(bodyLineToFileLine(source.replaceAll("\n", "\r\n"), 1)).toBe(5);
    expect(bodyLineToFileLine("---\n---\nfirst\nsecond\n", 2)).toBe(4);
    expect(bodyLineToFileLine("no front matter\nsecond\n", 2)).toBe(2);
  });
});

describe("impossibleDate", () => {
  it("names a written day that YAML rolled over, and accepts real ones", () => {
    expect(impossibleDate("---\ndate: 2025-02-30\n---\n", new Date(Date.UTC(2025, 2, 2)))).toBe("2025-02-30");
    expect(impossibleDate("---\ndate: 2024-02-29\n---\n", new Date(Date.UTC(2024, 1, 29)))).toBeUndefined();
    expect(impossibleDate("---\ntitle: x\n---\n", new Date())).toBeUndefined();
  });
});
