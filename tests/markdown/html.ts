// Reading rendered HTML with parse5 for assertions (never regular expressions over HTML).
import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** A pseudo-root element holding the parsed fragment's nodes. */
export function parseHtml(html: string): Element {
  const fragment = parseFragment(html);
  return { ...fragment, nodeName: "#root", tagName: "#root", attrs: [] } as unknown as Element;
}

function childNodes(node: Node): Node[] {
  return "childNodes" in node ? node.childNodes : [];
}

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

/** Descendant elements in document order, optionally only those with this tag. */
export function elements(root: Node, tag?: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    for (const child of childNodes(node)) {
      if (isElement(child) && (tag === undefined || child.tagName === tag)) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function text(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  return childNodes(node).map(text).join("");
}

/** Every text node's value, in document order. */
export function textNodes(root: Node): string[] {
  return childNodes(root).flatMap((child) =>
    child.nodeName === "#text" ? [(child as DefaultTreeAdapterTypes.TextNode).value] : textNodes(child),
  );
}

/** Element children, skipping text and comments. */
export function children(element: Element): Element[] {
  return childNodes(element).filter(isElement);
}

/** Whether a `<br>` is followed by another `<br>` with only whitespace between. */
export function hasDoubledBreak(root: Node): boolean {
  const check = (node: Node): boolean => {
    const nodes = childNodes(node).filter((child) => !(child.nodeName === "#text" && text(child).trim() === ""));
    return nodes.some(
      (child, index) => (child.nodeName === "br" && nodes[index + 1]?.nodeName === "br") || check(child),
    );
  };
  return check(root);
}

/** Every id in the document. */
export function ids(root: Node): string[] {
  return elements(root).flatMap((element) => {
    const id = attr(element, "id");
    return id === undefined ? [] : [id];
  });
}

/** The targets of `href="#…"` links inside the table of contents. */
export function tocTargets(root: Node): string[] {
  return elements(root, "nav")
    .filter((nav) => (attr(nav, "class") ?? "").split(" ").includes("toc"))
    .flatMap((nav) => elements(nav, "a"))
    .map((link) => attr(link, "href") ?? "")
    .map((href) => (href.startsWith("#") ? href.slice(1) : href));
}
