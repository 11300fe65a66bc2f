// The site's Pagefind index, in shards: pages are split by a hash of their URL into bundles of a few hundred,
// each indexed by Pagefind's command line on its own and kept in the cache under a hash of its pages. An edit
// re-indexes one shard, not the site, and Pagefind's memory stays that of one shard however large the site.
// The search page loads the first bundle and merges the rest (public/scripts/search.js reads the manifest).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newFileMode } from "./output-folder.ts";
import { DAY_MS, STALE_TEMP_MS, tempPathFor } from "./cache/temp-files.ts";

// Part of every shard's key: another Pagefind writes another index. (Its package.json is not in its exports.)
const pagefindVersion = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }
).version;

/** The contents box repeats the headings, the home page's list repeats other pages' excerpts. */
export const EXCLUDED = ["nav.toc", ".heading-anchor", ".page-list"];

/** Where the search page finds the bundles, relative to the site's `pagefind/` folder. */
export const MANIFEST = "bundles.json";

/** Pages a shard holds at most (env QUIRE_SEARCH_SHARD_PAGES overrides it, for tests). */
export function shardPages(): number {
  const fromEnv = Number(process.env.QUIRE_SEARCH_SHARD_PAGES);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 250;
}

interface IndexedPage {
  url: string;
  /** The page's HTML file: as Eleventy wrote it, relative to the site folder once in a shard */
  file: string;
  /** A hash of the page as written */
  hash: string;
  /** In a live site, the file's state when it was hashed (see fileState) */
  written?: string;
}

export interface IndexWritten {
  pages: number;
  bundles: number;
  /** Bundles Pagefind indexed; the others were the cache's */
  indexed: number;
}

export class SearchIndex {
  readonly #pages: IndexedPage[] = [];

  /** @param cacheDir where shards are kept for reuse; undefined: always index afresh
   * @param owner names the site in the cache: other sites building with the same cache keep their shards
   * @param live the site may change while it is indexed (the dev server's): pages are known by the bytes of
   *   their files, and a shard whose files were written while Pagefind read them (even back to what they were)
   *   is not cached */
  constructor(
    private readonly cacheDir?: string,
    private readonly perShard = shardPages(),
    private readonly owner = "",
    private readonly live = false,
  ) {}

  /** Notes a page to index (one Pagefind finds: it has `data-pagefind-body`) written to `file`. */
  add(url: string, file: string, content: string): void {
    if (!content.includes("data-pagefind-body")) return;
    this.#pages.push({ url, file, hash: createHash("sha1").update(content).digest("hex") });
  }

  /** Writes `site/pagefind/`: one bundle per shard, copied from the cache or indexed afresh, and the manifest.
   * Resolves with how many pages and bundles it holds, and how many bundles Pagefind indexed (the rest came
   * from the cache). */
  async write(site: string, signal?: AbortSignal): Promise<IndexWritten> {
    if (this.live) for (const page of this.#pages) Object.assign(page, fileState(page.file));
    const shards = this.#shards(site);
    const target = path.join(site, "pagefind");
    // The dev server writes into the site it served last: none of the old index's files stays, or is written over.
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    // The mode Pagefind's files get here: a cached shard's files must have it (they become the site's own).
    const fileMode = newFileMode(target);
    const missing: Array<{ shard: IndexedPage[]; bundle: string; cached?: string }> = [];
    const keyed = shards.map((shard) => ({ shard, key: shardKey(shard, shards.length) }));
    // Claimed before any is used: another site's build sharing the cache leaves them be.
    if (this.cacheDir) claimShards(this.cacheDir, this.owner, keyed.map(({ key }) => key));
    for (const [number, { shard, key }] of keyed.entries()) {
      const bundle = path.join(target, String(number));
      const cached = this.cacheDir ? path.join(this.cacheDir, "search", key) : undefined;
      if (cached && linkedFromCache(cached, bundle, fileMode)) continue;
      missing.push({ shard, bundle, cached });
    }
    // Two Pagefinds at a time: each leaves part of a core idle while it reads and writes files.
    // After a failure no shard starts; the one still running finishes before the failure is thrown, so no Pagefind
    // goes on writing into a site being discarded.
    let failure: { error: unknown } | undefined;
    const next = async (): Promise<void> => {
      const job = failure || signal?.aborted ? undefined : missing.shift();
      if (!job) return;
      try {
        await indexShard(site, job.shard, job.bundle, signal);
        const unchanged = !this.live || job.shard.every((page) => page.written !== undefined && page.written === writtenState(path.join(site, page.file)));
        if (job.cached && unchanged) cacheShard(job.bundle, job.cached);
      } catch (error) {
        failure ??= { error };
        return;
      }
      await next();
    };
    const indexed = missing.length;
    await Promise.all([next(), next()]);
    if (failure) throw failure.error;
    signal?.throwIfAborted();
    writeFileSync(path.join(target, MANIFEST), `${JSON.stringify({ bundles: shards.map((_, number) => `${number}/`) })}\n`);
    if (this.cacheDir) pruneShards(this.cacheDir, keyed.map(({ key }) => key));
    return { pages: this.#pages.length, bundles: shards.length, indexed };
  }

  /** Pages split by a hash of their URL, so a page stays in its shard while the site grows within a size;
   * their files relative to `site`. */
  #shards(site: string): IndexedPage[][] {
    const count = Math.max(1, Math.ceil(this.#pages.length / this.perShard));
    const shards: IndexedPage[][] = Array.from({ length: count }, () => []);
    for (const page of [...this.#pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
      const file = path.relative(path.resolve(site), path.resolve(page.file));
      shards[createHash("sha1").update(page.url).digest().readUInt32BE(0) % count]?.push({ ...page, file });
    }
    // An empty shard (a tiny site with an unlucky hash) would be an empty bundle: leave it out.
    return shards.filter((shard) => shard.length > 0);
  }
}

/** A page's file as it is now: a hash of its bytes, and what says whether it was written since (its inode, size
 * and change time, which a write sets even when it writes the same bytes back). `written` is undefined when the
 * file changed while it was read, or is gone. */
function fileState(file: string): { hash: string; written?: string } {
  const before = writtenState(file);
  let hash: string;
  try {
    hash = createHash("sha1").update(readFileSync(file)).digest("hex");
  } catch {
    return { hash: "missing" };
  }
  return { hash, written: before !== undefined && before === writtenState(file) ? before : undefined };
}

function writtenState(file: string): string | undefined {
  try {
    const { ino, size, ctimeNs, mtimeNs } = statSync(file, { bigint: true });
    return `${ino}:${size}:${ctimeNs}:${mtimeNs}`;
  } catch {
    return undefined;
  }
}

function shardKey(shard: IndexedPage[], count: number): string {
  const hash = createHash("sha256").update(`pagefind ${pagefindVersion}\0${EXCLUDED.join(",")}\0${UNUSED.source}\0${count}\0`);
  for (const page of shard) hash.update(`${page.url}\0${page.file}\0${page.hash}\0`);
  return hash.digest("hex");
}

/** Where each site building with the cache names the shards its last build used. */
const CLAIMS = "search-claims";

/** A claim not renewed for this long (its site not built) no longer keeps its shards. */
const CLAIM_DAYS = 30;

/** Notes the shards `owner`'s site uses now, in place of those its last build used. */
function claimShards(cacheDir: string, owner: string, keys: string[]): void {
  const folder = path.join(cacheDir, CLAIMS);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${createHash("sha256").update(owner).digest("hex").slice(0, 24)}.json`);
  const temp = tempPathFor(file);
  writeFileSync(temp, `${JSON.stringify({ owner, keys })}\n`);
  renameSync(temp, file);
}

/** Removes the cached shards no site claims any more, claims older than CLAIM_DAYS, and what a build stopped
 * while caching a shard left; `kept` are this build's. A claim that cannot be read keeps nothing. */
function pruneShards(cacheDir: string, kept: Iterable<string>): void {
  const claimed = new Set(kept);
  const claims = path.join(cacheDir, CLAIMS);
  const now = Date.now();
  for (const name of existsSync(claims) ? readdirSync(claims) : []) {
    const file = path.join(claims, name);
    try {
      const age = now - statSync(file).mtimeMs;
      if (name.endsWith(".tmp") ? age > STALE_TEMP_MS : age > CLAIM_DAYS * DAY_MS) {
        rmSync(file, { force: true });
        continue;
      }
      if (name.endsWith(".json")) for (const key of (JSON.parse(readFileSync(file, "utf8")) as { keys: string[] }).keys) claimed.add(key);
    } catch {
      // Gone meanwhile, or being written: it claims nothing this time.
    }
  }
  const shards = path.join(cacheDir, "search");
  for (const entry of existsSync(shards) ? readdirSync(shards) : []) {
    if (claimed.has(entry)) continue;
    const folder = path.join(shards, entry);
    try {
      // Another build's shard being cached is left to it, unless its build is long gone.
      if (entry.endsWith(".tmp") && now - statSync(folder).mtimeMs < STALE_TEMP_MS) continue;
    } catch {
      continue;
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Links a cached shard's files into the site, if it is as it was cached. The site shares its files, and a file
 * edited in place there (or cut short, or given another mode) must not come back in the next build; nor may a
 * shard another build was pruning be linked short. Otherwise false, nothing is left at `bundle`, and the shard is
 * indexed afresh. `mode`: the mode a file written in the site now gets, which its files must have (a shard cached
 * by a build under another umask would be published unreadable, or writable, to others). */
export function linkedFromCache(cached: string, bundle: string, mode: number): boolean {
  const recorded = recordedSizes(cached);
  if (!recorded) return false;
  try {
    linkTree(cached, bundle);
    const linked = filesIn(bundle);
    if (
      Object.keys(linked).length === Object.keys(recorded).length &&
      Object.entries(recorded).every(([name, size]) => linked[name]?.size === size && linked[name].mode === mode)
    )
      return true;
  } catch {
    // Gone while being linked.
  }
  rmSync(bundle, { recursive: true, force: true });
  return false;
}

/** Keeps a bundle Pagefind wrote in the cache: hard links in a temp folder renamed into place, so a
 * half-written shard is never reused. */
function cacheShard(bundle: string, cached: string): void {
  mkdirSync(path.dirname(cached), { recursive: true });
  // A name of its own: another build of the same pages may be caching the same shard.
  const temp = tempPathFor(cached);
  linkTree(bundle, temp);
  writeFileSync(path.join(temp, SIZES), JSON.stringify(Object.fromEntries(Object.entries(filesIn(temp)).map(([name, { size }]) => [name, size]))));
  rmSync(cached, { recursive: true, force: true });
  try {
    renameSync(temp, cached);
  } catch {
    // The other build put it there first.
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Files of a Pagefind bundle no page of the site loads: its UI scripts and styles, its highlighter. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** In a cached shard: the size of each of its files when it was cached. */
const SIZES = "quire-sizes.json";

/** Every file under `folder` (but the sizes file) with its size and permission bits, by posix path. */
function filesIn(folder: string): Record<string, { size: number; mode: number }> {
  const files: Record<string, { size: number; mode: number }> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
    const stats = statSync(path.join(folder, name));
    if (stats.isFile() && name !== SIZES) files[name.split(path.sep).join("/")] = { size: stats.size, mode: stats.mode & 0o7777 };
  }
  return files;
}

/** The size of each file of a cached shard when it was cached; undefined when it has no such record. */
function recordedSizes(cached: string): Record<string, number> | undefined {
  try {
    const recorded = JSON.parse(readFileSync(path.join(cached, SIZES), "utf8")) as Record<string, number>;
    return "pagefind-entry.json" in recorded ? recorded : undefined;
  } catch {
    return undefined;
  }
}

/** Hard links to every file under `from`, at the same places under `to` (copies across file systems), but the
 * cache's sizes file. A bundle's files are written once by Pagefind and never changed in place: the cache and
 * the site can share them, and a warm build does not copy the index's megabytes. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.name !== SIZES) linkOrCopy(source, target);
  }
}

/** Errors of linkSync that a copy gets round: another file system, or one without hard links. */
const CANNOT_LINK = new Set(["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "EACCES"]);

/** A hard link at `target` (which must not exist: nothing is written over), else a copy. */
function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    copyFileSync(source, target, constants.COPYFILE_EXCL);
  }
}

/** Paths a Pagefind glob names literally: letters and digits of any script, `.`, `_`, `-` and `/`; none of the
 * glob's own characters (`{`, `,`, `*`, `[`, `\\`…), nor spaces. */
const GLOB_SAFE = /^[\p{L}\p{N}._/-]+$/u;

/** The glob naming exactly these files (posix paths relative to the site), or undefined when one of them has a
 * character a glob would read as syntax. */
export function globFor(files: string[]): string | undefined {
  const posix = files.map((file) => file.split(path.sep).join("/"));
  if (posix.length === 0 || !posix.every((file) => GLOB_SAFE.test(file) && !file.split("/").includes(".."))) return undefined;
  const glob = posix.length === 1 ? posix[0] : `{${posix.join(",")}}`;
  // Windows takes a command line of 32,767 characters at most.
  return glob && glob.length <= GLOB_LENGTH ? glob : undefined;
}

/** The longest glob passed on a command line. */
const GLOB_LENGTH = 30_000;

/** Pagefind's command line over one shard's pages, written to `bundle`: it reads the site in place, told the
 * shard's files by a glob. A page whose path a glob cannot name is indexed from a folder of hard links to the
 * shard's pages (copies across file systems) at the same paths. */
async function indexShard(site: string, shard: IndexedPage[], bundle: string, signal?: AbortSignal): Promise<void> {
  const glob = globFor(shard.map((page) => page.file));
  if (glob) await runPagefind(site, bundle, glob, signal);
  else {
    const folder = mkdtempSync(path.join(site, ".quire-search-"));
    try {
      for (const page of shard) {
        const to = path.join(folder, page.file);
        mkdirSync(path.dirname(to), { recursive: true });
        linkOrCopy(path.join(site, page.file), to);
      }
      await runPagefind(folder, bundle, undefined, signal);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  // Pagefind's ready-made search interfaces (~400 KB): the search page uses its API alone.
  for (const name of readdirSync(bundle)) if (UNUSED.test(name)) rmSync(path.join(bundle, name));
}

/** Pagefind's binary, found as its npm wrapper finds it (the platform's package, or PAGEFIND_BINARY_PATH); run
 * directly, it saves a Node process per shard. */
let binary: Promise<string> | undefined;
export function pagefindBinary(): Promise<string> {
  binary ??= (import(new URL("resolveBinary.js", import.meta.resolve("pagefind")).href) as Promise<{ resolveBinaryPath(names: string[]): string }>).then(
    ({ resolveBinaryPath }) => resolveBinaryPath(["pagefind_extended", "pagefind"]),
  );
  // A binary not found now may be there at the dev server's next build (after an npm ci).
  binary.catch(() => (binary = undefined));
  return binary;
}

/** @param signal ends Pagefind (and rejects) when aborted: the dev server is stopping */
async function runPagefind(site: string, bundle: string, glob?: string, signal?: AbortSignal): Promise<void> {
  // Each value joined to its flag: a page's path may start with "-".
  const args = [`--site=${site}`, ...(glob ? [`--glob=${glob}`] : []), `--output-path=${bundle}`, `--exclude-selectors=${EXCLUDED.join(", ")}`, "--silent"];
  const command = await pagefindBinary();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], windowsHide: true, signal });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
  if (code !== 0 || !existsSync(path.join(bundle, "pagefind-entry.json"))) {
    throw new Error(`pagefind exited with ${String(code)}${output.trim() ? `: ${output.trim()}` : ""}`);
  }
}
