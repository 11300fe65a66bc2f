// The dev server's guard for a fault of Eleventy 3.1's watcher: a file added or deleted while Eleventy is still
// searching the pages' folder (as it is after its ignores changed) throws, and the server stops.
import path from "node:path";
/** Eleventy 3.1 keeps the files its globs found and adds or removes a file the watcher reports, but throws
 * (from the watcher: the server stops, or goes on without the file) when a search is still running, as one is
 * after the ignores changed (a page left out or let back in). Such a change waits for the searches in flight. */
export function deferFileSearchChanges(eleventy: object): void {
  // Eleventy makes its file search anew with each reading of its configuration.
  let current = (eleventy as unknown as { fileSystemSearch?: FileSearch }).fileSystemSearch;
  if (current) deferChanges(current);
  Object.defineProperty(eleventy, "fileSystemSearch", {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (search: FileSearch | undefined) => {
      if (search) deferChanges(search);
      current = search;
    },
  });
}

function deferChanges(search: FileSearch): void {
  const eleventyModify = search._modify.bind(search);
  // Eleventy's searches keep files by their paths relative to the working directory, but the watcher names a file
  // of an --input given as an absolute path by its absolute path: added so, a file a search had found was listed
  // twice (the page then clashed with itself: "Output conflict"), and deleted so, it stayed.
  const modify = (file: string, operation: "add" | "delete") => {
    eleventyModify(file, operation);
    if (!path.isAbsolute(file)) return;
    const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
    for (const found of Object.values(search.outputs)) {
      if (!found) continue;
      const known = [relative, `./${relative}`].filter((form) => found.has(form));
      if (operation === "delete") for (const form of known) found.delete(form);
      else if (known.length > 0) found.delete(file.split(path.sep).join("/"));
    }
  };
  const attempt = (file: string, operation: "add" | "delete", tries: number): void => {
    try {
      // (A set the change reached before the throw is changed again: adding or removing twice is once.)
      modify(file, operation);
    } catch (error) {
      const running = Object.keys(search.inputs)
        .filter((key) => !search.outputs[key])
        .map((key) => search.promises[key]);
      if (running.length === 0 || tries === 0) throw error;
      // Never thrown from here: an unhandled rejection would stop the server.
      void Promise.allSettled(running)
        .then(() => attempt(file, operation, tries - 1))
        .catch(() => undefined);
    }
  };
  search._modify = (file, operation) => attempt(file, operation, 5);
}

export interface FileSearch {
  inputs: Record<string, unknown>;
  outputs: Record<string, Set<string> | undefined>;
  promises: Record<string, Promise<unknown> | undefined>;
  _modify(file: string, operation: "add" | "delete"): void;
}
