import { describe, expect, it } from "vitest";
import { collectPageLinks } from "../../src/links/collect.ts";
import { absoluteUrls, rewriteLinks } from "../../src/links/rewrite.ts";
import { withoutHeadingAnchors } from "../../src/eleventy/feed.ts";

describe("absoluteUrls", () => {
  const html = `<p><a href="/style-guide/">a</a> <a href="#some-hope">b</a> <a href="https://x.example/">c</a> <img src="my%20fox.png" srcset="/big.png 2x, small.png 1x" alt=""></p>`;
  it("makes root-relative, fragment and relative links absolute under the base path, leaving other sites alone", () => {
    const out = absoluteUrls(html, "/essay/", "https://example.net/blog/");
    expect(collectPageLinks(out).links.map((l) => l.href)).toEqual([
      "https://example.net/blog/style-guide/",
      "https://example.net/blog/essay/#some-hope",
      "https://x.example/",
      "https://example.net/blog/essay/my%20fox.png",
    ]);
    expect(out).toContain('srcset="https://example.net/blog/big.png 2x, https://example.net/blog/essay/small.png 1x"');
  });
  it("keeps escaped characters escaped once", () => {
    const out = absoluteUrls(`<a href="/q?a=1&amp;b=2">x</a>`, "/essay/", "https://example.net/");
    expect(collectPageLinks(out).links[0]?.href).toBe("https://example.net/q?a=1&b=2");
  });
});

describe("rewriteLinks", () => {
  it("changes only the links the callback answers for, attribute by attribute", () => {
    const out = rewriteLinks(`<a href="a" title="t">x</a><img src="a" alt="">`, (l) => (l.kind === "img[src]" ? "b" : undefined));
    expect(collectPageLinks(out).links.map((l) => l.href)).toEqual(["a", "b"]);
    expect(out).toContain('title="t"');
  });
});

describe("withoutHeadingAnchors", () => {
  it("drops the section links after headings and nothing else", () => {
    const html = `<h2 id="a">a</h2>\n<a class="heading-anchor" href="#a" aria-label="link to this section: a">#</a>\n<p><a href="#a">#</a></p>`;
    expect(withoutHeadingAnchors(html)).toBe(`<h2 id="a">a</h2>\n<p><a href="#a">#</a></p>`);
  });
});
