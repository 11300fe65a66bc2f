// Every page's `pageDate`: its `date` front matter, else the day its file was first committed, else none.
// Eleventy's own `page.date` falls back to the file's creation time, which differs between checkouts.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { firstCommitDates } from "../git-dates.ts";

export interface Options {
  /** The folder being built; its git history dates the pages */
  input: string;
}

interface DatedFields {
  date?: unknown;
  page: { inputPath: string; date: Date };
}

export default function pageDates(eleventyConfig: UserConfig, options: Options): void {
  // One git call per build, made by the first page that needs it.
  let history: Map<string, Date> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    history = undefined;
  });
  const historyOf = () => (history ??= firstCommitDates(options.input));

  eleventyConfig.addGlobalData("eleventyComputed", {
    // Eleventy parses `date` front matter into page.date (and rejects a malformed one).
    pageDate: (data: DatedFields): Date | undefined => {
      if (data.date !== undefined && data.date !== null) return data.page.date;
      const relative = path.relative(options.input, data.page.inputPath).split(path.sep).join("/");
      return historyOf().get(relative);
    },
  });
}
