// Pages run through Liquid before markdown (as on GitHub Pages), but most essays hold no Liquid at all, and
// Liquid's tokenizer walks every character of them. Text with neither `{{` nor `{%` is one plain-text token
// to Liquid, so it is handed over as that token directly: the same output, without the walk.
import type { UserConfig } from "@11ty/eleventy";

interface LiquidLike {
  options: { tagDelimiterLeft: string; outputDelimiterLeft: string };
  parse(text: string, file?: string): unknown[];
}

/** True when Liquid would find a tag or an output in `text`. */
export function mayHoldLiquid(text: string, delimiters: LiquidLike["options"]): boolean {
  return text.includes(delimiters.tagDelimiterLeft) || text.includes(delimiters.outputDelimiterLeft);
}

export default function plainTextLiquid(eleventyConfig: UserConfig): void {
  eleventyConfig.amendLibrary("liquid", (library) => {
    const liquid = library as LiquidLike;
    const parse = liquid.parse.bind(liquid);
    liquid.parse = (text, file) =>
      mayHoldLiquid(text, liquid.options)
        ? parse(text, file)
        : // A template that renders to the text as it is; `token` is what Liquid's errors would quote.
          [{ token: { kind: 4, input: text, begin: 0, end: text.length, file, getText: () => text }, render: () => text }];
  });
}
