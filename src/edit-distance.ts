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

/** The candidate closest to `wanted` (compared by `key`, the candidate itself by default), with its distance;
 * undefined when there are no candidates. Of candidates equally close, the one that sorts first wins, so the
 * answer never depends on the order they come in. */
export function closest<T extends string>(
  wanted: string,
  candidates: Iterable<T>,
  key: (candidate: T) => string = (candidate) => candidate,
): { value: T; distance: number } | undefined {
  let best: { value: T; distance: number } | undefined;
  for (const value of candidates) {
    const distance = editDistance(wanted, key(value));
    if (!best || distance < best.distance || (distance === best.distance && value < best.value)) best = { value, distance };
  }
  return best;
}

/** The closest candidate when it is alike enough to be what was meant: at most two edits in three of the
 * longer of the two words (a word that shares a letter or two is no suggestion). */
export function likelyMeant<T extends string>(wanted: string, candidates: Iterable<T>, key: (candidate: T) => string = (c) => c): T | undefined {
  const best = closest(wanted, candidates, key);
  return best && best.distance * 3 <= Math.max(wanted.length, key(best.value).length) * 2 ? best.value : undefined;
}
