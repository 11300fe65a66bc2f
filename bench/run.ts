// `npm run bench -- --essays N`: generates N essays and builds them with quire (cold, warm, one essay edited),
// vanilla Eleventy, Jekyll and Hugo, each in a child process, and prints one table. See README "Speed".
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeEssays } from "./essays.ts";
import { measure, type Command, type Measurement } from "./measure.ts";
import { serveEditLatency, serveFirstStart } from "./serve-edit.ts";
import { formatTable, median, secondsOf, type Row } from "./table.ts";
import { formatTargets } from "./targets.ts";
import { hugo, installedVersion, jekyll, pagefindAlone, quireBuild, vanillaEleventy, type Workspace } from "./tools.ts";
import { quireRoot } from "../src/paths.ts";

const TOOLS = ["quire", "eleventy", "jekyll", "hugo", "serve"] as const;
type Tool = (typeof TOOLS)[number];

const { values } = parseArgs({
  options: {
    essays: { type: "string", default: "1000" },
    runs: { type: "string", default: "1" },
    tools: { type: "string", default: TOOLS.join(",") },
    keep: { type: "boolean", default: false },
    // The cost must grow linearly: a cold build of `scale` times as many essays, after the rest.
    scale: { type: "string", default: "4" },
  },
});
const count = Number(values.essays);
const runs = Number(values.runs);
const scale = Number(values.scale);
const tools = new Set(values.tools.split(",") as Tool[]);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(scale) || scale < 1) {
  console.error("usage: npm run bench -- [--essays N] [--runs R] [--tools quire,eleventy,jekyll,hugo,serve] [--scale K (1: none)] [--keep]");
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), "quire-bench-"));
const space: Workspace = { root: quireRoot, dir, essays: path.join(dir, "essays") };
console.log(`generating ${count} essays in ${space.essays} …`);
const files = writeEssays(space.essays, count);
const cacheDir = path.join(dir, "quire-cache");

/** `repeat` for a command that takes a moment to make. */
async function repeatAsync(command: () => Promise<Command>): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure(await command()));
  return results;
}

/** Runs a command `runs` times (with `before` each time) and keeps every measurement. */
async function repeat(command: () => Command, before: () => void = () => {}): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    results.push(await measure(command()));
  }
  return results;
}

const rows: Row[] = [];
const add = (name: string, results: Measurement[] | string) => {
  rows.push(typeof results === "string" ? { name, skipped: results } : { name, results });
  console.log(typeof results === "string" ? `  ${name}: skipped (${results})` : `  ${name}: ${results.map((r) => r.seconds.toFixed(2)).join(", ")} s`);
};

try {
  if (tools.has("eleventy")) add("Eleventy 3, markdown only", await repeat(() => vanillaEleventy(space)));
  if (tools.has("quire")) {
    const clearCache = () => rmSync(cacheDir, { recursive: true, force: true });
    add("quire, no cache (--no-cache)", await repeat(() => quireBuild(space, ["--no-cache"])));
    add("quire, cold (empty cache)", await repeat(() => quireBuild(space), clearCache));
    // Where the cold build's time goes: the same build without the search index, and Pagefind alone over it.
    add("quire, cold, no search index (--no-search)", await repeat(() => quireBuild(space, ["--no-search"]), clearCache));
    add("Pagefind alone, over quire's site in one run", await repeatAsync(() => pagefindAlone(space)));
    // The warm build after a build with the index: the cache holds its shards.
    await measure(quireBuild(space));
    add("quire, warm (nothing changed)", await repeat(() => quireBuild(space)));
    let edits = 0;
    // A new paragraph at the end of one essay: its render misses the cache, every other essay hits.
    const editOne = () => appendFileSync(files[Math.floor(files.length / 2)] as string, `\nedit number ${++edits} by the benchmark\n`);
    add("quire, one essay edited", await repeat(() => quireBuild(space), editOne));
  }
  if (tools.has("jekyll")) {
    const version = installedVersion("jekyll", ["--version"], { JEKYLL_NO_BUNDLER_REQUIRE: "true" });
    add(`Jekyll${version ? ` ${version.replace(/^jekyll /, "")}` : ""}, kramdown GFM`, version ? await repeat(() => jekyll(space)) : "jekyll is not installed");
  }
  if (tools.has("hugo")) {
    const version = installedVersion("hugo", ["version"]);
    const short = /v(\d+\.\d+\.\d+)/.exec(version ?? "")?.[1];
    add(`Hugo${short ? ` ${short}` : ""}`, version ? await repeat(() => hugo(space)) : "hugo is not installed");
  }
  const machine = `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`;
  console.log(`\n${count} essays (${runs} run${runs > 1 ? "s" : ""} each, median and range), ${machine}\n`);
  console.log(formatTable(rows, count, "Eleventy 3, markdown only"));
  let serveMs: number | undefined;
  if (tools.has("serve")) {
    console.log("\nmeasuring the dev server: one essay edited, until the served page changes …");
    const latencies = await serveEditLatency(space, files, runs < 3 ? 3 : runs);
    serveMs = median(latencies);
    console.log(`npm start, one essay edited → served: ${latencies.map((ms) => `${Math.round(ms)} ms`).join(", ")}`);
    const first = await serveFirstStart(space, files);
    console.log(`npm start on an empty cache: an essay served after ${first.page.toFixed(2)} s, the search index written after ${first.index.toFixed(2)} s`);
  }
  let scaled: { essays: number; ratio: number } | undefined;
  if (tools.has("quire") && scale > 1) {
    const essays = count * scale;
    console.log(`\nwriting ${essays} essays for a cold build of ${scale}× as many …`);
    writeEssays(space.essays, essays);
    const bigger = await repeat(() => quireBuild(space), () => rmSync(cacheDir, { recursive: true, force: true }));
    const seconds = median(bigger.map((r) => r.seconds));
    const base = secondsOf(rows.find((r) => r.name.startsWith("quire, cold")));
    console.log(`quire, cold, ${essays} essays: ${seconds.toFixed(2)} s, ${Math.round(Math.max(...bigger.map((r) => r.peakMegabytes)))} MB peak`);
    if (base !== undefined) scaled = { essays, ratio: seconds / base };
  }
  console.log(`\n${formatTargets(rows, serveMs, scaled && { ...scaled, scale })}`);
} finally {
  if (values.keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
