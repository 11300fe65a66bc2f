// Jekyll's `page` for Liquid: the page's front matter plus url, path, name and dir, beside Eleventy's own
// page fields (which keep their meaning: page.url is the same in both).
import { readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { loadJekyllYaml } from "./yaml.ts";
import { titleFromHeading, titleFromUrl } from "../titles.ts";
import { deepMerge } from "./defaults.ts";

export interface EleventyPage {
  url: string | false;
  inputPath: string;
  [key: string]: unknown;
}

export interface JekyllPage {
  /** Its own front matter, read as Jekyll reads YAML */
  frontMatter: Record<string, unknown>;
  /** The text after it */
  content: string;
}

/** A page's own front matter and text. */
export function parseJekyllPage(source: string): JekyllPage {
  const { data, content } = matter(source, { engines: { yaml: (text: string) => loadJekyllYaml(text) as object } });
  return { frontMatter: data as Record<string, unknown>, content };
}

/** A page's own front matter and text, read from its file. */
export function readJekyllPage(inputPath: string): JekyllPage {
  return parseJekyllPage(readFileSync(path.resolve(inputPath), "utf8"));
}

/** The fields Jekyll's `page` has and Eleventy's lacks, for the page read from `page.inputPath`, with the
 * site's front matter defaults for it (src/jekyll/defaults.ts) under its own front matter. */
export function jekyllPageFields(
  page: EleventyPage,
  input: string,
  defaults: Record<string, unknown> = {},
  { frontMatter: own, content }: JekyllPage = readJekyllPage(page.inputPath),
): Record<string, unknown> {
  const file = path.resolve(page.inputPath);
  const frontMatter = deepMerge(defaults, own);
  const relative = path.relative(input, file).split(path.sep).join("/");
  const url = page.url || "";
  const fields: Record<string, unknown> = {
    ...frontMatter,
    title: liquidTitle(frontMatter.title, file.endsWith(".md") ? content : undefined, url),
    path: relative,
    name: path.posix.basename(relative),
    dir: url.endsWith("/") ? url : path.posix.dirname(url).replace(/\/?$/, "/"),
  };
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in page)));
}

/** `page.title` as Liquid prints it, unescaped: the front matter's as written; a heading's as HTML, as Jekyll's
 * jekyll-titles-from-headings gives it (`# the <b> tag` → `the &lt;b&gt; tag`); else the URL's last part. */
function liquidTitle(title: unknown, markdown: string | undefined, url: string): string {
  if (typeof title === "string" && title.trim() !== "") return title;
  const heading = markdown === undefined ? undefined : titleFromHeading(markdown);
  if (heading !== undefined) return heading.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return titleFromUrl(url);
}
