// Runs one tool in a child process and measures it: wall seconds and peak memory of the process tree.
// GNU time's %M is the largest resident set of any process it waited for; without it, /proc is polled.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Measurement {
  seconds: number;
  /** CPU seconds (user + system) of the tree, steadier than wall time on a shared machine; NaN when unknown */
  cpuSeconds: number;
  /** Peak resident memory in MB, largest single process of the tree */
  peakMegabytes: number;
}

export interface Command {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

const GNU_TIME = "/usr/bin/time";

export async function measure(run: Command): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(path.join(tmpdir(), "quire-bench-time-"));
  const timeFile = path.join(scratch, "time");
  const [command, args] = useTime ? [GNU_TIME, ["-f", "%U %S %M", "-o", timeFile, run.command, ...run.args]] : [run.command, run.args];
  const started = performance.now();
  const child = spawn(command, args, { cwd: run.cwd, env: { ...process.env, ...run.env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let polledPeak = 0;
  const poll = useTime ? undefined : setInterval(() => (polledPeak = Math.max(polledPeak, treeRssKilobytes(child.pid ?? 0))), 25);
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve(status ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  try {
    if (code !== 0) throw new Error(`${run.command} ${run.args.join(" ")} exited with ${code}:\n${output.slice(-3000)}`);
    if (!useTime) return { seconds, cpuSeconds: NaN, peakMegabytes: polledPeak / 1024 };
    // GNU time writes "Command exited…" lines before the figures when the command fails; the last line is ours.
    const [user, system, kilobytes] = (readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "").split(" ").map(Number);
    return { seconds, cpuSeconds: (user ?? NaN) + (system ?? NaN), peakMegabytes: (kilobytes ?? NaN) / 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Resident memory of a process and its descendants, summed (Linux /proc). */
function treeRssKilobytes(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read it.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
