// How far apart two words are, for did-you-mean suggestions.

/** Levenshtein distance: how many single-character edits turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `wanted`, with its distance; undefined when there are no candidates. */
export function closest(wanted: string, candidates: Iterable<string>): { value: string; distance: number } | undefined {
  let best: { value: string; distance: number } | undefined;
  for (const value of candidates) {
    const distance = editDistance(wanted, value);
    if (!best || distance < best.distance) best = { value, distance };
  }
  return best;
}
