// The not-found page: `404.md` published at /404.html (its permalink) or /404/. Hosts send it for every missing
// address, so it is listed nowhere, indexed by no search and has no address of its own.

export function isNotFoundPage(url: unknown): boolean {
  return typeof url === "string" && /^\/404(\.html|\/)$/.test(url);
}
