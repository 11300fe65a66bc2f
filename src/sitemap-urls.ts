// The URLs a sitemap lists: every page a reader can open, in a stable order.

export interface SitemapCandidate {
  url: string | false;
  data: { draft?: unknown };
}

/** Pages served at a folder URL (so not /404.html, feeds or files), drafts excluded, sorted. */
export function sitemapUrls(items: readonly SitemapCandidate[]): string[] {
  const urls = items
    .filter((item) => typeof item.url === "string" && item.url.endsWith("/") && item.data.draft !== true)
    .map((item) => item.url as string);
  return [...new Set(urls)].sort();
}
