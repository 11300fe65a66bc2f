// A Jekyll site's _config.yml: what quire reads from it, with Jekyll 4.3's defaults where it says nothing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { YAMLException } from "js-yaml";
import { loadJekyllYaml } from "./yaml.ts";
import { QuireError } from "../errors.ts";

export const CONFIG_FILE = "_config.yml";

/** Jekyll's own default excludes (Jekyll::Configuration::DEFAULT_EXCLUDES in 4.3), added to the site's. */
export const DEFAULT_EXCLUDES = [
  ".sass-cache",
  ".jekyll-cache",
  "gemfiles",
  "Gemfile",
  "Gemfile.lock",
  "node_modules",
  "vendor/bundle/",
  "vendor/cache/",
  "vendor/gems/",
  "vendor/ruby/",
];

export interface JekyllConfig {
  /** The site's name (`title`) */
  title: string | undefined;
  /** The site's origin (`url`), without a trailing slash */
  url: string | undefined;
  /** The sub-path the site is served under (`baseurl`), "" for none */
  baseurl: string;
  /** Names and paths published although they start with `_` or `.` (default [".htaccess"]) */
  include: string[];
  /** Paths not published: the site's `exclude` plus Jekyll's defaults */
  exclude: string[];
  /** The site-wide permalink style (default "date": pages end in .html) */
  permalink: string;
  /** The `kramdown:` settings as written */
  kramdown: Record<string, unknown>;
  /** Every key of _config.yml, for `site.*` in Liquid */
  raw: Record<string, unknown>;
}

/** The Jekyll configuration of `input`, or undefined when it is not a Jekyll site (no _config.yml). */
export function readJekyllConfig(input: string): JekyllConfig | undefined {
  const file = path.join(input, CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  const shown = path.join(path.relative(process.cwd(), input) || ".", CONFIG_FILE);
  let parsed: unknown;
  try {
    parsed = loadJekyllYaml(readFileSync(file, "utf8"), shown);
  } catch (error) {
    if (error instanceof YAMLException) {
      throw new QuireError(`_config.yml is not valid YAML: ${error.reason}`, shown, (error.mark?.line ?? 0) + 1, "check the quotes and colons on that line");
    }
    throw error;
  }
  const raw = isRecord(parsed) ? parsed : {};
  return {
    title: optionalText(raw.title),
    url: optionalText(raw.url)?.replace(/\/+$/, ""),
    baseurl: (optionalText(raw.baseurl) ?? "").replace(/\/+$/, ""),
    include: listOf(raw.include, shown, "include") ?? [".htaccess"],
    exclude: [...new Set([...(listOf(raw.exclude, shown, "exclude") ?? []), ...DEFAULT_EXCLUDES])],
    permalink: optionalText(raw.permalink) ?? "date",
    kramdown: isRecord(raw.kramdown) ? raw.kramdown : {},
    raw,
  };
}

function listOf(value: unknown, file: string, key: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.map(String);
  throw new QuireError(`"${key}" in _config.yml must be a list of paths`, file, undefined, `write it as\n  ${key}:\n    - a-path`);
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
