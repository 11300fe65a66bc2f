// The dev server's memory of each page it built from markdown: the front matter it was built with, the markdown
// body, and where in the finished page (layout and all) the rendered body sits. A save that changes only a page's
// body can then be re-rendered on its own, without rebuilding the site (src/quick-edit.ts).
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { splitSource } from "../frontmatter/split.ts";
import { titleFromHeading } from "../titles.ts";

export interface PageShell {
  url: string;
  /** As Eleventy names it ("./content/x.md"), for reports */
  inputPath: string;
  /** The written page */
  outputPath: string;
  /** The front matter as written; a page whose front matter changed is rebuilt with the site */
  frontMatter: string;
  /** The title the heading the body starts with gives (src/titles.ts): the page's title when its front matter
   * names none */
  headingTitle: string | undefined;
  /** The front matter names a title: the first heading is only text */
  titled: boolean;
  /** Characters of the finished page before and after the rendered body, and a hash of those two parts */
  beforeLength: number;
  afterLength: number;
  shellHash: string;
}

type Render = (source: string, env?: unknown) => string;

/** Hash of the parts of a page around its body: a page rewritten since (link corrections) is not patched. */
export function shellHash(before: string, after: string): string {
  return createHash("sha1").update(before).update("\0").update(after).digest("hex");
}

export class PageShells {
  readonly #shells = new Map<string, PageShell>();
  /** This build's markdown renders by absolute input path, until the finished page is seen */
  readonly #renders = new Map<string, { source: string; html: string }>();
  #render: Render | undefined;

  /** The shell of the page built from `file` (an absolute path) in the last full build. */
  get(file: string): PageShell | undefined {
    return this.#shells.get(path.resolve(file));
  }

  /** Renders markdown as the build does (the dialect and the build cache). */
  render(source: string, env: unknown): string {
    if (!this.#render) throw new Error("quire: no markdown library was set up for the dev server");
    return this.#render(source, env);
  }

  /** When the build now running started: a page saved since is not captured (see `capture`). */
  #buildStarted = 0;

  /** Forgets the last build's shells: a build is starting. */
  clear(now = Date.now()): void {
    this.#shells.clear();
    this.#renders.clear();
    this.#buildStarted = now;
  }

  useRender(render: Render): void {
    this.#render = render;
  }

  noteRender(inputPath: string, source: string, html: string): void {
    this.#renders.set(path.resolve(inputPath), { source, html });
  }

  /** Remembers a finished page when its body can be found in it and its file gives the same body again. */
  capture(page: { inputPath: string; url: string; outputPath: string }, finished: string): void {
    const file = path.resolve(page.inputPath);
    const rendered = this.#renders.get(file);
    this.#renders.delete(file);
    if (!rendered || rendered.html === "") return;
    const at = finished.indexOf(rendered.html);
    if (at < 0 || finished.indexOf(rendered.html, at + 1) >= 0) return;
    let split;
    try {
      // Saved during this build: Eleventy may have read its front matter before the save, and this reading is
      // after it, so the shell could pair the old page with the new front matter (a title edit would then pass
      // for a text-only edit). The save's own rebuild follows and captures it.
      if (statSync(file).mtimeMs >= this.#buildStarted) return;
      split = splitSource(readFileSync(file, "utf8"));
    } catch {
      return;
    }
    // Liquid or a preprocessor changed the text before markdown saw it: only a full build renders it right.
    if (split.body !== rendered.source) return;
    const before = finished.slice(0, at);
    const after = finished.slice(at + rendered.html.length);
    this.#shells.set(file, {
      url: page.url,
      inputPath: page.inputPath,
      outputPath: page.outputPath,
      frontMatter: split.frontMatter,
      headingTitle: titleFromHeading(split.body),
      titled: typeof split.data.title === "string" && split.data.title.trim() !== "",
      beforeLength: before.length,
      afterLength: after.length,
      shellHash: shellHash(before, after),
    });
  }
}

export interface Options {
  shells: PageShells;
}

/** Records every markdown page's shell as the dev server builds the site. Added last, after every transform. */
export default function pageShells(eleventyConfig: UserConfig, options: Options): void {
  const { shells } = options;
  eleventyConfig.amendLibrary("md", (library) => {
    const md = library as { render: Render };
    const render = md.render.bind(md);
    shells.useRender(render);
    md.render = (source, env) => {
      const html = render(source, env);
      const inputPath = (env as { page?: { inputPath?: unknown } } | undefined)?.page?.inputPath;
      if (typeof inputPath === "string") shells.noteRender(inputPath, source, html);
      return html;
    };
    return md;
  });
  eleventyConfig.on("eleventy.before", (() => shells.clear()) as never);
  eleventyConfig.addTransform("quire-page-shells", function (content, outputPath) {
    if (typeof outputPath === "string" && outputPath.endsWith(".html") && this.page.url) {
      shells.capture({ inputPath: this.page.inputPath, url: this.page.url, outputPath }, content);
    }
    return content;
  });
}
