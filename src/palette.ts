// The author's palette: a page's `color` names one of these, or gives a hex colour of its own.
import { closest } from "./edit-distance.ts";

export const palette = {
  red: "c62828",
  magenta: "be123c",
  pink: "880e4f",
  purple: "4a148c",
  deeppurple: "311b92",
  indigo: "1a237e",
  blue: "0d47a1",
  cyan: "006064",
  teal: "004d40",
  green: "226426",
  lightgreen: "33691e",
  lime: "827717",
  yellow: "a47611",
  orange: "e65100",
  deeporange: "bf360c",
  brown: "3e2723",
  default: "37474f",
} as const satisfies Record<string, string>;

export type Palette = Record<string, string>;

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** A colour as `#rrggbb`, or undefined when `value` is neither a palette name nor a hex colour. */
export function paletteColour(value: string | undefined, colours: Palette = palette): string | undefined {
  if (value === undefined || value === "") return `#${colours.default ?? palette.default}`;
  const named = colours[value.trim().toLowerCase()];
  if (named !== undefined) return `#${named.replace(/^#/, "").toLowerCase()}`;
  const hex = HEX.exec(value.trim());
  if (!hex?.[1]) return undefined;
  const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
  return `#${digits.toLowerCase()}`;
}

/** The palette name closest to a mistyped one, if any is close enough to be a likely typo. */
export function closestColourName(value: string, colours: Palette = palette): string | undefined {
  const best = closest(value.toLowerCase().replace(/[^a-z]/g, ""), Object.keys(colours));
  return best && best.distance <= Math.max(2, Math.floor(best.value.length / 3)) ? best.value : undefined;
}
