// The header band's text colour and scrim for each page's colour (src/contrast.ts), and a build warning,
// once per page, when a colour cannot be made readable.
import type { UserConfig } from "@11ty/eleventy";
import { contrastWarning, defaultPolicy, headerInk, type HeaderInk, type InkPolicy } from "../contrast.ts";

export interface Options {
  /** Text colours and the darkest scrim the band may use (default: src/contrast.ts defaultPolicy) */
  policy: InkPolicy;
  /** Where warnings go (default: console.warn, so --quiet still prints them) */
  warn: (line: string) => void;
}

export const defaults = {
  policy: defaultPolicy,
  warn: (line: string) => console.warn(line),
} satisfies Options;

export default function headerContrast(eleventyConfig: UserConfig, partial: Partial<Options> = {}): void {
  const options = { ...defaults, ...partial };
  // One plugin instance per build, so each page warns once per build however often it renders.
  const warned = new Set<string>();

  eleventyConfig.addFilter("headerInk", function (this: { page?: { inputPath?: string } }, pageColour: string): HeaderInk {
    const page = this.page?.inputPath ?? "a page";
    const warning = contrastWarning(page, pageColour, options.policy);
    if (warning && !warned.has(page)) {
      warned.add(page);
      options.warn(warning);
    }
    return headerInk(pageColour, options.policy);
  });
}
