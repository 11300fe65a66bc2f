// Heading ids the way kramdown's GFM parser makes them (`generate_gfm_header_id` in kramdown-parser-gfm).
import type Token from "markdown-it/lib/token.mjs";

/** Everything Ruby's `[^\p{Word}\- \t]` removes: \p{Word} is Alphabetic, marks, decimal digits, connectors. */
const NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** The base id kramdown derives from a heading's plain text, before any `-1` counter is added. */
export function kramdownSlug(text: string): string {
  return text.toLowerCase().replace(NON_WORD, "").replace(/[ \t]/g, "-");
}

/**
 * A heading's text as kramdown and markdown-it-toc-done-right both see it: text and code spans, formatting
 * dropped (entities and escapes are already text after markdown-it's `text_join`).
 */
export function headingPlainText(children: readonly Token[] | null): string {
  return (children ?? [])
    .filter((token) => token.type === "text" || token.type === "code_inline")
    .map((token) => token.content)
    .join("");
}

/**
 * Hands out unique ids for one page: kramdown's per-base counter (`foo`, `foo-1`, `foo-2`), but it keeps
 * counting past ids already taken, so a page never holds the same id twice (kramdown would repeat it).
 */
export class HeadingIdAllocator {
  private readonly counters = new Map<string, number>();
  private readonly taken: Set<string>;
  private readonly reserved: ReadonlySet<string>;

  /**
   * `reserved`: ids the author wrote on headings; automatic ids step around them wherever they are.
   * `taken`: ids the author wrote on anything else; no heading gets them.
   */
  constructor(reserved: Iterable<string> = [], taken: Iterable<string> = []) {
    this.reserved = new Set(reserved);
    this.taken = new Set(taken);
  }

  /** The next free id for a heading with this base (see `kramdownSlug`). */
  next(base: string): string {
    let counter = this.counters.get(base) ?? -1;
    let id: string;
    do {
      counter += 1;
      id = counter > 0 ? `${base}-${counter}` : base;
    } while (this.taken.has(id) || this.reserved.has(id));
    this.counters.set(base, counter);
    this.taken.add(id);
    return id;
  }

  /** Records an explicit id, returning it unchanged unless an earlier heading already holds it. */
  claim(id: string): string {
    if (!this.taken.has(id)) {
      this.taken.add(id);
      return id;
    }
    return this.next(id);
  }
}
