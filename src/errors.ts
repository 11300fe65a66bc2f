// Errors an author can act on: which file, which line, what is wrong, what to do.

export class QuireError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "QuireError";
  }

  /** `content/x.md:3: "color" is … \n  → hint` */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ""}: ` : "";
    return `${where}${this.message}${this.hint ? `\n  → ${this.hint}` : ""}`;
  }
}

/** A mistake in a page's markdown, found while rendering it: markdown-it sees only the text after the front
 * matter, so its line counts from there; the build's report names the file and turns it into the file's line. */
export class MarkdownMistake extends QuireError {
  constructor(
    message: string,
    /** 1-based, in the text markdown-it was given: after the front matter, and after Liquid */
    readonly bodyLine: number,
    /** That line's text, which of the lines with that text it is (1 for the first), and how many there are:
     * Liquid may have added or removed lines above it, so the file's own line is found by its text */
    readonly lineText: string,
    readonly occurrence: number,
    readonly occurrences: number,
    hint?: string,
  ) {
    super(message, undefined, undefined, hint);
  }
}

/** An error and what it wraps, outermost first: `cause`, else Eleventy's `originalError` (20 deep at most). */
export function* errorChain(error: unknown): Generator<unknown> {
  for (let current: unknown = error, depth = 0; current && depth < 20; depth++) {
    yield current;
    current = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
}

/** The first QuireError in an error's cause chain (Eleventy wraps what our hooks throw). */
export function findQuireError(error: unknown): QuireError | undefined {
  for (const current of errorChain(error)) {
    if (current instanceof QuireError) return current;
    if (current instanceof Error && (current as { name?: string }).name === "QuireError") return current as QuireError;
  }
  return undefined;
}

/** js-yaml's error (thrown through gray-matter) somewhere in the cause chain. */
export function findYamlError(error: unknown): { reason: string; line: number } | undefined {
  for (const current of errorChain(error)) {
    const candidate = current as { name?: string; reason?: string; mark?: { line?: number } };
    if (candidate.name === "YAMLException" && candidate.mark?.line !== undefined) {
      return { reason: candidate.reason ?? "invalid YAML", line: candidate.mark.line };
    }
  }
  return undefined;
}
