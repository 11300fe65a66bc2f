// Decides what each internal link means: fine, a fragment to correct, or broken (with the closest match).
import { likelyMeant } from "../edit-distance.ts";

/** What the checker knows about the built site. */
export interface SiteIndex {
  /** Whether a file exists at this site path ("notes/index.html", "img/my fox.png") */
  hasFile(file: string): boolean;
  /** Ids defined by the HTML page at this site path, or undefined when it is not a page quire rendered */
  idsOf(file: string): ReadonlySet<string> | undefined;
  /** The ids of that page's headings, offered first as suggestions */
  headingIdsOf(file: string): ReadonlySet<string> | undefined;
  /** Every page's site path, for suggestions */
  pageFiles(): Iterable<string>;
}

export type Verdict =
  | { status: "ok" }
  | { status: "external" }
  | { status: "rewrite"; href: string; id: string }
  | { status: "broken"; reason: string; suggestion?: string };

/** Lowercase letters and digits only: how a fragment and an id are compared when they differ. */
export function reduceToLettersAndDigits(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** Links to other sites, mail, data… are not the checker's business. */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//");
}

/** `text` decoded, or as it is when it holds a malformed escape. */
export function decode(text: string, decoder: (text: string) => string = decodeURIComponent): string {
  // Only escapes change under decoding; most links have none.
  if (!text.includes("%")) return text;
  try {
    return decoder(text);
  } catch {
    return text;
  }
}

/** The site path a URL path is served from: "/notes/" → "notes/index.html". */
export function fileForPath(urlPath: string): string {
  const decoded = decode(urlPath).replace(/^\/+/, "");
  return decoded === "" || decoded.endsWith("/") ? `${decoded}index.html` : decoded;
}

/** Which file a static host serves for a path: the file itself, `path.html`, or `path/index.html`. */
function servedFile(urlPath: string, site: SiteIndex): string | undefined {
  const file = fileForPath(urlPath);
  if (site.hasFile(file)) return file;
  if (!file.endsWith("index.html")) {
    for (const candidate of [`${file}.html`, `${file}/index.html`]) if (site.hasFile(candidate)) return candidate;
  }
  return undefined;
}

/** Resolve one link made on the page served at `pageUrl` (from site path `pageFile`, when the caller knows it).
 * `basePath` is stripped from root-relative links. */
export function resolveLink(href: string, pageUrl: string, site: SiteIndex, basePath = "/", pageFile = fileForPath(pageUrl)): Verdict {
  if (isExternal(href)) return { status: "external" };
  // Most links are a fragment of the page itself (contents, heading links): no URL to parse.
  if (PLAIN_FRAGMENT.test(href)) {
    const fragment = decode(href.slice(1));
    // A malformed escape is left to the URL parser below, which escapes the rest of the fragment around it.
    if (!fragment.includes("%") || fragment !== href.slice(1)) return resolveFragment(href, fragment, pageFile, site);
  }
  const url = new URL(href, `http://quire.invalid${pageUrl}`);
  let pathname = url.pathname;
  if (basePath !== "/" && href.startsWith("/")) {
    const prefix = basePath.replace(/\/$/, "");
    if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) {
      return { status: "broken", reason: `points outside the site's base path ${basePath}` };
    }
    pathname = pathname.slice(prefix.length) || "/";
  }
  const samePage = href.startsWith("#");
  const file = samePage ? pageFile : servedFile(pathname, site);
  if (!file) {
    const address = (f: string) => f.replace(/index\.html$/, "");
    const suggestion = likelyMeant(reduceToLettersAndDigits(address(fileForPath(pathname))), site.pageFiles(), (f) => reduceToLettersAndDigits(address(f)));
    return { status: "broken", reason: "no page or file at this address", suggestion: suggestion === undefined ? undefined : `/${address(suggestion)}` };
  }
  return resolveFragment(href, decode(url.hash.slice(1)), file, site);
}

/** "#…" with nothing a URL parser would strip, drop or escape in a way decoding does not undo. */
const PLAIN_FRAGMENT = /^#[^\s\p{Cc}"<>`]*$/u;

/** Whether `fragment` lands on an id of the page at site path `file`. */
function resolveFragment(href: string, fragment: string, file: string, site: SiteIndex): Verdict {
  if (fragment === "" || fragment === "top") return { status: "ok" };
  const ids = site.idsOf(file);
  if (!ids) return { status: "ok" }; // Not a page quire rendered (an image, a standalone HTML file): nothing to check.
  if (ids.has(fragment)) return { status: "ok" };
  const reduced = reduceToLettersAndDigits(fragment);
  const matches = [...ids].filter((id) => reduceToLettersAndDigits(id) === reduced);
  if (matches.length === 1 && reduced !== "") {
    const id = matches[0] as string;
    return { status: "rewrite", id, href: `${href.slice(0, href.indexOf("#"))}#${id}` };
  }
  const candidates = [...(site.headingIdsOf(file)?.size ? (site.headingIdsOf(file) ?? ids) : ids)];
  const suggestion = likelyMeant(reduced, candidates, reduceToLettersAndDigits);
  return {
    status: "broken",
    reason: matches.length > 1 ? `the fragment matches ${matches.length} headings equally` : `no heading or element has the id "${fragment}"`,
    suggestion: suggestion ? `#${suggestion}` : undefined,
  };
}
