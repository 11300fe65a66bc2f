// Building a Jekyll site (a folder with _config.yml): its name and palette replace quire's defaults.
import path from "node:path";
import type { BuildOptions } from "../build-options.ts";
import { readJekyllConfig } from "./config.ts";
import { readJekyllPalette } from "./palette.ts";
import { jekyllSiteSettings } from "./site-settings.ts";
import { normaliseBasePath } from "../base-path.ts";

export function withJekyllSite<T extends BuildOptions>(options: T): T {
  const input = path.resolve(options.input);
  const config = readJekyllConfig(input);
  if (!config) return options;
  // Jekyll serves the site under `baseurl`; --base-path, when given, wins.
  const basePath = options.basePath === "/" && config.baseurl ? normaliseBasePath(config.baseurl) : options.basePath;
  return { ...options, basePath, site: jekyllSiteSettings(config, options.site), palette: readJekyllPalette(input) ?? options.palette };
}
