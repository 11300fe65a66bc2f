// Which files of a Jekyll site are published, and how: pages to render, files to copy as they are, and
// what Jekyll leaves out. Jekyll 4.3's reader, with GitHub Pages' optional front matter.
import { readdirSync, readFileSync } from "node:fs";
import { parseJekyllPage } from "./page-fields.ts";
import path from "node:path";
import type { JekyllConfig } from "./config.ts";
import { jekyllEntryFilter } from "./entry-filter.ts";
import { hasFrontMatter } from "./front-matter-fence.ts";
import { jekyllFrontMatter } from "./front-matter.ts";
import { fillPermalink, jekyllFrontMatterPermalink, jekyllPagePath } from "./permalink.ts";

export interface PublishedFiles {
  /** Files Eleventy renders as pages (posix paths from the site root) */
  pages: string[];
  /** Files copied as they are */
  copied: string[];
  /** Files and folders (ending in "/") left out, for Eleventy to ignore */
  unpublished: string[];
  /** What the author should know about files quire treats differently from Jekyll */
  warnings: string[];
  /** Pages published as their folder's index though not named index: a Jekyll site's READMEs (in `pages` too) */
  folderIndexes?: string[];
}

const MARKDOWN = /\.(md|markdown|mkdown|mkdn|mkd)$/i;

/** Repository files GitHub Pages leaves unrendered when they have no front matter (jekyll-optional-front-matter). */
const REPOSITORY_FILES = ["README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE"];
const SASS = /\.(scss|sass)$/i;
/** Files that make a folder's index (jekyll-readme-index's INDEX_REGEX, by file name). */
const INDEX_FILE = /^index\.(md|markdown|html?|xhtml|xml)$/i;

export function jekyllPublishedFiles(input: string, config: JekyllConfig): PublishedFiles {
  const passes = jekyllEntryFilter(config);
  const files: PublishedFiles = { pages: [], copied: [], unpublished: [], warnings: [] };
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(input, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (!passes(relative)) {
        files.unpublished.push(entry.isDirectory() ? `${relative}/` : relative);
      } else if (entry.isDirectory()) {
        walk(relative);
      } else {
        classify(relative, hasFrontMatter(path.join(input, relative)), files);
      }
    }
  };
  walk("");
  readmeIndexes(files, input, config);
  for (const folder of ["_posts/", "_drafts/"]) {
    if (files.unpublished.includes(folder) && readdirSync(path.join(input, folder)).length > 0) {
      files.warnings.push(`${folder}: Jekyll's blog posts are not published by quire; move each post to a page of its own (a .md file outside _posts/)`);
    }
  }
  return files;
}

function classify(relative: string, frontMatter: boolean, files: PublishedFiles): void {
  const stem = path.posix.basename(relative).replace(/\.[^.]*$/, "").toUpperCase();
  if (/\.md$/i.test(relative) && !frontMatter && REPOSITORY_FILES.includes(stem)) {
    files.copied.push(relative);
  } else if (/\.md$/i.test(relative)) {
    files.pages.push(relative);
    // GitHub Pages renders a markdown file without front matter and still publishes its source.
    if (!frontMatter) files.copied.push(relative);
  } else if (MARKDOWN.test(relative)) {
    files.copied.push(relative);
    files.warnings.push(`${relative}: Jekyll renders ${path.extname(relative)} files as markdown, quire only .md; it is copied as it is — rename it to .md to publish it as a page`);
  } else if (!frontMatter) {
    files.copied.push(relative);
  } else if (/\.html$/i.test(relative)) {
    files.pages.push(relative);
  } else if (SASS.test(relative)) {
    files.unpublished.push(relative);
    files.warnings.push(`${relative}: Sass with front matter is Jekyll's stylesheet; quire uses its own styles and does not publish it`);
  } else {
    files.unpublished.push(relative);
    files.warnings.push(`${relative}: Jekyll renders this file's Liquid because it starts with front matter; quire does not, so it is not published`);
  }
}

/** GitHub Pages' jekyll-readme-index: a README.md without front matter (copied, as a repository file) is also
 * rendered as its folder's index page when no page or file is published at that folder's URL. */
function readmeIndexes(files: PublishedFiles, input: string, config: JekyllConfig): void {
  const readmes = files.copied.filter((file) => /^readme\.md$/i.test(path.posix.basename(file)) && !files.pages.includes(file));
  if (readmes.length === 0) return;
  const folderOfUrl = (url: string) => /^(.*\/)(?:index\.(?:html?|xhtml|xml))?$/i.exec(url)?.[1];
  const indexed = new Set<string>();
  for (const page of files.pages) {
    const folder = folderOfUrl(pageUrl(page, input, config));
    if (folder) indexed.add(folder);
  }
  for (const file of files.copied) {
    const folder = folderOfUrl(`/${file}`);
    if (folder && INDEX_FILE.test(path.posix.basename(file))) indexed.add(folder);
  }
  for (const readme of readmes) {
    const folder = jekyllPagePath(readme, config.permalink, true);
    if (indexed.has(folder)) continue;
    indexed.add(folder);
    files.pages.push(readme);
    (files.folderIndexes ??= []).push(readme);
  }
}

/** Where Jekyll publishes a page: its front matter's permalink, else its path's. */
function pageUrl(page: string, input: string, config: JekyllConfig): string {
  const file = path.join(input, page);
  if (hasFrontMatter(file)) {
    const text = readFileSync(file, "utf8");
    // Only front matter that names a permalink is worth parsing.
    if (/^permalink:/m.test(text)) {
      try {
        const { permalink } = jekyllFrontMatter(parseJekyllPage(text).frontMatter) as { permalink?: unknown };
        if (typeof permalink === "string" && !permalink.includes("{")) {
          const filled = jekyllFrontMatterPermalink(fillPermalink(permalink, page));
          // Placeholders Jekyll fills only for posts (:title, :year…) leave the URL unknown here.
          if (!filled.includes(":")) return filled;
        }
      } catch {
        // Bad front matter is reported when the page is built, with its line.
      }
    }
  }
  return jekyllPagePath(page, config.permalink);
}
