// One build: Eleventy into a staging folder beside the output, then a swap on success.
import { Eleventy } from "@11ty/eleventy";
import quire from "../.eleventy.ts";
import { withDefaults, type BuildOptions } from "./build-options.ts";
import { checkOutputFolder, discardStaging, publishStaging, stagingFolderFor } from "./output-folder.ts";
import { quireRoot } from "./paths.ts";
import { copyStaticFiles, staticFilesFor } from "./static-files.ts";

export interface BuildResult {
  /** Pages and files Eleventy wrote */
  written: number;
  /** Wall time of the whole build */
  milliseconds: number;
}

export async function build(partial: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const options = withDefaults(partial);
  const started = performance.now();
  checkOutputFolder(options.output, options.input, quireRoot);
  const staging = stagingFolderFor(options.output);
  try {
    const eleventy = new Eleventy(options.input, staging, {
      quietMode: true,
      pathPrefix: options.basePath,
      config: (config) => quire(config, options),
    });
    eleventy.disableLogger();
    const results = (await eleventy.write()) as unknown[];
    copyStaticFiles(staticFilesFor(options.input), staging);
    publishStaging(staging, options.output);
    return { written: countWritten(results), milliseconds: performance.now() - started };
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
}

function countWritten(results: unknown[]): number {
  // Eleventy 3 resolves write() with [passthrough copies, templates].
  return results.flat(2).length;
}
