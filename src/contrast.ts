// WCAG contrast for the header band and section headings: which text colour and how dark a scrim
// a page colour needs so its breadcrumbs and title stay readable, without changing the colour itself.

/** What the band needs to meet: WCAG AA for the small breadcrumbs, AA large text for the title. */
export const BREADCRUMB_RATIO = 4.5;
export const TITLE_RATIO = 3;

export interface InkPolicy {
  /** Text colours to try, in order of preference (default: white, then the column's dark grey) */
  inks: readonly string[];
  /** The darkest black scrim laid over the colour behind the text, 0–1; darker changes the colour's identity (default 0.3) */
  maxScrim: number;
  /** Opacity of the band's dark diagonal stripes, which sit under the text too (default 0.12) */
  stripes: number;
}

export const defaultPolicy = {
  inks: ["#ffffff", "#131619"],
  maxScrim: 0.3,
  stripes: 0.12,
} satisfies InkPolicy;

export interface HeaderInk {
  /** The text colour for the band's breadcrumbs and title, and for `<h2>` text on the page colour */
  ink: string;
  /** Opacity of the black scrim behind the text (0 when the colour needs none) */
  scrim: number;
  /** The worst contrast the breadcrumbs get anywhere on the band */
  ratio: number;
  /** Whether the breadcrumbs reach 4.5:1 and the title 3:1 */
  readable: boolean;
}

type Rgb = readonly [number, number, number];

/** `#rrggbb` or `rrggbb` (or 3 digits) as 0–255 channels. */
export function parseHex(hex: string): Rgb {
  const digits = hex.trim().replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`"${hex}" is not a hex colour like #311b92`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance(colour: string | Rgb): number {
  const [r, g, b] = (typeof colour === "string" ? parseHex(colour) : colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `colour` seen through black at opacity `alpha`, as the browser composites it. */
export function darken(colour: string | Rgb, alpha: number): Rgb {
  const rgb = typeof colour === "string" ? parseHex(colour) : colour;
  return rgb.map((c) => c * (1 - alpha)) as unknown as Rgb;
}

/** The worst contrast `ink` gets on the band: over the plain colour and over a stripe, both under the scrim. */
function worstRatio(colour: string, ink: string, scrim: number, stripes: number): number {
  const plain = darken(colour, scrim);
  const striped = darken(plain, stripes);
  return Math.min(contrastRatio(ink, plain), contrastRatio(ink, striped));
}

/**
 * The text colour and scrim a page colour needs: the first ink that reaches the ratios with the lightest
 * scrim (in steps of 0.01) up to `maxScrim`; failing every ink, the most readable one, marked unreadable.
 */
export function headerInk(pageColour: string, policy: InkPolicy = defaultPolicy): HeaderInk {
  let best: HeaderInk | undefined;
  for (const ink of policy.inks) {
    for (let step = 0; step <= Math.round(policy.maxScrim * 100); step++) {
      const scrim = step / 100;
      const ratio = worstRatio(pageColour, ink, scrim, policy.stripes);
      // Only the breadcrumbs' 4.5:1 decides: the title's 3:1 is met whenever it is.
      if (ratio >= BREADCRUMB_RATIO) return { ink, scrim, ratio, readable: true };
      if (!best || ratio > best.ratio) best = { ink, scrim, ratio, readable: false };
    }
  }
  if (!best) throw new Error("an ink policy needs at least one ink");
  return best;
}

/** The build warning for a page whose colour cannot be made readable, or undefined when it can. */
export function contrastWarning(page: string, pageColour: string, policy: InkPolicy = defaultPolicy): string | undefined {
  const found = headerInk(pageColour, policy);
  if (found.readable) return undefined;
  return (
    `${page}: the colour ${pageColour} leaves its header text at ${found.ratio.toFixed(2)}:1, ` +
    `below the ${BREADCRUMB_RATIO}:1 breadcrumbs need; pick a darker or lighter colour, or a palette name`
  );
}
