// The fixture site the browser tests read: an essay with every construct the look styles, a page in every
// palette colour, and a page with a raw hex colour. Written fresh into a temp folder, built through build().
import { palette } from "../../src/palette.ts";
import { buildSite, type BuiltSite } from "../helpers/site.ts";

export const essay = `---
title: "on slow* mornings**"
color: "deeppurple"
excerpt: "a fixture essay with every construct quire styles"
---

1. 
{:toc}

\\* "slow" as in unhurried, not as in late
\\*\\* mornings here means the first hour after waking, whenever that is

some opening lines, one thought per line
a second thought on its own line
a third, with a [link elsewhere](https://en.wikipedia.org/wiki/Morning) and a [link home](/)

# before you read

1. this is **mostly habit**, see "[the kettle](#the-kettle)"
2. nothing here is advice
	- or if it is, it's advice to myself

# the kettle

water takes as long as it takes
no amount of watching changes that[^watched]

## the cup

the cup is the same cup every day
it has a chip on the handle

# what it costs

| what | rushed | slow |
|:-|:-:|-:|
| time | less | more |
| mood | worse | better |

# an aside

<details>
<summary markdown="span">the case for rushing, open it if you like</summary>
some people like the rush, and that's fine<br>
it wakes them faster than coffee does
</details>

# some hope

mornings come back every day
so there's always another try

# later thoughts

${Array.from({ length: 12 }, (_, i) => `a filler line ${i + 1} so the page is long enough to scroll`).join("\n")}

${Array.from({ length: 12 }, (_, i) => `another filler line ${i + 1}, to give the last sections room`).join("\n")}

---

the end of the text
with one last thought

[^watched]: a watched pot does boil, it only feels slower
`;

/** Words that appear on exactly one page, for the search test. */
export const searchable = { word: "marmalade", url: "/colour-teal/" };

export function colourPage(name: string): string {
  const extra = name === "teal" ? `\nthere's ${searchable.word} on the table\n` : "";
  return `---
title: "${name} page"
color: "${name}"
excerpt: "a page in ${name}"
---
a page in the palette colour ${name}
with a [link](/essay/) to the essay
${extra}
# a heading in ${name}

some text under the heading, with a [section link](#a-heading-in-${name})
`;
}

export function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {
    "index.md": `---\ntitle: "a fixture site"\nlayout: home.njk\n---\nthe home page of the browser fixture site\n`,
    "essay.md": essay,
    "raw-hex.md": `---\ntitle: "a raw hex colour"\ncolor: "#ffeb3b"\n---\na light raw colour, which gets dark header text\n\n# a heading on it\n\ntext\n`,
  };
  for (const name of Object.keys(palette)) files[`colour-${name}.md`] = colourPage(name);
  return files;
}

/** Pages per search shard in the fixture build: small, so the index comes in several bundles the search page merges. */
export const fixtureShardPages = 4;

export async function buildFixtureSite(): Promise<BuiltSite> {
  const before = process.env.QUIRE_SEARCH_SHARD_PAGES;
  process.env.QUIRE_SEARCH_SHARD_PAGES = String(fixtureShardPages);
  try {
    return await buildSite(fixtureFiles());
  } finally {
    if (before === undefined) delete process.env.QUIRE_SEARCH_SHARD_PAGES;
    else process.env.QUIRE_SEARCH_SHARD_PAGES = before;
  }
}

/** Every HTML page of the fixture site, by URL. */
export function fixtureUrls(): string[] {
  return ["/", "/essay/", "/raw-hex/", "/search/", ...Object.keys(palette).map((name) => `/colour-${name}/`)];
}
