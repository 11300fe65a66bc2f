// The Eleventy hook around src/contrast.ts: the layout's filter, and one warning per page per build.
import type { UserConfig } from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import headerContrast from "../../src/eleventy/header-contrast.ts";
import type { HeaderInk } from "../../src/contrast.ts";

type InkFilter = (this: { page?: { inputPath?: string } }, colour: string) => HeaderInk;

function filterFrom(options: Parameters<typeof headerContrast>[1]): InkFilter {
  let filter: InkFilter | undefined;
  const config = { addFilter: (name: string, f: InkFilter) => name === "headerInk" && (filter = f) } as unknown as UserConfig;
  headerContrast(config, options);
  if (!filter) throw new Error("headerContrast added no headerInk filter");
  return filter;
}

describe("the headerInk filter", () => {
  it("gives the layout white ink and the least scrim for yellow, and warns about nothing", () => {
    const warnings: string[] = [];
    const ink = filterFrom({ warn: (line) => warnings.push(line) }).call({ page: { inputPath: "./content/a.md" } }, "#a47611");
    expect(ink).toMatchObject({ ink: "#ffffff", scrim: 0.06, readable: true });
    expect(warnings).toEqual([]);
  });
  it("warns once per page, naming it, when a colour cannot be made readable", () => {
    const warnings: string[] = [];
    const filter = filterFrom({ warn: (line) => warnings.push(line), policy: { inks: ["#ffffff"], maxScrim: 0, stripes: 0 } });
    for (let render = 0; render < 3; render++) filter.call({ page: { inputPath: "./content/sunny.md" } }, "#ffeb3b");
    filter.call({ page: { inputPath: "./content/other.md" } }, "#ffeb3b");
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("./content/sunny.md");
    expect(warnings[1]).toContain("./content/other.md");
  });
});
