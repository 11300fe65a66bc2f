// The shape of a site's settings; the values live in site.config.ts at the project root.

export interface Account {
  /** What the link says, e.g. "mastodon" */
  name: string;
  /** Where it goes */
  url: string;
  /** The handle shown next to the name, e.g. "@fox@example.social" */
  handle?: string;
}

export interface SiteSettings {
  /** The site's name: the last part of every page title */
  name: string;
  /** Where the site is published, without a trailing slash, e.g. "https://example.net" */
  url: string;
  /** Language of the pages, for `<html lang>` */
  language: string;
  /** Who writes the site */
  author: { name: string; url?: string };
  /** The licence every page is under unless it says `copyrighted: true` */
  licence: { name: string; url: string };
  /** The repository the site's source lives in, for "source" links in the footer */
  repository: { url: string; branch: string; contentPath: string };
  /** Accounts elsewhere, grouped ("social", "gaming", "art", "other"), shown on /accounts/ with rel="me" */
  accounts: Record<string, Account[]>;
  /** How many of the newest pages the feed carries, each in full (default 20: a feed reader fetches the
   * whole file on every check, and a thousand essays would make it tens of megabytes) */
  feedEntries?: number;
}
