// The link check reads every rendered page for its ids and links; for a page whose HTML is unchanged since the
// last build, that reading comes from the build cache instead (as the entry's extra JSON).
import { collectPageLinks, type PageLink, type PageLinks } from "../links/collect.ts";
import type { RenderCache } from "./render-cache.ts";

interface StoredLinks {
  ids: string[];
  headings: string[];
  links: PageLink[];
}

function parseStored(extra: unknown): StoredLinks | undefined {
  if (typeof extra !== "string") return undefined;
  const stored = JSON.parse(extra) as Partial<StoredLinks> | null;
  return stored && Array.isArray(stored.ids) && Array.isArray(stored.headings) && Array.isArray(stored.links) ? (stored as StoredLinks) : undefined;
}

/** `collectPageLinks`, remembered in `cache` by the page's whole HTML. */
export function cachedPageLinks(cache: RenderCache): (html: string) => PageLinks {
  return (html) => {
    const key = cache.keyFor(html, "page-links");
    const stored = parseStored(cache.read(key)?.extra);
    if (stored) return { ids: new Set(stored.ids), headings: new Set(stored.headings), links: stored.links };
    const links = collectPageLinks(html);
    // Kept as one JSON string: checked and parsed once, not re-serialised for the checksum.
    cache.write(key, { html: "", extra: JSON.stringify({ ids: [...links.ids], headings: [...links.headings], links: links.links } satisfies StoredLinks) });
    return links;
  };
}
