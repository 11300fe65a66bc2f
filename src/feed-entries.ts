// Which pages the feed carries, newest first, and the warning for pages it has to leave out.

export interface FeedCandidate {
  url: string | false;
  inputPath: string;
  data: { pageDate?: unknown; pageTitle?: unknown };
}

const dateOf = (item: FeedCandidate) => (item.data.pageDate instanceof Date ? item.data.pageDate : undefined);

/** The `limit` newest dated pages, newest first; same-day pages by URL so the order never depends on the file system. */
export function feedEntries<T extends FeedCandidate>(pages: readonly T[], limit = Infinity): T[] {
  return pages
    .filter((item) => dateOf(item) !== undefined)
    .sort((a, b) => dateOf(b)!.getTime() - dateOf(a)!.getTime() || String(a.url).localeCompare(String(b.url)))
    .slice(0, limit);
}

/** The feed's own `<updated>`: its newest entry's date, never the time of the build. */
export function newestDate(pages: readonly FeedCandidate[]): Date {
  const times = pages.map(dateOf).filter((date) => date !== undefined).map((date) => date.getTime());
  // An empty feed still needs a date; the epoch keeps it the same on every build.
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

/** How many undated pages the warning names before it only counts the rest. */
const MOST_NAMED = 10;

/** One line naming the pages left out of the feed for want of a date (the first ten, in order, then how many
 * more), or undefined when there are none. */
export function undatedWarning(pages: readonly FeedCandidate[]): string | undefined {
  const undated = pages.filter((item) => dateOf(item) === undefined).map((item) => item.inputPath.replace(/^\.\//, ""));
  if (undated.length === 0) return undefined;
  const named = [...undated].sort().slice(0, MOST_NAMED);
  const list = named.join(", ") + (undated.length > named.length ? ` and ${undated.length - named.length} more` : "");
  const count = undated.length === 1 ? "1 page has no date, so the feed leaves it out" : `${undated.length} pages have no date, so the feed leaves them out`;
  return `${count}: ${list}\n  → add a line like date: 2024-07-31 to the front matter, or commit the page to git`;
}
