// How long the dev server (`npm start`) takes to serve an edited essay (edit one file, poll until the page
// changes), and to serve its first page on an empty cache.
import { spawn } from "node:child_process";
import { appendFileSync, rmSync } from "node:fs";
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

/** `npm start` on the benchmark's essays with its cache in `cacheDir` and its site in `output` (relative to the
 * workspace), and a way to stop it. */
function startServer(space: Workspace, cacheDir: string, output = "out-serve") {
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
      output,
      "--cache-dir",
      cacheDir,
      "--port",
      String(PORT),
    ],
    { cwd: space.dir, stdio: ["ignore", "ignore", "pipe"] },
  );
  const state = { errors: "" };
  server.stderr.on("data", (chunk: Buffer) => (state.errors += chunk.toString()));
  const stop = async () => {
    server.kill("SIGINT");
    const ended = await pollUntil(async () => server.exitCode !== null || server.signalCode !== null, 5000, 50);
    if (!ended) server.kill("SIGKILL");
  };
  return { state, stop };
}

/** Seconds from `npm start` with an empty cache (as after a fresh clone or an update of quire) to an essay
 * served, and to the search index written. */
export async function serveFirstStart(space: Workspace, files: string[]): Promise<{ page: number; index: number }> {
  const [cacheDir, output] = ["quire-cache-first-start", "out-serve-first-start"];
  for (const folder of [cacheDir, output]) rmSync(path.join(space.dir, folder), { recursive: true, force: true });
  const started = performance.now();
  const { state, stop } = startServer(space, cacheDir, output);
  try {
    const url = `http://localhost:${PORT}/${path.basename(files[0] as string, ".md")}/`;
    if (!(await pollUntil(async () => (await fetchText(url)) !== undefined, 600_000, 20))) throw new Error(`the dev server never served ${url}:\n${state.errors.slice(-2000)}`);
    const page = (performance.now() - started) / 1000;
    const index = `http://localhost:${PORT}/pagefind/bundles.json`;
    if (!(await pollUntil(async () => (await fetchText(index)) !== undefined, 600_000, 20))) throw new Error(`the dev server never wrote its search index:\n${state.errors.slice(-2000)}`);
    return { page, index: (performance.now() - started) / 1000 };
  } finally {
    await stop();
    for (const folder of [cacheDir, output]) rmSync(path.join(space.dir, folder), { recursive: true, force: true });
  }
}

/** Milliseconds from each edit's write to the served page showing it, one figure per edit. */
export async function serveEditLatency(space: Workspace, files: string[], edits: number): Promise<number[]> {
  const { state, stop } = startServer(space, "quire-cache");
  try {
    const file = files[Math.floor(files.length / 3)] as string;
    const url = `http://localhost:${PORT}/${path.basename(file, ".md")}/`;
    if (!(await pollUntil(async () => (await fetchText(url)) !== undefined, 600_000, 200))) {
      throw new Error(`the dev server never served ${url}:\n${state.errors.slice(-2000)}`);
    }
    // The search index is written after the first build, while pages are served: edits are timed once it is
    // written, and the watcher has settled.
    const index = `http://localhost:${PORT}/pagefind/bundles.json`;
    if (!(await pollUntil(async () => (await fetchText(index)) !== undefined, 600_000, 200))) {
      throw new Error(`the dev server never wrote its search index:\n${state.errors.slice(-2000)}`);
    }
    await sleep(1500);
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      const marker = `benchedit${Date.now()}x${i}`;
      const started = performance.now();
      appendFileSync(file, `\n${marker} was added by the benchmark\n`);
      const seen = await pollUntil(async () => (await fetchText(url))?.includes(marker) ?? false, 30_000, 5);
      if (!seen) throw new Error(`the dev server did not serve the edit of ${file} within 30 s:\n${state.errors.slice(-2000)}`);
      latencies.push(performance.now() - started);
      await sleep(1000);
    }
    return latencies;
  } finally {
    await stop();
  }
}
