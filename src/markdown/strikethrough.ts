// Strikethrough (kramdown GFM `~~text~~`): kramdown prints `<del>`, markdown-it `<s>`; quire follows kramdown.
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";

export default function strikethrough(md: MarkdownIt): void {
  md.core.ruler.push("strikethrough_del", (state: StateCore) => {
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type === "s_open" || child.type === "s_close") child.tag = "del";
      }
    }
  });
}
