// Placeholder until the dialect plugins land: markdown-it as kramdown GFM is configured on the author's site.
import MarkdownIt from "markdown-it";

export interface MarkdownOptions {
  headerOffset?: number;
  permalinks?: boolean;
}

export function createMarkdown(_options: MarkdownOptions = {}): MarkdownIt {
  return new MarkdownIt({ html: true, breaks: true, linkify: false, typographer: false });
}
