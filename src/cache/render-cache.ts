// Rendered markdown on disk, one file per entry, keyed by a hash of everything the render depends on.
// An entry is trusted only when its header names its own key and its checksum matches: a truncated,
// garbled or half-written file reads as a miss and is rendered again, never served.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, type Dirent } from "node:fs";
import path from "node:path";
import { DAY_MS, STALE_TEMP_MS, tempPathFor } from "./temp-files.ts";

/** Bumped when the entry layout changes, so old entries are never misread. */
const FORMAT = 1;

export interface CacheEntry {
  /** The rendered HTML */
  html: string;
  /** Anything else worth keeping with the render, as JSON (e.g. a page's ids and links) */
  extra?: unknown;
}

interface Header {
  format: number;
  key: string;
  sum: string;
  extra?: unknown;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but not trusted (corrupt, partial, or another key's) */
  rejected: number;
  writes: number;
}

function sha256(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

function checksumOf(html: string, extra: unknown): string {
  return sha256(html, JSON.stringify(extra ?? null));
}

export class RenderCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  private readonly folder: string;

  /**
   * @param dir the cache folder (e.g. `.quire-cache/`); entries live in a `markdown/` folder inside it
   * @param salt everything every render depends on: quire's version and the settings that affect output
   */
  constructor(
    dir: string,
    private readonly salt: string,
  ) {
    this.folder = path.join(dir, "markdown");
  }

  /** The key of one render: the salt, the source text exactly as the renderer receives it, and the env parts it reads. */
  keyFor(source: string, envKey = ""): string {
    return sha256(this.salt, envKey, source);
  }

  private fileOf(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key}.html`);
  }

  /** Whether an entry exists under `key` (not whether it can be trusted: `read` checks that). */
  has(key: string): boolean {
    return existsSync(this.fileOf(key));
  }

  /** The entry stored under `key`, or undefined when there is none or it cannot be trusted. */
  read(key: string): CacheEntry | undefined {
    let text: string;
    try {
      text = readFileSync(this.fileOf(key), "utf8");
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const entry = parseEntry(text, key);
    if (entry) {
      this.stats.hits++;
      // Its time says it is in use: pruneRenderCache keeps it.
      touch(this.fileOf(key));
    } else this.stats.rejected++;
    return entry;
  }

  /** Stores an entry atomically: a temp file beside it, then a rename, so readers see all of it or none. */
  write(key: string, entry: CacheEntry): void {
    const file = this.fileOf(key);
    const header: Header = { format: FORMAT, key, sum: checksumOf(entry.html, entry.extra), extra: entry.extra };
    const temp = tempPathFor(file);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temp, `${JSON.stringify(header)}\n${entry.html}`);
      renameSync(temp, file);
      this.stats.writes++;
    } catch {
      // A cache that cannot be written (read-only folder, full disk) only costs speed.
      rmSync(temp, { force: true });
    }
  }
}

/** The entry in `text` if it is whole and is the one stored under `key`. */
export function parseEntry(text: string, key: string): CacheEntry | undefined {
  const newline = text.indexOf("\n");
  if (newline < 0) return undefined;
  let header: Partial<Header>;
  try {
    header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== "object" || header.format !== FORMAT || header.key !== key) return undefined;
  const html = text.slice(newline + 1);
  if (typeof header.sum !== "string" || header.sum !== checksumOf(html, header.extra)) return undefined;
  return header.extra === undefined ? { html } : { html, extra: header.extra };
}

function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only cache: its entries are only ever pruned by hand.
  }
}

/** Entries not read nor written for this long are removed (a page since edited or deleted, an older quire's). */
const UNUSED_DAYS = 30;

/** An entry's file name, or a temp file's being written (see `write`). */
const ENTRY = /^[0-9a-f]{64}\.html(\.\d+\.[0-9a-z]+\.tmp)?$/;

/** Removes the entries of the cache in `dir` no build has used for UNUSED_DAYS, and stale temp files, at most
 * once a day (the cache's `markdown/.pruned` file says when it last was). Only the cache's own files are looked
 * at: in its two-letter folders, named as entries are, not through links. Resolves with how many files went. */
export function pruneRenderCache(dir: string, now = Date.now()): number {
  const folder = path.join(dir, "markdown");
  const marker = path.join(folder, ".pruned");
  try {
    if (now - statSync(marker).mtimeMs < DAY_MS) return 0;
  } catch {
    // Never pruned: now.
  }
  let removed = 0;
  for (const sub of entriesOf(folder)) {
    if (!sub.isDirectory() || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
    for (const entry of entriesOf(path.join(folder, sub.name))) {
      const match = ENTRY.exec(entry.name);
      if (!entry.isFile() || !match) continue;
      const file = path.join(folder, sub.name, entry.name);
      try {
        if (now - lstatSync(file).mtimeMs > (match[1] ? STALE_TEMP_MS : UNUSED_DAYS * DAY_MS)) {
          rmSync(file, { force: true });
          removed++;
        }
      } catch {
        // Gone meanwhile, or not ours to remove.
      }
    }
  }
  try {
    writeFileSync(marker, `${new Date(now).toISOString()}\n`);
  } catch {
    // A read-only cache.
  }
  return removed;
}

/** A folder's entries (not followed through links), or none when it cannot be read. */
function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
