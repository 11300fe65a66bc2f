// Front matter is checked against the one schema before any page renders; a bad page fails the build
// with its file, line and a fix. Eleventy calls `eleventyDataSchema` for every page (Eleventy 3 data schemas).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { QuireError } from "../errors.ts";
import { inside } from "../output-folder.ts";
import { checkFrontMatter } from "../frontmatter/schema.ts";
import { frontMatterKeyLine, impossibleDate } from "../frontmatter/lines.ts";
import type { Palette } from "../palette.ts";
import { defaultsLine, type DefaultedKeys } from "../jekyll/defaults.ts";

export interface Options {
  /** Colour names pages may use */
  palette: Palette;
  /** A Jekyll site's _config.yml and the keys its `defaults:` gave each page, to name it for a bad value */
  defaults?: { configFile: string; keys: DefaultedKeys };
}

export default function frontMatter(eleventyConfig: UserConfig, options: Options): void {
  const validate = (data: Record<string, unknown> & { page: { inputPath: string; outputPath?: unknown } }) => {
    const problems = checkFrontMatter(data, options.palette);
    // However its permalink was written (a template, an object, computed data), the page must land in the site.
    const output = (eleventyConfig as unknown as { directories?: { output?: string } }).directories?.output;
    const outputPath = data.page.outputPath;
    if (output && typeof outputPath === "string" && !inside(output, outputPath) && !problems.some((problem) => problem.key === "permalink")) {
      problems.push({ key: "permalink", message: `"permalink" puts the page outside the site's folder`, hint: "write the page's address from the site's root, like /notes/" });
    }
    // Only pages with a problem, or a date to check against what was written, are read again.
    if (problems.length === 0 && !(data.date instanceof Date)) return;
    let source = "";
    try {
      source = readFileSync(data.page.inputPath, "utf8");
    } catch {
      // The file is gone (a watch-mode race): report without lines.
    }
    const written = data.date instanceof Date && source ? impossibleDate(source, data.date) : undefined;
    if (written) problems.push({ key: "date", message: `"date" is ${written}, a day that is not in the calendar`, hint: "check the month and the day" });
    const [first] = problems;
    if (!first) return;
    const page = data.page.inputPath.replace(/^\.\//, "");
    // A value the page got from _config.yml's defaults: is fixed there.
    const where = (key: string | undefined): { file: string; line: number | undefined; note: string } => {
      const defaults = options.defaults;
      if (key && defaults?.keys.has(data.page.inputPath, key)) {
        let config = "";
        try {
          config = readFileSync(defaults.configFile, "utf8");
        } catch {
          // Read at the start of the build; gone now only in a watch-mode race.
        }
        return { file: path.relative(process.cwd(), defaults.configFile), line: defaultsLine(config, key, data[key]), note: ` (set by defaults: for ${page})` };
      }
      return { file: page, line: key && source ? frontMatterKeyLine(source, key) : undefined, note: "" };
    };
    // Every problem of the page at once, so the author fixes them in one go.
    const rest = problems.slice(1).map((p) => {
      const { file, line, note } = where(p.key);
      return `\n${file}:${line ?? "?"}: ${p.message}${note}${p.hint ? `\n  → ${p.hint}` : ""}`;
    });
    const { file, line, note } = where(first.key);
    throw new QuireError(`${first.message}${note}`, file, line, `${first.hint ?? "fix the front matter and build again"}${rest.join("")}`);
  };
  // A function as global data is called for its value, so the schema is wrapped once.
  eleventyConfig.addGlobalData("eleventyDataSchema", () => validate);
}
