// Liquid in pages runs before markdown, as on Jekyll: page.url, site.*, absolute_url, relative_url, raw.
import { describe, expect, it } from "vitest";
import { buildSite } from "../helpers/site.ts";
import site from "../../site.config.ts";

describe("Liquid in content", () => {
  it("renders Jekyll's URL filters and site settings, and leaves raw blocks alone", async () => {
    const built = await buildSite({
      "index.md": "home\n",
      "liquid/index.md": [
        "---",
        "title: liquid",
        "---",
        "here: {{ page.url | absolute_url }}",
        "relative: {{ '/style-guide/' | relative_url }}",
        "site: {{ site.name }}",
        "{% raw %}kept: {{ not liquid }}{% endraw %}",
        "",
      ].join("\n"),
    });
    const lines = built.page("/liquid/")("main p").first().text().split("\n");
    expect(lines).toEqual([
      `here: ${site.url}/liquid/`,
      "relative: /style-guide/",
      `site: ${site.name}`,
      "kept: {{ not liquid }}",
    ]);
  });

  it("includes a file from _includes/ named in quotes, its parameters as variables", async () => {
    const built = await buildSite({
      "_includes/note.html": "<aside>{{ text }}</aside>",
      "index.md": 'before {% include "note.html" text: "a word aside" %} after\n',
    });
    expect(built.page("/")("main aside").text()).toBe("a word aside");
  });
});
