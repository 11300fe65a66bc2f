// Rewrites link attributes (href, src) in HTML in place, found with the streaming tokenizer so offsets are exact.
import { collectPageLinks, type PageLink } from "./collect.ts";
import { isExternal } from "./resolve.ts";

/** `html` with each link whose `replace` returns a value given that value instead. */
export function rewriteLinks(html: string, replace: (link: PageLink) => string | undefined): string {
  const edits = collectPageLinks(html)
    .links.map((link) => ({ link, value: replace(link) }))
    .filter((edit): edit is { link: PageLink; value: string } => edit.value !== undefined && edit.value !== edit.link.href);
  let result = html;
  for (const { link, value } of edits.reverse()) {
    const attribute = /\[(\w+)\]/.exec(link.kind)?.[1] ?? "href";
    const tag = result.slice(link.start, link.end + 1);
    const pattern = new RegExp(`(\\s${attribute}\\s*=\\s*)("[^"]*"|'[^']*'|[^\\s>]+)`, "i");
    const replaced = tag.replace(pattern, (_, before: string) => `${before}"${escapeAttribute(value)}"`);
    result = result.slice(0, link.start) + replaced + result.slice(link.end + 1);
  }
  return result;
}

/**
 * Every relative and root-relative link of a page's HTML made absolute on `siteBase` (origin + base path), for
 * the feed. A pattern over quoted href/src/srcset attributes rather than the tokenizer: this runs on every page of
 * every build, markdown-it quotes every attribute it writes, and a stray match (an attribute written out in a
 * comment) only gains an absolute URL.
 */
export function absoluteUrls(html: string, pageUrl: string, siteBase: string): string {
  const base = new URL(siteBase.endsWith("/") ? siteBase : `${siteBase}/`);
  const page = new URL(pageUrl.replace(/^\/+/, ""), base);
  // Root-relative links are relative to the site, which may live under a base path.
  const absolute = (href: string) =>
    isExternal(href) || href === "" ? href : href.startsWith("/") ? new URL(href.slice(1), base).href : new URL(href, page).href;
  // A double-quoted value may hold a single quote (`href="#one-tool's-noise"`), and the other way round.
  return html.replace(/(\s(href|src|srcset)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi, (_, before: string, name: string, double?: string, single?: string) => {
    const value = double ?? single ?? "";
    const raw = decodeBasicEntities(value);
    const rewritten =
      name.toLowerCase() === "srcset"
        ? raw
            .split(",")
            .map((candidate) => {
              const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
              return [absolute(url), ...descriptor].join(" ");
            })
            .join(", ")
        : absolute(raw);
    return `${before}"${escapeAttribute(rewritten)}"`;
  });
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'" };

/** `text` with the five entities markdown-it and Nunjucks' autoescape write turned back into their characters. */
export function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|quot|lt|gt|#39);/g, (entity, name: string) => ENTITIES[name] ?? entity);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
