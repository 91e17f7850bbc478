// Site search's index downloads when the reader first reaches for search, not on every visit.
//
// Material's bundle requests search/search_index.json (about 130 KB gzipped, the site's
// largest file after Python) with XMLHttpRequest as soon as any page loads, though most
// readers never search; on a calculator page those bytes share the network with Python's.
// Material offers no setting for this, so this script, which hooks/search_worker.py writes
// inline before Material's bundle on every page, holds the send() of exactly that request
// (a GET of search/search_index.json; every other request passes untouched) until the reader:
// - focuses the search field: a click or tap on it, or Material's keyboard shortcuts (f, s
//   or /), which focus it;
// - opens search on a phone: the header's magnifier toggles #__search (and then focuses the
//   field);
// - points at the search field or the magnifier (a head start of a few hundred ms);
// or at once when the page was opened from a search result (?h=…: Material highlights the
// words, which needs the index). Material keeps the field's text while the index downloads
// and sends the query once search is ready, so what a reader types at once is searched.
// Instant navigation keeps the index (Material requests it once per page load). When the index
// cannot be fetched (offline, and never kept), the search panel says so.
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const SEARCH = "[data-md-component=search-query], label[for=__search], .md-search__form";
  const { open, send } = XMLHttpRequest.prototype;
  const index = new WeakSet();
  const held = [];
  let wanted = new URLSearchParams(location.search).has("h");

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === "GET" && INDEX.test(new URL(url, location.href).pathname)) index.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (index.has(this)) this.addEventListener("error", unreachable);
    if (index.has(this) && !wanted) held.push(() => send.apply(this, args));
    else send.apply(this, args);
  };

  // Offline, with no copy kept (the service worker keeps the index once a reader has
  // searched), search cannot start: say so where Material says it is starting.
  function unreachable() {
    const meta = document.querySelector(".md-search-result__meta");
    if (meta) meta.textContent = "Search needs a connection the first time it is used.";
  }

  function want() {
    if (wanted) return;
    wanted = true;
    for (const go of held.splice(0)) go();
  }
  const reaching = (event) => event.target instanceof Element && event.target.closest(SEARCH) && want();
  document.addEventListener("focusin", reaching);
  document.addEventListener("pointerover", reaching);
  document.addEventListener("change", (event) => event.target.id === "__search" && event.target.checked && want());
})();
