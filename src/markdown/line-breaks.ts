// Hard line breaks (kramdown GFM `hard_wrap: true` is markdown-it's `breaks: true`): every newline in a
// paragraph is a `<br>`, except after a line the author already ended with `<br>` — kramdown would print
// two breaks there; quire prints the author's one.
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";

const BR_TAG = /^<br\s*\/?>$/i;

export default function lineBreaks(md: MarkdownIt): void {
  md.core.ruler.push("explicit_br_line_end", (state: StateCore) => {
    for (const token of state.tokens) {
      const children = token.children ?? [];
      children.forEach((child, index) => {
        const previous = children[index - 1];
        const isBreak = child.type === "softbreak" || child.type === "hardbreak";
        if (isBreak && previous?.type === "html_inline" && BR_TAG.test(previous.content.trim())) {
          child.type = "text";
          child.content = "\n";
        }
      });
    }
  });
}
