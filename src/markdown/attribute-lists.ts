// Inline attribute lists (kramdown IAL): `{:.class #id key="value"}` right after a link, image or code span
// sets that element's attributes; a line holding only `{:…}` sets the attributes of the block it touches:
// the block just above it, or, with nothing directly above, the next block (kramdown's rules). Unlike
// kramdown, an IAL with nothing to attach to, or one we cannot read (ALD references such as `{:name}`),
// stays in the page as text instead of vanishing.
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type Token from "markdown-it/lib/token.mjs";

/** An attribute list in source order; `class` entries accumulate, everything else overrides. */
export type Attributes = ReadonlyArray<readonly [name: string, value: string]>;

export interface Options {
  /** Block tokens a block IAL may attach to (default: paragraphs, headings, lists, tables, quotes, rules, code) */
  blockTargets?: readonly string[];
  /** Inline tokens a span IAL written right after them attaches to (default: links, images, code spans) */
  spanTargets?: readonly string[];
}

export const defaults = {
  blockTargets: [
    "paragraph_open",
    "heading_open",
    "bullet_list_open",
    "ordered_list_open",
    "table_open",
    "blockquote_open",
    "hr",
    "fence",
    "code_block",
  ],
  spanTargets: ["link_close", "image", "code_inline"],
} satisfies Options;

// kramdown's ALD grammar (parser/kramdown/extensions.rb); Ruby's \w is ASCII here.
const KEY_VALUE = /([A-Za-z0-9_][\w-]*)=("|')((?:\\\}|\\["']|[^}])*?)\2/y;
const ID_OR_CLASS = /(?:#([A-Za-z][\w:-]*)|\.([^\s.#]+))+/y;
const ONE_ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;
const SEPARATOR = /\s+|$/y;

/**
 * Reads the inside of `{:…}` into attributes, or null when any part of it is not an id, class or
 * `key="value"` pair (kramdown would skip that part with a warning; quire leaves the whole IAL as text).
 */
export function parseAttributeList(content: string): Attributes | null {
  const attrs: Array<[string, string]> = [];
  let pos = content.length - content.trimStart().length;
  const end = content.trimEnd().length;
  if (pos >= end) return null;
  while (pos < end) {
    KEY_VALUE.lastIndex = pos;
    ID_OR_CLASS.lastIndex = pos;
    const pair = KEY_VALUE.exec(content);
    const idOrClass = pair ? null : ID_OR_CLASS.exec(content);
    const match = pair ?? idOrClass;
    if (!match) return null;
    SEPARATOR.lastIndex = match.index + match[0].length;
    const separator = SEPARATOR.exec(content);
    if (!separator) return null;
    if (pair) {
      const [, key = "", quote = "", value = ""] = pair;
      attrs.push([key, value.replace(new RegExp(`\\\\([}${quote}])`, "g"), "$1")]);
    } else {
      for (const [, id, className] of match[0].matchAll(ONE_ID_OR_CLASS)) {
        attrs.push(id !== undefined ? ["id", id] : ["class", className ?? ""]);
      }
    }
    pos = separator.index + separator[0].length;
  }
  return attrs;
}

const SPAN_IAL = /\{:((?:\\\}|[^}])+)\}/y;
const BLOCK_IAL_LINE = /^\{:(?![:/])((?:\\\}|[^}])+)\}[ \t]*$/;

/** The attribute list written at `pos` in `src` (`{:…}`), and where it ends. */
export function readAttributeList(src: string, pos: number): { attrs: Attributes; end: number } | null {
  SPAN_IAL.lastIndex = pos;
  const match = SPAN_IAL.exec(src);
  const attrs = match ? parseAttributeList(match[1] ?? "") : null;
  return match && attrs ? { attrs, end: pos + match[0].length } : null;
}

/** Attributes of a line holding only a block IAL, or null. */
export function blockAttributeList(line: string): Attributes | null {
  const match = BLOCK_IAL_LINE.exec(line.trim());
  return match ? parseAttributeList(match[1] ?? "") : null;
}

/** Sets attributes on a token the way kramdown merges an IAL: classes add up, the rest replaces. */
export function applyAttributes(token: Token, attrs: Attributes): void {
  for (const [name, value] of attrs) {
    if (name === "class") token.attrJoin("class", value);
    else token.attrSet(name, value);
  }
}

interface IalMeta {
  attrs: Attributes;
}

export default function attributeLists(md: MarkdownIt, options?: Options): void {
  const { blockTargets, spanTargets } = { ...defaults, ...options };

  md.inline.ruler.after("text", "kramdown_span_ial", (state: StateInline, silent: boolean) => {
    if (silent || state.pending !== "" || state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
    const last = state.tokens[state.tokens.length - 1];
    if (!last || !spanTargets.includes(last.type)) return false;
    const ial = readAttributeList(state.src.slice(0, state.posMax), state.pos);
    if (!ial) return false;
    applyAttributes(last.type === "link_close" ? openerOf(state.tokens, state.tokens.length - 1) : last, ial.attrs);
    state.pos = ial.end;
    return true;
  });

  md.block.ruler.before(
    "table",
    "kramdown_block_ial",
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      const collected: Array<readonly [string, string]> = [];
      let line = startLine;
      while (line < endLine && state.sCount[line]! - state.blkIndent < 4) {
        const attrs = blockAttributeList(lineText(state, line));
        if (!attrs) break;
        collected.push(...attrs);
        line += 1;
      }
      if (line === startLine) return false;
      if (silent) return true;
      const token = state.push("kramdown_ial", "", 0);
      token.map = [startLine, line];
      token.block = true;
      token.content = state.getLines(startLine, line, state.blkIndent, false);
      token.meta = { attrs: collected } satisfies IalMeta;
      state.line = line;
      return true;
    },
    // Ends a paragraph, list item, table or quote so the IAL line never becomes their text.
    { alt: ["paragraph", "reference", "blockquote", "list"] },
  );

  // Runs before inline parsing, so an IAL that attaches nowhere can still become an ordinary paragraph.
  md.core.ruler.after("block", "kramdown_block_ial", (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const ial = tokens[i]!;
      if (ial.type !== "kramdown_ial") continue;
      const target = blockTarget(tokens, i, blockTargets);
      if (target) {
        applyAttributes(target, (ial.meta as IalMeta).attrs);
        tokens.splice(i, 1);
        i -= 1;
      } else {
        tokens.splice(i, 1, ...paragraphOf(state, ial));
        i += 2;
      }
    }
  });

  md.renderer.rules.kramdown_ial = () => "";
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}

/** The opening token matching the closing token at `index`. */
function openerOf(tokens: readonly Token[], index: number): Token {
  const close = tokens[index]!;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.level === close.level && token.nesting === 1) return token;
  }
  return close;
}

/** kramdown's choice: the block directly above the IAL line, else (blank line above) the next block. */
function blockTarget(tokens: readonly Token[], index: number, targets: readonly string[]): Token | null {
  const ial = tokens[index]!;
  const level = ial.level;
  let previous: Token | null = null;
  for (let i = index - 1; i >= 0 && tokens[i]!.level >= level; i--) {
    const token = tokens[i]!;
    if (token.level === level && token.nesting !== -1) {
      previous = token;
      break;
    }
  }
  if (previous?.map && ial.map && previous.map[1] === ial.map[0]) {
    if (!targets.includes(previous.type)) return null;
    // A tight list hides its paragraphs, so their attributes would be lost: give them to the item.
    if (previous.type === "paragraph_open" && previous.hidden) return parentOf(tokens, tokens.indexOf(previous));
    return previous;
  }
  for (let i = index + 1; i < tokens.length && tokens[i]!.level >= level; i++) {
    const token = tokens[i]!;
    if (token.level === level && token.nesting !== -1) return targets.includes(token.type) ? token : null;
  }
  return null;
}

function parentOf(tokens: readonly Token[], index: number): Token | null {
  const level = tokens[index]!.level;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.level === level - 1 && token.nesting === 1) return token;
  }
  return null;
}

/** The IAL as the author wrote it, as a paragraph of its own. */
function paragraphOf(state: StateCore, ial: Token): Token[] {
  const open = new state.Token("paragraph_open", "p", 1);
  const inline = new state.Token("inline", "", 0);
  const close = new state.Token("paragraph_close", "p", -1);
  open.map = inline.map = ial.map;
  open.block = close.block = inline.block = true;
  open.level = close.level = ial.level;
  inline.level = ial.level + 1;
  inline.content = ial.content.trim();
  inline.children = [];
  return [open, inline, close];
}
