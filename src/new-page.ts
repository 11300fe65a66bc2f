// `npm run new -- "a title"`: starts a page with the front matter to fill in, never over an existing one.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { QuireError } from "./errors.ts";
import { slugFor } from "./slug.ts";

/** The new page's text: the title as given, the day it was started (`today`, as 2024-07-31), the keys an author
 * fills in, and a line to start from. */
export function newPageText(title: string, today: string): string {
  return [
    "---",
    // JSON's string syntax is YAML's double-quoted string, so any title survives as written.
    `title: ${JSON.stringify(title)}`,
    `date: ${today}         # the page's date in the feed: make it the day you publish`,
    `colour: "default"      # a palette name (README "The palette") or a hex colour like "311b92"`,
    `excerpt: ""            # one line about the page, for the home page and link previews`,
    "---",
    "",
    "start writing here",
    "",
  ].join("\n");
}

/** Writes `input/<slug>/index.md` and returns its path; refuses when a page with that URL already exists. */
export function createPage(title: string, input: string): string {
  const slug = slugFor(title);
  if (!slug) {
    throw new QuireError(`"${title}" has no letters or digits to name the page after`, undefined, undefined, `give the page a title with words in it, like npm run new -- "my new essay"`);
  }
  // quire publishes these addresses itself: the search page and its index.
  if (slug === "search" || slug === "pagefind") {
    throw new QuireError(
      `/${slug}/ is quire's own ${slug === "search" ? "search page" : "search index"}`,
      undefined,
      undefined,
      slug === "search"
        ? `give the new page another title; to replace the search page on purpose, write ${path.join(input, "search.md")} yourself`
        : "give the new page another title",
    );
  }
  const file = path.join(input, slug, "index.md");
  for (const existing of [file, path.join(input, `${slug}.md`)]) {
    if (existsSync(existing)) {
      throw new QuireError(`there is already a page at /${slug}/`, existing, undefined, "open that file to edit it, or give the new page another title");
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  // "wx": even a file that appears between the check and the write is not overwritten.
  writeFileSync(file, newPageText(title, localDay(new Date())), { flag: "wx" });
  return file;
}

/** The author's own day (their clock's, not UTC's), as 2024-07-31. */
function localDay(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
