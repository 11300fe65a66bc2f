// Table column alignment (GFM `:-`, `-:`, `:-:`): kramdown writes `style="text-align: left"` with a space;
// markdown-it writes `text-align:left`. Same meaning, but quire keeps kramdown's published markup.
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";

export default function tables(md: MarkdownIt): void {
  md.core.ruler.push("table_alignment_style", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const style = token.attrGet("style");
      if (style) token.attrSet("style", style.replace(/^text-align:(\S)/, "text-align: $1"));
    }
  });
}
