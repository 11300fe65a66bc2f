// The search page's script (with english-stem.js, the only script on the site): Pagefind's browser API over the index the
// build wrote to /pagefind/, in bundles listed by /pagefind/bundles.json (src/search-index.ts), each searched
// on its own and their answers merged. Paths are relative to this file, so a site under a base path works too.
/* global document, fetch, location, setTimeout, URL, URLSearchParams -- a browser script, outside the Node project eslint configures */
import { stem } from "./english-stem.js";

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
/** Said after every answer when part of the index could not be loaded. */
let partial = "";
try {
  const index = new URL("pagefind/", siteRoot);
  const { bundles: paths } = await (await fetch(new URL("bundles.json", index))).json();
  // Every bundle's pagefind.js is a module of its own (another URL), with its own index and worker.
  const loaded = await Promise.allSettled(
    paths.map(async (bundle) => {
      const pagefind = await import(new URL(`${bundle}pagefind.js`, index).href);
      await pagefind.options({ baseUrl: siteRoot.pathname });
      await pagefind.init();
      return pagefind;
    }),
  );
  bundles = loaded.filter((result) => result.status === "fulfilled").map((result) => result.value);
  if (bundles.length === 0) throw new Error("no bundle of the index loaded");
  if (bundles.length < paths.length) partial = " (part of the index could not be loaded: some pages may be missing)";
} catch {
  bundles = undefined;
  // The dev server writes its index a few seconds after it starts serving.
  status.textContent =
    "indexWrittenLater" in status.dataset
      ? "the search index is not written yet (the dev server writes it just after it starts): reload this page in a few seconds"
      : "the search index is missing; the home page lists every page";
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
    let found;
    try {
      found = query.trim() ? await searchAll(query) : [];
    } catch {
      if (asked !== latest) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "the search failed (the index could not be read); try again, or use the home page's list";
      return;
    }
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
    status.textContent = query.trim() ? `${total === 1 ? "1 page" : `${total} pages`} found${total > count ? `, the first ${count} shown` : ""}${partial}` : "";
    more.hidden = total <= count;
  };
  more.addEventListener("click", async () => {
    const { asked, found, count } = shown;
    // A second click before the first one's results came would show them twice.
    if (more.disabled) return;
    more.disabled = true;
    const pages = await Promise.all(found.slice(count, count + PAGE).map((result) => result.data())).finally(() => (more.disabled = false));
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
// when no page has the word; in bundles, each does it alone. Pagefind matches a word by its stem (Snowball's
// English stemmer, public/scripts/english-stem.js): a bundle whose best page has a word whose stem starts with
// the stem asked found the word itself. The others are left out when one bundle found it — or, when none did,
// all but those whose stand-in goes furthest, as one index would answer.

/** The words of `text` as Pagefind splits and folds them: lower case, accents off, split at all but letters,
 * digits and apostrophes. */
function wordsOf(text) {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ""))
    .filter(Boolean);
}

function sharedStart(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

async function withoutStandIns(query, answers) {
  // Quoted words are matched as written; another language has another stemmer, or none.
  if (answers.length < 2 || /"/.test(query) || !/^en\b/i.test(document.documentElement.lang)) return answers;
  const asked = [...new Set(wordsOf(query))].map(stem);
  if (asked.length === 0 || asked.some((word) => !/^[\p{Script=Latin}\p{N}']+$/u.test(word))) return answers;
  // For each bundle and each word asked: Infinity when its best page has the word, else how far a stand-in went.
  const reaches = await Promise.all(
    answers.map(async ([best]) => {
      // Found in the title alone (no words in the text to look at): kept.
      if (best.words.length === 0) return undefined;
      const page = await best.data();
      const text = page.content.split(/[^\S\uFEFF]+/g);
      const matched = best.words.flatMap((at) => wordsOf(text[at] ?? "")).map(stem);
      return asked.map((word) => Math.max(0, ...matched.map((found) => (found.startsWith(word) ? Infinity : sharedStart(found, word)))));
    }),
  );
  const known = reaches.filter((reach) => reach !== undefined);
  const needed = asked.map((_, i) => Math.max(0, ...known.map((reach) => reach[i])));
  return answers.filter((_, b) => reaches[b] === undefined || asked.every((_, i) => reaches[b][i] >= needed[i]));
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
