// The URLs a sitemap lists: every page a reader can open, in a stable order.
import { isDraft } from "./eleventy/drafts.ts";
import { isNotFoundPage } from "./not-found-page.ts";

export interface SitemapCandidate {
  url: string | false;
  data: Record<string, unknown>;
}

/** Pages (`/name/`, or a Jekyll site's `/name.html`) other than the 404 page, drafts excluded, sorted. */
export function sitemapUrls(items: readonly SitemapCandidate[]): string[] {
  const urls = items
    .map((item) => (isDraft(item.data) ? false : item.url))
    .filter((url): url is string => typeof url === "string" && (url.endsWith("/") || url.endsWith(".html")))
    .filter((url) => !isNotFoundPage(url));
  return [...new Set(urls)].sort();
}
