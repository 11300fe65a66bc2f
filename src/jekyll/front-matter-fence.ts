// Whether a file starts with front matter, by Jekyll's test: a first line of "---".
import { closeSync, openSync, readSync } from "node:fs";

export function hasFrontMatter(file: string): boolean {
  const descriptor = openSync(file, "r");
  try {
    // The first line is all that matters; a few bytes spare a read of large images and fonts.
    const head = Buffer.alloc(16);
    const length = readSync(descriptor, head, 0, head.length, 0);
    return /^---[ \t]*\r?\n/.test(head.subarray(0, length).toString("utf8"));
  } finally {
    closeSync(descriptor);
  }
}
