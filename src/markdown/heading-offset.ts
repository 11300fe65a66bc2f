// Heading levels shifted down (kramdown `header_offset`): with the default 1, `#` is an `<h2>` because the
// page title is the `<h1>`. Levels stop at `<h6>`.
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";

export interface Options {
  /** Levels added to every heading (default: 1) */
  offset?: number;
}

export const defaults = { offset: 1 } satisfies Options;

/** The level a heading of `level` is published at. */
export function offsetLevel(level: number, offset: number): number {
  return Math.min(6, Math.max(1, level + offset));
}

export default function headingOffset(md: MarkdownIt, options?: Options): void {
  const { offset } = { ...defaults, ...options };
  md.core.ruler.after("block", "heading_offset", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${offsetLevel(Number(token.tag.slice(1)), offset)}`;
      }
    }
  });
}
