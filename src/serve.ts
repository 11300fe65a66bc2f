// The dev server: Eleventy watches content/, layouts/ and public/, rebuilds on change and reloads the browser.
// A bad edit is reported in quire's words (file:line: what, → fix) and the server keeps running;
// saving a fixed file rebuilds and recovers.
import { Eleventy } from "@11ty/eleventy";
import quire from "../.eleventy.ts";
import { withDefaults, type BuildOptions } from "./build-options.ts";
import { withJekyllSite } from "./jekyll/site-options.ts";
import { BuildLog } from "./build-log.ts";
import { countPages } from "./build.ts";
import { checkInputFolder, checkOutputFolder, OUTPUT_MARKER } from "./output-folder.ts";
import { layoutsDir, publicDir, quireRoot } from "./paths.ts";
import { describeBuildError } from "./report-error.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pageLinksReader } from "./eleventy/build-cache.ts";
import { formatLinkReport, LinkRegistry } from "./links/link-check.ts";
import { correctFeed } from "./feed-corrections.ts";
import { PageShells } from "./eleventy/page-shells.ts";
import { quickEdit, watchedPaths, type QuickPage } from "./quick-edit.ts";
import { startPrerender, type Prerender } from "./cache/prerender.ts";
import { BackgroundIndex } from "./eleventy/search.ts";
import { PageQuarantine } from "./page-quarantine.ts";
import { deferFileSearchChanges } from "./eleventy/file-search-changes.ts";

export type PrintKind = "info" | "warning" | "error";

export interface ServeOptions extends BuildOptions {
  /** Port for the dev server (default 8080) */
  port: number;
  /** Where the server's lines go (default: the console; "info" is dropped with --quiet) */
  print: (line: string, kind: PrintKind) => void;
}

function printToConsole(quiet: boolean) {
  return (line: string, kind: PrintKind) => {
    if (kind === "error") console.error(line);
    else if (kind === "warning") console.warn(line);
    else if (!quiet) console.log(line);
  };
}

/** Files of a Jekyll site read with quire's configuration, not as pages: `_config.yml` and its palette. */
const JEKYLL_SETTINGS = ["_config.yml", "_data/colors.tsv"];

/** Where `npm start` writes the site it serves, unless told otherwise: not the output of `npm run build`, which
 * never gets its drafts, its pages saying what is wrong, or a page it half-wrote. */
export const PREVIEW_OUTPUT = ".quire-preview";

export async function serve(partial: Partial<ServeOptions> = {}): Promise<Eleventy> {
  const base = { port: 8080, ...withDefaults({ drafts: true, output: PREVIEW_OUTPUT, ...dropUndefined(partial), mode: "serve" }) };
  // Before a Jekyll site's settings: the configuration applies them afresh each time it is read (below).
  const unsettled: ServeOptions = { ...base, print: partial.print ?? printToConsole(base.quiet) };
  const options: ServeOptions = withJekyllSite(unsettled);
  const { print } = options;
  checkInputFolder(options.input);
  checkOutputFolder(options.output, options.input, quireRoot, options.cache ? options.cacheDir : undefined);
  mkdirSync(options.output, { recursive: true });
  // Started empty (the folder is quire's, or empty: checked above): a page deleted since the last session is
  // neither served nor taken for a link's target. The folder itself stays: it may be a link, or a mount point.
  for (const entry of readdirSync(options.output)) rmSync(path.join(options.output, entry), { recursive: true, force: true });
  writeFileSync(path.join(options.output, OUTPUT_MARKER), "This folder is written by quire; each build replaces it whole.\n");
  const log = new BuildLog();
  // What the last build wrote, kept across a reload of the configuration.
  let written = new Set<string>();
  let changed: string[] = [];
  // A first build on a cold cache renders markdown and reads links on both cores, as a build does.
  let prerender: Prerender | undefined = startPrerender(options);
  const links = new LinkRegistry(pageLinksReader(options), (html) => prerender?.readLinks?.(html) ?? Promise.resolve(undefined));
  const serverOptions = {
    port: options.port,
    showVersion: false,
    // The dev server's own messages, in quire's voice.
    logger: {
      info: (message: string) => print(message, "info"),
      log: (message: string) => print(message, "info"),
      error: (message: string) => print(`quire: ${message}`, "error"),
    },
    messageOnStart: ({ localhostUrl }: { localhostUrl: string }) => `quire: serving ${localhostUrl}; edit a page and the browser reloads (ctrl-c stops)`,
    // Makes serve() resolve once the server is listening.
    ready: () => undefined,
  };
  const shells = new PageShells();
  // A page the site cannot be built with is left out until it is saved again; the rest goes on updating.
  // (Eleventy's folders of includes, layouts and data are read when a build fails or starts: after its init.)
  const quarantine = new PageQuarantine(path.resolve(options.input), () => {
    const { includes, layouts, data } = (eleventy as unknown as { directories: { includes?: string; layouts?: string; data?: string } }).directories;
    return [includes, layouts, data, layoutsDir].filter((folder): folder is string => typeof folder === "string").map((folder) => path.resolve(folder));
  });
  // The search index is written while the pages are already served (a few seconds on a large site).
  const searchIndex = new BackgroundIndex((error, summary) => {
    if (error) print(`quire: the search index was not written; the server keeps running without it, and the next rebuild of the site tries again:\n${describeBuildError(error)}`, "error");
    else print(`quire: the search index is written\n  ${summary ?? ""}`, "info");
  });
  // The site's settings files as the configuration last read them, and as last refused (broken).
  const settingsFiles = JEKYLL_SETTINGS.map((file) => path.resolve(options.input, file));
  const settingsNow = () => settingsFiles.map((file) => (existsSync(file) ? readFileSync(file, "utf8") : "\0none")).join("\0\0");
  const isSettingsFile = (file: string) => watchedPaths(file).some((candidate) => settingsFiles.includes(candidate));
  let settingsRead = "";
  let settingsRefused: string | undefined;
  /** Eleventy's watcher's run for a changed file, once watching has started */
  const watching: { rerun?: (path: string) => Promise<void>; skipReload?: boolean } = {};
  // After each build or quick edit, the link check reports on the site as it now stands.
  const checkLinks = (only?: string) => {
    const report = links.check(options.output, options.basePath, options.input, only);
    correctFeed(options.output, report.corrected, options.site.url, options.basePath);
    if (report.broken.length > 0 || report.corrected.length > 0) print(formatLinkReport(report), "warning");
  };
  const eleventy = new Eleventy(options.input, options.output, {
    // quire prints its own lines (below); Eleventy's "[11ty] Writing …" per file would bury them.
    quietMode: true,
    runMode: "serve",
    pathPrefix: options.basePath,
    config: (config) => {
      config.addWatchTarget(layoutsDir);
      config.addWatchTarget(publicDir);
      // Left-out pages are not built (and still watched: saving one lets it back in).
      quarantine.useIgnores((config as unknown as { ignores: Set<string> }).ignores);
      // Watched for the configuration reload below (Eleventy watches only its template and data files).
      for (const file of JEKYLL_SETTINGS) if (existsSync(path.join(options.input, file))) config.addWatchTarget(path.join(options.input, file));
      // The same object on every reading of the configuration: Eleventy restarts its server when they differ.
      config.setServerOptions(serverOptions);
      // Rebuild sooner after a save: Eleventy waits 150 ms for a file to stop changing; editors write in one go.
      config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
      config.on("eleventy.beforeWatch", (queue: string[]) => {
        // Left-out pages saved again (or all, after an edit elsewhere) are built again; the build may leave out
        // the pages saved for it.
        // (Settings refused as broken are not what a page needed: the server goes on with the last ones.)
        const refused = settingsRefused !== undefined && settingsNow() === settingsRefused;
        quarantine.release(refused ? queue.filter((file) => !isSettingsFile(file)) : queue);
        changed = quarantine.isRetry(queue)
          ? quarantine.leftOutInTurn.map((page) => `${path.relative(process.cwd(), page)} left out`)
          : queue.map((file) => file.replace(/^\.\//, ""));
      });
      // Each rebuild renders every page again: a moved or deleted page must not linger in the link check.
      config.on("eleventy.before", () => links.clear());
      // A page that moved or was deleted leaves its old file behind; files the last build wrote and this one
      // did not are removed, and nothing else (static files, the search index) is touched.
      config.on("eleventy.after", ({ results }: { results?: Array<{ inputPath?: unknown; outputPath?: unknown }> }) => {
        const now = new Set((results ?? []).map((result) => result.outputPath).filter((file): file is string => typeof file === "string"));
        if (now.size === 0) return;
        const output = path.resolve(options.output);
        for (const file of written) {
          const absolute = path.resolve(file);
          if (!now.has(file) && absolute.startsWith(`${output}${path.sep}`)) rmSync(absolute, { force: true });
        }
        written = now;
        quarantine.noteOutputs(results ?? []);
        // A left-out page's address says what is wrong with it.
        for (const file of quarantine.writeErrorPages(options.output, now)) written.add(file);
      });
      config.on("eleventy.after", () => checkLinks());
      // Eleventy 3.1 runs a save made during a build once that build ends, but without the configuration reset
      // it asked for: settings saved meanwhile are read again here, once the watcher is done.
      settingsRead = settingsNow();
      config.on("eleventy.afterwatch", () => {
        const now = settingsNow();
        if (now !== settingsRead && now !== settingsRefused) void watching.rerun?.(settingsFiles[0]!);
      });
      return quire(config, { ...unsettled, mode: "serve" }, { links, log, shells, searchIndex });
    },
  });
  // Eleventy's logger also prints build errors as a stack dump; quire reports them itself (below).
  eleventy.disableLogger();
  deferFileSearchChanges(eleventy);
  reportEachBuild(eleventy, log, print, {
    changedFiles: () => changed,
    quick: () => {
      // A save that changed only a page's text re-renders that page alone (src/quick-edit.ts).
      const edit = quickEdit(changed, shells, links);
      if ("rebuild" in edit) return undefined;
      // The page kept every id, so only its own links can have changed.
      checkLinks(edit.page.url);
      return edit.page;
    },
    // After a failed build, the page it names is left out and the site built again, while that page may be
    // what broke it (src/page-quarantine.ts).
    leaveOut: (description) => {
      if (!quarantine.leaveOutFor(description)) {
        // The pages left out so far are still named where the author looks (a site that cannot be built at the
        // start has no page of its own at any address).
        for (const file of quarantine.writeErrorPages(options.output)) written.add(file);
        return false;
      }
      // Built again once this build is over, named by the pages' folder: a save of the page itself is what lets
      // it back in. (Before watching starts, the first build's is run below.)
      setImmediate(() => void watching.rerun?.(path.resolve(options.input)));
      // The browser is reloaded by that build, which writes the page saying what is wrong: reloaded now as well,
      // it would miss that reload while it loads the page again (and show the page as it was).
      watching.skipReload = true;
      return true;
    },
    built: () => quarantine.built(),
    isPage: (file) => quarantine.isPage(file),
  });
  // A Jekyll site's settings and palette are read with the configuration: an edit of either reloads it, as an
  // edit of Eleventy's own configuration file does.
  const resets = eleventy as unknown as { shouldTriggerConfigReset(changed: string[]): boolean };
  const eleventyResets = resets.shouldTriggerConfigReset.bind(eleventy);
  resets.shouldTriggerConfigReset = (changedFiles) => {
    if (eleventyResets(changedFiles)) return true;
    if (!changedFiles.some(isSettingsFile)) return false;
    // A broken file is reported and the settings read last stay: a failed reload would stop the server.
    try {
      withJekyllSite(unsettled);
    } catch (error) {
      settingsRefused = settingsNow();
      print(`quire: the site's settings were not read again; the server goes on with the last ones.\n${describeBuildError(error)}`, "error");
      return false;
    }
    print("quire: read the site's settings again", "info");
    return true;
  };
  let rerun: (path: string) => Promise<void>;
  try {
    await eleventy.init();
    rerun = (await eleventy.watch()) as typeof rerun;
  } finally {
    await prerender.stop();
    prerender = undefined;
  }
  // Stopping the server stops the search index being written, and its Pagefind processes.
  const stopWatch = eleventy.stopWatch.bind(eleventy);
  eleventy.stopWatch = async () => {
    await searchIndex.stop();
    return stopWatch();
  };
  watching.rerun = rerun;
  const server = (eleventy as unknown as { eleventyServe: { reload(event: unknown): Promise<void> } }).eleventyServe;
  const reload = server.reload.bind(server);
  // The first build reloaded no browser.
  watching.skipReload = false;
  server.reload = async (event) => {
    if (!watching.skipReload) return reload(event);
    watching.skipReload = false;
  };
  // The first build left a page out before the watcher was there to build the site again without it.
  if (quarantine.pages.length > 0) void rerun(path.resolve(options.input));
  // Eleventy 3.1 forgets a deleted page but rebuilds only on the next change: rebuild now, so the page goes.
  // (Eleventy forgets it in its file search by the name the search knows it by: src/eleventy/file-search-changes.ts.)
  const internals = eleventy as unknown as { watcher?: { on(event: "unlink", listener: (file: string) => void): void } };
  internals.watcher?.on("unlink", (file) => void rerun(file));
  await eleventy.serve(options.port);
  return eleventy;
}

/**
 * Wraps Eleventy's write(), which its watcher calls for every rebuild, to print what each build did or what
 * is wrong with the content. The first build's error is not rethrown, so the server still starts and the
 * author can fix the file; later ones are, so Eleventy also shows them in the browser.
 */
interface BuildHooks {
  /** The files the build was started for, as its summary names them */
  changedFiles: () => string[];
  /** A page re-rendered alone, when only its text changed; undefined: the whole site is built */
  quick: () => QuickPage | undefined;
  /** After a failed build: whether a page was left out and the site is to be built again without it */
  leaveOut: (description: string) => boolean;
  /** A build went through */
  built: () => void;
  /** Whether a file is a page of the site */
  isPage: (file: string) => boolean;
}

function reportEachBuild(eleventy: Eleventy, log: BuildLog, print: ServeOptions["print"], { changedFiles, quick, leaveOut, built, isPage }: BuildHooks): void {
  const write = eleventy.write.bind(eleventy);
  let first = true;
  eleventy.write = async () => {
    const initial = first;
    first = false;
    const copied = watchStaticCopy(eleventy);
    log.clear();
    const started = performance.now();
    try {
      const page = initial ? undefined : quick();
      if (page) {
        // Eleventy reads its list of pages in write(), and after it looks there for the files to watch: without
        // the list it sends the browser an error instead of the reload. The list is kept by its file search.
        await (eleventy as unknown as { eleventyFiles: { getFiles(): Promise<unknown> } }).eleventyFiles.getFiles();
        const ms = Math.round(performance.now() - started);
        print(`quire: re-rendered ${page.inputPath.replace(/^\.\//, "")} in ${ms} ms (only its text changed)`, "info");
        // Eleventy's write() resolves with [copies, pages]; the server reloads the browser for these pages.
        return [[], [page]];
      }
      const results = (await write()) as unknown[];
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const cause = initial ? "" : ` (changed: ${changedFiles().join(", ") || "the site"})`;
      print(`quire: ${initial ? "built" : "rebuilt"} ${countPages(results)} pages in ${seconds} s${cause}`, "info");
      for (const line of log.summaries) print(`  ${line}`, "info");
      for (const line of log.warnings) print(`quire: warning: ${line}`, "warning");
      built();
      return results;
    } catch (error) {
      const description = describeBuildError(error);
      // Eleventy gives up at the first page that fails while it may still be copying static files: a build
      // started before that copy ends is torn by it (an uncaught "Benchmark after() without a before()").
      await copied();
      // A page renamed or deleted while the build read the pages (the watcher tells of the new name first): the
      // build its removal starts goes without it.
      const gone = /^ENOENT: no such file or directory, open '(.+)'$/.exec(description.trim())?.[1];
      if (gone !== undefined && !existsSync(gone) && isPage(gone)) {
        print(`quire: ${gone.replace(/^\.\//, "")} went away during the build; building again without it`, "info");
        return [[], []];
      }
      if (leaveOut(description)) {
        print(`quire: a page could not be built; the rest of the site is built without it until it is saved again, or a file it needs is (its address says what is wrong; a page not built yet is named at any address without a page):\n${description}`, "error");
        return [[], []];
      }
      print(`quire: the site could not be rebuilt; the server keeps running; fix this and save:\n${description}`, "error");
      if (initial) return [[], []];
      throw error;
    }
  };
}

/** Lets the copy of static files of the build about to run finish once that build has failed, and waits for it
 * (Eleventy makes its writer anew for each build, so each is watched afresh). The copy waits for every page to
 * be rendered, which a failed build never says; left waiting, it finished inside the next build and broke it. */
function watchStaticCopy(eleventy: Eleventy): () => Promise<void> {
  const internals = eleventy as unknown as {
    writer?: { writePassthroughCopy(...args: unknown[]): Promise<unknown> };
    eleventyConfig?: { userConfig?: { events?: { listeners(event: string): Array<() => unknown> } } };
  };
  const writer = internals.writer;
  let copying: Promise<unknown> | undefined;
  if (writer) {
    const copy = writer.writePassthroughCopy.bind(writer);
    writer.writePassthroughCopy = (...args) => (copying = copy(...args));
  }
  return async () => {
    if (!copying) return;
    // Told as Eleventy tells it when every page is rendered, but to each copier on its own: after a reload of the
    // configuration, a copier of the configuration before throws (it saw no build start), and Eleventy's own
    // emit would stop at it, before telling the copier this build waits for (and reject, unhandled).
    for (const rendered of internals.eleventyConfig?.userConfig?.events?.listeners("eleventy#render") ?? []) {
      try {
        rendered();
      } catch {
        // That copier has no copy waiting.
      }
    }
    await copying.catch(() => undefined);
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
