// A Jekyll page's front matter, read for quire: Jekyll's layouts are replaced by quire's, and a permalink
// keeps the file name Jekyll would write.
import { existsSync } from "node:fs";
import path from "node:path";
import { layoutsDir } from "../paths.ts";
import { jekyllFrontMatterPermalink } from "./permalink.ts";

/** The layout every page of a Jekyll site is rendered with. */
export const JEKYLL_PAGE_LAYOUT = "base.njk";

export function jekyllFrontMatter(data: unknown): unknown {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  const result: Record<string, unknown> = { ...data };
  if ("layout" in result) result.layout = quireLayoutFor(result.layout);
  if (typeof result.permalink === "string") result.permalink = jekyllFrontMatterPermalink(result.permalink);
  return result;
}

/** `layout: null` (or "none") publishes the page bare, as Jekyll does; any Jekyll layout name means quire's. */
function quireLayoutFor(layout: unknown): string | false {
  if (layout === null || layout === false || layout === "none" || layout === "null") return false;
  if (typeof layout === "string" && existsSync(path.join(layoutsDir, layout))) return layout;
  return JEKYLL_PAGE_LAYOUT;
}
