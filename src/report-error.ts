// Turns whatever a build threw into the message an author can act on.
import { findQuireError, findYamlError } from "./errors.ts";
import { yamlErrorFileLine } from "./frontmatter/lines.ts";

/** The file Eleventy was working on, from its wrapped error messages ("… (./content/x.md)"). */
function fileFromMessages(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 20; depth++) {
    const message = (current as { message?: string }).message ?? "";
    const match = /(?:for|in|template|file:?)\s+\(?(\.?\/?[^\s()`'"]+\.(?:md|njk|html|liquid))\)?/i.exec(message) ?? /\((\.?\/[^\s()]+)\)/.exec(message);
    if (match?.[1]) return match[1].replace(/^\.\//, "");
    current = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

function messages(error: unknown): string[] {
  const seen: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 20; depth++) {
    const message = (current as { message?: string }).message;
    if (message && !seen.includes(message)) seen.push(message);
    current = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return seen;
}

/** A build failure as text: file:line: what is wrong, then what to do. */
export function describeBuildError(error: unknown): string {
  const quire = findQuireError(error);
  if (quire) return quire.format();
  const yaml = findYamlError(error);
  if (yaml) {
    const file = fileFromMessages(error) ?? "a page";
    return `${file}:${yamlErrorFileLine(yaml.line)}: the front matter is not valid YAML: ${yaml.reason}\n  → check the quotes and colons on that line; text with a colon in it needs quotes ("like: this")`;
  }
  const chain = messages(error);
  const hint = hintFor(chain.join("\n"));
  return `${chain.length > 0 ? chain.join("\n  ") : String(error)}${hint ? `\n  → ${hint}` : ""}`;
}

/** What to do about Eleventy's own errors that authors run into. */
function hintFor(text: string): string | undefined {
  if (text.includes("Output conflict")) {
    return "name.md and name/index.md both publish at /name/: keep one of them, or give one a permalink: of its own";
  }
  const date = /Data cascade value for `date` \(([^)]*)\) is invalid/.exec(text);
  if (date) return `"date: ${date[1]}" is not a date: write it as date: 2024-07-31`;
  if (text.includes("Problem creating an Eleventy Layout")) return "the layout: in this page's front matter names no file in layouts/; remove it to get the default";
  return undefined;
}
