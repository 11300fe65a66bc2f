// Development aid, not a test: renders every case of a fixture file with quire and with Jekyll (kramdown
// GFM, the author's old setup) side by side. `--fill` writes quire's output into cases whose expected HTML
// is the single line TODO — read the comparison before committing it.
// Usage: npx tsx tests/markdown/jekyll-oracle.ts tests/fixtures/markdown/toc.txt [--fill] [--permalinks]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createMarkdown } from "../../src/markdown/index.ts";
import { parseFixtures } from "./fixture-format.ts";

const jekyllConfig = `markdown: kramdown
kramdown:
  input: GFM
  hard_wrap: true
  header_offset: 1
  smart_quotes: ["apos", "apos", "quot", "quot"]
  typographic_symbols: {hellip: "...", mdash: "---", ndash: "--", laquo: "<<", raquo: ">>", laquo_space: "<< ", raquo_space: " >>"}
  parse_block_html: true
  gfm_quirks: [paragraph_end, no_auto_typographic]
`;

const [file, ...flags] = process.argv.slice(2);
if (!file) throw new Error("usage: jekyll-oracle.ts <fixture file> [--fill] [--permalinks]");
const md = createMarkdown({ permalinks: flags.includes("--permalinks") });
const lines = readFileSync(file, "utf8").split("\n");
const cases = parseFixtures(lines.join("\n"));

const site = mkdtempSync(path.join(tmpdir(), "quire-jekyll-"));
writeFileSync(path.join(site, "_config.yml"), jekyllConfig);
cases.forEach((fixture, i) => writeFileSync(path.join(site, `case${i}.md`), `---\nlayout: none\n---\n${fixture.input}`));
execFileSync("jekyll", ["build", "-q", "-s", site, "-d", path.join(site, "_site")], {
  env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: "true" },
  stdio: "inherit",
});

// From the last case up, so line numbers of earlier cases stay valid while filling.
for (let i = cases.length - 1; i >= 0; i--) {
  const fixture = cases[i]!;
  const quire = md.render(fixture.input);
  const jekyll = readFileSync(path.join(site, "_site", `case${i}.html`), "utf8");
  console.log(`\n===== line ${fixture.line}: ${fixture.name}\n--- quire\n${quire}--- jekyll\n${jekyll}`);
  const todo = lines.indexOf("TODO", fixture.line);
  if (flags.includes("--fill") && fixture.expected === "TODO\n" && todo >= 0) {
    lines.splice(todo, 1, ...quire.replace(/\n$/, "").split("\n"));
  }
}
if (flags.includes("--fill")) writeFileSync(file, lines.join("\n"));
