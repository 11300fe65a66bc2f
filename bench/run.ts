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

/** One build of a round: measured once a round, so that the host's load, which drifts over minutes, weighs on
 * every tool alike (rounds, not each tool's runs back to back). */
interface Step {
  /** The table's row; undefined: a build run for what it leaves behind, not measured */
  name?: string;
  command?: () => Command | Promise<Command>;
  before?: () => void;
  /** Why the tool is not measured */
  skipped?: string;
}

const clearCache = () => rmSync(cacheDir, { recursive: true, force: true });
let edits = 0;
const steps: Step[] = [];
if (tools.has("eleventy")) steps.push({ name: "Eleventy 3, markdown only", command: () => vanillaEleventy(space) });
if (tools.has("quire")) {
  steps.push(
    { name: "quire, no cache (--no-cache)", command: () => quireBuild(space, ["--no-cache"]) },
    { name: "quire, cold (empty cache)", command: () => quireBuild(space), before: clearCache },
    // Where the cold build's time goes: the same build without the search index, and Pagefind alone over it.
    { name: "quire, cold, no search index (--no-search)", command: () => quireBuild(space, ["--no-search"]), before: clearCache },
    { name: "Pagefind alone, over quire's site in one run", command: () => pagefindAlone(space) },
    // The warm build comes after a build with the index: the cache holds its shards.
    { command: () => quireBuild(space) },
    { name: "quire, warm (nothing changed)", command: () => quireBuild(space) },
    {
      name: "quire, one essay edited",
      command: () => quireBuild(space),
      // A new paragraph at the end of one essay: its render misses the cache, every other essay hits.
      before: () => appendFileSync(files[Math.floor(files.length / 2)] as string, `\nedit number ${++edits} by the benchmark\n`),
    },
  );
}
if (tools.has("jekyll")) {
  const version = installedVersion("jekyll", ["--version"], { JEKYLL_NO_BUNDLER_REQUIRE: "true" });
  const name = `Jekyll${version ? ` ${version.replace(/^jekyll /, "")}` : ""}, kramdown GFM`;
  steps.push(version ? { name, command: () => jekyll(space) } : { name, skipped: "jekyll is not installed" });
  if (!version) console.log(`  ${name}: skipped (jekyll is not installed)`);
}
if (tools.has("hugo")) {
  const version = installedVersion("hugo", ["version"]);
  const short = /v(\d+\.\d+\.\d+)/.exec(version ?? "")?.[1];
  const name = `Hugo${short ? ` ${short}` : ""}`;
  steps.push(version ? { name, command: () => hugo(space) } : { name, skipped: "hugo is not installed" });
  if (!version) console.log(`  ${name}: skipped (hugo is not installed)`);
}

const measured = new Map<string, Measurement[]>();
try {
  for (let round = 1; round <= runs; round++) {
    if (runs > 1) console.log(`round ${round} of ${runs}`);
    for (const step of steps) {
      if (step.skipped || !step.command) continue;
      step.before?.();
      const result = await measure(await step.command());
      if (step.name === undefined) continue;
      measured.set(step.name, [...(measured.get(step.name) ?? []), result]);
      console.log(`  ${step.name}: ${result.seconds.toFixed(2)} s`);
    }
  }
  const rows: Row[] = steps.flatMap((step): Row[] => {
    if (step.name === undefined) return [];
    if (step.skipped) return [{ name: step.name, skipped: step.skipped }];
    return [{ name: step.name, results: measured.get(step.name) ?? [] }];
  });
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
    const bigger: Measurement[] = [];
    for (let round = 0; round < runs; round++) {
      clearCache();
      bigger.push(await measure(quireBuild(space)));
    }
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
