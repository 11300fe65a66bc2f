// Cold builds use both cores: a worker thread renders the pages' markdown into the build cache while Eleventy
// reads data and renders on the main thread, so Eleventy's own markdown renders become cache hits.
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BuildOptions } from "../build-options.ts";
import { readdirSync, readFileSync } from "node:fs";
import { splitSource } from "../frontmatter/split.ts";
import { renderCacheFor, renderSettings } from "../eleventy/build-cache.ts";
import { quireRoot } from "../paths.ts";
import type { RenderCache } from "./render-cache.ts";

/** Liquid runs before markdown and changes the text: such pages are left to Eleventy. */
export function mayHoldLiquid(body: string): boolean {
  return body.includes("{{") || body.includes("{%");
}

export interface PrerenderJob {
  /** Markdown files, in the order the worker takes them */
  files: string[];
  /** Build options, for the worker's copy of quire's markdown setup */
  options: Partial<BuildOptions>;
  /** One Int32: set to 1 to stop the worker after its current page */
  stop: SharedArrayBuffer;
}

export interface Prerender {
  /** Stops the worker after its current page; resolves with the pages it rendered or found cached */
  stop(): Promise<number>;
  /** Resolves when the worker has been through every page (or failed), with the pages it rendered or found cached */
  done(): Promise<number>;
}

/** Markdown files under `folder`, sorted, leaving out dot-folders and node_modules as Eleventy does. */
export function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) found.push(full);
    }
  };
  walk(folder);
  return found.sort();
}

/** Pages looked at to tell a warm cache from a cold one. */
const SAMPLES = 8;

/** True when at least two of a few pages spread over the site have no cached render: many pages changed (or
 * quire did). One miss is most likely the one page being edited, which Eleventy renders sooner itself. */
export function cacheLooksCold(files: string[], cache: RenderCache): boolean {
  const step = Math.max(1, Math.floor(files.length / SAMPLES));
  let misses = 0;
  for (let index = 0; index < files.length && misses < 2; index += step) {
    try {
      const { body } = splitSource(readFileSync(files[index] as string, "utf8"));
      if (!mayHoldLiquid(body) && !cache.has(cache.keyFor(body))) misses++;
    } catch {
      // Eleventy will report a page it cannot read.
    }
  }
  return misses >= 2;
}

/** Starts rendering `options.input`'s pages into the cache on a spare core; a no-op with one core, no cache, or a
 * warm cache (the worker's start-up would cost more than the few pages it could render). */
export function startPrerender(options: BuildOptions): Prerender {
  const candidates = options.cache && availableParallelism() > 1 ? markdownFiles(options.input) : [];
  const cache = renderCacheFor({ dir: path.resolve(options.cacheDir), quireRoot, settings: renderSettings(options) });
  const files = candidates.length > 1 && cacheLooksCold(candidates, cache) ? candidates : [];
  if (files.length < 2) return { stop: async () => 0, done: async () => 0 };
  const stop = new SharedArrayBuffer(4);
  const { site, palette, basePath, cacheDir, input, mode } = options;
  const job: PrerenderJob = { files: files.reverse(), options: { site, palette, basePath, cacheDir, input, mode, cache: true }, stop };
  const worker = new Worker(new URL("./prerender-bootstrap.mjs", import.meta.url), { workerData: job });
  let rendered = 0;
  worker.on("message", (message: { rendered: number }) => (rendered = message.rendered));
  // A worker that fails only costs speed: Eleventy renders whatever is not cached.
  const ended = new Promise<void>((resolve) => {
    worker.on("error", () => resolve());
    worker.on("exit", () => resolve());
  });
  return {
    async stop() {
      Atomics.store(new Int32Array(stop), 0, 1);
      await ended;
      return rendered;
    },
    async done() {
      await ended;
      return rendered;
    },
  };
}

