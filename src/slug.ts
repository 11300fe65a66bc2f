// A page's folder name from its title: what `npm run new -- "a title"` calls the new page.

/**
 * Lowercase, runs of spaces (and hyphens) → one hyphen, punctuation and symbols dropped, letters of any script
 * and digits kept: "On Quiet* Tools!" → "on-quiet-tools", "Über Café" → "über-café".
 */
export function slugFor(title: string): string {
  return title
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s-]+/gu, "")
    .trim()
    .replace(/[\s-]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
