// Every construct against its fixture file; permalinks off except in permalinks.txt to keep cases short.
import { describe } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { runFixtures } from "./fixtures.ts";

describe("markdown fixtures", () => {
  const md = createMarkdown({ permalinks: false });
  for (const file of ["headings.txt", "toc.txt", "html-blocks.txt", "attribute-lists.txt", "gfm.txt"]) {
    runFixtures(file, md);
  }
  runFixtures("permalinks.txt", createMarkdown());
});
