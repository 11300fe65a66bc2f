// The one front-matter schema: what a page may say about itself, checked before anything renders.
import { z } from "zod";
import { closestColourName, paletteColour, palette, type Palette } from "../palette.ts";

const text = (key: string) =>
  z.string({ error: (issue) => `"${key}" must be text, not ${describe(issue.input)}; put it in quotes` });

const flag = (key: string) =>
  z.boolean({ error: (issue) => `"${key}" must be true or false, not ${describe(issue.input)}` });

/** Front matter as the author writes it. Keys quire does not know pass through to templates. */
export const frontMatterSchema = z.looseObject({
  title: text("title").optional(),
  color: z.union([z.string(), z.number()]).optional(),
  colour: z.union([z.string(), z.number()]).optional(),
  excerpt: text("excerpt").optional(),
  copyrighted: flag("copyrighted").optional(),
  draft: flag("draft").optional(),
  published: flag("published").optional(),
  date: z.union([z.date(), z.string()], { error: () => `"date" must be a date like 2024-07-31` }).optional(),
});

const SCHEMA_KEYS = Object.keys(frontMatterSchema.shape);

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** A page's data once Eleventy has merged it: front matter plus what quire computes. */
export interface PageData extends FrontMatter {
  page: { url: string | false; inputPath: string; fileSlug: string; date: Date };
}

export interface FrontMatterProblem {
  /** The front-matter key at fault, to find its line. */
  key: string | undefined;
  message: string;
  hint?: string;
}

/** Every problem with one page's front matter; an empty list means it is fine. */
export function checkFrontMatter(data: Record<string, unknown>, colours: Palette = palette): FrontMatterProblem[] {
  // Only the keys the schema names are checked; the rest of the page's data (the whole data cascade) passes as it is.
  const own: Record<string, unknown> = {};
  for (const key of SCHEMA_KEYS) if (data[key] !== undefined) own[key] = data[key];
  const parsed = frontMatterSchema.safeParse(own);
  const problems: FrontMatterProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ key: issue.path[0]?.toString(), message: issue.message }));
  for (const key of ["color", "colour"] as const) {
    const value = data[key];
    if (value === undefined) continue;
    if (typeof value === "number") {
      problems.push({
        key,
        message: `"${key}" is the number ${value}, which YAML read from an unquoted hex colour`,
        hint: `put the colour in quotes: ${key}: "${String(value).padStart(6, "0")}"`,
      });
    } else if (typeof value === "string" && paletteColour(value, colours) === undefined) {
      const suggestion = closestColourName(value, colours);
      problems.push({
        key,
        message: `"${key}" is "${value}", which is neither a palette colour nor a hex colour`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `use one of ${Object.keys(colours).join(", ")}, or a hex colour like "311b92"`,
      });
    }
  }
  // Eleventy writes a page wherever its permalink says, `..` included: outside the site, over any file.
  const permalink = data.permalink;
  if (typeof permalink === "string" && permalink.split(/[\\/]/).includes("..")) {
    problems.push({
      key: "permalink",
      message: `"permalink" is "${permalink}", which leads out of the site's folder`,
      hint: "write the page's address from the site's root, like /notes/",
    });
  }
  // Eleventy's way to keep a page unwritten: quire's layout (its breadcrumbs, the link check) needs an address.
  if (permalink === false) {
    problems.push({
      key: "permalink",
      message: `"permalink" is false, which quire does not take: every page is published at an address`,
      hint: "to keep a page out of the site, write draft: true (npm start still shows it) or published: false instead",
    });
  }
  // Both spellings, meaning different colours: one would be dropped without a word.
  if (data.color !== undefined && data.colour !== undefined && String(data.color) !== String(data.colour)) {
    problems.push({
      key: "colour",
      message: `"color" is ${JSON.stringify(data.color)} and "colour" is ${JSON.stringify(data.colour)}, but a page has one colour`,
      hint: "keep one of the two lines",
    });
  }
  return problems;
}

function describe(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
