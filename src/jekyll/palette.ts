// A Jekyll site's own palette: `_data/colors.tsv`, one colour a line under a `name` / `hex` header.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { QuireError } from "../errors.ts";
import type { Palette } from "../palette.ts";

export const PALETTE_FILE = path.join("_data", "colors.tsv");

/** The palette in `input`'s _data/colors.tsv, or undefined when the site has none. */
export function readJekyllPalette(input: string): Palette | undefined {
  const file = path.join(input, PALETTE_FILE);
  if (!existsSync(file)) return undefined;
  return parseColorsTsv(readFileSync(file, "utf8"), path.join(path.relative(process.cwd(), input) || ".", PALETTE_FILE));
}

/** `name<TAB>hex` rows under a header naming both columns (in any order); blank lines are skipped. */
export function parseColorsTsv(text: string, file: string): Palette {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t").map((cell) => cell.trim().toLowerCase());
  const nameColumn = header.indexOf("name");
  const hexColumn = header.indexOf("hex");
  if (nameColumn === -1 || hexColumn === -1) {
    throw new QuireError(`the first line must name the columns "name" and "hex", separated by a tab`, file, 1, "start the file with: name<TAB>hex");
  }
  const palette: Palette = {};
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === "") return;
    const cells = line.split("\t");
    const name = cells[nameColumn]?.trim().toLowerCase() ?? "";
    const hex = cells[hexColumn]?.trim().replace(/^#/, "") ?? "";
    if (!name || !/^([0-9a-f]{6}|[0-9a-f]{3})$/i.test(hex)) {
      throw new QuireError(`this row needs a name and a hex colour like 311b92, separated by a tab`, file, index + 1, `the line reads "${line}"`);
    }
    palette[name] = hex.toLowerCase();
  });
  return palette;
}
