// Eleventy's own console notes stay out of the author's terminal.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Eleventy } from "@11ty/eleventy";
import quire from "../../.eleventy.ts";
import { writeFixture } from "../helpers/site.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a build's console", () => {
  it("has no [11ty] Benchmark note, even when a filter is slow", async () => {
    const printed: unknown[] = [];
    for (const method of ["log", "warn", "error", "info"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(...args));
    }
    const input = writeFixture({ "index.md": "{{ 'a' | slow }}{{ 'b' | slow }}\n" });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "quire-out-")), "site");
    // Eleventy notes a filter that takes over 50 ms and 8% of the build; this one takes 2 × 120 ms.
    const eleventy = new Eleventy(input, output, {
      quietMode: true,
      config: (config) => {
        config.addFilter("slow", (value: never) => {
          for (const end = Date.now() + 120; Date.now() < end; );
          return value;
        });
        return quire(config, { input });
      },
    });
    eleventy.disableLogger();
    await eleventy.write();
    expect(printed.map(String).filter((line) => line.includes("[11ty]"))).toEqual([]);
  });
});
