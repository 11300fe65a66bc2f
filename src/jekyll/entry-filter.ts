// Jekyll's rules for what is published (Jekyll::EntryFilter in 4.3): names starting with `_`, `.`, `#` or `~`
// and backups ending in `~` are skipped unless listed under `include:`; paths under `exclude:` are skipped.
import type { JekyllConfig } from "./config.ts";
import { escapeRegExp } from "../escape-regexp.ts";

/** Paths no Jekyll site publishes, whatever its `include:` says. */
export const NEVER_PUBLISHED = ["Gemfile", "Gemfile.lock", "_config.yml", "_layouts", "_includes", "_data", "_sass", "_plugins", ".jekyll-cache", "_site", ".git"];

export type EntryFilter = (relativePath: string) => boolean;

/** Whether the file or folder at `relativePath` (posix, from the site root) passes Jekyll's filter. */
export function jekyllEntryFilter(config: Pick<JekyllConfig, "include" | "exclude">): EntryFilter {
  const excludes = config.exclude.filter((pattern) => !config.include.includes(pattern));
  return (relativePath) => {
    const name = relativePath.split("/").at(-1) ?? relativePath;
    if (NEVER_PUBLISHED.includes(relativePath) || name.endsWith(".")) return false;
    const included = config.include.some((pattern) => globIncludes(pattern, name));
    if (!included && excludes.some((pattern) => globIncludes(pattern, relativePath))) return false;
    if (included) return true;
    return !/^[._#~]/.test(name) && !name.endsWith("~");
  };
}

/**
 * Jekyll's glob_include?: File.fnmatch without FNM_PATHNAME (so `*` crosses `/`), or a plain prefix match —
 * `private` excludes `private/letter.md` and, as in Jekyll, `privateer.md` too.
 */
export function globIncludes(pattern: string, relativePath: string): boolean {
  const cleanPattern = pattern.replace(/^\/+/, "");
  if (relativePath.startsWith(cleanPattern)) return true;
  if (cleanPattern === `${relativePath}/`) return true;
  return fnmatch(cleanPattern).test(relativePath);
}

/** Ruby's File.fnmatch (no flags) as a regular expression. */
export function fnmatch(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? "";
    if (char === "*") source += ".*";
    else if (char === "?") source += ".";
    else if (char === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end === -1) source += "\\[";
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else if (char === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i] ?? "");
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, "s");
}
