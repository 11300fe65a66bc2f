// Site settings: edit these for your own site.
import type { SiteSettings } from "./src/settings.ts";

export default {
  name: "quire",
  url: "https://example.net",
  language: "en",
  author: { name: "a. fox" },
  licence: { name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  repository: { url: "https://github.com/example/quire", branch: "main", contentPath: "content" },
  accounts: {
    social: [
      { name: "mastodon", handle: "@fox@example.social", url: "https://example.social/@fox" },
      { name: "bluesky", handle: "@fox.example.net", url: "https://bsky.app/profile/fox.example.net" },
    ],
    gaming: [{ name: "itch.io", url: "https://fox.itch.io/" }],
    art: [{ name: "cara", url: "https://cara.app/fox" }],
    other: [{ name: "github", url: "https://github.com/example" }],
  },
} satisfies SiteSettings;
