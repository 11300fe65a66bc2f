import { describe, expect, it } from "vitest";
import { closestColourName, palette, paletteColour } from "../../src/palette.ts";
import { editDistance } from "../../src/edit-distance.ts";

describe("paletteColour", () => {
  it("names a palette colour by its hex", () => {
    expect(paletteColour("deeppurple")).toBe("#311b92");
    expect(paletteColour("yellow")).toBe("#a47611");
  });
  it("is case-insensitive for names", () => {
    expect(paletteColour("DeepPurple")).toBe("#311b92");
  });
  it("takes hex colours with or without #, and 3-digit ones", () => {
    expect(paletteColour("000000")).toBe("#000000");
    expect(paletteColour("#A1B2C3")).toBe("#a1b2c3");
    expect(paletteColour("#abc")).toBe("#aabbcc");
  });
  it("falls back to default when missing", () => {
    expect(paletteColour(undefined)).toBe(`#${palette.default}`);
    expect(paletteColour("")).toBe("#37474f");
  });
  it("rejects what is neither", () => {
    expect(paletteColour("deep-purpel")).toBeUndefined();
    expect(paletteColour("#12345")).toBeUndefined();
    expect(paletteColour("ggg000")).toBeUndefined();
  });
  it("uses another palette when given one", () => {
    expect(paletteColour("sky", { sky: "87ceeb", default: "000000" })).toBe("#87ceeb");
    expect(paletteColour("deeppurple", { sky: "87ceeb", default: "000000" })).toBeUndefined();
  });
});

describe("closestColourName", () => {
  it("suggests the palette name a typo was meant to be", () => {
    expect(closestColourName("deep-purpel")).toBe("deeppurple");
    expect(closestColourName("gren")).toBe("green");
    expect(closestColourName("lightgren")).toBe("lightgreen");
  });
  it("suggests nothing for words far from every name", () => {
    expect(closestColourName("chartreuse-ish")).toBeUndefined();
  });
});

describe("editDistance", () => {
  it("counts single-character edits", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
