// The `published` collection: every page a reader can reach from the home page.
import type { CollectionItem, UserConfig } from "@11ty/eleventy";
import { isDraft } from "./drafts.ts";
import { isNotFoundPage } from "../not-found-page.ts";

/** Pages worth listing: HTML pages (`/name/`, or Jekyll's `/name.html`) other than home and 404, not drafts. */
export function isListed(item: CollectionItem): boolean {
  const url = item.url;
  if (!url || url === "/" || !(url.endsWith("/") || url.endsWith(".html"))) return false;
  if (isNotFoundPage(url)) return false;
  return !isDraft(item.data) && item.data.unlisted !== true;
}

/** Newest dated pages first, then the rest by title; stable across machines. */
export function byDateThenTitle(a: CollectionItem, b: CollectionItem): number {
  // pageDate: front matter, else first commit (src/eleventy/page-dates.ts); never the file's mtime.
  const dateOf = (item: CollectionItem) => {
    const date = item.data.pageDate ?? item.data.date;
    return date instanceof Date ? date.getTime() : undefined;
  };
  const [da, db] = [dateOf(a), dateOf(b)];
  if (da !== undefined || db !== undefined) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    if (da !== db) return db - da;
  }
  return String(a.data.pageTitle ?? a.url).localeCompare(String(b.data.pageTitle ?? b.url));
}

export default function collections(eleventyConfig: UserConfig): void {
  eleventyConfig.addCollection("published", (api) => api.getAll().filter(isListed).sort(byDateThenTitle));
}
