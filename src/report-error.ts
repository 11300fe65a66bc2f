// Turns whatever a build threw into the message an author can act on.
import { errorChain, findQuireError, findYamlError, MarkdownMistake, QuireError } from "./errors.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { splitBody } from "./frontmatter/split.ts";
import { mayHoldLiquid } from "./cache/prerender.ts";
import { bodyLineToFileLine, frontMatterKeyLine, frontMatterMistake, yamlErrorFileLine } from "./frontmatter/lines.ts";

/** The file Eleventy was working on, from its wrapped error messages ("… (./content/x.md)"). */
function fileFromMessages(error: unknown): string | undefined {
  for (const current of errorChain(error)) {
    const message = (current as { message?: string }).message ?? "";
    const match = /(?:for|in|template|file:?)\s+\(?(\.?\/?[^\s()`'"]+\.(?:md|njk|html|liquid))\)?/i.exec(message) ?? /\((\.?\/[^\s()]+)\)/.exec(message);
    if (match?.[1]) return match[1].replace(/^\.\//, "");
  }
  return undefined;
}

function messages(error: unknown): string[] {
  const seen: string[] = [];
  for (const current of errorChain(error)) {
    const message = (current as { message?: string }).message;
    if (message && !seen.includes(message)) seen.push(message);
  }
  return seen;
}

/** A build failure as text: file:line: what is wrong, then what to do. */
export function describeBuildError(error: unknown): string {
  const quire = findQuireError(error);
  if (quire instanceof MarkdownMistake) return markdownMistake(quire, fileFromMessages(error));
  if (quire) return quire.format();
  const yaml = findYamlError(error);
  if (yaml) {
    const file = fileFromMessages(error) ?? "a page";
    let mistake: ReturnType<typeof frontMatterMistake>;
    try {
      mistake = frontMatterMistake(readFileSync(file, "utf8"), yamlErrorFileLine(yaml.line), yaml.reason);
    } catch {
      // No file to read (a watch-mode race, or no file named): js-yaml's own account follows.
    }
    if (mistake) return `${file}:${mistake.line}: the front matter is not valid YAML: ${mistake.message}\n  → ${mistake.hint}`;
    return `${file}:${yamlErrorFileLine(yaml.line)}: the front matter is not valid YAML: ${yaml.reason}\n  → check the quotes and colons on that line; text with a colon in it needs quotes ("like: this")`;
  }
  const chain = messages(error);
  const liquid = liquidError(chain);
  if (liquid) return liquid;
  const nunjucks = nunjucksError(chain);
  if (nunjucks) return nunjucks;
  const date = dateError(chain);
  if (date) return date;
  const hint = hintFor(chain.join("\n"));
  return `${chain.length > 0 ? chain.join("\n  ") : String(error)}${hint ? `\n  → ${hint}` : ""}`;
}

/** A mistake markdown-it found, at its line in the page's file (Eleventy names the page it was rendering). The
 * text it read is the file's after Liquid: its line is the file's when the file has no Liquid, else the line
 * with its text, as many of those down, when Liquid made no more or fewer of them; else it is named without. */
function markdownMistake(mistake: MarkdownMistake, file: string | undefined): string {
  let line: number | undefined;
  try {
    if (file) {
      const source = readFileSync(file, "utf8");
      const body = splitBody(source);
      const lines = body.split(/\r?\n/);
      if (!mayHoldLiquid(body)) line = bodyLineToFileLine(source, mistake.bodyLine);
      else if (lines.filter((text) => text === mistake.lineText).length === mistake.occurrences) {
        let seen = 0;
        line = bodyLineToFileLine(source, lines.findIndex((text) => text === mistake.lineText && ++seen === mistake.occurrence) + 1);
      }
    }
  } catch {
    // The file is gone (a watch-mode race): named without its line.
  }
  return new QuireError(mistake.message, file ?? "a page", line, mistake.hint).format();
}

/** Nunjucks names a layout's line after the page Eleventy was writing ("(./layouts/base.njk) [Line 81, Column
 * 7]\n  unexpected token: %}"): the layout is what is wrong, so it comes first, at its line. A mistake found while
 * rendering ("… Error: Unable to call …", "TypeError: …") has only the line of the last tag before it, counted from 0. */
function nunjucksError(chain: string[]): string | undefined {
  const joined = chain.join("\n");
  const match = /\((\.?\/?[^()\s]+\.njk)\)\s*\[Line (\d+), Column (\d+)\]\s*\n?\s*([A-Za-z]*Error: )?([^\n]+)/.exec(joined);
  if (!match) return undefined;
  const [, template = "", line = "", column = "", rendering = "", reason = ""] = match;
  const page = /from "([^"]+)"/.exec(joined)?.[1]?.replace(/^\.\//, "");
  // Nunjucks counts from the end of the layout's own front matter.
  let fileLine = Number(line) + (rendering ? 1 : 0);
  try {
    fileLine = bodyLineToFileLine(readFileSync(template, "utf8"), fileLine);
  } catch {
    // The layout is gone (a watch-mode race): Nunjucks's own count.
  }
  const layout = path.relative(process.cwd(), path.resolve(template));
  const where = rendering ? `${layout}: Nunjucks: ${reason.trim()} (at or after line ${fileLine}` : `${layout}:${fileLine}: Nunjucks: ${reason.trim()} (column ${column}`;
  return `${where}${page ? `, rendering ${page}` : ""})\n  → fix the template ${rendering ? "there" : "on that line"}: every page that uses it fails the same way`;
}

/** LiquidJS names the line within the page's text after the front matter ("…, file:x.md, line:3, col:6"):
 * the author is told the file's own line, with a fix. */
function liquidError(chain: string[]): string | undefined {
  for (const message of chain) {
    const match = /^(.*), file:(.+), line:(\d+), col:(\d+)$/m.exec(message);
    if (!match) continue;
    const [, reason = "", file = "", line = "0"] = match;
    let fileLine: number | string = line;
    try {
      fileLine = bodyLineToFileLine(readFileSync(file, "utf8"), Number(line));
    } catch {
      // The file is gone (a watch-mode race): Liquid's own count is the best there is.
    }
    return `${file.replace(/^\.\//, "")}:${fileLine}: Liquid: ${reason}\n  → ${liquidHint(reason)}`;
  }
  return undefined;
}

/** Eleventy refuses a `date:` it cannot read ("yesterday", 2024, 31/07/2024), naming the file: the author is
 * told the line too. */
function dateError(chain: string[]): string | undefined {
  for (const message of chain) {
    const match = /Data cascade value for `date` \(([^)]*)\) is invalid for (.+?\.(?:md|markdown|html|njk|liquid))\b/.exec(message);
    if (!match) continue;
    const [, value = "", file = ""] = match;
    let line: number | undefined;
    try {
      line = frontMatterKeyLine(readFileSync(file, "utf8"), "date");
    } catch {
      // The file is gone (a watch-mode race): the file alone is named.
    }
    const where = `${file.replace(/^\.\//, "")}${line === undefined ? "" : `:${line}`}`;
    return `${where}: "date" is ${value}, which is not a date\n  → write it as date: 2024-07-31 (a time may follow: 2024-07-31T09:30:00), or leave it out to date the page by its first commit`;
  }
  return undefined;
}

function liquidHint(reason: string): string {
  if (reason.startsWith("undefined filter")) {
    return "check the filter's name (quire has Liquid's filters and Jekyll's absolute_url and relative_url); text that only looks like Liquid goes between {% raw %} and {% endraw %}";
  }
  if (reason.includes('illegal file path "undefined"')) {
    return 'name the included file in quotes, like {% include "note.html" %} (Jekyll\'s unquoted names are read in a site with a _config.yml)';
  }
  if (reason.includes('tag "include_relative" not found')) {
    return 'include_relative is Jekyll\'s, read in a site with a _config.yml; here, put the file in the includes folder (content/_includes/) and write {% include "name.md" %}';
  }
  const lookup = /^ENOENT: Failed to lookup "([^"]+)" in "([^",]+)/.exec(reason);
  // include_relative looks for "./name" next to the page (its first folder is the includes folder all the same).
  if (lookup?.[1]?.startsWith("./")) return `there is no ${lookup[1].slice(2)} in the page's own folder: add it there, or correct the name`;
  if (lookup) return `there is no ${lookup[1] ?? "such file"} in ${(lookup[2] ?? "").replace(/^\.\//, "")}: add it there, or correct the name`;
  if (reason.includes("not closed")) return "close the tag (an {% if %} needs its {% endif %}), or put text that only looks like Liquid between {% raw %} and {% endraw %}";
  return "fix the Liquid on that line, or put text that only looks like Liquid between {% raw %} and {% endraw %}";
}

/** What to do about Eleventy's own errors that authors run into. */
function hintFor(text: string): string | undefined {
  if (text.includes("Output conflict")) {
    return "these pages publish at one address (name.md and name/index.md both at /name/, or a permalink: gives one another's address): keep one of them, or give one a permalink: of its own";
  }
  if (text.includes("Problem creating an Eleventy Layout")) return "the layout: in this page's front matter names no file in layouts/; remove it to get the default";
  return undefined;
}
