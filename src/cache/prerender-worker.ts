// The prerender worker: renders pages' markdown into the build cache on the second core while Eleventy builds
// on the first. It takes pages from the end of the list, Eleventy from the start, so they rarely meet.
// Once through the list it reads written pages' links for the link check, while Eleventy writes the rest.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { splitBody } from "../frontmatter/split.ts";
import { configuredMarkdown } from "./configured-markdown.ts";
import { mayHoldLiquid, type LinksReply, type LinksRequest, type PrerenderJob } from "./prerender.ts";
import { cachedPageLinks } from "./cached-page-links.ts";
import { renderCacheFor, renderSettings } from "../eleventy/build-cache.ts";
import { withDefaults } from "../build-options.ts";
import { quireRoot } from "../paths.ts";

const job = workerData as PrerenderJob;
const stop = new Int32Array(job.stop);
const md = configuredMarkdown(job.options);
let rendered = 0;
for (const file of job.files) {
  if (Atomics.load(stop, 0) !== 0) break;
  try {
    const body = splitBody(readFileSync(file, "utf8"));
    if (mayHoldLiquid(body)) continue;
    // The render goes through the build cache's wrapper: a page already cached costs one read, others are stored.
    md.render(body, {});
    rendered++;
  } catch {
    // A page this cannot read or render is Eleventy's to report, with its file and line.
  }
}
parentPort?.postMessage({ rendered });

const options = withDefaults(job.options);
const readLinks = cachedPageLinks(renderCacheFor({ dir: path.resolve(options.cacheDir), quireRoot, settings: renderSettings(options) }));
parentPort?.on("message", (request: LinksRequest | "close") => {
  if (request === "close") {
    parentPort?.close();
    return;
  }
  let reply: LinksReply;
  try {
    const { ids, headings, links } = readLinks(request.html);
    reply = { id: request.id, links: { ids: [...ids], headings: [...headings], links } };
  } catch (error) {
    reply = { id: request.id, error: String(error) };
  }
  parentPort?.postMessage(reply);
});
