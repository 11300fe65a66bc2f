// The benchmark's table: median seconds (and the range over runs), ms per essay, peak memory, ratio to a baseline.
import type { Measurement } from "./measure.ts";

export type Row = { name: string; results: Measurement[] } | { name: string; skipped: string };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function secondsOf(row: Row | undefined): number | undefined {
  return row && "results" in row ? median(row.results.map((r) => r.seconds)) : undefined;
}

export function megabytesOf(row: Row | undefined): number | undefined {
  return row && "results" in row ? Math.max(...row.results.map((r) => r.peakMegabytes)) : undefined;
}

/** A markdown table, so it can be pasted into the README as it is. */
export function formatTable(rows: Row[], essays: number, baselineName: string): string {
  const baseline = rows.find((row) => row.name === baselineName);
  const [baseSeconds, baseMegabytes] = [secondsOf(baseline), megabytesOf(baseline)];
  const lines = [
    "| tool | seconds | ms per essay | CPU seconds | peak memory (MB) | time × Eleventy | memory × Eleventy |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    if (!("results" in row)) {
      lines.push(`| ${row.name} | skipped: ${row.skipped} | | | | | |`);
      continue;
    }
    const seconds = secondsOf(row) as number;
    const all = row.results.map((r) => r.seconds);
    const range = all.length > 1 ? ` (${Math.min(...all).toFixed(2)}–${Math.max(...all).toFixed(2)})` : "";
    const megabytes = megabytesOf(row) as number;
    const cpu = median(row.results.map((r) => r.cpuSeconds));
    lines.push(
      `| ${row.name} | ${seconds.toFixed(2)}${range} | ${((seconds * 1000) / essays).toFixed(2)} | ${cpu.toFixed(2)} | ${Math.round(megabytes)} | ` +
        `${baseSeconds ? (seconds / baseSeconds).toFixed(2) : "–"} | ${baseMegabytes ? (megabytes / baseMegabytes).toFixed(2) : "–"} |`,
    );
  }
  return lines.join("\n");
}
