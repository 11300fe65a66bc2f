// Fixture files (see fixture-format.ts) as vitest tests: one per case, named after the file, line and name.
import { readFileSync } from "node:fs";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import { expect, it } from "vitest";
import { parseFixtures } from "./fixture-format.ts";

export const fixturesDir = path.resolve(import.meta.dirname, "../fixtures/markdown");

/** Declares one test per case of `tests/fixtures/markdown/<file>`, rendered with `md`. */
export function runFixtures(file: string, md: MarkdownIt): void {
  const cases = parseFixtures(readFileSync(path.join(fixturesDir, file), "utf8"));
  for (const fixture of cases) {
    it(`${file}:${fixture.line} ${fixture.name}`, () => {
      expect(md.render(fixture.input)).toBe(fixture.expected);
    });
  }
}
