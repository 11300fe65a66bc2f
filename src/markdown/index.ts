// quire's markdown: markdown-it set up to render kramdown-flavoured markdown (GitHub Pages Jekyll with the
// kramdown GFM parser) the way Jekyll does, or better where Jekyll is wrong. One construct per file.
import MarkdownIt from "markdown-it";
import attributeLists from "./attribute-lists.ts";
import footnotes from "./footnotes.ts";
import headingIds from "./heading-ids.ts";
import headingOffset from "./heading-offset.ts";
import htmlBlocks from "./html-blocks.ts";
import isolatedEnv from "./isolated-env.ts";
import lineBreaks from "./line-breaks.ts";
import linkDestinations from "./link-destinations.ts";
import strikethrough from "./strikethrough.ts";
import tables from "./tables.ts";
import tableOfContents from "./toc.ts";
import flatOutput from "./flat-output.ts";

export interface MarkdownOptions {
  /** Heading levels shifted down (kramdown header_offset; default 1) */
  headerOffset?: number;
  /** markdown-it-anchor permalink on headings (default true: a "#" link for sharing after each heading) */
  permalinks?: boolean;
}

export const defaults = { headerOffset: 1, permalinks: true } satisfies MarkdownOptions;

export function createMarkdown(options?: MarkdownOptions): MarkdownIt {
  const { headerOffset, permalinks } = { ...defaults, ...options };
  // kramdown GFM with hard_wrap, raw HTML allowed, no autolinks, straight quotes as the author typed them.
  const md = new MarkdownIt({ html: true, breaks: true, linkify: false, typographer: false });
  return md
    .use(isolatedEnv) // plugins' per-page bookkeeping never leaks between renders
    .use(linkDestinations) // `![](my fox.png)`
    .use(htmlBlocks) // markdown inside <details>, <div>…
    .use(attributeLists) // {:.class #id key="value"}
    .use(headingOffset, { offset: headerOffset }) // `#` is <h2>
    .use(footnotes) // [^1], kramdown's markup
    .use(tables) // kramdown's alignment style
    .use(strikethrough) // ~~x~~ is <del>
    .use(lineBreaks) // no second break after an explicit <br>
    .use(headingIds, { permalinks }) // kramdown GFM ids, unique; permalinks
    .use(tableOfContents) // {:toc}, after heading ids
    .use(flatOutput); // one string per page, not a tree of pieces held all build long
}

export { kramdownSlug } from "./slug.ts";
