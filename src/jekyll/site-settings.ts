// A Jekyll site's _config.yml as quire's site settings (name, address, language, author) and as the
// `site` that Liquid in its pages reads (`site.title`, `site.baseurl`, any other key).
import type { SiteSettings } from "../settings.ts";
import type { JekyllConfig } from "./config.ts";

/** quire's settings with the site's own name, address, language and author where _config.yml gives them. */
export function jekyllSiteSettings(config: JekyllConfig, settings: SiteSettings): SiteSettings {
  const { lang, author } = config.raw;
  return {
    ...settings,
    name: config.title ?? settings.name,
    url: config.url ?? settings.url,
    language: typeof lang === "string" ? lang : settings.language,
    author: typeof author === "string" ? { name: author } : isAuthor(author) ? author : settings.author,
  };
}

/** Every _config.yml key for Liquid, with quire's settings where layouts need their shape. */
export function jekyllSiteData(config: JekyllConfig, settings: SiteSettings): Record<string, unknown> {
  const author = config.raw.author;
  return {
    ...config.raw,
    ...settings,
    title: config.title ?? settings.name,
    url: config.url ?? settings.url,
    baseurl: config.baseurl,
    // `{{ site.author }}` prints the name as in Jekyll; layouts read `site.author.name`.
    author: Object.defineProperty({ ...settings.author }, "toString", { value: () => (typeof author === "string" ? author : settings.author.name) }),
  };
}

function isAuthor(value: unknown): value is SiteSettings["author"] {
  return typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string";
}
