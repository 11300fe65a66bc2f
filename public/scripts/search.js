// The search page's script, and the only script on the site: Pagefind's browser API over the index the
// build wrote to /pagefind/, in bundles listed by /pagefind/bundles.json (src/search-index.ts): the first is
// loaded, the others merged into it. Paths are relative to this file, so a site under a base path works too.
/* global document, fetch, location, URL, URLSearchParams -- a browser script, outside the Node project eslint configures */
const form = document.querySelector(".search-form");
const input = document.querySelector("#search-input");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const siteRoot = new URL("../", import.meta.url);

let pagefind;
try {
  const index = new URL("pagefind/", siteRoot);
  const { bundles } = await (await fetch(new URL("bundles.json", index))).json();
  const [first, ...rest] = bundles.map((bundle) => new URL(bundle, index));
  pagefind = await import(new URL("pagefind.js", first).href);
  await pagefind.options({ baseUrl: siteRoot.pathname });
  for (const bundle of rest) await pagefind.mergeIndex(bundle.pathname, { baseUrl: siteRoot.pathname });
  await pagefind.init();
} catch {
  status.textContent = "the search index is missing; the home page lists every page";
}

if (pagefind) {
  form.hidden = false;
  document.querySelector(".search-needs-js").hidden = true;
  let latest = 0;
  const show = async (query) => {
    const asked = ++latest;
    const found = query.trim() ? await pagefind.debouncedSearch(query, {}, 150) : { results: [] };
    // A newer keystroke has started its own search; this one's answer is stale.
    if (found === null || asked !== latest) return;
    const pages = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
    if (asked !== latest) return;
    list.replaceChildren(...pages.map(resultItem));
    const count = found.results.length;
    status.textContent = query.trim() ? `${count === 1 ? "1 page" : `${count} pages`} found${count > pages.length ? `, the first ${pages.length} shown` : ""}` : "";
  };
  input.addEventListener("input", () => show(input.value));
  // Results follow the typing; the button (or Enter) searches again at once.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(input.value);
  });
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    show(asked);
  }
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
