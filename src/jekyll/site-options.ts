// Building a Jekyll site (a folder with _config.yml): its name and palette replace quire's defaults.
import path from "node:path";
import type { BuildOptions } from "../build-options.ts";
import { readJekyllConfig } from "./config.ts";
import { readJekyllPalette } from "./palette.ts";
import { jekyllSiteSettings } from "./site-settings.ts";

export function withJekyllSite(options: BuildOptions): BuildOptions {
  const input = path.resolve(options.input);
  const config = readJekyllConfig(input);
  if (!config) return options;
  return { ...options, site: jekyllSiteSettings(config, options.site), palette: readJekyllPalette(input) ?? options.palette };
}
