// Where quire's own files are, whatever folder it is asked to build.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The quire checkout: layouts/, public/ and site.config.ts live here. */
export const quireRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const layoutsDir = path.join(quireRoot, "layouts");
export const publicDir = path.join(quireRoot, "public");
