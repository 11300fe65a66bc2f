// The build cache's files are written under a temp name of their own and renamed into place, so no reader sees
// half of one and two builds writing the same entry never share a temp file.

/** A temp file or folder of the cache older than this was left by a build that stopped. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

export const DAY_MS = 86_400_000;

/** A name beside `file` for this process to write it under: `<file>.<pid>.<random>.tmp`. */
export function tempPathFor(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}
