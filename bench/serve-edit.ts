// How long the dev server (`npm start`) takes to serve an edited essay: edit one file, poll until the page changes.
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Workspace } from "./tools.ts";

const PORT = 8391;

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

async function pollUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await sleep(intervalMs);
  }
  return false;
}

/** Milliseconds from each edit's write to the served page showing it, one figure per edit. */
export async function serveEditLatency(space: Workspace, files: string[], edits: number): Promise<number[]> {
  // Run from the site's folder with relative paths, as `npm start` runs on content/ (Eleventy's watcher
  // matches changed files to pages by their relative paths).
  const server = spawn(
    process.execPath,
    [
      path.join(space.root, "src/launch.mjs"),
      "serve",
      "--quiet",
      "--input",
      path.relative(space.dir, space.essays),
      "--output",
      "out-serve",
      "--cache-dir",
      "quire-cache",
      "--port",
      String(PORT),
    ],
    { cwd: space.dir, stdio: ["ignore", "ignore", "pipe"] },
  );
  let errors = "";
  server.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  try {
    const file = files[Math.floor(files.length / 3)] as string;
    const url = `http://localhost:${PORT}/${path.basename(file, ".md")}/`;
    if (!(await pollUntil(async () => (await fetchText(url)) !== undefined, 600_000, 200))) {
      throw new Error(`the dev server never served ${url}:\n${errors.slice(-2000)}`);
    }
    // The search index is written after the first build, while pages are served: edits are timed once it is
    // written, and the watcher has settled.
    const index = `http://localhost:${PORT}/pagefind/bundles.json`;
    if (!(await pollUntil(async () => (await fetchText(index)) !== undefined, 600_000, 200))) {
      throw new Error(`the dev server never wrote its search index:\n${errors.slice(-2000)}`);
    }
    await sleep(1500);
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      const marker = `benchedit${Date.now()}x${i}`;
      const started = performance.now();
      appendFileSync(file, `\n${marker} was added by the benchmark\n`);
      const seen = await pollUntil(async () => (await fetchText(url))?.includes(marker) ?? false, 30_000, 5);
      if (!seen) throw new Error(`the dev server did not serve the edit of ${file} within 30 s:\n${errors.slice(-2000)}`);
      latencies.push(performance.now() - started);
      await sleep(1000);
    }
    return latencies;
  } finally {
    server.kill("SIGINT");
    const ended = await pollUntil(async () => server.exitCode !== null || server.signalCode !== null, 5000, 50);
    if (!ended) server.kill("SIGKILL");
  }
}
