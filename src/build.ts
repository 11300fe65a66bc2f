// One build: Eleventy into a staging folder beside the output, then a swap on success.
import { Eleventy } from "@11ty/eleventy";
import quire from "../.eleventy.ts";
import { withDefaults, type BuildOptions } from "./build-options.ts";
import { checkOutputFolder, discardStaging, publishStaging, stagingFolderFor } from "./output-folder.ts";
import { publicDir, quireRoot } from "./paths.ts";
import { cpSync, existsSync } from "node:fs";
import { BuildLog } from "./build-log.ts";

export interface BuildResult {
  /** Pages and files Eleventy wrote */
  written: number;
  /** Wall time of the whole build */
  milliseconds: number;
  /** HTML pages written */
  pages: number;
  /** What the author may want to fix; printed even with --quiet */
  warnings: string[];
  /** One-line reports from plugins (the link checker's count), printed after the build */
  summaries: string[];
}

export async function build(partial: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const options = withDefaults(partial);
  const started = performance.now();
  checkOutputFolder(options.output, options.input, quireRoot);
  const staging = stagingFolderFor(options.output);
  const log = new BuildLog();
  try {
    const eleventy = new Eleventy(options.input, staging, {
      quietMode: true,
      pathPrefix: options.basePath,
      config: (config) => quire(config, { ...options, log }),
    });
    eleventy.disableLogger();
    const results = (await eleventy.write()) as unknown[];
    copyPublicFiles(staging);
    publishStaging(staging, options.output);
    return {
      written: countWritten(results),
      milliseconds: performance.now() - started,
      pages: countPages(results),
      warnings: [...log.warnings],
      summaries: [...log.summaries],
    };
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
}

function countWritten(results: unknown[]): number {
  // Eleventy 3 resolves write() with [passthrough copies, templates].
  return results.flat(2).length;
}

/** Written files that are HTML pages (the rest are feeds, sitemaps and copies). */
export function countPages(results: unknown[]): number {
  return results.flat(2).filter((entry) => String((entry as { outputPath?: unknown })?.outputPath ?? "").endsWith(".html")).length;
}

/** quire's public/ files at the site root; a page at the same path is an error, not an overwrite. */
function copyPublicFiles(staging: string): void {
  if (existsSync(publicDir)) cpSync(publicDir, staging, { recursive: true, force: false, errorOnExist: true });
}
