// What a build has to tell the person running it, gathered while Eleventy runs and printed once it is done.
// Plugins get the build's log in their options; the CLI and the dev server decide how to print it.

export class BuildLog {
  /** Lines printed even with --quiet: something the author may want to fix (undated pages, broken links) */
  readonly warnings: string[] = [];
  /** One-line summaries printed after the build (e.g. the link checker's "checked 120 links, 0 broken") */
  readonly summaries: string[] = [];

  warn(line: string): void {
    if (!this.warnings.includes(line)) this.warnings.push(line);
  }

  summary(line: string): void {
    if (!this.summaries.includes(line)) this.summaries.push(line);
  }

  /** Forget the last build's lines; the dev server reuses one log for every rebuild. */
  clear(): void {
    this.warnings.length = 0;
    this.summaries.length = 0;
  }
}
