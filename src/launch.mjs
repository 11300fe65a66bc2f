// quire's command line as `npm run build`, `npm start` and `npm run new` start it. Loading quire's TypeScript
// through tsx costs every build about half a second (every module Eleventy loads passes tsx's hooks), so this
// runs a bundle of src/cli.ts that esbuild makes once per version of quire's code: kept in
// node_modules/.cache/quire/ under a hash of the sources it is made from, so an edit to any of them (or to
// site.config.ts) makes a new one, and a stale bundle is never run. Packages stay outside the bundle.
// Without a bundle (esbuild missing, node_modules read-only) quire runs from its sources through tsx as before;
// QUIRE_DEBUG=1 says why.
/* global process, console -- Node's, in the one plain JavaScript file of quire's command line */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What the bundle is made from, relative to the checkout: a change to any of these makes a new bundle. */
const SOURCES = ["package.json", "package-lock.json", ".eleventy.ts", "site.config.ts", "src"];

/** The bundle's entry points: the command line, and the prerender worker's own (src/cache/prerender.ts). */
const ENTRIES = { cli: "src/cli.ts", "prerender-worker": "src/cache/prerender-worker.ts" };

/** Bundles older than this, for other versions of the code, are removed when a new one is made. */
const KEEP_MS = 24 * 60 * 60 * 1000;

function filesUnder(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(path.join(relative, name)));
}

/** A hash of the checkout's place, Node's version and every source file's name and bytes. */
function sourceKey() {
  const hash = createHash("sha256").update(`${root}\0${process.version}\0`);
  for (const file of SOURCES.flatMap(filesUnder)) hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  return hash.digest("hex").slice(0, 20);
}

/** The bundle's folder for this version of the code, made if missing; undefined when it cannot be made. */
async function bundle() {
  const cache = path.join(root, "node_modules/.cache/quire");
  const folder = path.join(cache, sourceKey());
  if (existsSync(path.join(folder, "cli.mjs"))) return folder;
  const esbuild = await import("esbuild");
  // Written beside and renamed into place: a build running at the same time never sees half a bundle.
  const temp = `${folder}.${process.pid}.tmp`;
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: temp,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    // src/paths.ts finds the checkout from here, not from where the bundle lives.
    define: { QUIRE_ROOT: JSON.stringify(root) },
    sourcemap: "linked",
    logLevel: "silent",
  });
  try {
    renameSync(temp, folder);
  } catch (error) {
    // Another build made the same bundle first: theirs is as good.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(path.join(folder, "cli.mjs"))) throw error;
  }
  for (const name of readdirSync(cache)) {
    const other = path.join(cache, name);
    try {
      if (other !== folder && Date.now() - statSync(other).mtimeMs > KEEP_MS) rmSync(other, { recursive: true, force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
  return folder;
}

let folder;
try {
  folder = await bundle();
} catch (error) {
  // esbuild's error lists every file it could not write; its first says why.
  const why = error.errors?.[0]?.text ?? String(error.message).split("\n")[0];
  if (process.env.QUIRE_DEBUG) console.error(`quire: running from src/ through tsx (no bundle: ${why})`);
}
if (folder) {
  // Error stacks name src/ files and lines, as they do when quire runs from its sources.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(path.join(folder, "cli.mjs")).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "src/cli.ts")).href);
}
