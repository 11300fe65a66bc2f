// The fonts quire ships are the ones @fontsource/catamaran installs, so an upgrade cannot leave a stale copy.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the committed fonts", () => {
  it("are @fontsource/catamaran's latin woff2 files, byte for byte", () => {
    for (const weight of [400, 700]) {
      const name = `catamaran-latin-${weight}-normal.woff2`;
      const shipped = readFileSync(`public/fonts/${name}`);
      expect(shipped.equals(readFileSync(`node_modules/@fontsource/catamaran/files/${name}`))).toBe(true);
    }
  });
});
