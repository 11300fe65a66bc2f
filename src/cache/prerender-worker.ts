// The prerender worker: renders pages' markdown into the build cache on the second core while Eleventy builds
// on the first. It takes pages from the end of the list, Eleventy from the start, so they rarely meet.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { splitSource } from "../frontmatter/split.ts";
import { configuredMarkdown } from "./configured-markdown.ts";
import { mayHoldLiquid, type PrerenderJob } from "./prerender.ts";

const job = workerData as PrerenderJob;
const stop = new Int32Array(job.stop);
const md = configuredMarkdown(job.options);
let rendered = 0;
for (const file of job.files) {
  if (Atomics.load(stop, 0) !== 0) break;
  try {
    const { body } = splitSource(readFileSync(file, "utf8"));
    if (mayHoldLiquid(body)) continue;
    // The render goes through the build cache's wrapper: a page already cached costs one read, others are stored.
    md.render(body, {});
    rendered++;
  } catch {
    // A page this cannot read or render is Eleventy's to report, with its file and line.
  }
}
parentPort?.postMessage({ rendered });
