// The site-wide link check through a real build: corrections land in the HTML, the rest is reported, --strict fails.
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { describeBuildError } from "../../src/report-error.ts";
import { formatLinkReport } from "../../src/links/link-check.ts";
import { buildSite, writeFixture, type BuiltSite } from "../helpers/site.ts";

const files = {
  "index.md": "---\ntitle: home\nlayout: home.njk\n---\nwelcome\n",
  "essay.md": [
    "---",
    "title: an essay",
    "---",
    "see [the chore part](#one-person's-craft-is-another's-chore)",
    "and [a better world](#the-world-i-wish-we-had)",
    "and [the other page](/other/#section-two), [loosely](/other/#Section_Two)",
    "and [nowhere](/missing-page/)",
    "",
    "# some hope",
    "",
    "# one person's craft is another's chore",
    "",
    "# what i wish for",
    "",
  ].join("\n"),
  "other.md": "---\ntitle: other\n---\n# section two\n\nback to [the essay](/essay/#some-hope)\n",
};

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite(files);
});

describe("the link check", () => {
  it("corrects a fragment that differs from a heading id only in punctuation, in the published HTML", () => {
    const $ = site.page("/essay/");
    const link = $("main a").filter((_, a) => $(a).text() === "the chore part");
    expect(link.attr("href")).toBe("#one-persons-craft-is-anothers-chore");
    expect($(`#${link.attr("href")?.slice(1)}`)).toHaveLength(1);
    const loose = $("main a").filter((_, a) => $(a).text() === "loosely");
    expect(loose.attr("href")).toBe("/other/#section-two");
    expect(site.result.links.corrected.map((c) => c.to)).toEqual(
      expect.arrayContaining(["#one-persons-craft-is-anothers-chore", "/other/#section-two"]),
    );
  });

  it("reports what does not resolve, with file, line, link text and the closest match", () => {
    const broken = site.result.links.broken;
    expect(broken.map((b) => b.href).sort()).toEqual(["#the-world-i-wish-we-had", "/missing-page/"]);
    const fragment = broken.find((b) => b.href === "#the-world-i-wish-we-had");
    expect(fragment).toMatchObject({ line: 5, text: "a better world", suggestion: "#what-i-wish-for" });
    expect(fragment?.inputPath).toMatch(/essay\.md$/);
    expect(broken.find((b) => b.href === "/missing-page/")?.line).toBe(7);
  });

  it("sends links to a page's markdown file to the page, fragment kept, as GitHub Pages does", async () => {
    const built = await buildSite({
      "index.md": "home\n",
      "notes/index.md": "---\ntitle: notes\n---\nsee [the essay](../essay.md#some-hope) and [home](/index.md)\n",
      "essay.md": "---\ntitle: essay\n---\n# some hope\n",
    });
    const $ = built.page("/notes/");
    expect($("main a").map((_, a) => $(a).attr("href")).get()).toEqual(["/essay/#some-hope", "/"]);
    expect(built.result.links.broken).toEqual([]);
  });

  it("sends a link to a paginated page's markdown file to its first page", async () => {
    const built = await buildSite({
      "index.md": "see [the list](list.md)\n",
      "list.md": "---\ntitle: list\npagination:\n  data: items\n  size: 1\nitems: [x, y, z]\n---\nitem {{ pagination.items[0] }}\n",
    });
    const $ = built.page("/");
    expect($("main a").filter((_, a) => $(a).text() === "the list").attr("href")).toBe("/list/");
    expect(built.page("/list/2/")("main").text()).toContain("item z");
  });

  it("says once that a site has no home page", async () => {
    const built = await buildSite({ "only.md": "---\ntitle: only\n---\nalone\n" });
    expect(built.result.warnings.filter((line) => line.includes("there is no home page; add an index.md"))).toHaveLength(1);
    expect(site.result.warnings.some((line) => line.includes("no home page"))).toBe(false);
  });

  it("gives a broken link of the layout no line of the page's source, and each of the page's its own line", async () => {
    // No home page: the footer's "every page" link to / is broken on every page, and so is the page's own.
    const built = await buildSite({
      "only.md": ["---", "title: only", "---", "see [another page](/another/)", "", "and [home](/), said twice: [home](/)", ""].join("\n"),
    });
    const onPage = built.result.links.broken.filter((link) => link.inputPath.endsWith("only.md")).map(({ href, text, line }) => ({ href, text, line }));
    expect(onPage).toEqual([
      { href: "/another/", text: "another page", line: 4 },
      { href: "/", text: "home", line: 6 },
      { href: "/", text: "home", line: 6 },
      { href: "/", text: "every page", line: undefined },
    ]);
  });

  it("tells apart each place a link is written, and says so when it cannot find one", async () => {
    const built = await buildSite({
      "index.md": "home\n",
      "p.md": ["---", "title: p", "---", "first [a](<../missing/>)", "", "then [c][r]", "", "second [b](<../missing/>)", "", "[r]:  ../gone/", ""].join("\n"),
    });
    const report = formatLinkReport({ ...built.result.links, corrected: [] });
    expect(report).toMatch(/p\.md:4: broken link "a" → \.\.\/missing\/: no page or file at this address\n {2}→ correct the address, or remove the link if its page is gone\n/);
    expect(report).toMatch(/p\.md:8: broken link "b" → \.\.\/missing\//);
    // A reference written with two spaces is not one of the forms looked for: the page's, but no line.
    expect(report).toMatch(/p\.md \(line not found\): broken link "c" → \.\.\/gone\//);
  });

  it("counts links that resolve as checked, not broken", () => {
    expect(site.result.links.checked).toBeGreaterThanOrEqual(6);
    expect(site.result.links.broken.some((b) => b.href === "/essay/#some-hope")).toBe(false);
  });

  it("fails the build with --strict, naming every broken link, and publishes nothing", async () => {
    const input = writeFixture(files);
    const output = path.join(path.dirname(input), `${path.basename(input)}-out`);
    const error = await build({ input, output, strict: true, quiet: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const message = describeBuildError(error);
    expect(message).toContain("2 broken links (--strict)");
    expect(message).toContain("#the-world-i-wish-we-had");
    expect(message).toContain("did you mean #what-i-wish-for?");
    expect(message).toMatch(/essay\.md:5: /);
    expect(existsSync(output)).toBe(false);
  });
});
