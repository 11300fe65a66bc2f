// Files published as they are: quire's public/ plus the site's own non-page files (CNAME, .well-known/…,
// images, standalone .html pages). One list, used by the build (copy after rendering) and the dev server
// (Eleventy's passthrough copy).
import { copyFileSync, existsSync, mkdirSync, readdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { QuireError } from "./errors.ts";
import { readJekyllConfig } from "./jekyll/config.ts";
import { hasFrontMatter } from "./jekyll/front-matter-fence.ts";
import { jekyllPublishedFiles, type PublishedFiles } from "./jekyll/published-files.ts";
import { publicDir } from "./paths.ts";

export interface StaticFile {
  /** Absolute path of the file to copy */
  source: string;
  /** Where it goes, posix, relative to the site root */
  output: string;
}

/** Folders of content/ that are Eleventy's or tools', never the site's. */
const NOT_CONTENT = [".git/", "node_modules/", "_data/", "_includes/"];

/** How the folder being built is published: a Jekyll site (it has _config.yml) by Jekyll's rules, else quire's. */
export function siteFiles(input: string): PublishedFiles {
  const jekyll = readJekyllConfig(input);
  return jekyll ? jekyllPublishedFiles(input, jekyll) : contentFiles(input);
}

/** quire's content/: .md and .njk files and .html files with front matter are pages; every other file is copied. */
export function contentFiles(input: string): PublishedFiles {
  const files: PublishedFiles = { pages: [], copied: [], unpublished: [], warnings: [] };
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(input, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (NOT_CONTENT.includes(`${relative}/`)) files.unpublished.push(`${relative}/`);
        else walk(relative);
      } else if (/\.11tydata\.[a-z]+$/.test(relative)) {
        files.unpublished.push(relative);
      } else if (/\.(md|njk)$/i.test(relative) || (/\.html$/i.test(relative) && hasFrontMatter(path.join(input, relative)))) {
        files.pages.push(relative);
      } else {
        files.copied.push(relative);
      }
    }
  };
  walk("");
  return files;
}

/**
 * Every static file of the build: public/ first, then the site's. In quire's content/ a path in both is an
 * error naming both; a Jekyll site's own file wins over quire's, since the site moves over unchanged.
 */
export function staticFilesFor(input: string, published: PublishedFiles = siteFiles(input)): StaticFile[] {
  const byOutput = new Map<string, StaticFile>();
  for (const relative of listFiles(publicDir)) byOutput.set(relative, { source: path.join(publicDir, relative), output: relative });
  const jekyll = existsSync(path.join(input, "_config.yml"));
  for (const relative of published.copied) {
    const clash = byOutput.get(relative);
    if (clash && !jekyll) {
      throw new QuireError(
        `${shown(path.join(input, relative))} and ${shown(clash.source)} would both be published at /${relative}`,
        shown(path.join(input, relative)),
        undefined,
        "rename or remove one of the two",
      );
    }
    byOutput.set(relative, { source: path.join(input, relative), output: relative });
  }
  return [...byOutput.values()];
}

/** Copies `files` into the built site; a file where the build wrote one of its own is an error, never an
 * overwrite. `taken`: whether the build wrote a target itself, when the site folder may hold older files (a
 * reused folder), which are replaced; without it, any file already there is the build's. A copy is always a
 * file of its own, never written into an old one in place (which may have other links). Returns the copies'
 * absolute paths. */
export function copyStaticFiles(files: readonly StaticFile[], siteFolder: string, taken?: (target: string) => boolean): string[] {
  const copied: string[] = [];
  for (const file of files) {
    const target = path.resolve(siteFolder, ...file.output.split("/"));
    if (taken ? taken(target) : existsSync(target)) {
      throw new QuireError(`${shown(file.source)} would overwrite the page published at /${file.output}`, shown(file.source), undefined, "rename the file or the page");
    }
    mkdirSync(path.dirname(target), { recursive: true });
    // An old file goes first (a folder in the way throws EISDIR: the build starts again in a fresh folder).
    try {
      unlinkSync(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    copyFileSync(file.source, target);
    copied.push(target);
  }
  return copied;
}

function listFiles(folder: string, prefix = ""): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(folder, relative) : [relative];
  });
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
