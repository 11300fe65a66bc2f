// What the terminal says after a build: readable by a person, quiet for scripts.

export interface BuildSummaryInput {
  pages: number;
  written: number;
  milliseconds: number;
  warnings: readonly string[];
  summaries: readonly string[];
}

export interface BuildSummary {
  /** For stdout; empty with --quiet */
  lines: string[];
  /** For stderr, always */
  warnings: string[];
}

/** `1 page`, `2 pages` */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `quire: built 12 pages (+ 9 other files) into _site in 0.84 s`, the plugins' summaries, then warnings. */
export function buildSummary(result: BuildSummaryInput, output: string, quiet: boolean): BuildSummary {
  const others = result.written - result.pages;
  const lines = [
    `quire: built ${plural(result.pages, "page", "pages")}${others > 0 ? ` (+ ${plural(others, "other file", "other files")})` : ""} into ${output} in ${(result.milliseconds / 1000).toFixed(2)} s`,
    ...result.summaries.map((line) => `  ${line}`),
  ];
  return { lines: quiet ? [] : lines, warnings: result.warnings.map((line) => `quire: warning: ${line}`) };
}
