// The search page's script, and the only script on the site: Pagefind's browser API over the index the
// build wrote to /pagefind/, in bundles listed by /pagefind/bundles.json (src/search-index.ts), each searched
// on its own and their answers merged. Paths are relative to this file, so a site under a base path works too.
/* global document, fetch, location, setTimeout, URL, URLSearchParams -- a browser script, outside the Node project eslint configures */
const form = document.querySelector(".search-form");
const input = document.querySelector("#search-input");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more");
/** Results shown at a time: "more results" shows the next ones. */
const PAGE = 20;
const siteRoot = new URL("../", import.meta.url);

/** Each bundle's own Pagefind: searched one by one, so the page can tell which of them found the words asked. */
let bundles;
try {
  const index = new URL("pagefind/", siteRoot);
  const { bundles: paths } = await (await fetch(new URL("bundles.json", index))).json();
  // Every bundle's pagefind.js is a module of its own (another URL), with its own index and worker.
  bundles = await Promise.all(
    paths.map(async (bundle) => {
      const pagefind = await import(new URL(`${bundle}pagefind.js`, index).href);
      await pagefind.options({ baseUrl: siteRoot.pathname });
      await pagefind.init();
      return pagefind;
    }),
  );
} catch {
  status.textContent = "the search index is missing; the home page lists every page";
}

if (bundles) {
  form.hidden = false;
  document.querySelector(".search-needs-js").hidden = true;
  let latest = 0;
  const show = async (query, wait) => {
    const asked = ++latest;
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    // A newer keystroke has started its own search; this one's answer is stale.
    if (asked !== latest) return;
    const found = query.trim() ? await searchAll(query) : [];
    if (asked !== latest) return;
    const pages = await Promise.all(found.slice(0, PAGE).map((result) => result.data()));
    if (asked !== latest) return;
    list.replaceChildren(...pages.map(resultItem));
    shown = { asked, found, count: pages.length };
    tell(query);
  };
  /** What the list holds: the search it answers, all it found, how many are shown. */
  let shown = { asked: 0, found: [], count: 0 };
  const tell = (query) => {
    const { found, count } = shown;
    const total = found.length;
    status.textContent = query.trim() ? `${total === 1 ? "1 page" : `${total} pages`} found${total > count ? `, the first ${count} shown` : ""}` : "";
    more.hidden = total <= count;
  };
  more.addEventListener("click", async () => {
    const { asked, found, count } = shown;
    const pages = await Promise.all(found.slice(count, count + PAGE).map((result) => result.data()));
    if (asked !== latest) return;
    const items = pages.map(resultItem);
    list.append(...items);
    shown = { asked, found, count: count + pages.length };
    tell(input.value);
    // The reader carries on from the first new result.
    items[0]?.querySelector("a")?.focus();
  });
  input.addEventListener("input", () => show(input.value, 150));
  // Results follow the typing; the button (or Enter) searches again at once.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(input.value, 0);
  });
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    show(asked, 0);
  }
}

/** Every bundle's results for `query`, best first, but those of bundles that did not find the words asked. */
async function searchAll(query) {
  const answers = await Promise.all(bundles.map((pagefind) => pagefind.search(query)));
  const kept = await withoutStandIns(query, answers.map((answer) => answer.results).filter((results) => results.length > 0));
  return kept.flat().sort((a, b) => b.score - a.score);
}

// When a bundle has no word that starts like a word asked, Pagefind answers with the longest start of it that
// it has: a bundle without "harbourmaster" finds "harbour". One index over the whole site would do that only
// when no page has the word; in bundles, each does it alone. So for each word asked, how far each bundle's best
// page matches it is measured (the letters its matched words share with the word), and a bundle is left out
// when it matches less than the word's stem while another bundle matches the stem — or, when no bundle does,
// less than the bundle that matches most, as one index would answer.

/** Endings Pagefind's English stemmer may take off, longest first: the stem is at least this short. */
const ENDINGS = ["ational", "ations", "ation", "ness", "ment", "ings", "ingly", "edly", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s", "e", "y"];

function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** How many letters of `word` its stem surely keeps: endings taken off twice, at least three letters left. */
function stemFloor(word) {
  let stem = word;
  for (let round = 0; round < 2; round++) {
    const ending = ENDINGS.find((end) => stem.endsWith(end) && stem.length - end.length >= 3);
    if (ending) stem = stem.slice(0, -ending.length);
  }
  return Math.min(stem.length, word.length);
}

function sharedStart(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

async function withoutStandIns(query, answers) {
  if (answers.length < 2 || /"/.test(query)) return answers;
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  // Languages written without spaces are split by Pagefind into words this page cannot see: keep everything.
  if (words.length === 0 || words.some((word) => !/^[\p{Script=Latin}\p{N}]+$/u.test(word))) return answers;
  const depths = await Promise.all(
    answers.map(async ([best]) => {
      const page = await best.data();
      if (page.content.includes("\u200B")) return undefined;
      const text = page.content.split(/[^\S\uFEFF]+/g);
      const matched = best.words.map((at) => fold(text[at] ?? ""));
      return words.map((word) => Math.max(0, ...matched.map((found) => sharedStart(found, word))));
    }),
  );
  if (depths.includes(undefined)) return answers;
  const needed = words.map((word, i) => Math.min(stemFloor(word), Math.max(...depths.map((depth) => depth[i]))));
  return answers.filter((_, b) => words.every((_, i) => depths[b][i] >= needed[i]));
}

function resultItem(page) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = page.url;
  link.textContent = page.meta.title ?? page.url;
  const excerpt = document.createElement("p");
  // Pagefind's excerpt is the page's own text, escaped, with <mark> around the words found.
  excerpt.innerHTML = page.excerpt;
  item.append(link, excerpt);
  return item;
}
