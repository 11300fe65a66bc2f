// Render state per page. markdown-it plugins keep their bookkeeping in `env` (footnotes, anchor slugs),
// and Eleventy hands over the page's data object as `env`, which can be rendered more than once: each
// parse gets a fresh object that still reads through to the caller's env.
import type MarkdownIt from "markdown-it";

/** env keys written by markdown-it-footnote and markdown-it-anchor */
const PLUGIN_KEYS = ["footnotes", "markdownItAnchor"];

export default function isolatedEnv(md: MarkdownIt): void {
  const parse = md.parse.bind(md);
  md.parse = (src, env) => {
    const own: Record<string, unknown> = Object.create((env ?? {}) as object);
    for (const key of PLUGIN_KEYS) own[key] = undefined;
    return parse(src, own);
  };
}
