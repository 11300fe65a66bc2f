// Jekyll's front matter defaults (`defaults:` in _config.yml), as Jekyll 4.3's FrontmatterDefaults applies them
// to pages: every set whose scope takes in the page's path (and has no type, or type "pages") is merged, a set
// with a longer scope path over a shorter one, a later set over an earlier one of the same length; the page's own
// front matter wins over all of them.

import path from "node:path";
import { escapeRegExp } from "../escape-regexp.ts";

type Values = Record<string, unknown>;

/** Which keys of each page's data came from `defaults:` rather than its own front matter, so the front-matter
 * check can name _config.yml for a bad one. Filled by src/eleventy/jekyll-site.ts, one per build. */
export class DefaultedKeys {
  readonly #byPage = new Map<string, ReadonlySet<string>>();

  set(inputPath: string, keys: Iterable<string>): void {
    this.#byPage.set(path.resolve(inputPath), new Set(keys));
  }

  has(inputPath: string, key: string): boolean {
    return this.#byPage.get(path.resolve(inputPath))?.has(key) ?? false;
  }
}

/** The line of `_config.yml` that sets `key` (to `value`, when it can tell) under `defaults:`. */
export function defaultsLine(config: string, key: string, value: unknown): number | undefined {
  const lines = config.split(/\r?\n/);
  const start = lines.findIndex((line) => /^defaults\s*:/.test(line));
  if (start < 0) return undefined;
  const name = escapeRegExp(key);
  const shown = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  const lineFor = (pattern: RegExp) => {
    // Up to the next top-level key of the file.
    for (let i = start + 1; i < lines.length && !/^[\w-]+\s*:/.test(lines[i] ?? ""); i++) if (pattern.test(lines[i] ?? "")) return i + 1;
    return undefined;
  };
  const withValue = shown === undefined ? undefined : lineFor(new RegExp(`(^|[\\s{,])${name}\\s*:\\s*["']?${escapeRegExp(shown)}`));
  return withValue ?? lineFor(new RegExp(`(^|[\\s{,])${name}\\s*:`));
}

interface DefaultsSet {
  scope: { path?: unknown; type?: unknown } | undefined;
  values: Values;
}

export interface FrontMatterDefaults {
  /** The merged default values for the page at `relativePath` (posix, from the site root) */
  forPage(relativePath: string): Values;
  /** What the author should know: sets Jekyll would not read either, values quire does not apply */
  warnings: string[];
}

const isRecord = (value: unknown): value is Values => typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

export function frontMatterDefaults(raw: unknown): FrontMatterDefaults {
  const warnings: string[] = [];
  const sets: DefaultsSet[] = [];
  if (raw !== undefined && !Array.isArray(raw)) warnings.push("_config.yml: defaults: is not a list of sets, so Jekyll and quire both ignore it");
  for (const [index, set] of (Array.isArray(raw) ? raw : []).entries()) {
    if (!isRecord(set) || !isRecord(set.values)) {
      warnings.push(`_config.yml: defaults: set ${index + 1} has no values: map, so Jekyll and quire both ignore it`);
      continue;
    }
    const scope = isRecord(set.scope) ? { ...set.scope } : undefined;
    // Jekyll's deprecated singular type names.
    if (scope && scope.type === "page") scope.type = "pages";
    sets.push({ scope, values: set.values });
  }
  const cache = new Map<string, Values>();
  return {
    warnings,
    forPage(relativePath) {
      let found = cache.get(relativePath);
      if (!found) cache.set(relativePath, (found = all(sets, relativePath)));
      return found;
    },
  };
}

/** Jekyll's FrontmatterDefaults#all for a page. */
function all(sets: DefaultsSet[], relativePath: string): Values {
  let defaults: Values = {};
  let oldScope: DefaultsSet["scope"] | null = null;
  for (const set of sets) {
    if (set.scope && !appliesTo(set.scope, relativePath)) continue;
    if (hasPrecedence(oldScope, set.scope)) {
      defaults = deepMerge(defaults, set.values);
      oldScope = set.scope;
    } else {
      defaults = deepMerge(set.values, defaults);
    }
  }
  return defaults;
}

function appliesTo(scope: NonNullable<DefaultsSet["scope"]>, relativePath: string): boolean {
  if ("type" in scope && scope.type !== "pages") return false;
  const scopePath = scope.path;
  if (typeof scopePath !== "string" || scopePath === "") return true;
  // Jekyll compares the scope path as written (a leading "/" matches nothing) as a plain prefix.
  if (!scopePath.includes("*")) return relativePath.startsWith(scopePath);
  // A glob: the page is in scope when it, or a folder it is in, matches the glob (Jekyll globs the files under
  // the site's folder joined with the scope path, so a leading "/" finds nothing there either).
  if (scopePath.startsWith("/")) return false;
  const glob = globRegExp(scopePath);
  const parts = relativePath.split("/");
  return parts.some((_, end) => glob.test(parts.slice(0, end + 1).join("/")));
}

/** Jekyll's has_precedence?: a longer scope path wins; of two as long, one with a type, else the later. */
function hasPrecedence(oldScope: DefaultsSet["scope"] | null, newScope: DefaultsSet["scope"]): boolean {
  if (oldScope === null) return true;
  const length = (scope: DefaultsSet["scope"]) => (typeof scope?.path === "string" ? scope.path.replace(/^\//, "").length : 0);
  if (length(newScope) !== length(oldScope)) return length(newScope) >= length(oldScope);
  if (newScope && "type" in newScope) return true;
  return !(oldScope && "type" in oldScope);
}

/** Ruby's Utils.deep_merge_hashes: `over`'s values win, maps merged key by key. */
export function deepMerge(under: Values, over: Values): Values {
  const merged: Values = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const existing = merged[key];
    merged[key] = isRecord(existing) && isRecord(value) ? deepMerge(existing, value) : value;
  }
  return merged;
}

/** Ruby's Dir.glob pattern as a regular expression over a whole path: `*` within a name, `**` across folders. */
function globRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? "";
    if (char === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
      if (pattern[i + 1] === "/") i++;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") {
      const end = pattern.indexOf("}", i);
      if (end === -1) source += "\\{";
      else {
        source += `(?:${pattern.slice(i + 1, end).split(",").map(escapeRegExp).join("|")})`;
        i = end;
      }
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}
