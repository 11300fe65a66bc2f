// Cold builds use both cores: a worker thread renders the pages' markdown into the build cache while Eleventy
// reads data and renders on the main thread, so Eleventy's own markdown renders become cache hits.
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BuildOptions } from "../build-options.ts";
import { readdirSync, readFileSync } from "node:fs";
import { splitBody } from "../frontmatter/split.ts";
import { renderCacheFor, renderSettings } from "../eleventy/build-cache.ts";
import { quireRoot } from "../paths.ts";
import type { RenderCache } from "./render-cache.ts";
import type { PageLinks } from "../links/collect.ts";

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

/** A page sent to the worker for its links (it reads them once through with its markdown). */
export interface LinksRequest {
  id: number;
  html: string;
}

/** The worker's answer: the page's links (sets as arrays) or why it could not read them. */
export type LinksReply =
  | { id: number; links: { ids: string[]; headings: string[]; links: PageLinks["links"] } }
  | { id: number; error: string };

export interface Prerender {
  /** Stops the worker after its current page; resolves with the pages it rendered or found cached */
  stop(): Promise<number>;
  /** Resolves when the worker has been through every page (or failed), with the pages it rendered or found cached */
  done(): Promise<number>;
  /** Reads a written page's links on the worker (through the build cache), so the main thread can go on
   * writing pages; resolves with undefined when the caller is to read them itself: the worker failed or stopped,
   * or this thread came round idle with pages still queued. */
  readLinks?: (html: string) => Promise<PageLinks | undefined>;
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

/** Pages sent to the worker for their links and not yet answered: enough to keep it busy between replies. */
const LINKS_IN_FLIGHT = 4;

/** Pages looked at to tell a warm cache from a cold one. */
const SAMPLES = 8;

/** True when at least two of a few pages spread over the site have no cached render: many pages changed (or
 * quire did). One miss is most likely the one page being edited, which Eleventy renders sooner itself. */
export function cacheLooksCold(files: string[], cache: RenderCache): boolean {
  const step = Math.max(1, Math.floor(files.length / SAMPLES));
  let misses = 0;
  for (let index = 0; index < files.length && misses < 2; index += step) {
    try {
      const body = splitBody(readFileSync(files[index] as string, "utf8"));
      if (!mayHoldLiquid(body) && !cache.has(cache.keyFor(body))) misses++;
    } catch {
      // Eleventy will report a page it cannot read.
    }
  }
  return misses >= 2;
}

/** The worker's entry: from src/, a bootstrap that loads the TypeScript through tsx; in the bundle src/launch.mjs
 * builds, the worker's own bundled entry beside this code. */
function workerEntry(): URL {
  return import.meta.url.endsWith(".ts") ? new URL("./prerender-bootstrap.mjs", import.meta.url) : new URL("./prerender-worker.mjs", import.meta.url);
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
  const worker = new Worker(workerEntry(), { workerData: job });
  let rendered = 0;
  let finished: (count: number) => void = () => {};
  const through = new Promise<number>((resolve) => (finished = resolve));
  // Pages for the link check: queued here, sent to the worker a couple at a time, and taken back by this thread
  // whenever its event loop comes round with pages still queued (so both threads read until the queue is empty).
  const queue: Array<{ html: string; answer: (links: PageLinks | undefined) => void }> = [];
  const waiting = new Map<number, (links: PageLinks | undefined) => void>();
  let nextId = 0;
  let alive = true;
  let stealing = false;
  const send = () => {
    while (alive && waiting.size < LINKS_IN_FLIGHT && queue.length > 0) {
      const { html, answer } = queue.shift()!;
      const id = nextId++;
      waiting.set(id, answer);
      worker.postMessage({ id, html } satisfies LinksRequest);
    }
  };
  const steal = () => {
    stealing = false;
    // Undefined: the link check reads the page on this thread.
    queue.pop()?.answer(undefined);
    if (queue.length > 0) {
      stealing = true;
      setImmediate(steal);
    }
  };
  worker.on("message", (message: { rendered: number } | LinksReply) => {
    if ("rendered" in message) {
      rendered = message.rendered;
      finished(rendered);
      return;
    }
    const answer = waiting.get(message.id);
    waiting.delete(message.id);
    answer?.("links" in message ? { ...message.links, ids: new Set(message.links.ids), headings: new Set(message.links.headings) } : undefined);
    send();
  });
  // A worker that fails only costs speed: Eleventy renders whatever is not cached.
  let failure: Error | undefined;
  const ended = new Promise<void>((resolve) => {
    const end = (error?: unknown) => {
      if (error instanceof Error) failure = error;
      alive = false;
      finished(rendered);
      for (const answer of waiting.values()) answer(undefined);
      waiting.clear();
      for (const { answer } of queue.splice(0)) answer(undefined);
      resolve();
    };
    worker.on("error", end);
    worker.on("exit", end);
  });
  return {
    async stop() {
      Atomics.store(new Int32Array(stop), 0, 1);
      worker.postMessage("close");
      await ended;
      if (process.env.QUIRE_DEBUG) console.error(`quire: the prerender worker rendered ${rendered} of ${files.length} pages${failure ? `, then failed: ${failure.message}` : ""}`);
      return rendered;
    },
    done: () => through,
    readLinks(html) {
      if (!alive) return Promise.resolve(undefined);
      // Eleventy writes pages only once every page's markdown is rendered: what the worker has left of its list
      // is cached already, so it stops walking it and turns to links.
      Atomics.store(new Int32Array(stop), 0, 1);
      return new Promise((answer) => {
        queue.push({ html, answer });
        send();
        if (queue.length > 0 && !stealing) {
          stealing = true;
          setImmediate(steal);
        }
      });
    },
  };
}
