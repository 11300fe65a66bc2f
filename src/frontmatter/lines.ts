// Where a front-matter key sits in its file, so errors can name the line.
import { splitSource } from "./split.ts";
import { escapeRegExp } from "../escape-regexp.ts";

/** 1-based line of `key:` inside the leading `---` block of `source`, or undefined. */
export function frontMatterKeyLine(source: string, key: string): number | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return undefined;
  const pattern = new RegExp(`^${escapeRegExp(key)}\\s*:`);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "---") return undefined;
    if (pattern.test(line)) return i + 1;
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
  const line = frontMatterKeyLine(source, "date");
  if (line === undefined) return undefined;
  const written = /^date\s*:\s*["']?(\d{4})-(\d{1,2})-(\d{1,2})/.exec(source.split(/\r?\n/)[line - 1] ?? "");
  if (!written) return undefined;
  const [, year, month, day] = written.map(Number);
  const agrees = parsed.getUTCFullYear() === year && parsed.getUTCMonth() + 1 === month && parsed.getUTCDate() === day;
  return agrees ? undefined : `${written[1]}-${written[2]}-${written[3]}`;
}
