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
 * What is wrong in front matter js-yaml refused at `errorLine` (the file's line) for `reason`, where it can be
 * seen from the text: an opening `---` never closed (the whole page was read as YAML), a quote, a [ or a { opened
 * on an earlier line and never closed there (js-yaml notices only lines later), a key given twice, a key
 * indented by mistake, a colon in a value. Undefined when none explains it.
 */
export function frontMatterMistake(source: string, errorLine: number, reason = ""): { line: number; message: string; hint: string } | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return undefined;
  // gray-matter closes front matter at a --- line only (YAML's ... does not close it).
  const close = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (close === -1) {
    return { line: 1, message: "the front matter that starts here has no closing --- line, so the whole page was read as front matter", hint: "add a line with only --- where the front matter ends, before the page's text" };
  }
  const frontMatter = lines.slice(0, close);
  // The lines of a block scalar (`key: |` or `key: >` and what is indented under it) are text, not values.
  const text = blockScalarLines(frontMatter);
  for (let index = 1; index < Math.min(close, errorLine - 1); index++) {
    if (text.has(index)) continue;
    const line = lines[index] ?? "";
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
  return yamlReasonMistake(frontMatter, text, errorLine, reason);
}

/** What js-yaml's own reason means for the author, where its line alone does not say it. `lines`: the front
 * matter's, from its opening `---`; `text`: those of them in blocks of text; `errorLine`: 1-based in the file. */
function yamlReasonMistake(lines: string[], text: Set<number>, errorLine: number, reason: string): { line: number; message: string; hint: string } | undefined {
  const isValueLine = (index: number) => !text.has(index) && (lines[index] ?? "").trim() !== "" && !(lines[index] ?? "").trim().startsWith("#");
  // A line's indent, a list item's "- " counted in.
  const indentOf = (line: string) => /^\s*(?:-\s+)*/.exec(line)?.[0].length ?? 0;
  const errorIndex = Math.min(Math.max(errorLine - 1, 0), lines.length);
  const errorText = lines[errorIndex] ?? "";
  if (reason === "duplicated mapping key") {
    const key = keyOf(errorText);
    if (!key) return undefined;
    // The first of the same name among its siblings: up to the key they are under (a line indented less), or
    // the start of their list item.
    let first: number | undefined;
    for (let index = errorIndex - 1; index > 0; index--) {
      if (!isValueLine(index)) continue;
      const line = lines[index] ?? "";
      if (indentOf(line) < key.indent) break;
      if (indentOf(line) === key.indent && keyOf(line)?.name === key.name) first = index;
      if (indentOf(line) === key.indent && /^\s*-\s/.test(line)) break;
    }
    // None, and a [ … ] or { … } on the line: the key given twice is inside it, js-yaml's to name.
    if (first === undefined && /^[[{]/.test(valueOf(errorText, key))) return undefined;
    const where = first === undefined ? "" : ` (first on line ${first + 1})`;
    return { line: errorLine, message: `"${key.name}" is given twice${where}`, hint: "keep one of them" };
  }
  if (reason.includes("flow collection")) {
    const collections = flowCollections(lines, text);
    // A bracket closed by the other kind: said as such, at the line that opened it.
    const mismatched = collections.find((c) => c.opened <= errorIndex && c.closedBy !== undefined && c.closedBy !== c.closer);
    if (mismatched) {
      return { line: mismatched.opened + 1, message: `the ${mismatched.bracket} this line opens is closed with ${mismatched.closedBy}`, hint: `close it with ${mismatched.closer}` };
    }
    // A [ or { left open: js-yaml reads on and stops a line or more later.
    const open = collections.find((c) => c.opened <= errorIndex && c.closed === undefined);
    if (open) {
      return {
        line: open.opened + 1,
        message: `this line opens a ${open.bracket === "[" ? "list" : "mapping"} with ${open.bracket} that is not closed`,
        hint: `end it with ${open.closer}; if the value is text that starts with ${open.bracket}, put it in quotes`,
      };
    }
    // The error line within a [ … ] or { … }: a comma left out there, or at the end of the entry before it.
    const around = collections.find((c) => c.opened <= errorIndex && c.closed !== undefined && c.closed >= errorIndex);
    if (reason.startsWith("missed comma") && around) {
      return around.opened === around.closed
        ? { line: errorLine, message: "two entries on this line have no comma between them", hint: "put a comma between the entries; an entry with a comma or a bracket in it goes in quotes" }
        : { line: errorLine, message: `an entry of the ${around.bracket === "[" ? "list" : "mapping"} opened on line ${around.opened + 1} has no comma after it, on this line or the one before`, hint: "end every entry but the last with a comma; an entry with a comma or a bracket in it goes in quotes" };
    }
    return undefined;
  }
  if (reason === "bad indentation of a mapping entry") {
    const key = keyOf(errorText);
    if (key && valueOf(errorText, key).includes(": ")) {
      return { line: errorLine, message: `the value of "${key.name}" has a colon and a space in it, which YAML reads as another key`, hint: `put the value in quotes: ${key.name}: "like: this"` };
    }
    // A key indented under one that has a value of its own, so cannot hold keys.
    let above = errorIndex - 1;
    while (above > 0 && !isValueLine(above)) above--;
    const parentLine = lines[above] ?? "";
    const parent = keyOf(parentLine);
    // Words with spaces before the colon, under a value of words: the value going on, its colon read as a key's.
    if (key && parent && key.name.includes(" ") && indentOf(errorText) > parent.indent && /^[^"'[{&!|>]/.test(valueOf(parentLine, parent))) {
      return { line: errorLine, message: `this line goes on the value of "${parent.name}", and its colon and space make YAML read a key`, hint: `put the whole value of "${parent.name}" in quotes, from line ${above + 1}: ${parent.name}: "…"` };
    }
    if (key && parent && indentOf(errorText) > parent.indent && valueOf(parentLine, parent) !== "") {
      const spaces = parent.indent === 0 ? "at the beginning of its line" : `${parent.indent} spaces in`;
      return { line: errorLine, message: `"${key.name}" is indented under "${parent.name}", which has a value of its own`, hint: `start it ${spaces}, as "${parent.name}" is` };
    }
  }
  return undefined;
}

/** A `key:` line's indent (a list item's "- " counted in), its key (quotes taken off), and how long the part up
 * to the colon is. */
function keyOf(line: string): { indent: number; name: string; length: number } | undefined {
  const match = /^(\s*(?:-\s+)*)(?:"([^"]*)"|'([^']*)'|([^\s:#"'-][^:]*?|-[^\s:][^:]*?))\s*:(?:\s|$)/.exec(line);
  if (!match) return undefined;
  return { indent: match[1]?.length ?? 0, name: match[2] ?? match[3] ?? match[4] ?? "", length: match[0].length };
}

/** What follows a key on its line, quoted text and a comment taken out (a colon or bracket in quotes is text). */
function valueOf(line: string, key: { length: number }): string {
  return withoutQuotesAndComment(line.slice(key.length)).trim();
}

function withoutQuotesAndComment(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""').replace(/(^|\s)#.*$/, "$1");
}

/** Every [ … ] and { … } of the front matter, outermost first: the line each opens on, the line it closes on (none
 * when it never does) and with what. A collection starts only where a value does (after `key:`, `- `, an anchor
 * or a tag): a bracket inside plain text is text, as are quotes, comments and blocks of text. */
function flowCollections(lines: string[], text: Set<number>): { opened: number; bracket: string; closer: string; closed?: number; closedBy?: string }[] {
  const found: { opened: number; bracket: string; closer: string; closed?: number; closedBy?: string }[] = [];
  const stack: typeof found = [];
  for (let index = 1; index < lines.length; index++) {
    if (text.has(index)) continue;
    let line = withoutQuotesAndComment(lines[index] ?? "");
    if (stack.length === 0) {
      const start = /^\s*(?:-\s+)*(?:(?:"[^"]*"|'[^']*'|[^\s:#"'[{][^:]*?)\s*:\s+)?(?:[&!]\S*\s+)*(?=[[{])/.exec(line);
      if (!start) continue;
      line = line.slice(start[0].length);
    }
    for (const char of line) {
      if (char === "[" || char === "{") {
        const collection = { opened: index, bracket: char, closer: char === "[" ? "]" : "}" };
        if (stack.length === 0) found.push(collection);
        stack.push(collection);
      } else if ((char === "]" || char === "}") && stack.length > 0) {
        const collection = stack.pop()!;
        Object.assign(collection, { closed: index, closedBy: char });
        // Closed by the other kind: the rest of the text tells nothing more.
        if (char !== collection.closer) return found.includes(collection) ? found : [collection, ...found];
      }
      if (stack.length === 0) break;
    }
  }
  return found;
}

/** The lines of block scalars (`key: |` or `key: >` and what is indented under it): text, not YAML. */
function blockScalarLines(lines: string[]): Set<number> {
  const text = new Set<number>();
  let blockIndent: number | undefined;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    if (blockIndent !== undefined) {
      if (line.trim() === "" || indent > blockIndent) {
        text.add(index);
        continue;
      }
      blockIndent = undefined;
    }
    // `key: |`, `- |`, `key: >-`, `key: |2-`: a block scalar, the lines indented under it its text.
    if (/^\s*(?:-\s+)*(?:(?:"[^"]*"|'[^']*'|[^\s:#][^:]*?)\s*:\s*)?(?:[&!]\S*\s+)*[|>](?:[+-]?\d*|\d+[+-])\s*(#.*)?$/.test(line)) blockIndent = indent;
  }
  return text;
}
