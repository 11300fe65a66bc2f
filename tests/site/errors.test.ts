// Bad input fails the build with file, line, what is wrong and what to do — and leaves the old site alone.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { describeBuildError } from "../../src/report-error.ts";
import { writeFixture } from "../helpers/site.ts";

async function failure(files: Record<string, string>) {
  const input = writeFixture(files);
  const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
  const error = await build({ input, output, quiet: true }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the build should have failed").toBeDefined();
  return { input, output, message: describeBuildError(error) };
}

describe("bad front matter", () => {
  it("names the file, the line and the palette colour that was meant", async () => {
    const { message } = await failure({
      "index.md": "home\n",
      "essay.md": '---\ntitle: "x"\ncolor: "deep-purpel"\n---\nbody\n',
    });
    expect(message).toMatch(/essay\.md:3: /);
    expect(message).toContain('did you mean "deeppurple"?');
  });

  it("refuses a permalink out of the site's folder, at its line, and writes nothing there", async () => {
    const input = writeFixture({ "index.md": "home\n" });
    const victim = path.join(path.dirname(input), `${path.basename(input)}-victim.txt`);
    writeFileSync(victim, "the author's own words\n");
    writeFileSync(path.join(input, "escape.md"), `---\ntitle: x\npermalink: ../../${path.basename(victim)}\n---\nbody\n`);
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
    const error = await build({ input, output, quiet: true }).then(() => undefined, (e: unknown) => e);
    expect(describeBuildError(error)).toMatch(/escape\.md:3: "permalink" is .* which leads out of the site's folder/);
    expect(readFileSync(victim, "utf8")).toBe("the author's own words\n");
  });

  it("refuses permalink: false at its line, saying how to keep a page out", async () => {
    const error = await failure({ "index.md": "home\n", "kept-back.md": "---\ntitle: x\npermalink: false\n---\nbody\n" });
    expect(error.message).toMatch(/kept-back\.md:3: "permalink" is false, which quire does not take[^\n]*\n {2}→ to keep a page out of the site, write draft: true/);
  });

  it("refuses a permalink out of the site's folder however it is written, a template or an object", async () => {
    for (const permalink of [`"{{ '..' }}/victim.html"`, "\n  build: ../victim.html"]) {
      const input = writeFixture({ "index.md": "home\n", "sly.md": `---\ntitle: x\npermalink: ${permalink}\n---\nbody\n` });
      const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
      const error = await build({ input, output, quiet: true }).then(() => undefined, (e: unknown) => e);
      expect(describeBuildError(error), permalink).toMatch(/sly\.md:3: "permalink" puts the page outside the site's folder/);
      expect(readdirSync(path.dirname(output)), permalink).toEqual([]);
    }
  });

  it("names the file and line of malformed YAML", async () => {
    const { message } = await failure({
      "index.md": "home\n",
      "broken.md": "---\ntitle: x\nexcerpt: [unclosed\nmore: 1\n---\nbody\n",
    });
    expect(message).toMatch(/broken\.md:\d+: the front matter is not valid YAML/);
  });

  it("names a wrong type and the key's line", async () => {
    const { message } = await failure({ "typed.md": "---\ntitle: x\ncopyrighted: maybe\n---\nbody\n" });
    expect(message).toMatch(/typed\.md:3: "copyrighted" must be true or false/);
  });

  it("explains a page that is not a date, and two files publishing at one URL, without staging paths", async () => {
    for (const [value, written] of [["yesterday", "yesterday"], ["2024", "2024"], ["31/07/2024", "31/07/2024"]]) {
      const date = await failure({ "index.md": "home\n", "x.md": `---\ntitle: x\ndate: ${value}\n---\nbody\n` });
      expect(date.message, value).toMatch(new RegExp(`x\\.md:3: "date" is ${written}, which is not a date\\n {2}→ write it as date: 2024-07-31`));
    }
    const clash = await failure({ "index.md": "home\n", "x.md": "a\n", "x/index.md": "b\n" });
    expect(clash.message).toContain("these pages publish at one address (name.md and name/index.md both at /name/, or a permalink: gives one another's address)");
    expect(clash.message).toContain(`${clash.output}/x/index.html`);
    expect(clash.message).not.toContain(".building-");
  });

  it("points a front-matter mistake at its own line: a quote left open, front matter never closed", async () => {
    const open = await failure({ "index.md": "home\n", "q.md": '---\ntitle: "half done\ncolor: "teal"\nexcerpt: "one line"\n---\n\ntext\n' });
    expect(open.message).toMatch(/q\.md:2: the front matter is not valid YAML: this line opens a double quote and does not close it\n {2}→ end the value with " on the same line/);
    const unclosed = await failure({ "index.md": "home\n", "u.md": '---\ntitle: "fine"\ncolor: "teal"\n\nfirst line\n\n# a heading\n\nmore: text\n' });
    expect(unclosed.message).toMatch(/u\.md:1: the front matter is not valid YAML: the front matter that starts here has no closing --- line/);
    // A quoted value over two lines is YAML: a mistake after it is still js-yaml's, at its line.
    const later = await failure({ "index.md": "home\n", "l.md": '---\nexcerpt: "a long\n  excerpt"\ntitle: ok\ncolor: teal: x\n---\ntext\n' });
    expect(later.message).toMatch(/l\.md:5: the front matter is not valid YAML: the value of "color" has a colon and a space in it[^\n]*\n {2}→ put the value in quotes: color: "like: this"/);
    // A quote in a block scalar is text: the mistake after it is js-yaml's, at its line.
    const block = await failure({ "index.md": "home\n", "b.md": '---\ntitle: ok\ndescription: |\n  He said: "stop\n  and go\ntags: [a, b\n---\nbody\n' });
    expect(block.message).not.toContain("opens a double quote");
    expect(block.message).toMatch(/b\.md:\d+: the front matter is not valid YAML/);
    // YAML's ... does not end front matter here: said as such.
    const dots = await failure({ "index.md": "home\n", "d.md": "---\ntitle: ok\n...\nbody: text: here\n" });
    expect(dots.message).toMatch(/d\.md:1: the front matter is not valid YAML: the front matter that starts here has no closing --- line/);
  });

  it("says what js-yaml's refusals mean, at the line of the mistake: a key given twice, a [ left open, a key indented", async () => {
    const twice = await failure({ "index.md": "home\n", "t.md": '---\ntitle: "a"\ncolor: teal\ntitle: "b"\n---\nbody\n' });
    expect(twice.message).toMatch(/t\.md:4: the front matter is not valid YAML: "title" is given twice \(first on line 2\)\n {2}→ keep one of them/);
    const list = await failure({ "index.md": "home\n", "l.md": "---\ntitle: x\nexcerpt: [why i stopped\ndate: 2024-01-01\n---\nbody\n" });
    expect(list.message).toMatch(/l\.md:3: the front matter is not valid YAML: this line opens a list with \[ that is not closed\n {2}→ end it with \]; if the value is text that starts with \[, put it in quotes/);
    const indented = await failure({ "index.md": "home\n", "i.md": '---\ntitle: "a"\n  color: teal\n---\nbody\n' });
    expect(indented.message).toMatch(/i\.md:3: the front matter is not valid YAML: "color" is indented under "title", which has a value of its own\n {2}→ start it at the beginning of its line, as "title" is/);
  });

  it("tells siblings from keys of the same name elsewhere, and text from YAML", async () => {
    const message = async (frontMatter: string) => (await failure({ "index.md": "home\n", "f.md": `---\n${frontMatter}\n---\nbody\n` })).message;
    // The same key under another parent is not the first of the two; a key in quotes is the same key.
    expect(await message("a:\n  name: x\nb:\n  name: y\n  name: z")).toMatch(/f\.md:6: [^\n]*"name" is given twice \(first on line 5\)/);
    expect(await message('title: a\n"title": b')).toMatch(/f\.md:3: [^\n]*"title" is given twice \(first on line 2\)/);
    // A bracket in quotes or in a block of text opens nothing: the missing comma is the mistake, at its line.
    expect(await message('tags: ["[wip", essay]\nseries: ["a" "b"]')).toMatch(/f\.md:3: [^\n]*two entries on this line have no comma between them/);
    expect(await message('excerpt: |\n  note: [see below\ntags: ["a" "b"]')).toMatch(/f\.md:4: [^\n]*two entries on this line have no comma between them/);
    // A list closed on a later line, or a bracket in a comment or in plain text, opens nothing that stays open.
    expect(await message('tags: [a,\n  "b" "c"]\ntitle: x')).toMatch(/f\.md:3: [^\n]*an entry of the list opened on line 2 has no comma after it, on this line or the one before/);
    expect(await message('tags: [\n  "a"\n  "b",\n  "c"\n]')).toMatch(/f\.md:4: [^\n]*an entry of the list opened on line 2 has no comma after it/);
    expect(await message("meta: {a: [1, 2}")).toMatch(/f\.md:2: [^\n]*the \[ this line opens is closed with \}\n {2}→ close it with \]/);
    expect(await message("base: &b [a, b\ntitle: x")).toMatch(/f\.md:2: [^\n]*this line opens a list with \[ that is not closed/);
    expect(await message('note: &n |\n  [x\ntags: ["a" "b"]')).toMatch(/f\.md:4: [^\n]*two entries on this line have no comma between them/);
    expect(await message("tags: [a]\ntags: [b]")).toMatch(/f\.md:3: [^\n]*"tags" is given twice \(first on line 2\)/);
    // A long value going on over a line with a colon in it: the value wants quotes, not the line another indent.
    expect(await message("description: a long description\n  that goes on: and on")).toMatch(/f\.md:3: [^\n]*this line goes on the value of "description"[^\n]*\n {2}→ put the whole value of "description" in quotes, from line 2/);
    expect(await message("tags: [a,\n  b]\nseries:\n  - [x, y\n  - z")).toMatch(/f\.md:5: [^\n]*this line opens a list with \[ that is not closed/);
    expect(await message('tags: [a, b] # see [1\ntitle: chapter [2\nseries: ["a" "b"]')).toMatch(/f\.md:4: [^\n]*two entries on this line have no comma between them/);
    expect(await message('notes:\n  - |\n    see: [below\ntags: ["a" "b"]')).toMatch(/f\.md:5: [^\n]*two entries on this line have no comma between them/);
    // Keys in list items are siblings of the item's other keys only; a key given twice inside { } is js-yaml's to name.
    expect(await message("people:\n  - name: a\n    age: 1\n    name: b")).toMatch(/f\.md:5: [^\n]*"name" is given twice \(first on line 3\)/);
    expect(await message("people:\n  - name: a\n  - name: b\n    name: c")).toMatch(/f\.md:5: [^\n]*"name" is given twice \(first on line 4\)/);
    expect(await message("meta: {a: 1, a: 2}")).not.toContain('"meta" is given twice');
    // A colon in quotes or a comment is text: the indentation is the mistake.
    expect(await message('title: a\n  note: "see: here"')).toMatch(/f\.md:3: [^\n]*"note" is indented under "title", which has a value of its own/);
    expect(await message("authors:\n  - name: a\n      email: b")).toMatch(/f\.md:4: [^\n]*"email" is indented under "name"[^\n]*\n {2}→ start it 4 spaces in, as "name" is/);
    // A colon in a nested value is the colon's fault, not the indentation's; a nested key too far in is told how far.
    expect(await message("author:\n  name: Re: x")).toMatch(/f\.md:3: [^\n]*the value of "name" has a colon and a space in it/);
    expect(await message("author:\n  name: a\n   email: b")).toMatch(/f\.md:4: [^\n]*"email" is indented under "name", which has a value of its own\n {2}→ start it 2 spaces in, as "name" is/);
  });

  it("refuses a date that is not in the calendar, with its line", async () => {
    const { message } = await failure({ "index.md": "home\n", "dated.md": "---\ntitle: x\ndate: 2025-02-30\n---\nbody\n" });
    expect(message).toMatch(/dated\.md:3: "date" is 2025-02-30, a day that is not in the calendar/);
  });

  it("leaves the previously built site untouched", async () => {
    const input = writeFixture({ "index.md": "home\n", "page.md": "---\ntitle: first\n---\nfirst body\n" });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
    await build({ input, output, quiet: true });
    const before = readFileSync(path.join(output, "page/index.html"), "utf8");
    writeFileSync(path.join(input, "page.md"), '---\ntitle: second\ncolor: "nope-colour"\n---\nsecond body\n');
    await expect(build({ input, output, quiet: true })).rejects.toThrow();
    expect(readFileSync(path.join(output, "page/index.html"), "utf8")).toBe(before);
  });
});

describe("bad Liquid", () => {
  it("names the file's own line, not the line after the front matter, with a fix", async () => {
    const filter = await failure({ "index.md": "---\ntitle: t\ncolor: teal\n---\nline one\n\nline {{ page.title | nosuchfilter }} three\n" });
    expect(filter.message).toMatch(/index\.md:7: Liquid: undefined filter: nosuchfilter\n {2}→ check the filter's name/);
    const unclosed = await failure({ "index.md": "---\ntitle: t\n---\nline one\n\n{% if x %}\nunclosed\n" });
    expect(unclosed.message).toMatch(/index\.md:6: Liquid: tag \{% if x %\} not closed\n {2}→ close the tag/);
    const bare = await failure({ "index.md": "no front matter\n{{ x | nope }}\n" });
    expect(bare.message).toMatch(/index\.md:2: Liquid: undefined filter: nope/);
  });

  it("says how to name an include, and where one that is missing was looked for", async () => {
    const unquoted = await failure({ "index.md": "---\ntitle: t\n---\nline\n{% include note.html %}\n" });
    expect(unquoted.message).toMatch(/index\.md:5: Liquid: illegal file path "undefined"\n {2}→ name the included file in quotes, like \{% include "note\.html" %\}/);
    const missing = await failure({ "index.md": '---\ntitle: t\n---\nline\n{% include "note.html" %}\n' });
    const relative = await failure({ "_config.yml": "title: s\n", "index.md": "home\n", "sub/index.md": "---\ntitle: t\n---\n{% include_relative aside.md %}\n" });
    const plain = await failure({ "index.md": "home\n", "sub/index.md": "---\ntitle: t\n---\n{% include_relative aside.md %}\n" });
    expect(plain.message).toMatch(/sub\/index\.md:4: Liquid: tag "include_relative" not found[^\n]*\n {2}→ include_relative is Jekyll's, read in a site with a _config\.yml; here, put the file in the includes folder \(content\/_includes\/\)/);
    expect(relative.message).toMatch(/sub\/index\.md:4: Liquid: [^\n]*\n {2}→ there is no aside\.md in the page's own folder: add it there, or correct the name/);
    expect(missing.message).toMatch(/index\.md:5: Liquid: ENOENT: Failed to lookup "note\.html" in .*\n {2}→ there is no note\.html in \S*_includes\/: add it there, or correct the name/);
  });
});

describe("an aside left open", () => {
  const page = (text: string) => `---\ntitle: "an essay"\ncolor: "teal"\n---\n\nthe first line\n\n${text}\n\n## what it cost\n\nthe last words\n`;

  it("names the line of a <details> or a <summary> never closed, which would hide the rest of the page", async () => {
    const details = await failure({ "index.md": "home\n", "essay.md": page('<details><summary markdown="span">an aside</summary>\n\ninside the aside') });
    expect(details.message).toBe(
      `${path.relative(process.cwd(), path.join(details.input, "essay.md"))}:8: <details> is opened here and never closed: a browser would fold the rest of the page into it\n` +
        "  → add </details> on a line of its own where the aside ends",
    );
    const summary = await failure({ "index.md": "home\n", "essay.md": page('<details>\n<summary markdown="span">an aside\n\ninside\n</details>') });
    expect(summary.message).toMatch(/essay\.md:9: <summary> is opened here and never closed[^\n]*\n {2}→ end the summary with <\/summary> on the same line/);
  });

  it("finds the line in the file when Liquid above it made the text longer or shorter", async () => {
    const comment = "{% comment %}\nfour\nlines\nhere\n{% endcomment %}";
    const { message } = await failure({
      "_includes/long.html": "one\n\ntwo\n\nthree\n\nfour\n",
      "index.md": "home\n",
      "essay.md": page(`${comment}\n\n<details>\n<summary>closed</summary>\n</details>\n\n{% include "long.html" %}\n\n<details>\n<summary>left open</summary>`),
    });
    // Line 20 of the file: the second "<details>" line, after a comment Liquid drops and an include it expands.
    expect(message).toMatch(/essay\.md:20: <details> is opened here and never closed/);
  });

  it("names the line in a file written with CRLF line ends, and names only the file when Liquid leaves the line unclear", async () => {
    const crlf = await failure({ "index.md": "home\n", "essay.md": page("<details>\n<summary>left open</summary>").replace(/\n/g, "\r\n") });
    expect(crlf.message).toMatch(/essay\.md:8: <details> is opened here and never closed/);
    // A commented-out <details> above: the file has two such lines, the text markdown read one.
    const unclear = await failure({ "index.md": "home\n", "essay.md": page("{% comment %}\n<details>\n{% endcomment %}\n\n<details>\n<summary>left open</summary>") });
    expect(unclear.message).toMatch(/essay\.md: <details> is opened here and never closed/);
  });

  it("builds one closed anywhere after it, even mid-line, as before", async () => {
    const input = writeFixture({ "index.md": "home\n", "essay.md": page("<details>\n<summary>an aside</summary>\ninside the aside, then </details> and more") });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
    await build({ input, output, quiet: true });
    expect(readFileSync(path.join(output, "essay", "index.html"), "utf8")).toContain("the last words");
  });
});
