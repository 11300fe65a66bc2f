// The link check corrects links in the written pages (src/links/link-check.ts: a link to a page's markdown
// file, a fragment in the wrong case or with the apostrophes kramdown drops). The feed carries the same pages'
// HTML, written before the check: its entries get the same corrections, so no feed link goes nowhere.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FEED_FILE } from "./eleventy/feed.ts";
import type { LinkCorrection } from "./links/link-check.ts";
import { decodeBasicEntities, rewriteLinks } from "./links/rewrite.ts";
import { escapeHtml } from "./escape-html.ts";

/** Applies `corrections` to the entries of the Atom feed in `output`, whose links are absolute on the site's
 * address (`siteUrl`, under `basePath`). */
export function correctFeed(output: string, corrections: readonly LinkCorrection[], siteUrl: string, basePath: string): void {
  const file = path.join(output, FEED_FILE);
  if (corrections.length === 0 || !existsSync(file)) return;
  const base = new URL(basePath, siteUrl);
  // By each page's address: every link, from and to, as the written page resolves it (its hrefs carry the base path).
  const byPage = new Map<string, Map<string, string>>();
  for (const fix of corrections) {
    const page = new URL(fix.url.replace(/^\/+/, ""), base).href;
    const fixes = byPage.get(page) ?? new Map<string, string>();
    byPage.set(page, fixes);
    fixes.set(new URL(fix.from, page).href, new URL(fix.to, page).href);
  }
  const xml = readFileSync(file, "utf8");
  const corrected = xml.replace(/<entry>[\s\S]*?<\/entry>/g, (entry) => {
    const id = /<id>([^<]*)<\/id>/.exec(entry)?.[1];
    const fixes = id === undefined ? undefined : byPage.get(new URL(decodeBasicEntities(id)).href);
    if (!fixes) return entry;
    return entry.replace(/(<content type="html">)([\s\S]*?)(<\/content>)/, (_, open: string, html: string, close: string) => {
      const rewritten = rewriteLinks(decodeBasicEntities(html), (link) => (link.kind === "a[href]" || link.kind === "area[href]" ? fixes.get(link.href) : undefined));
      return `${open}${escapeHtml(rewritten)}${close}`;
    });
  });
  if (corrected !== xml) writeFileSync(file, corrected);
}
