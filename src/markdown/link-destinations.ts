// Link and image destinations with spaces (`![](my fox.png)`, `[a](my notes.pdf "title")`): kramdown takes
// everything up to the `)` that closes the link, or up to a ` "title"`; CommonMark refuses the link. Quire
// reads them like kramdown and publishes them percent-encoded (`my%20fox.png`) where kramdown leaves raw
// spaces in the attribute.
import type MarkdownIt from "markdown-it";

type ParseLinkDestination = MarkdownIt["helpers"]["parseLinkDestination"];
type ParseResult = ReturnType<ParseLinkDestination>;

const TITLE_THEN_CLOSE = /^[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*\)/;

/**
 * A destination that may hold spaces, from `start` up to the `)` closing the link (parentheses balanced)
 * or up to the whitespace before a title that is followed by that `)`; null if neither comes on this line.
 */
export function spacedDestination(src: string, start: number, max: number): { end: number; raw: string } | null {
  let depth = 0;
  for (let pos = start; pos < max; pos++) {
    const char = src[pos];
    let end = -1;
    if (char === "\n") return null;
    if (char === "\\") pos++;
    else if (char === "(") depth++;
    else if (char === ")" && depth > 0) depth--;
    else if (char === ")") end = pos;
    else if ((char === " " || char === "\t") && TITLE_THEN_CLOSE.test(src.slice(pos, max))) end = pos;
    if (end >= 0) {
      const raw = src.slice(start, end).trimEnd();
      return raw === "" ? null : { end: start + raw.length, raw };
    }
  }
  return null;
}

export default function linkDestinations(md: MarkdownIt): void {
  const parse: ParseLinkDestination = md.helpers.parseLinkDestination;
  const { isSpace, unescapeAll } = md.utils;

  /** Whether the CommonMark reading leaves a well-formed `… "title")` or `)` behind it. */
  const closesLink = (src: string, pos: number, max: number): boolean => {
    let next = pos;
    while (next < max && (isSpace(src.charCodeAt(next)) || src[next] === "\n")) next++;
    if (src[next] === ")") return true;
    if (next === pos) return false;
    const title = md.helpers.parseLinkTitle(src, next, max);
    if (!title.ok) return false;
    next = title.pos;
    while (next < max && (isSpace(src.charCodeAt(next)) || src[next] === "\n")) next++;
    return src[next] === ")";
  };

  // The per-instance helpers object is what markdown-it's link, image and reference rules call.
  md.helpers.parseLinkDestination = (src: string, start: number, max: number): ParseResult => {
    const result = parse(src, start, max);
    if (src[start] === "<" || (result.ok && closesLink(src, result.pos, max))) return result;
    const spaced = spacedDestination(src, start, max);
    return spaced ? { ok: true, pos: spaced.end, str: unescapeAll(spaced.raw) } : result;
  };
}
