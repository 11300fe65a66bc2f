// Every built page is valid HTML (html-validate's recommended rules): quire's own site and the browser fixture.
// No browser needed, so this runs wherever the tests do.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuiltSite } from "../helpers/site.ts";
import { buildFixtureSite } from "./fixture-site.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // The layout writes `<!doctype html>` as the HTML standard does; the keyword is case-insensitive.
    "doctype-style": "off",
    // Footnote ids are kramdown's `fn:name` / `fnref:name`, so links into the author's old pages still land;
    // HTML allows any id without spaces, which `relaxed` checks.
    "valid-id": ["error", { relaxed: true }],
    // Inline styles are the dialect's on purpose: kramdown's table alignment (`style="text-align: …"`) and any
    // `style` an author sets with an attribute list (`{:style="max-width: 240px"}`).
    "no-inline-style": "off",
  },
});

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"))
    .sort();
}

async function problems(site: BuiltSite): Promise<string[]> {
  const found: string[] = [];
  for (const file of htmlFiles(site.output)) {
    const report = await validator.validateString(readFileSync(path.join(site.output, file), "utf8"), file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      if (message.severity === 2) found.push(`${file}:${message.line}:${message.column}: ${message.ruleId}: ${message.message}`);
    }
  }
  return found;
}

describe("html-validate", () => {
  let own: BuiltSite;
  let fixture: BuiltSite;
  beforeAll(async () => {
    [own, fixture] = [await buildSite(path.resolve("content")), await buildFixtureSite()];
  });

  it("finds no error on any page of quire's own site", async () => {
    expect(htmlFiles(own.output).length).toBeGreaterThanOrEqual(5);
    expect(await problems(own)).toEqual([]);
  });
  it("finds no error on any page of the browser fixture site", async () => {
    expect(htmlFiles(fixture.output).length).toBeGreaterThanOrEqual(20);
    expect(await problems(fixture)).toEqual([]);
  });
  it("would report an error, so a clean result means something", async () => {
    const report = await validator.validateString("<!doctype html><html lang=en><head><title>x</title></head><body><p><div></div></p></body></html>");
    expect(report.valid).toBe(false);
  });
});
