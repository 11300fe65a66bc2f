import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BREADCRUMB_RATIO,
  TITLE_RATIO,
  contrastRatio,
  contrastWarning,
  darken,
  headerInk,
  parseHex,
  relativeLuminance,
  toHex,
} from "../../src/contrast.ts";
import { palette } from "../../src/palette.ts";

describe("relativeLuminance and contrastRatio", () => {
  it("give WCAG's values at the ends and for known pairs", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 10);
    // WebAIM's checker: #777777 on white is 4.48:1, just short of AA.
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#ffffff", "#311b92")).toBeCloseTo(contrastRatio("#311b92", "#ffffff"), 10);
  });
  it("parses hex with or without #, in 3 or 6 digits, and rejects the rest", () => {
    expect(parseHex("311b92")).toEqual([0x31, 0x1b, 0x92]);
    expect(parseHex("#abc")).toEqual([0xaa, 0xbb, 0xcc]);
    expect(toHex(parseHex("#A47611"))).toBe("#a47611");
    expect(() => parseHex("purple")).toThrow(/not a hex colour/);
  });
  it("darkens a colour towards black", () => {
    expect(toHex(darken("#ffffff", 0.5))).toBe("#808080");
    expect(darken("#311b92", 0)).toEqual(parseHex("#311b92"));
  });
});

describe("headerInk over the palette", () => {
  for (const [name, hex] of Object.entries(palette)) {
    it(`${name} (${hex}) gives breadcrumbs ≥ 4.5:1 and the title ≥ 3:1`, () => {
      const found = headerInk(`#${hex}`);
      expect(found.readable).toBe(true);
      // Check against the colour as the browser paints it under the scrim, stripes included.
      const under = darken(darken(`#${hex}`, found.scrim), 0.12);
      const plain = darken(`#${hex}`, found.scrim);
      for (const background of [under, plain]) {
        expect(contrastRatio(found.ink, background)).toBeGreaterThanOrEqual(BREADCRUMB_RATIO);
        expect(contrastRatio(found.ink, background)).toBeGreaterThanOrEqual(TITLE_RATIO);
      }
      expect(found.scrim).toBeLessThanOrEqual(0.3);
    });
  }
  it("keeps white text on every palette colour, with a scrim only where white falls short", () => {
    for (const hex of Object.values(palette)) {
      const found = headerInk(`#${hex}`);
      expect(found.ink).toBe("#ffffff");
      expect(found.scrim > 0).toBe(contrastRatio("#ffffff", `#${hex}`) < BREADCRUMB_RATIO);
    }
  });
  it("needs a scrim for yellow and orange, and the least one that works", () => {
    for (const hex of [palette.yellow, palette.orange]) {
      const found = headerInk(`#${hex}`);
      expect(found.scrim).toBeGreaterThan(0);
      const lighter = darken(`#${hex}`, found.scrim - 0.01);
      expect(contrastRatio("#ffffff", lighter)).toBeLessThan(BREADCRUMB_RATIO);
    }
  });
  it("switches to dark text on a light colour rather than darken it past recognition", () => {
    const found = headerInk("#ffeb3b");
    expect(found).toMatchObject({ ink: "#131619", scrim: 0, readable: true });
  });
  it("makes any hex colour readable with the default policy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const found = headerInk(`#${n.toString(16).padStart(6, "0")}`);
        return found.readable && found.ratio >= BREADCRUMB_RATIO;
      }),
      { numRuns: 300 },
    );
  });
});

describe("contrastWarning", () => {
  const whiteOnly = { inks: ["#ffffff"], maxScrim: 0.1, stripes: 0.12 };
  it("names the page, the colour and the ratio when a colour cannot be made readable", () => {
    const warning = contrastWarning("content/sunny.md", "#ffeb3b", whiteOnly);
    expect(warning).toContain("content/sunny.md");
    expect(warning).toContain("#ffeb3b");
    expect(warning).toMatch(/\d\.\d\d:1/);
    expect(warning?.split("\n")).toHaveLength(1);
  });
  it("says nothing for a readable colour", () => {
    expect(contrastWarning("content/x.md", "#311b92")).toBeUndefined();
    expect(contrastWarning("content/x.md", "#311b92", whiteOnly)).toBeUndefined();
  });
});
