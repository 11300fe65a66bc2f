// When each page was first committed: one `git log` over the whole content folder, never one call per page.
import { spawnSync } from "node:child_process";

/** Separates commits in the log: a NUL, which no path or date contains. */
const COMMIT_MARK = "\0";

/**
 * Parses `git log --format=%x00%aI --name-only`: newest commit first, so a path's last appearance is the
 * commit that first added it.
 */
export function parseFirstAdded(log: string): Map<string, Date> {
  const added = new Map<string, Date>();
  for (const commit of log.split(COMMIT_MARK)) {
    const [dateLine, ...files] = commit.split("\n");
    const date = new Date(dateLine?.trim() ?? "");
    if (Number.isNaN(date.getTime())) continue;
    for (const file of files) if (file.trim()) added.set(file.trim(), date);
  }
  return added;
}

/**
 * Path under `folder` (forward slashes) → author date of the commit that first added it. Empty outside a
 * git repository or without git: then no page has a history.
 */
export function firstCommitDates(folder: string): Map<string, Date> {
  const result = spawnSync(
    "git",
    // quotePath off: non-ASCII file names come back as written, not octal-escaped. No renames: a moved page
    // is "added" at its new path, so every current path has a date.
    ["-c", "core.quotePath=false", "log", "--no-renames", "--diff-filter=A", "--name-only", "--relative", "--format=%x00%aI", "--", "."],
    { cwd: folder, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.error || result.status !== 0) return new Map();
  return parseFirstAdded(result.stdout);
}
