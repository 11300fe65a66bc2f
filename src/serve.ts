// The dev server: Eleventy watches content/, layouts/ and public/, rebuilds on change and reloads the browser.
import { Eleventy } from "@11ty/eleventy";
import quire from "../.eleventy.ts";
import { withDefaults, type BuildOptions } from "./build-options.ts";
import { checkOutputFolder, OUTPUT_MARKER } from "./output-folder.ts";
import { layoutsDir, publicDir, quireRoot } from "./paths.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatLinkReport, LinkRegistry } from "./links/link-check.ts";

export interface ServeOptions extends BuildOptions {
  /** Port for the dev server (default 8080) */
  port: number;
}

export async function serve(partial: Partial<ServeOptions> = {}): Promise<Eleventy> {
  const options = { port: 8080, ...withDefaults({ drafts: true, ...partial, mode: "serve" }), ...dropUndefined(partial) };
  checkOutputFolder(options.output, options.input, quireRoot);
  mkdirSync(options.output, { recursive: true });
  writeFileSync(path.join(options.output, OUTPUT_MARKER), "This folder is written by quire; each build replaces it whole.\n");
  const links = new LinkRegistry();
  const eleventy = new Eleventy(options.input, options.output, {
    quietMode: options.quiet,
    runMode: "serve",
    pathPrefix: options.basePath,
    config: (config) => {
      config.addWatchTarget(layoutsDir);
      config.addWatchTarget(publicDir);
      config.setServerOptions({ port: options.port, showVersion: false });
      // After each rebuild, the link check reports on the site as it now stands.
      config.on("eleventy.after", () => {
        const report = links.check(options.output, options.basePath);
        if (report.broken.length > 0 || report.corrected.length > 0) console.warn(formatLinkReport(report));
      });
      return quire(config, { ...options, mode: "serve" }, { links });
    },
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
  return eleventy;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
