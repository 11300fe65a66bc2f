// The author's kramdown settings against the way quire renders markdown: any setting that would make quire's
// output differ from Jekyll's is named, so nobody is surprised.

/** What quire's markdown does, in kramdown's terms (src/markdown/). */
export const QUIRE_RENDERS_AS: Record<string, unknown> = {
  input: "GFM",
  hard_wrap: true,
  header_offset: 1,
  parse_block_html: true,
  auto_ids: true,
  smart_quotes: "apostrophe,apostrophe,quot,quot",
};

/** kramdown 2.4's defaults under Jekyll 4.3 (Jekyll::Configuration::DEFAULTS plus kramdown's own). */
export const KRAMDOWN_DEFAULTS: Record<string, unknown> = {
  input: "GFM",
  hard_wrap: false,
  header_offset: 0,
  parse_block_html: false,
  auto_ids: true,
  smart_quotes: "lsquo,rsquo,ldquo,rdquo",
};

const WHAT_QUIRE_DOES: Record<string, string> = {
  input: "quire reads GFM",
  hard_wrap: "quire keeps every line break (hard_wrap: true)",
  header_offset: "quire renders # as <h2> (header_offset: 1), the page title being the only <h1>",
  parse_block_html: "quire reads markdown inside HTML blocks (parse_block_html: true)",
  auto_ids: "quire gives every heading an id (auto_ids: true)",
  smart_quotes: "quire keeps quotes straight, as typed",
};

/** Settings that change nothing a reader sees. */
const NO_EFFECT_ON_OUTPUT = ["show_warnings", "guess_lang", "footnote_backlink_inline"];

/** One line per kramdown setting the site uses (or defaults to) that quire renders differently. */
export function kramdownDifferences(settings: Record<string, unknown>): string[] {
  const differences: string[] = [];
  for (const [key, quire] of Object.entries(QUIRE_RENDERS_AS)) {
    const value = key in settings ? settings[key] : KRAMDOWN_DEFAULTS[key];
    if (normalise(value) === normalise(quire)) continue;
    const source = key in settings ? `is ${JSON.stringify(value)}` : `is not set (kramdown's default is ${JSON.stringify(value)})`;
    differences.push(`kramdown "${key}" ${source}; ${WHAT_QUIRE_DOES[key]}`);
  }
  for (const [key, value] of Object.entries(settings)) {
    if (key in QUIRE_RENDERS_AS || NO_EFFECT_ON_OUTPUT.includes(key)) continue;
    differences.push(`kramdown "${key}" is ${JSON.stringify(value)}; quire does not read this setting`);
  }
  return differences;
}

function normalise(value: unknown): string {
  return String(value).toLowerCase().replace(/\s+/g, "");
}
