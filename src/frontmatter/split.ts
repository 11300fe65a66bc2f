// A page's source split as Eleventy splits it: the front matter text and the markdown body after it.
import matter from "gray-matter";

export function splitSource(source: string): { frontMatter: string; body: string; data: Record<string, unknown> } {
  // Options given, so gray-matter does not keep every text it parsed in its module-wide cache.
  const parsed = matter(source, {});
  return { frontMatter: parsed.matter, body: parsed.content, data: parsed.data as Record<string, unknown> };
}

/** The markdown body alone, cut exactly where `splitSource` cuts it, without parsing the front matter's YAML. */
export function splitBody(source: string): string {
  return matter(source, { engines: { yaml: () => ({}) } }).content;
}
