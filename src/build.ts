// One build: Eleventy into a staging folder beside the output, then a swap on success.
import { existsSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import quire from "../.eleventy.ts";
import { withDefaults, type BuildOptions } from "./build-options.ts";
import { withJekyllSite } from "./jekyll/site-options.ts";
import { checkInputFolder, checkOutputFolder, discardStaging, isReuseConflict, publishStaging, pruneStaging, stagingFolderFor, type Staging } from "./output-folder.ts";
import { quireRoot } from "./paths.ts";
import { copyStaticFiles, staticFilesFor } from "./static-files.ts";
import { formatLinkReport, LinkRegistry, type LinkReport } from "./links/link-check.ts";
import { QuireError } from "./errors.ts";
import { describeBuildError } from "./report-error.ts";
import { BuildLog } from "./build-log.ts";
import { pageLinksReader } from "./eleventy/build-cache.ts";
import { startPrerender, type Prerender } from "./cache/prerender.ts";
import { pruneRenderCache } from "./cache/render-cache.ts";
import { correctFeed } from "./feed-corrections.ts";

export interface BuildResult {
  /** Pages and files Eleventy wrote */
  written: number;
  /** Internal links checked, corrected and broken */
  links: LinkReport;
  /** Wall time of the whole build */
  milliseconds: number;
  /** HTML pages written */
  pages: number;
  /** What the author may want to fix; printed even with --quiet */
  warnings: string[];
  /** One-line reports printed after the build (e.g. the link check's count when nothing is wrong) */
  summaries: string[];
}

export async function build(partial: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const options = withJekyllSite(withDefaults(partial));
  const started = performance.now();
  checkInputFolder(options.input);
  checkOutputFolder(options.output, options.input, quireRoot, options.cache ? options.cacheDir : undefined);
  // The site a build replaces is kept in the build cache, and the next build writes over its files rather than
  // making a thousand folders and files anew and deleting as many (src/output-folder.ts).
  const spare = options.cache ? path.join(path.resolve(options.cacheDir), "spare-site") : undefined;
  // The second core renders markdown into the build cache while Eleventy starts (src/cache/prerender.ts), then
  // reads written pages' links for the check.
  const prerender = startPrerender(options);
  try {
    let staging = stagingFolderFor(options.output, spare);
    let built: Built;
    try {
      built = await buildInto(staging, options, prerender);
    } catch (error) {
      discardStaging(staging.folder);
      if (!staging.reused || !isReuseConflict(error)) throw withOutputPaths(error, staging.folder, options.output);
      // What the old site left was in the way (a file where a folder goes, a read-only file…): built again, in a
      // fresh folder of another name, which no late write of the first try can reach.
      if (process.env.QUIRE_DEBUG) console.error(`quire: building again into a fresh folder: ${describeBuildError(error)}`);
      const first = staging.folder;
      staging = stagingFolderFor(options.output, undefined, "-fresh");
      try {
        built = await buildInto(staging, options, prerender);
      } catch (again) {
        discardStaging(staging.folder);
        throw withOutputPaths(again, staging.folder, options.output);
      } finally {
        // Eleventy gives up at its first failed write while others may still finish: they go too.
        discardStaging(first);
      }
    }
    const { results, report, log } = built;
    try {
      publishStaging(staging.folder, options.output, spare);
    } catch (error) {
      discardStaging(staging.folder);
      throw withOutputPaths(error, staging.folder, options.output);
    }
    // Entries no build has used for a month go (a deploy keeps the cache from one build to the next).
    if (options.cache) {
      try {
        pruneRenderCache(path.resolve(options.cacheDir));
      } catch (error) {
        // The site is published; a cache that cannot be tidied only grows.
        if (process.env.QUIRE_DEBUG) console.error(`quire: the build cache was not pruned: ${describeBuildError(error)}`);
      }
    }
    // Problems are printed in full by the CLI; a clean check is one line.
    if (report.broken.length === 0 && report.corrected.length === 0) log.summary(`links: ${report.checked} internal links checked, all resolve`);
    return {
      written: countWritten(results),
      links: report,
      milliseconds: performance.now() - started,
      pages: countPages(results),
      warnings: [...log.warnings],
      summaries: [...log.summaries],
    };
  } finally {
    await prerender.stop();
  }
}

interface Built {
  results: unknown[];
  report: LinkReport;
  log: BuildLog;
}

/** Eleventy into `staging`, the static files, the link check: a site ready to publish, or an error. */
async function buildInto(staging: Staging, options: BuildOptions, prerender: Prerender): Promise<Built> {
  const log = new BuildLog();
  const links = new LinkRegistry(pageLinksReader(options), prerender.readLinks);
  const eleventy = new Eleventy(options.input, staging.folder, {
    quietMode: true,
    pathPrefix: options.basePath,
    config: (config) => quire(config, options, { links, log }),
  });
  eleventy.disableLogger();
  const results = (await eleventy.write()) as unknown[];
  const written = writtenFiles(results);
  // In a reused folder, what this build wrote is Eleventy's pages and the search index, which it wrote whole.
  const index = path.resolve(staging.folder, "pagefind") + path.sep;
  const taken = (target: string) => written.has(target) || (options.search && target.startsWith(index) && existsSync(target));
  for (const copy of copyStaticFiles(staticFilesFor(options.input), staging.folder, staging.reused ? taken : undefined)) written.add(copy);
  // Whatever of the old site this build did not write goes before the link check, which must not find it.
  if (staging.reused) pruneStaging(staging.folder, written, options.search ? ["pagefind"] : []);
  // Every layout links home; say once what is missing rather than leave only the broken links to it.
  if (!existsSync(path.join(staging.folder, "index.html"))) log.warn(`${options.input}: there is no home page; add an index.md`);
  const report = links.check(staging.folder, options.basePath, options.input);
  correctFeed(staging.folder, report.corrected, options.site.url, options.basePath);
  if (options.strict && report.broken.length > 0) {
    throw new QuireError(
      `${report.broken.length} broken link${report.broken.length === 1 ? "" : "s"} (--strict)\n${formatLinkReport({ ...report, corrected: [] })}`,
      undefined,
      undefined,
      "fix the links above, or build without --strict to publish anyway",
    );
  }
  return { results, report, log };
}

/** The files Eleventy wrote, as absolute paths. */
function writtenFiles(results: unknown[]): Set<string> {
  const files = new Set<string>();
  for (const entry of results.flat(2)) {
    const output = (entry as { outputPath?: unknown } | undefined)?.outputPath;
    if (typeof output === "string") files.add(path.resolve(output));
  }
  return files;
}

/** Eleventy's messages name files in the staging folder; the author knows them by the output folder. */
function withOutputPaths(error: unknown, staging: string, output: string): unknown {
  const text = describeBuildError(error);
  if (!text.includes(staging)) return error;
  return new QuireError(text.split(staging).join(output).replace(/\.\/+(?=\/)/g, ""), undefined, undefined, undefined);
}

function countWritten(results: unknown[]): number {
  // Eleventy 3 resolves write() with [passthrough copies, templates].
  return results.flat(2).length;
}

/** Written files that are HTML pages (the rest are feeds, sitemaps and copies). */
export function countPages(results: unknown[]): number {
  return results.flat(2).filter((entry) => String((entry as { outputPath?: unknown })?.outputPath ?? "").endsWith(".html")).length;
}
