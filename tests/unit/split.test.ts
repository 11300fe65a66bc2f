// The prerender worker cuts a page's body without reading its YAML: it must cut where Eleventy's parse cuts.
import { describe, expect, it } from "vitest";
import { splitBody, splitSource } from "../../src/frontmatter/split.ts";

const sources = [
  "no front matter at all\n",
  "---\ntitle: a\n---\nbody\n",
  "---\r\ntitle: a\r\n---\r\nbody line\r\nsecond\r\n",
  "---\n---\nempty front matter\n",
  "---\ntitle: a\n---\n\n---\na rule in the body\n",
  "--- \ntitle: spaced\n---   \nbody\n",
  "---\ntitle: only front matter\n---\n",
  "----\nfour dashes is text\n",
  "  ---\nindented, text too\n",
];

describe("splitBody", () => {
  it.each(sources)("cuts %j as splitSource does", (source) => {
    expect(splitBody(source)).toBe(splitSource(source).body);
  });

  it("cuts a page whose YAML would not parse, where splitSource throws", () => {
    const source = "---\ntitle: [unclosed\n---\nthe body\n";
    expect(() => splitSource(source)).toThrow();
    expect(splitBody(source)).toBe("the body\n");
  });
});
