// The dev server's quick path: a save that changes only a page's markdown body re-renders that page alone and
// puts it into the page the last build wrote, in milliseconds instead of a rebuild of the whole site. Anything
// else (front matter, a layout, a new, moved or deleted page, Liquid in the body, a changed heading id that other
// pages may link to, a changed first heading of a page it names) takes the full rebuild, so what is served is
// always what a build would write.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LinkRegistry } from "./links/link-check.ts";
import { shellHash, type PageShells } from "./eleventy/page-shells.ts";
import { splitSource } from "./frontmatter/split.ts";
import { mayHoldLiquid } from "./cache/prerender.ts";
import { titleFromHeading } from "./titles.ts";

export interface QuickPage {
  url: string;
  inputPath: string;
  outputPath: string;
  /** The whole page as written */
  content: string;
}

/** The page re-rendered and written, or why the site must be rebuilt instead. */
export type QuickEdit = { page: QuickPage } | { rebuild: string };

/** The files Eleventy's watcher may mean by `file`: it names them "./content/x.md", and a file outside the
 * working directory by its absolute path with the leading "/" turned into "./". */
export function watchedPaths(file: string): string[] {
  const plain = file.replace(/^\.\//, "");
  return [path.resolve(plain), path.resolve("/", plain)];
}

function shellFor(file: string, shells: PageShells) {
  for (const candidate of watchedPaths(file)) {
    const shell = shells.get(candidate);
    if (shell) return shell;
  }
  return undefined;
}

export function quickEdit(changed: readonly string[], shells: PageShells, links: LinkRegistry): QuickEdit {
  const [file] = changed;
  if (changed.length !== 1 || file === undefined) return { rebuild: "more than one file changed" };
  const shell = shellFor(file, shells);
  if (!shell) return { rebuild: "not a markdown page of the last build" };
  let source: string;
  let written: string;
  try {
    source = readFileSync(shell.inputPath, "utf8");
    written = readFileSync(shell.outputPath, "utf8");
  } catch {
    return { rebuild: "the page or its output is gone" };
  }
  let frontMatter: string, body: string;
  try {
    ({ frontMatter, body } = splitSource(source));
  } catch {
    // The full build says what is wrong with it, and where.
    return { rebuild: "its front matter cannot be read" };
  }
  if (frontMatter !== shell.frontMatter) return { rebuild: "its front matter changed" };
  if (mayHoldLiquid(body)) return { rebuild: "it holds Liquid" };
  // A page without a title: is named by its first heading, on other pages too (breadcrumbs, the home list). (A
  // Jekyll site's defaults: may name one the shell does not know of: such a page is rebuilt, which is only slower.)
  if (!shell.titled && titleFromHeading(body) !== shell.headingTitle) return { rebuild: "the heading it starts with changed" };
  const before = written.slice(0, shell.beforeLength);
  const after = written.slice(written.length - shell.afterLength);
  if (shell.beforeLength + shell.afterLength > written.length || shellHash(before, after) !== shell.shellHash) {
    return { rebuild: "its written page changed since the last build" };
  }
  let html: string;
  try {
    html = shells.render(body, { page: { inputPath: shell.inputPath, url: shell.url, outputPath: shell.outputPath } });
  } catch {
    // A mistake in the markdown (an aside left open): the full build names the page, and leaves it out.
    return { rebuild: "its markdown cannot be rendered" };
  }
  if (html === "") return { rebuild: "its body is empty" };
  const content = before + html + after;
  const ids = links.idsOf(shell.url);
  links.record(shell.url, shell.inputPath, content);
  if (!ids || !sameSet(ids, links.idsOf(shell.url))) return { rebuild: "its heading ids changed" };
  // Written whole, so the server never sends a half-written page.
  writeFileSync(`${shell.outputPath}.quire-tmp`, content);
  renameSync(`${shell.outputPath}.quire-tmp`, shell.outputPath);
  return { page: { url: shell.url, inputPath: shell.inputPath, outputPath: shell.outputPath, content } };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string> | undefined): boolean {
  return b !== undefined && a.size === b.size && [...a].every((value) => b.has(value));
}
