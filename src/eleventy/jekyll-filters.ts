// Jekyll's URL filters, so Liquid written for a GitHub Pages site keeps working in markdown.
import type { UserConfig } from "@11ty/eleventy";

export interface Options {
  /** The site's public origin, e.g. "https://example.net" */
  siteUrl: string;
  /** The path the site is served under, e.g. "/blog/" */
  basePath: string;
}

/**
 * `relative_url`: a root-relative path. The base path is not added here: the HTML base plugin adds it
 * to every root-relative URL of the page, this one included.
 */
export function relativeUrl(input: unknown): string {
  const value = String(input ?? "");
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return value;
  return `/${value.replace(/^\/+/, "")}`;
}

/** `absolute_url`: the site's origin, then the relative URL. */
export function absoluteUrl(input: unknown, siteUrl: string, basePath: string): string {
  const value = String(input ?? "");
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return value;
  return `${siteUrl.replace(/\/+$/, "")}${basePath.replace(/\/+$/, "")}${relativeUrl(value)}`;
}

export default function jekyllFilters(eleventyConfig: UserConfig, options: Options): void {
  eleventyConfig.addFilter("relative_url", (input: unknown) => relativeUrl(input));
  eleventyConfig.addFilter("absolute_url", (input: unknown) => absoluteUrl(input, options.siteUrl, options.basePath));
}
