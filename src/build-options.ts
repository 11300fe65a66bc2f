// What a build is asked to do; the CLI fills these from its flags.
import type { Palette } from "./palette.ts";
import { palette } from "./palette.ts";
import type { SiteSettings } from "./settings.ts";
import site from "../site.config.ts";
import path from "node:path";
import { quireRoot } from "./paths.ts";

export interface BuildOptions {
  /** Folder of markdown pages (default "content") */
  input: string;
  /** Folder the site is written to (default "_site") */
  output: string;
  /** Broken links fail the build instead of being reported (default false) */
  strict: boolean;
  /** URL path the site is served under, e.g. "/blog/" (default "/") */
  basePath: string;
  /** Print errors and warnings only (default false) */
  quiet: boolean;
  /** Publish pages marked `draft: true` (default false; the dev server turns it on) */
  drafts: boolean;
  /** "build" writes a finished site once; "serve" runs Eleventy's dev server (default "build") */
  mode: "build" | "serve";
  /** Site settings (default: site.config.ts) */
  site: SiteSettings;
  /** Colour names pages may use (default: the author's palette) */
  palette: Palette;
  /** Reuse rendered markdown of unchanged pages from the build cache (default true; `--no-cache` turns it off) */
  cache: boolean;
  /** Folder of the build cache (default ".quire-cache" in quire's checkout) */
  cacheDir: string;
  /** Write the Pagefind search index (default true; `--no-search` leaves it out; the search page then says it is missing) */
  search: boolean;
}

export const defaults = {
  input: "content",
  output: "_site",
  strict: false,
  basePath: "/",
  quiet: false,
  drafts: false,
  mode: "build",
  site,
  palette,
  cache: true,
  cacheDir: path.join(quireRoot, ".quire-cache"),
  search: true,
} satisfies BuildOptions;

export function withDefaults(options: Partial<BuildOptions> = {}): BuildOptions {
  const merged = { ...defaults, ...options };
  for (const key of Object.keys(merged) as (keyof BuildOptions)[]) {
    if (merged[key] === undefined) Object.assign(merged, { [key]: defaults[key] });
  }
  return merged;
}
