// Footnotes (kramdown `[^name]` / `[^name]: text`, through markdown-it-footnote), published with kramdown's
// markup: `fn:name` / `fnref:name` ids, plain numbers, `<div class="footnotes">`, ARIA roles.
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import footnote from "markdown-it-footnote";

interface FootnoteMeta {
  id: number;
  subId?: number;
  label?: string;
}

/** kramdown names a footnote after its label; inline footnotes (`^[…]`) have only their number. */
function nameOf(md: MarkdownIt, token: Token): string {
  const meta = token.meta as FootnoteMeta;
  return md.utils.escapeHtml(meta.label ?? String(meta.id + 1));
}

/** A second reference to the same footnote gets `:1`, a third `:2` (kramdown's `fnref:name:1`). */
function refSuffix(token: Token): string {
  const subId = (token.meta as FootnoteMeta).subId ?? 0;
  return subId > 0 ? `:${subId}` : "";
}

export default function footnotes(md: MarkdownIt): void {
  md.use(footnote);
  const rules = md.renderer.rules;
  rules.footnote_ref = (tokens, idx) => {
    const token = tokens[idx]!;
    const name = nameOf(md, token);
    const number = (token.meta as FootnoteMeta).id + 1;
    return (
      `<sup id="fnref:${name}${refSuffix(token)}" role="doc-noteref">` +
      `<a href="#fn:${name}" class="footnote" rel="footnote">${number}</a></sup>`
    );
  };
  rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n<ol>\n';
  rules.footnote_block_close = () => "</ol>\n</div>\n";
  rules.footnote_open = (tokens, idx) => `<li id="fn:${nameOf(md, tokens[idx]!)}" role="doc-endnote">`;
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = (tokens, idx) => {
    const token = tokens[idx]!;
    const subId = (token.meta as FootnoteMeta).subId ?? 0;
    const count = subId > 0 ? `<sup>${subId + 1}</sup>` : "";
    return (
      ` <a href="#fnref:${nameOf(md, token)}${refSuffix(token)}" class="reversefootnote" ` +
      `role="doc-backlink">&#8617;${count}</a>`
    );
  };
}
