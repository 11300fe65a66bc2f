// Where quire's own files are, whatever folder it is asked to build.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Set by src/launch.mjs in the bundle it builds of quire's code, which lives elsewhere than src/. */
declare const QUIRE_ROOT: string | undefined;

/** The quire checkout: layouts/, public/ and site.config.ts live here. */
export const quireRoot = typeof QUIRE_ROOT === "string" ? QUIRE_ROOT : path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Templates of the pages quire adds to every site (the feed, the sitemap, robots.txt). */
export const templatesDir = path.join(quireRoot, "src/eleventy/templates");
export const layoutsDir = path.join(quireRoot, "layouts");
export const publicDir = path.join(quireRoot, "public");
