// --base-path: the URL path a site is served under.

/** A URL path, not a whole address: no scheme, host, query or fragment. */
export function isBasePath(value: string): boolean {
  return !/[:?#\\]|\/\/|\s/.test(value.trim());
}

/** "blog" → "/blog/"; "/" stays "/". */
export function normaliseBasePath(value: string): string {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
