import path from "node:path";
// Where Jekyll publishes a page (Jekyll::Page#url in 4.3): index files at their folder, other pages at
// `name.html`, or `name/` when the site's permalink style ends in a slash ("pretty").

/** The output path (site-relative, leading slash) of the page at `relativePath`, e.g. "/notes.html";
 * `folderIndex`: the page is its folder's index whatever its name (a README, src/jekyll/published-files.ts). */
export function jekyllPagePath(relativePath: string, permalinkStyle = "date", folderIndex = false): string {
  const parts = relativePath.split("/");
  const file = parts.pop() ?? "";
  const folder = parts.length > 0 ? `/${parts.join("/")}` : "";
  const basename = file.replace(/\.[^.]*$/, "").replace(/\.+$/, "");
  if (basename === "index" || folderIndex) return `${folder}/`;
  return permalinkEndsWithSlash(permalinkStyle) ? `${folder}/${basename}/` : `${folder}/${basename}.html`;
}

/** Jekyll's add_permalink_suffix: "pretty" and styles ending in "/" give folders; every other style a file. */
function permalinkEndsWithSlash(style: string): boolean {
  if (["date", "ordinal", "none", "weekdate"].includes(style)) return false;
  return style === "pretty" || style.endsWith("/");
}

/**
 * A `permalink:` from front matter as Jekyll writes it: "/now" (neither a folder nor a file name) is
 * published by Jekyll as now.html.
 */
export function jekyllFrontMatterPermalink(permalink: string): string {
  if (permalink.endsWith("/") || /\.[a-z0-9]+$/i.test(permalink) || permalink.includes("{")) return permalink;
  return `${permalink}.html`;
}

/** Jekyll's URL placeholders for a page (Page#url_placeholders, then URL#sanitize_url): `:path` its folder,
 * `:basename` its file name without extension, `:output_ext` ".html". */
export function fillPermalink(permalink: string, relativePath: string): string {
  const folder = path.posix.dirname(relativePath);
  const basename = path.posix.basename(relativePath).replace(/\.[^.]*$/, "");
  const filled = permalink
    .replace(/:path/g, folder === "." ? "" : folder)
    .replace(/:basename/g, basename)
    .replace(/:output_ext/g, ".html");
  return `/${filled}`.replace(/\.\./g, "/").replace(/\.\//g, "").replace(/\/+/g, "/");
}
