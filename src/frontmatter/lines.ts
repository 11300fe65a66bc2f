// Where a front-matter key sits in its file, so errors can name the line.

/** 1-based line of `key:` inside the leading `---` block of `source`, or undefined. */
export function frontMatterKeyLine(source: string, key: string): number | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return undefined;
  const pattern = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "---") return undefined;
    if (pattern.test(line)) return i + 1;
  }
  return undefined;
}

/**
 * The file line of a js-yaml error. gray-matter hands js-yaml the text after the opening `---`, starting
 * with that line's own newline, so js-yaml's 0-based line is the file's 1-based line minus one.
 */
export function yamlErrorFileLine(yamlLine: number): number {
  return yamlLine + 1;
}
