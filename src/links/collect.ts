// Reads one rendered page with a streaming HTML tokenizer (no DOM): the ids it defines and the links it makes.
import { Parser } from "htmlparser2";

export interface PageLink {
  /** The attribute value as written (entities decoded) */
  href: string;
  /** The element's text, for reports ("" for images and stylesheets) */
  text: string;
  /** Which attribute on which element: "a[href]", "img[src]"… */
  kind: string;
  /** Offsets of the opening tag in the page, to rewrite the attribute in place */
  start: number;
  end: number;
  /** Inside the page's <main>, where its own text is; false: the layout's header or footer */
  inMain: boolean;
}

export interface PageLinks {
  ids: Set<string>;
  /** The ids of headings: what a fragment most likely meant */
  headings: Set<string>;
  links: PageLink[];
}

const LINK_ATTRIBUTES: Record<string, string> = {
  a: "href",
  area: "href",
  link: "href",
  img: "src",
  script: "src",
  source: "src",
  video: "src",
  audio: "src",
  iframe: "src",
  track: "src",
};

/** Every id (and `<a name>`) a page defines, and every link it makes. */
export function collectPageLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const headings = new Set<string>();
  const links: PageLink[] = [];
  // Anchors still open, innermost last, collecting their text.
  const openAnchors: PageLink[] = [];
  let mains = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "main") mains++;
        if (attributes.id) ids.add(attributes.id);
        if (attributes.id && /^h[1-6]$/.test(name)) headings.add(attributes.id);
        if (name === "a" && attributes.name) ids.add(attributes.name);
        const attribute = LINK_ATTRIBUTES[name];
        const value = attribute ? attributes[attribute] : undefined;
        if (attribute && value !== undefined) {
          const link = { href: value, text: "", kind: `${name}[${attribute}]`, start: parser.startIndex, end: parser.endIndex, inMain: mains > 0 };
          links.push(link);
          if (name === "a") openAnchors.push(link);
          if (name === "img" && attributes.alt) link.text = attributes.alt;
        } else if (name === "a") {
          openAnchors.push({ href: "", text: "", kind: "", start: 0, end: 0, inMain: false });
        }
      },
      ontext(text) {
        for (const anchor of openAnchors) anchor.text += text;
      },
      onclosetag(name) {
        if (name === "main") mains = Math.max(0, mains - 1);
        if (name === "a") {
          const anchor = openAnchors.pop();
          if (anchor) anchor.text = anchor.text.replace(/\s+/g, " ").trim();
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { ids, headings, links };
}
