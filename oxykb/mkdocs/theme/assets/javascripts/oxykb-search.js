// oxykb's search worker: Material's search dialog asks it, as it asks its own worker (the message protocol of
// Material's integrations/search/worker), and it answers from Pagefind's index (oxykb/mkdocs/search.py builds it).
// Pagefind is loaded at the first search, not with the page, and loads only the parts of the index that the
// words searched for need, and the pages it shows: a reader who never searches downloads no index.
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const SHOWN = 20; // results with their excerpts; Material's "# matching documents" counts these (labels.py words it)
const PAUSE = 120; // ms: while the reader types, only the words they pause at are searched (each search loads parts)

let settings = null; // the language and where Pagefind's files are, from search/search_index.json
let pagefind = null;
let queue = Promise.resolve();
let latest = 0;

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

async function loadPagefind() {
  if (!pagefind) {
    const root = new URL("../../", self.location); // the language's root: this file is in assets/javascripts/
    const bundle = new URL(settings.pagefind, root);
    // Pagefind reads the page's language from document; a worker has none, so it is told here
    self.document = { currentScript: null, querySelector: () => ({ getAttribute: () => settings.lang }) };
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  }
  return pagefind;
}

// Pagefind's results for the words, best first. Pagefind finds the pages that hold every word; when none does (a
// reader's question has words no page holds: "does oxytocin help with autism"), the pages that hold the most of
// them come first, then by Pagefind's score summed over the words they hold.
async function results(pagefind, words) {
  const all = await pagefind.search(words);
  const terms = words.split(/\s+/);
  if (all?.results.length || terms.length === 1) return all?.results ?? [];
  const pages = new Map();
  for (const each of await Promise.all(terms.map((term) => pagefind.search(term)))) {
    for (const result of each?.results ?? []) {
      const page = pages.get(result.id) ?? { data: result.data, words: 0, score: 0 };
      page.words += 1;
      page.score += result.score;
      pages.set(result.id, page);
    }
  }
  return [...pages.values()].sort((a, b) => b.words - a.words || b.score - a.score);
}

async function search(query) {
  const words = query.trim();
  if (!words) return { items: [] };
  const found = (await results(await loadPagefind(), words)).slice(0, SHOWN);
  const pages = await Promise.all(found.map((result) => result.data()));
  const terms = Object.fromEntries(words.split(/\s+/).map((word) => [word.toLowerCase(), true]));
  const items = pages.map((page, rank) => {
    const score = found[rank].score;
    const sections = page.sub_results
      .filter((section) => section.url.includes("#") && section.anchor?.element !== "h1") // the page's title: shown
      .sort((a, b) => b.weighted_locations.length - a.weighted_locations.length)
      .slice(0, 3);
    return [
      { location: page.url, title: escapeHTML(page.meta.title || ""), text: page.excerpt, score, terms },
      ...sections.map((section, index) => ({
        location: section.url,
        title: escapeHTML(section.title),
        text: section.excerpt,
        score: index === 0 ? score : score / 2, // the best section shown, the others under "more on this page"
        terms,
      })),
    ];
  });
  return { items };
}

addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    const config = message.data.config;
    settings = { lang: config.lang[0], pagefind: config.pagefind };
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const number = ++latest;
    // one search at a time, in order; a query overtaken by a newer one while it waited is dropped
    queue = queue.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, PAUSE));
      if (number !== latest) return;
      let data;
      try {
        data = await search(message.data);
      } catch (error) {
        console.warn("oxykb search:", error);
        data = { items: [] };
      }
      postMessage({ type: RESULT, data });
    });
  }
});
