// /sitemap.xml with every published page, and a /robots.txt that points crawlers at it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { sitemapUrls } from "../sitemap-urls.ts";
import { templatesDir } from "../paths.ts";

export interface Options {
  /** Files that, when one exists, are the author's own robots.txt: quire then writes none */
  ownRobots: string[];
}

const template = (name: string) => readFileSync(path.join(templatesDir, name), "utf8");

export default function sitemap(eleventyConfig: UserConfig, options: Options): void {
  eleventyConfig.addFilter("sitemapUrls", sitemapUrls);
  const virtual = { layout: false, eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("quire-sitemap.njk", template("sitemap.njk"), {
    ...virtual,
    permalink: "/sitemap.xml",
    eleventyImport: { collections: ["all"] },
  });
  if (!options.ownRobots.some((file) => existsSync(file))) {
    eleventyConfig.addTemplate("quire-robots.njk", template("robots.njk"), { ...virtual, permalink: "/robots.txt" });
  }
}
