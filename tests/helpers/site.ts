// Builds a small site through quire's real build and reads its pages with a real HTML parser.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { build, type BuildResult } from "../../src/build.ts";
import type { BuildOptions } from "../../src/build-options.ts";

export interface BuiltSite {
  input: string;
  output: string;
  result: BuildResult;
  /** The HTML file a URL is served from, parsed. */
  page(url: string): cheerio.CheerioAPI;
  /** Raw text of an output file. */
  file(relative: string): string;
  has(relative: string): boolean;
}

/** A folder of pages written from `files` (path → text) in a fresh temp dir. */
export function writeFixture(files: Record<string, string>): string {
  const input = mkdtempSync(path.join(tmpdir(), "quire-in-"));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(input, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return input;
}

export function outputPathFor(url: string): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0] ?? "/");
  return clean.endsWith("/") ? `${clean}index.html` : clean;
}

export async function buildSite(
  source: string | Record<string, string>,
  options: Partial<BuildOptions> = {},
): Promise<BuiltSite> {
  const input = typeof source === "string" ? source : writeFixture(source);
  const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
  const result = await build({ quiet: true, ...options, input, output });
  return siteAt(input, output, result);
}

export function siteAt(input: string, output: string, result: BuildResult): BuiltSite {
  const file = (relative: string) => readFileSync(path.join(output, relative), "utf8");
  return {
    input,
    output,
    result,
    file,
    has: (relative) => existsSync(path.join(output, relative)),
    page: (url) => cheerio.load(file(outputPathFor(url))),
  };
}
