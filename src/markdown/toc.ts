// Table of contents (kramdown `{:toc}`): a list written just above a `{:toc}` line (`1. ` or `* TOC`) is
// replaced by the page's headings as nested links, ordered if the author's list was. Built on
// markdown-it-toc-done-right, held to kramdown's rules: the ids are the headings' own ids (heading-ids.ts),
// `no_toc` headings stay out, entries keep emphasis and code but not links. Register after heading ids.
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import tocDoneRight from "markdown-it-toc-done-right";
import { headingPlainText, kramdownSlug } from "./slug.ts";

export interface Options {
  /** Class of the `<nav>` around the contents (default: "toc") */
  containerClass?: string;
  /** Accessible name of the `<nav>` (default: "contents") */
  label?: string;
  /** Id of the outermost list, kramdown's `markdown-toc` (default: "markdown-toc") */
  listId?: string;
}

export const defaults = {
  containerClass: "toc",
  label: "contents",
  listId: "markdown-toc",
} satisfies Options;

/** One heading as its TOC entry shows it. */
export interface TocEntry {
  /** The heading's plain text, which is all markdown-it-toc-done-right hands to `slugify` and `format` */
  text: string;
  /** The id the heading got */
  id: string;
  /** The heading's inline HTML with links unwrapped */
  html: string;
}

interface TocMeta {
  entries: TocEntry[];
  /** The headings' `heading_open` + `inline` tokens, from which toc-done-right builds its tree */
  headings: Token[];
}

const LIST_ITEM = /^(?:([*+-])|\d{1,9}[.)])(?:[ \t].*)?$/;
const TOC_MARKER = /^\{:[ \t]*toc[ \t]*\}[ \t]*$/;

export function isNoToc(token: Token): boolean {
  return (token.attrGet("class") ?? "").split(/\s+/).includes("no_toc");
}

export default function tableOfContents(md: MarkdownIt, options?: Options): void {
  const { containerClass, label, listId } = { ...defaults, ...options };
  const escape = md.utils.escapeHtml;

  // toc-done-right calls slugify and then format once per entry, in document order, with plain text only.
  const pending = new Map<string, TocEntry[]>();
  let current: TocEntry | undefined;

  md.use(tocDoneRight, {
    placeholder: "(?!)", // never matches: the `{:toc}` block rule below places the contents
    level: 1,
    // Its href is not escaped, and an IAL can set any id: escape it here.
    slugify: (text: string) => {
      current = pending.get(text)?.shift();
      return escape(current?.id ?? kramdownSlug(text));
    },
    format: (text: string, escapeText: (text: string) => string) => current?.html ?? escapeText(text),
  });

  const rules = (md.core.ruler as unknown as { __rules__: Array<{ name: string; fn: (state: StateCore) => void }> })
    .__rules__;
  const generateTocAst = rules.find((rule) => rule.name === "generateTocAst")?.fn;
  if (!generateTocAst) throw new Error("markdown-it-toc-done-right no longer has a generateTocAst core rule");
  /** Rebuilds toc-done-right's tree (kept in its closure) from these headings only. */
  const buildTree = (headings: Token[]): void => generateTocAst({ tokens: headings } as unknown as StateCore);
  // Its own core rule would build the tree from every heading, no_toc ones included.
  md.core.ruler.disable("generateTocAst");
  // Its placeholder rule never matches (above) but splits every line it is asked about: off.
  md.block.ruler.disable("toc");

  md.block.ruler.before(
    "list",
    "kramdown_toc",
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      let line = startLine;
      let listType: "ol" | "ul" | undefined;
      // Most lines asked about start a paragraph: a list item starts with a marker or a digit.
      if (!startsListItem(state, line)) return false;
      // Every other list of the page is not followed by a `{:toc}` anywhere below it.
      if (lastTocMarker(state.src) < state.bMarks[line]!) return false;
      while (line < endLine && state.sCount[line]! - state.blkIndent < 4) {
        const item = LIST_ITEM.exec(lineText(state, line));
        if (!item) break;
        const type = item[1] ? "ul" : "ol";
        if (listType && type !== listType) return false;
        listType = type;
        line += 1;
      }
      if (!listType || line >= endLine || !TOC_MARKER.test(lineText(state, line))) return false;
      if (silent) return true;
      const map: [number, number] = [startLine, line + 1];
      for (const [type, nesting] of [["tocOpen", 1], ["tocBody", 0], ["tocClose", -1]] as const) {
        const token = state.push(type, type === "tocBody" ? "" : "nav", nesting);
        token.map = map;
        token.block = true;
        Object.assign(token, { inlineOptions: { listType } });
      }
      state.line = line + 1;
      return true;
    },
    { alt: ["paragraph", "reference", "blockquote"] },
  );

  md.core.ruler.push("toc_entries", (state: StateCore) => {
    const bodies = state.tokens.filter((token) => token.type === "tocBody");
    if (bodies.length === 0) return;
    const meta: TocMeta = { entries: [], headings: [] };
    state.tokens.forEach((token, index) => {
      const inline = state.tokens[index + 1];
      if (token.type !== "heading_open" || isNoToc(token) || !inline) return;
      const children = (inline.children ?? []).filter(
        (child) => child.type !== "link_open" && child.type !== "link_close" && child.type !== "footnote_ref",
      );
      meta.entries.push({
        text: headingPlainText(inline.children),
        id: token.attrGet("id") ?? "",
        html: md.renderer.renderInline(children, md.options, state.env),
      });
      meta.headings.push(token, inline);
    });
    for (const body of bodies) body.meta = meta;
  });

  const hasEntries = (tokens: Token[], bodyIndex: number): boolean =>
    ((tokens[bodyIndex]?.meta as TocMeta | undefined)?.entries.length ?? 0) > 0;
  const renderBody = md.renderer.rules.tocBody!;
  md.renderer.rules.tocOpen = (tokens, idx) =>
    hasEntries(tokens, idx + 1) ? `<nav class="${escape(containerClass)}" aria-label="${escape(label)}">\n` : "";
  md.renderer.rules.tocClose = (tokens, idx) => (hasEntries(tokens, idx - 1) ? "</nav>\n" : "");
  md.renderer.rules.tocBody = (tokens, idx, renderOptions, env, self) => {
    const meta = tokens[idx]!.meta as TocMeta | undefined;
    if (!meta || meta.entries.length === 0) return "";
    pending.clear();
    for (const entry of meta.entries) pending.set(entry.text, [...(pending.get(entry.text) ?? []), entry]);
    buildTree(meta.headings);
    const html = renderBody(tokens, idx, renderOptions, env, self);
    pending.clear();
    current = undefined;
    return html.replace(/^<(ol|ul)>/, `<$1 id="${escape(listId)}">`) + "\n";
  };
}

/** Where the last text that could be a `{:toc}` line starts in `src` (-1: none), remembered for the source
 * being parsed: the block rule asks at every list. Inside a quote or a list item a marker line has their prefix
 * before it, so any `{:toc}` counts. */
let markersOf: string | undefined;
let lastMarker = -1;
function lastTocMarker(src: string): number {
  if (src !== markersOf) {
    markersOf = src;
    lastMarker = -1;
    for (const match of src.matchAll(/\{:[ \t]*toc[ \t]*\}/g)) lastMarker = match.index;
  }
  return lastMarker;
}

function startsListItem(state: StateBlock, line: number): boolean {
  const code = state.src.charCodeAt(state.bMarks[line]! + state.tShift[line]!);
  return code === 0x2a /* * */ || code === 0x2b /* + */ || code === 0x2d /* - */ || (code >= 0x30 && code <= 0x39);
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}
