// Breadcrumbs: every ancestor page by URL path, named by its title, ending at the page itself.

export interface Crumb {
  url: string;
  title: string;
}

/** Ancestors of `url` that exist as pages (by `titles`), then the page itself. The home page comes first. */
export function breadcrumbsFor(url: string, title: string, titles: ReadonlyMap<string, string>): Crumb[] {
  const segments = url.split("/").filter(Boolean);
  const crumbs: Crumb[] = [];
  for (let depth = 0; depth < segments.length; depth++) {
    const ancestor = depth === 0 ? "/" : `/${segments.slice(0, depth).join("/")}/`;
    const ancestorTitle = titles.get(ancestor);
    if (ancestorTitle !== undefined) crumbs.push({ url: ancestor, title: ancestorTitle });
  }
  crumbs.push({ url, title });
  return crumbs;
}

/** The document title: the breadcrumb path below the home page, then the site name. */
export function documentTitle(crumbs: readonly Crumb[], siteName: string): string {
  const path = crumbs.filter((crumb) => crumb.url !== "/").map((crumb) => crumb.title);
  return path.length > 0 ? `${path.join(" / ")} - ${siteName}` : siteName;
}
