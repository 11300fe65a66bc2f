// A page without a title is named after its URL's last segment, hyphens read as spaces.

/** `/toki-pona/` → "toki pona"; `/` → "" (the home page is named by the site). */
export function titleFromUrl(url: string): string {
  const segments = url.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A malformed escape is kept as written.
  }
  return decoded.replace(/\.html?$/, "").replace(/-/g, " ").trim();
}
