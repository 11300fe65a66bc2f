// Layouts compile once per build and are shared by its pages; nothing compiled leaks into another build.
import { describe, expect, it } from "vitest";
import { buildSite, writeFixture } from "../helpers/site.ts";
import site from "../../site.config.ts";

describe("layouts compiled once per build", () => {
  it("still render each page with its own data", async () => {
    const built = await buildSite({ "index.md": "home\n", "one.md": "---\ntitle: page one\n---\none\n", "two.md": "---\ntitle: page two\n---\ntwo\n" });
    expect(built.page("/one/")("h1").text()).toBe("page one");
    expect(built.page("/two/")("h1").text()).toBe("page two");
  });

  it("render each build in one process with its own settings", async () => {
    const input = writeFixture({ "index.md": "home\n", "one.md": "---\ntitle: page one\n---\none\n" });
    const first = await buildSite(input, { site: { ...site, name: "first site", author: { name: "first author" } } });
    const second = await buildSite(input, { site: { ...site, name: "second site", author: { name: "second author" } } });
    expect(first.page("/one/")('meta[name="author"]').attr("content")).toBe("first author");
    expect(second.page("/one/")('meta[name="author"]').attr("content")).toBe("second author");
  });
});
