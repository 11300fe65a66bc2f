// quire's command line as `npm run build`, `npm start` and `npm run new` start it. Loading quire's TypeScript
// through tsx costs every build about half a second (every module Eleventy loads passes tsx's hooks), so this
// runs a bundle of src/cli.ts that esbuild makes once per version of quire's code: kept in
// node_modules/.cache/quire/ under a hash of the sources it is made from, so an edit to any of them (or to
// site.config.ts) makes a new one, and a stale bundle is never run. Packages stay outside the bundle.
// Without a bundle (esbuild missing, node_modules read-only) quire runs from its sources through tsx as before;
// QUIRE_DEBUG=1 says why.
/* global process, console -- Node's, in the one plain JavaScript file of quire's command line */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What the bundle is made from, relative to the checkout: a change to any of these makes a new bundle. */
const SOURCES = ["package.json", "package-lock.json", "tsconfig.json", ".eleventy.ts", "site.config.ts", "src"];

/** The bundle's entry points: the command line, and the prerender worker's own (src/cache/prerender.ts). */
const ENTRIES = { cli: "src/cli.ts", "prerender-worker": "src/cache/prerender-worker.ts" };

/** Bundles of other versions of the code unused for this long are removed when a new one is made. */
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

/** Loads quire's own files for esbuild, keeping the bytes it was given: the bundle is kept only if they are
 * still what the files hold once it is written (an editor's save or a git checkout during the bundling would
 * otherwise leave code under the key of other sources). */
function recordingLoads(loaded) {
  return {
    name: "quire-recorded-sources",
    setup(build) {
      build.onLoad({ filter: /\.(?:[mc]?ts|[mc]?js|json)$/ }, ({ path: file }) => {
        if (path.relative(root, file).startsWith("..") || file.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const contents = readFileSync(file);
        loaded.push({ file, contents });
        return { contents, loader: file.endsWith(".json") ? "json" : /\.[mc]?ts$/.test(file) ? "ts" : "js" };
      });
    },
  };
}

/** The bundle's folder for this version of the code, made if missing; undefined when it cannot be made. */
async function bundle() {
  const cache = path.join(root, "node_modules/.cache/quire");
  for (let attempt = 0; attempt < 3; attempt++) {
    const key = sourceKey();
    const folder = path.join(cache, key);
    if (existsSync(path.join(folder, "cli.mjs"))) {
      // Marks it in use, so that no other version's build takes it for an old one and removes it.
      utimesSync(folder, new Date(), new Date());
      return folder;
    }
    const esbuild = await import("esbuild");
    // Written beside and renamed into place: a build running at the same time never sees half a bundle.
    mkdirSync(cache, { recursive: true });
    const temp = mkdtempSync(`${folder}.`);
    const loaded = [];
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
      plugins: [recordingLoads(loaded)],
      sourcemap: "linked",
      logLevel: "silent",
    });
    if (sourceKey() !== key || !loaded.every(({ file, contents }) => existsSync(file) && readFileSync(file).equals(contents))) {
      // A source changed while it was bundled: bundle again from what is there now.
      rmSync(temp, { recursive: true, force: true });
      continue;
    }
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
  throw new Error("quire's sources kept changing while they were bundled");
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
