// Declarations for the two markdown-it plugins that ship without types; only what quire calls.
declare module "markdown-it-toc-done-right" {
  import type MarkdownIt from "markdown-it";

  export interface TocOptions {
    placeholder?: string;
    slugify?: (text: string) => string;
    uniqueSlugStartIndex?: number;
    containerClass?: string;
    containerId?: string;
    listClass?: string;
    itemClass?: string;
    linkClass?: string;
    level?: number | number[];
    listType?: "ol" | "ul";
    format?: (text: string, escape: (text: string) => string) => string;
    callback?: (html: string, ast: unknown) => void;
  }

  export default function tocDoneRight(md: MarkdownIt, options?: TocOptions): void;
}

declare module "markdown-it-footnote" {
  import type MarkdownIt from "markdown-it";

  export default function footnote(md: MarkdownIt): void;
}
