// The speed targets, checked against one run's table (ratios, so a slower machine still compares).
import { megabytesOf, secondsOf, type Row } from "./table.ts";

interface Target {
  what: string;
  /** The measured ratio or figure, undefined when a tool needed for it was skipped */
  value: number | undefined;
  limit: number;
  /** "at most" or "at least" the limit */
  atMost: boolean;
  unit: string;
}

/** `scaled`: a cold build of `scale` times the essays took `ratio` times as long. */
export function formatTargets(rows: Row[], serveMs: number | undefined, scaled?: { essays: number; scale: number; ratio: number }): string {
  const row = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
  const [eleventy, cold, warm, jekyll] = [row("Eleventy"), row("quire, cold"), row("quire, warm"), row("Jekyll")];
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : undefined);
  const targets: Target[] = [
    { what: "cold build ÷ vanilla Eleventy", value: ratio(secondsOf(cold), secondsOf(eleventy)), limit: 1.25, atMost: true, unit: "×" },
    { what: "Jekyll ÷ cold build", value: ratio(secondsOf(jekyll), secondsOf(cold)), limit: 5, atMost: false, unit: "×" },
    { what: "warm build ÷ cold build", value: ratio(secondsOf(warm), secondsOf(cold)), limit: 0.4, atMost: true, unit: "×" },
    { what: "dev server, one essay edited → served", value: serveMs, limit: 300, atMost: true, unit: " ms" },
    { what: "peak memory of the cold build ÷ Eleventy's", value: ratio(megabytesOf(cold), megabytesOf(eleventy)), limit: 1.2, atMost: true, unit: "×" },
    { what: "peak memory of the warm build ÷ Eleventy's", value: ratio(megabytesOf(warm), megabytesOf(eleventy)), limit: 1.2, atMost: true, unit: "×" },
    // Linear growth, with 15% to spare: 4× the essays in at most 4.6× the time.
    { what: `cold build of ${scaled ? scaled.essays : "4×"} essays ÷ the cold build`, value: scaled?.ratio, limit: (scaled?.scale ?? 4) * 1.15, atMost: true, unit: "×" },
  ];
  const lines = ["| target | measured | limit | met |", "| --- | ---: | ---: | --- |"];
  // Not targets: the split of the cold build, to read the first two against.
  const [bare, pagefind] = [row("quire, cold, no search"), row("Pagefind alone")];
  const notes = [
    { what: "cold build without the search index ÷ vanilla Eleventy", value: ratio(secondsOf(bare), secondsOf(eleventy)) },
    { what: "Pagefind alone ÷ vanilla Eleventy", value: ratio(secondsOf(pagefind), secondsOf(eleventy)) },
    { what: "Jekyll ÷ cold build without the search index", value: ratio(secondsOf(jekyll), secondsOf(bare)) },
  ];
  for (const target of targets) {
    const measured = target.value === undefined ? "–" : `${target.value.toFixed(target.unit === " ms" ? 0 : 2)}${target.unit}`;
    const met = target.value === undefined ? "not measured" : (target.atMost ? target.value <= target.limit : target.value >= target.limit) ? "yes" : "no";
    lines.push(`| ${target.what} | ${measured} | ${target.atMost ? "≤" : "≥"} ${target.limit}${target.unit} | ${met} |`);
  }
  for (const note of notes) if (note.value !== undefined) lines.push(`| (for reference) ${note.what} | ${note.value.toFixed(2)}× | | |`);
  return lines.join("\n");
}
