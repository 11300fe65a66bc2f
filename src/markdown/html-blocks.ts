// HTML blocks that hold markdown (kramdown `parse_block_html: true`): a block-level element whose opening
// tag starts a line has its content parsed by kramdown's content model (`HTML_CONTENT_MODEL` in
// kramdown/parser/html.rb) up to its matching closing tag, same-name nesting counted. `markdown="0|1|span|
// block"` picks the model and never reaches the output. Unlike kramdown, line breaks inside are hard breaks
// like everywhere else, an element closed on its own opening line (`<div>*x*</div>`) has its content parsed
// as span text instead of swallowing the rest of the page, and a closing tag may end a content line.
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import { MarkdownMistake } from "../errors.ts";

export type ContentModel = "block" | "span" | "raw";

export interface Options {
  /** Elements whose content is parsed as blocks (default: kramdown's `HTML_CONTENT_MODEL_BLOCK`) */
  blockElements?: readonly string[];
  /** Elements whose content is parsed as span text (default: kramdown's `HTML_CONTENT_MODEL_SPAN`) */
  spanElements?: readonly string[];
}

export const defaults = {
  blockElements: (
    "address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form " +
    "header hgroup iframe li main map menu nav noscript object section summary td"
  ).split(" "),
  spanElements: (
    "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend " +
    "optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt"
  ).split(" "),
} satisfies Options;

// kramdown starts a paragraph, not an HTML block, at these (HTML_SPAN_ELEMENTS), and these have no body.
const INLINE_ELEMENTS = new Set(
  ("a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc " +
    "rp rt rtc ruby samp select small span strong sub sup tt u var area base col command embed hr keygen " +
    "link meta param source track wbr").split(" "),
);

// Left open, these hide the rest of the page from the reader (kramdown only warns, and closes them at the end).
const HIDES_WHAT_FOLLOWS = new Set(["details", "summary"]);

const OPEN_TAG = /^<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/;
const MARKDOWN_ATTR = /\s+markdown(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/i;
const FENCE = /^(`{3,}|~{3,})/;

/** The content model kramdown gives an element, after its `markdown` attribute (if any) has its say. */
export function contentModel(
  tag: string,
  markdownAttr: string | undefined,
  elements: Required<Options> = defaults,
): ContentModel {
  const natural: ContentModel = elements.blockElements.includes(tag)
    ? "block"
    : elements.spanElements.includes(tag)
      ? "span"
      : "raw";
  switch (markdownAttr) {
    case "0":
      return "raw";
    case "span":
      return "span";
    case "block":
      return "block";
    default:
      return natural;
  }
}

/** An opening tag without its `markdown` attribute, plus what that attribute said. */
export function stripMarkdownAttribute(tag: string): { tag: string; markdown: string | undefined } {
  const match = MARKDOWN_ATTR.exec(tag);
  if (!match) return { tag, markdown: undefined };
  return { tag: tag.replace(MARKDOWN_ATTR, ""), markdown: match[1] ?? match[2] ?? match[3] ?? "" };
}

interface Close {
  /** Line holding the closing tag */
  line: number;
  /** Offset of the closing tag in the source */
  start: number;
  /** Offset just past it */
  end: number;
}

export default function htmlBlocks(md: MarkdownIt, options?: Options): void {
  const elements = { ...defaults, ...options };

  md.block.ruler.before(
    "html_block",
    "kramdown_html",
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      if (!state.md.options.html || state.sCount[startLine]! - state.blkIndent >= 4) return false;
      const lineStart = state.bMarks[startLine]! + state.tShift[startLine]!;
      const open = OPEN_TAG.exec(state.src.slice(lineStart, state.eMarks[startLine]));
      if (!open) return false;
      const name = open[1]!.toLowerCase();
      if (INLINE_ELEMENTS.has(name)) return false;
      const { tag: openTag, markdown } = stripMarkdownAttribute(open[0]);
      const model = contentModel(name, markdown, elements);
      // Raw elements are markdown-it's own html_block, unless a markdown attribute must be removed.
      if (model === "raw" && markdown === undefined) return false;

      const contentStart = lineStart + open[0].length;
      const sameLine = findClose(state, name, startLine, contentStart, state.eMarks[startLine]!);
      // kramdown's span content ends at the first closing tag, nesting ignored.
      const close =
        model === "span" || sameLine
          ? (sameLine ?? findClose(state, name, startLine, contentStart, state.eMarks[endLine - 1]!))
          : findMatchingClose(state, name, startLine, endLine, model === "block");
      if (!close) {
        if (!silent && HIDES_WHAT_FOLLOWS.has(name) && !closeRegExp(name).test(state.src.slice(contentStart))) {
          throw new MarkdownMistake(
            `<${name}> is opened here and never closed: a browser would ${name === "details" ? "fold the rest of the page into it" : "make the rest of the page its summary line"}`,
            startLine + 1,
            ...lineAndOccurrence(state, startLine),
            name === "details"
              ? "add </details> on a line of its own where the aside ends"
              : "end the summary with </summary> on the same line: <summary markdown=\"span\">…</summary>",
          );
        }
        return false;
      }
      if (silent) return true;

      const afterClose = state.src.slice(close.end, state.eMarks[close.line]);
      const closeTag = state.src.slice(close.start, close.end) + afterClose + "\n";
      if (model === "raw") {
        const token = state.push("html_block", "", 0);
        token.map = [startLine, close.line + 1];
        token.content = openTag + state.src.slice(contentStart, close.start) + closeTag;
      } else if (model === "span" || sameLine) {
        const opener = state.push("kramdown_html_open", name, 1);
        opener.map = [startLine, close.line + 1];
        opener.content = openTag;
        const inline = state.push("inline", "", 0);
        inline.map = opener.map;
        inline.content = state.src.slice(contentStart, close.start).trim();
        inline.children = [];
        state.push("kramdown_html_close", name, -1).content = closeTag;
      } else {
        const opener = state.push("kramdown_html_open", name, 1);
        opener.map = [startLine, close.line + 1];
        opener.content = openTag + "\n";
        tokenizeBetween(state, startLine, contentStart, close);
        state.push("kramdown_html_close", name, -1).content = closeTag;
      }
      state.line = close.line + 1;
      return true;
    },
    { alt: ["paragraph", "reference", "blockquote"] },
  );

  // Like markdown-it's own block tokens: a new line after a tight list item's hidden paragraph.
  md.renderer.rules.kramdown_html_open = (tokens, idx) =>
    (tokens[idx - 1]?.hidden ? "\n" : "") + tokens[idx]!.content;
  md.renderer.rules.kramdown_html_close = (tokens, idx) => tokens[idx]!.content;

  // Span-level tags (`<span markdown="1">`) have their markdown parsed anyway; only the attribute goes.
  md.core.ruler.push("kramdown_html_markdown_attr", (state: StateCore) => {
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type === "html_inline" && OPEN_TAG.test(child.content)) {
          child.content = stripMarkdownAttribute(child.content).tag;
        }
      }
    }
  });
}

/** A line's text, which of the lines with that text it is (1 for the first), and how many there are. */
function lineAndOccurrence(state: StateBlock, line: number): [string, number, number] {
  const lines = state.src.split("\n");
  const text = lines[line] ?? "";
  const same = (other: string) => other === text;
  return [text, lines.slice(0, line).filter(same).length + 1, lines.filter(same).length];
}

function closeRegExp(name: string): RegExp {
  return new RegExp(`</${name}\\s*>`, "i");
}

/** The first closing tag between offsets `from` and `to`, which lie on or after `startLine`. */
function findClose(state: StateBlock, name: string, startLine: number, from: number, to: number): Close | null {
  const match = closeRegExp(name).exec(state.src.slice(from, to));
  if (!match) return null;
  const start = from + match.index;
  let line = startLine;
  while (state.eMarks[line]! < start) line++;
  return { line, start, end: start + match[0].length };
}

/**
 * The closing tag matching an opening tag at `startLine`: same-name tags opened or closed at the start of
 * a line count towards nesting (as in kramdown), and a closing tag may also end a line. Fenced code is
 * skipped when the content is markdown.
 */
function findMatchingClose(
  state: StateBlock,
  name: string,
  startLine: number,
  endLine: number,
  skipFences: boolean,
): Close | null {
  const tagRe = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  const endsWithClose = new RegExp(`</${name}\\s*>\\s*$`, "i");
  let depth = 1;
  let fence: string | null = null;
  for (let line = startLine + 1; line < endLine; line++) {
    const start = state.bMarks[line]! + state.tShift[line]!;
    const text = state.src.slice(start, state.eMarks[line]);
    const fenceMark = skipFences ? FENCE.exec(text)?.[1] : undefined;
    if (fence !== null) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    const lower = text.toLowerCase();
    const counts = lower.startsWith(`<${name}`) || lower.startsWith(`</${name}`) || endsWithClose.test(text);
    if (!counts) continue;
    for (const match of text.matchAll(tagRe)) {
      depth += match[1] === "/" ? -1 : 1;
      if (depth === 0) {
        const tagStart = start + match.index;
        return { line, start: tagStart, end: tagStart + match[0].length };
      }
    }
  }
  return null;
}

/** Parses the element's content as blocks: from just after the opening tag to just before the closing one. */
function tokenizeBetween(state: StateBlock, startLine: number, contentStart: number, close: Close): void {
  const saved = {
    bMark: state.bMarks[startLine]!,
    tShift: state.tShift[startLine]!,
    sCount: state.sCount[startLine]!,
    eMark: state.eMarks[close.line]!,
    blkIndent: state.blkIndent,
  };
  let from = startLine + 1;
  let to = close.line;
  if (state.src.slice(contentStart, state.eMarks[startLine]).trim() !== "") {
    // Content right after the opening tag: the first line starts there.
    const indent = /^[ \t]*/.exec(state.src.slice(contentStart))![0].length;
    state.bMarks[startLine] = contentStart;
    state.tShift[startLine] = indent;
    state.sCount[startLine] = state.blkIndent;
    from = startLine;
  }
  if (state.src.slice(state.bMarks[close.line]!, close.start).trim() !== "") {
    // Content right before the closing tag: the last line ends there.
    state.eMarks[close.line] = close.start;
    to = close.line + 1;
  }
  // Content less indented than the element's surroundings is still its content, not the end of it.
  for (let line = from; line < to; line++) {
    if (!state.isEmpty(line)) state.blkIndent = Math.min(state.blkIndent, state.sCount[line]!);
  }
  state.md.block.tokenize(state, from, to);
  state.bMarks[startLine] = saved.bMark;
  state.tShift[startLine] = saved.tShift;
  state.sCount[startLine] = saved.sCount;
  state.eMarks[close.line] = saved.eMark;
  state.blkIndent = saved.blkIndent;
}
