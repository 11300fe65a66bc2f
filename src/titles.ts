// A page's title when its front matter has none: its first line's heading, as GitHub Pages' Jekyll takes it
// (jekyll-titles-from-headings), else its URL's last segment, hyphens read as spaces.
import MarkdownIt from "markdown-it";
import { Parser } from "htmlparser2";

/** `/toki-pona/` → "toki pona"; `/` → "" (the home page is named by the site). */
export function titleFromUrl(url: string): string {
  const segments = url.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A malformed escape is kept as written.
  }
  return decoded.replace(/\.html?$/, "").replace(/-/g, " ").trim();
}

// What jekyll-titles-from-headings 0.5 matches at the start of the text: after blank space, a `#`, `##` or `###`
// heading, or a setext heading (a line underlined with `=` or `-`).
const ATX = /^#{1,3}[ \t]+([^\n]*)$/;
const SETEXT_UNDERLINE = /^[ \t]{0,3}(?:=+|-+)[ \t]*$/;

// Only inline syntax is read: emphasis, code, links, escapes.
const inline = new MarkdownIt({ html: true });

/**
 * The text of the heading a page's markdown starts with, as plain text ("## two *words*" → "two words"), or
 * undefined when it starts with anything else. Unlike Jekyll, a closing `##` and a `{#id}` are not kept in it.
 */
export function titleFromHeading(markdown: string): string | undefined {
  // The first line that is not blank, and the one after it: read line by line, so a long line costs its length.
  const start = markdown.search(/\S/);
  if (start < 0) return undefined;
  const lineStart = markdown.lastIndexOf("\n", start) + 1;
  const lineEnd = markdown.indexOf("\n", start);
  const first = markdown.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, "");
  const atx = ATX.exec(first.trimStart());
  let source: string | undefined;
  if (atx) source = withoutClosingHashes(atx[1]!.trimEnd());
  else if (lineEnd >= 0) {
    const nextEnd = markdown.indexOf("\n", lineEnd + 1);
    const next = markdown.slice(lineEnd + 1, nextEnd < 0 ? undefined : nextEnd).replace(/\r$/, "");
    if (SETEXT_UNDERLINE.test(next)) source = first.trim();
  }
  if (source === undefined) return undefined;
  const withoutId = withoutTrailingAttributes(source.trimEnd());
  const title = plainText(inline.renderInline(withoutId.trim()))
    .replace(/\[\^[^\]]*\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return title || undefined;
}

// The two endings below are cut by hand, from the end: patterns for them backtracked over long runs of spaces.

/** "title ##" → "title"; "title#" and "##" alone are kept (kramdown's closing sequence follows a space). */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end === text.length || end === 0 || (text[end - 1] !== " " && text[end - 1] !== "\t")) return text;
  return text.slice(0, end).trimEnd();
}

/** "title {#id}" or "title {: .class}" → "title": kramdown's header id or attribute list at the end. */
function withoutTrailingAttributes(text: string): string {
  if (!text.endsWith("}")) return text;
  const open = text.lastIndexOf("{");
  if (open < 0 || !/^\{[#:][^}]*\}$/.test(text.slice(open))) return text;
  if (open > 0 && text[open - 1] !== " " && text[open - 1] !== "\t") return text;
  return text.slice(0, open).trimEnd();
}

/** The text of a piece of HTML, entities decoded. */
function plainText(html: string): string {
  let text = "";
  const parser = new Parser({ ontext: (part) => (text += part) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return text;
}

/** A page's title: a non-empty `title` from its front matter, else its markdown's first heading, else its URL's
 * last segment, else (the home page) `fallback`. */
export function pageTitleOf(title: unknown, markdown: string | undefined, url: string | false, fallback: string): string {
  if (typeof title === "string" && title.trim() !== "") return title;
  return (markdown !== undefined && titleFromHeading(markdown)) || (url && titleFromUrl(url)) || fallback;
}
