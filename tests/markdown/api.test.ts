// createMarkdown as the Eleventy side uses it: options, env handling, parse/render order.
import { describe, expect, it } from "vitest";
import { createMarkdown, kramdownSlug } from "../../src/markdown/index.ts";
import { attr, elements, parseHtml, tocTargets } from "./html.ts";

describe("createMarkdown", () => {
  it("is markdown-it with html and hard breaks, without linkify or typographer", () => {
    const { options } = createMarkdown();
    expect(options).toMatchObject({ html: true, breaks: true, linkify: false, typographer: false });
  });

  it("re-exports kramdownSlug", () => {
    expect(kramdownSlug("am i the baddie?")).toBe("am-i-the-baddie");
  });

  it.each([
    [0, "h1"],
    [1, "h2"],
    [2, "h3"],
    [7, "h6"],
  ])("headerOffset %i puts `#` at %s", (headerOffset, tag) => {
    const root = parseHtml(createMarkdown({ headerOffset }).render("# title\n"));
    expect(elements(root, tag)).toHaveLength(1);
  });

  it("adds an accessible permalink after each heading by default, none with permalinks: false", () => {
    const withLinks = parseHtml(createMarkdown().render("# a title\n"));
    const [permalink] = elements(withLinks, "a");
    expect(attr(permalink!, "href")).toBe("#a-title");
    expect(attr(permalink!, "aria-label")).toBe("link to this section: a title");
    expect(attr(permalink!, "aria-hidden")).toBeUndefined();
    expect(elements(parseHtml(createMarkdown({ permalinks: false }).render("# a title\n")), "a")).toEqual([]);
  });

  it("renders the same page twice with one env object identically, leaving the env alone", () => {
    const md = createMarkdown();
    const env = { page: { url: "/x/" } };
    const source = "# same\n\n# same\n\nnote[^1]\n\n[^1]: a note\n";
    const first = md.render(source, env);
    expect(md.render(source, env)).toBe(first);
    expect(Object.keys(env)).toEqual(["page"]);
  });

  it("works without an env", () => {
    expect(createMarkdown().render("* TOC\n{:toc}\n\n# one\n")).toContain('href="#one"');
  });

  it("builds each table of contents from its own document, whatever the parse and render order", () => {
    const md = createMarkdown();
    const first = md.parse("* TOC\n{:toc}\n\n# alpha\n", {});
    const second = md.parse("* TOC\n{:toc}\n\n# beta\n", {});
    expect(tocTargets(parseHtml(md.renderer.render(first, md.options, {})))).toEqual(["alpha"]);
    expect(tocTargets(parseHtml(md.renderer.render(second, md.options, {})))).toEqual(["beta"]);
  });

  it("keeps separate instances independent", () => {
    const plain = createMarkdown({ permalinks: false });
    createMarkdown();
    expect(plain.render("![](a b.png)\n")).toBe('<p><img src="a%20b.png" alt=""></p>\n');
    expect(plain.render("# x\n")).toBe('<h2 id="x">x</h2>\n');
  });
});
