// Heading ids (kramdown GFM `auto_ids`): every heading gets kramdown's GFM id (see slug.ts), `# text {#id}`
// or a block IAL `{:#id}` sets one explicitly, and explicit ids win. Where kramdown would print one id
// twice, quire keeps counting so a heading's id is never used twice on the page.
// markdown-it-anchor then adds the permalinks.
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import anchor from "markdown-it-anchor";
import { HeadingIdAllocator, headingPlainText, kramdownSlug } from "./slug.ts";

export interface Options {
  /** A link to its own section after each heading, for sharing (default: true) */
  permalinks?: boolean;
  /** Class of the permalink (default: "heading-anchor") */
  permalinkClass?: string;
  /** Visible text of the permalink (default: "#") */
  permalinkSymbol?: string;
  /** Accessible name of the permalink, from the heading's text (default: "link to this section: …") */
  permalinkLabel?: (title: string) => string;
  /** Base id of a heading whose text leaves nothing for an id, e.g. "?" (default: "section") */
  emptyHeadingId?: string;
}

export const defaults = {
  permalinks: true,
  permalinkClass: "heading-anchor",
  permalinkSymbol: "#",
  permalinkLabel: (title: string) => `link to this section: ${title}`,
  emptyHeadingId: "section",
} satisfies Options;

// kramdown's HEADER_ID, written at the end of the heading text.
const HEADER_ID = /[\t ]\{#([A-Za-z][\w:-]*)\}$/;

export default function headingIds(md: MarkdownIt, options?: Options): void {
  const { permalinks, permalinkClass, permalinkSymbol, permalinkLabel, emptyHeadingId } = {
    ...defaults,
    ...options,
  };

  md.core.ruler.after("block", "kramdown_header_id", (state: StateCore) => {
    state.tokens.forEach((token, index) => {
      const inline = state.tokens[index + 1];
      if (token.type !== "heading_open" || !inline) return;
      const match = HEADER_ID.exec(inline.content.trimEnd());
      if (!match) return;
      inline.content = inline.content.trimEnd().slice(0, match.index).trimEnd();
      // A block IAL's `{:#id}` already set is kramdown's later word.
      if (token.attrGet("id") === null) token.attrSet("id", match[1]!);
    });
  });

  md.use(anchor, {
    level: 1,
    slugify: kramdownSlug,
    tabIndex: false,
    failOnNonUnique: false,
    ...(permalinks && {
      permalink: anchor.permalink.linkAfterHeader({
        style: "aria-label",
        assistiveText: permalinkLabel,
        class: permalinkClass,
        symbol: permalinkSymbol,
      }),
    }),
  });

  // Every heading gets its final id here, so markdown-it-anchor only keeps them and adds permalinks.
  md.core.ruler.before("anchor", "heading_ids", (state: StateCore) => {
    const tokens = state.tokens;
    // Ids the author set on headings are reserved for them; ids set elsewhere (IALs) are no heading's.
    const headingIds: string[] = [];
    const otherIds: string[] = [];
    const note = (token: Token) => {
      const id = token.attrs === null ? null : token.attrGet("id");
      if (id !== null) (token.type === "heading_open" ? headingIds : otherIds).push(id);
    };
    for (const token of tokens) {
      note(token);
      if (token.children) for (const child of token.children) note(child);
    }
    const ids = new HeadingIdAllocator(headingIds, otherIds);
    tokens.forEach((token, index) => {
      if (token.type !== "heading_open") return;
      const id = token.attrGet("id");
      const text = headingPlainText(tokens[index + 1]?.children ?? null);
      // kramdown leaves a heading of only punctuation or emoji without an id, then gives "-1"; quire names it.
      token.attrSet("id", id ? ids.claim(id) : ids.next(kramdownSlug(text) || emptyHeadingId));
    });
    state.env.markdownItAnchor = { slugs: {} };
  });

  // The permalink sits between blocks: end it with a newline like the heading before it.
  md.core.ruler.after("anchor", "permalink_line_end", (state: StateCore) => {
    const tokens = state.tokens;
    for (let index = 0; index < tokens.length - 1; index++) {
      if (tokens[index]!.type !== "heading_close" || tokens[index + 1]!.type !== "link_open") continue;
      let close = index + 2;
      while (close < tokens.length && tokens[close]!.type !== "link_close") close++;
      if (close < tokens.length) tokens[close]!.block = true;
    }
  });
}
