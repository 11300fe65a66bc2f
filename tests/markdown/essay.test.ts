// The reference essay, when ../shared is around (QUIRE_SHARED points elsewhere); skipped in a fresh clone.
// Nothing from the essay is written here: expectations are derived from its markdown source.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createMarkdown, kramdownSlug } from "../../src/markdown/index.ts";
import { attr, children, elements, hasDoubledBreak, ids, parseHtml, text, textNodes, tocTargets, type Element } from "./html.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const shared = process.env.QUIRE_SHARED ?? path.resolve(repoRoot, "../shared");
const essayPath = path.resolve(shared, "essays/on-ai-art.md");
const exists = existsSync(essayPath);

/** Heading count of the essay version this suite was written against (the brief's number). */
const EXPECTED_HEADINGS = 38;

/** Heading texts straight from the source lines, links reduced to their text and emphasis marks dropped. */
function sourceHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*$/gm)].map(([, heading = ""]) =>
    heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*`]/g, ""),
  );
}

/** kramdown's counter, written out again independently of src/markdown/slug.ts. */
function kramdownIds(texts: string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((heading) => {
    const base = kramdownSlug(heading);
    const count = (seen.get(base) ?? -1) + 1;
    seen.set(base, count);
    return count > 0 ? `${base}-${count}` : base;
  });
}

describe.skipIf(!exists)("reference essay", () => {
  let markdown = "";
  let root: Element;

  beforeAll(() => {
    markdown = readFileSync(essayPath, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
    root = parseHtml(createMarkdown().render(markdown, {}));
  });

  it("has the table of contents: one nested <ol> entry per heading, each landing on an id", () => {
    const nav = elements(root, "nav")[0]!;
    const [list] = children(nav);
    expect(list?.tagName).toBe("ol");
    expect(elements(list!, "ol").length).toBeGreaterThan(0);
    const targets = tocTargets(root);
    expect(targets).toHaveLength(sourceHeadings(markdown).length);
    expect(targets).toHaveLength(EXPECTED_HEADINGS);
    const pageIds = new Set(ids(root));
    expect(targets.filter((target) => !pageIds.has(target))).toEqual([]);
  });

  it("leaves no empty list item and nothing of the `1.` / {:toc} lines", () => {
    expect(elements(root, "li").filter((li) => text(li).trim() === "")).toEqual([]);
    expect(textNodes(root).filter((value) => ["1.", "{:toc}"].includes(value.trim()))).toEqual([]);
  });

  it("gives every heading the id kramdown gives it", () => {
    const headings = elements(root).filter((element) => /^h[2-6]$/.test(element.tagName));
    expect(headings.map((heading) => attr(heading, "id"))).toEqual(kramdownIds(sourceHeadings(markdown)));
  });

  it("renders the details aside: summary without <p>, links as <a>, no doubled <br>", () => {
    const [details] = elements(root, "details");
    expect(details).toBeDefined();
    const summary = elements(details!, "summary")[0]!;
    expect(elements(summary, "p")).toEqual([]);
    expect(elements(details!, "p").length).toBeGreaterThan(1);
    expect(elements(details!, "a").length).toBeGreaterThan(0);
    expect(textNodes(details!).join("")).not.toMatch(/\]\(/);
    expect(elements(details!, "br").length).toBeGreaterThan(0);
    expect(hasDoubledBreak(root)).toBe(false);
  });

  it("keeps escaped asterisks at line starts as literal asterisks", () => {
    const escaped = [...markdown.matchAll(/^((?:\\\*)+) /gm)].map(([, stars = ""]) => stars.replaceAll("\\", ""));
    expect(escaped.length).toBeGreaterThan(0);
    const paragraphs = elements(root, "p").map((p) => text(p));
    for (const stars of escaped) expect(paragraphs.some((p) => p.startsWith(`${stars} `))).toBe(true);
  });

  it("turns every ~~strikethrough~~ into <del>", () => {
    const struck = markdown.match(/~~[^~\n]+~~/g) ?? [];
    expect(struck.length).toBeGreaterThan(0);
    expect(elements(root, "del")).toHaveLength(struck.length);
    expect(textNodes(root).join("")).not.toContain("~~");
  });

  it("nests the tab-indented lists inside the ordered ones", () => {
    const nested = elements(root, "ol").flatMap((ol) => children(ol)).flatMap((li) => children(li));
    const inner = nested.filter((element) => element.tagName === "ul");
    expect(inner.length).toBeGreaterThan(0);
    expect(inner.some((ul) => elements(ul, "ul").length > 0)).toBe(true);
  });

  it("keeps urls with parentheses whole", () => {
    const urls = [...markdown.matchAll(/\]\((https?:\/\/[^\s()]*\([^\s()]*\)[^\s()]*)\)/g)].map(([, url = ""]) => url);
    expect(urls.length).toBeGreaterThan(0);
    const hrefs = new Set(elements(root, "a").map((link) => attr(link, "href")));
    for (const url of urls) expect(hrefs.has(url)).toBe(true);
  });
});
