// Where a front-matter key sits in its file, so errors can name the line.
import { splitSource } from "./split.ts";
import { escapeRegExp } from "../escape-regexp.ts";

/** 1-based line of `key:` inside the leading `---` block of `source`, or undefined. Reads only the front matter's
 * lines: a page is read again for a date it holds, and its body may be long. */
export function frontMatterKeyLine(source: string, key: string): number | undefined {
  return frontMatterKeyPlace(source, key)?.line;
}

/** The line of `key:` in the front matter (1-based) and its text. */
function frontMatterKeyPlace(source: string, key: string): { line: number; text: string } | undefined {
  const pattern = new RegExp(`^${escapeRegExp(key)}\\s*:`);
  let start = 0;
  for (let line = 1; start <= source.length; line++) {
    const newline = source.indexOf("\n", start);
    const end = newline === -1 ? source.length : newline;
    const text = source.slice(start, end > start && source[end - 1] === "\r" ? end - 1 : end);
    if (line === 1 ? text.trim() !== "---" : text.trim() === "---") return undefined;
    if (line > 1 && pattern.test(text)) return { line, text };
    if (newline === -1) return undefined;
    start = newline + 1;
  }
  return undefined;
}

/** The file line of `bodyLine` (1-based) of the text after the front matter, as Liquid and markdown count it. */
export function bodyLineToFileLine(source: string, bodyLine: number): number {
  const { body } = splitSource(source);
  const frontMatterLines = source.slice(0, source.length - body.length).split("\n").length - 1;
  return frontMatterLines + bodyLine;
}

/**
 * The file line of a js-yaml error. gray-matter hands js-yaml the text after the opening `---`, starting
 * with that line's own newline, so js-yaml's 0-based line is the file's 1-based line minus one.
 */
export function yamlErrorFileLine(yamlLine: number): number {
  return yamlLine + 1;
}

/**
 * YAML reads `date: 2025-02-30` as 2 March: a day that is not in the calendar rolls over silently. The date as
 * written, when its year, month and day are not the ones YAML produced; undefined when they agree.
 */
export function impossibleDate(source: string, parsed: Date): string | undefined {
  const place = frontMatterKeyPlace(source, "date");
  if (place === undefined) return undefined;
  const written = /^date\s*:\s*["']?(\d{4})-(\d{1,2})-(\d{1,2})/.exec(place.text);
  if (!written) return undefined;
  const [, year, month, day] = written.map(Number);
  const agrees = parsed.getUTCFullYear() === year && parsed.getUTCMonth() + 1 === month && parsed.getUTCDate() === day;
  return agrees ? undefined : `${written[1]}-${written[2]}-${written[3]}`;
}

/**
 * What is wrong in front matter js-yaml refused at `errorLine` (the file's line), where it can be seen from the
 * text: an opening `---` never closed (the whole page was read as YAML), or a quote opened on an earlier line and
 * never closed there (js-yaml notices only lines later). Undefined when neither explains it.
 */
export function frontMatterMistake(source: string, errorLine: number): { line: number; message: string; hint: string } | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return undefined;
  // gray-matter closes front matter at a --- line only (YAML's ... does not close it).
  const close = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (close === -1) {
    return { line: 1, message: "the front matter that starts here has no closing --- line, so the whole page was read as front matter", hint: "add a line with only --- where the front matter ends, before the page's text" };
  }
  // The lines of a block scalar (`key: |` or `key: >` and what is indented under it) are text, not values.
  let blockIndent: number | undefined;
  for (let index = 1; index < Math.min(close, errorLine - 1); index++) {
    const line = lines[index] ?? "";
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    if (blockIndent !== undefined) {
      if (line.trim() === "" || indent > blockIndent) continue;
      blockIndent = undefined;
    }
    if (/^\s*[^\s:#][^:]*:\s*[|>][+-]?\d*\s*(#.*)?$/.test(line)) {
      blockIndent = indent;
      continue;
    }
    const value = /^\s*[^\s:#][^:]*:\s+(["'])(.*)$/.exec(line);
    if (!value) continue;
    const [, quote = "", first = ""] = value;
    // A quote closes at its next unescaped twin ('' is an escaped ' in YAML's single quotes); a quoted value
    // may go on over the next lines, up to the one js-yaml stopped at.
    const rest = [first, ...lines.slice(index + 1, errorLine - 1)].join("\n");
    // Closed well: the closing quote ends its line (a comment may follow), as a value's last quote does.
    const closed = (quote === '"' ? /^(?:[^"\\]|\\.)*"[ \t]*(?:#.*)?(?:\n|$)/ : /^(?:[^']|'')*'[ \t]*(?:#.*)?(?:\n|$)/).test(rest);
    if (!closed) return { line: index + 1, message: `this line opens a ${quote === '"' ? "double" : "single"} quote and does not close it`, hint: `end the value with ${quote} on the same line` };
  }
  return undefined;
}
