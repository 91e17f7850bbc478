// Service worker: a returning reader needs no network, and nothing it keeps is wrong.
//
// The build writes what it is made of into the line below (hooks/offline_manifest.py): every
// file but the pages with its size and SHA-256, every page with its title, and the kit a
// calculator page needs. So:
// - A file the build lists is cached only once its bytes are exactly the build's (status 200,
//   same origin, not redirected, right size and checksum), and served from the cache when
//   the cached copy is the build's; any other copy is deleted.
// - Pages (and anything the build does not list) are fetched first and cached when the
//   answer is a real one (200, same origin); one copy per page address, whatever the query.
//   Offline, the cached copy is served, or, for a page never visited, a page listing what
//   can be read offline.
// - Whatever the current build no longer has is deleted (on activation and whenever a page
//   asks to be cached).
// - A calculator page is cached together with the kit it needs (chart library, Pyodide, the
//   start-up library, which holds the core), so offline its chart follows its numbers.
// - Python's memory snapshot is fetched only when a live page asks for it (it does unless the
//   browser asks to save data), in the background; the Python worker asks for it with
//   `cache: "only-if-cached"`, which this answers from the cache alone, never the network.
// - Pyodide's WebAssembly is answered with the browser's HTTP cache's copy while that holds one
//   (never from the network; else as any listed file), passed through as it is: Chromium keeps
//   V8's compiled code beside the response it was compiled from, and for a response passed
//   through it looks where the first visit's download (which this did not see) left it, in its
//   code cache by address. A copy from Cache Storage has a code cache of its own, empty until
//   a visit served from it stores code there: the first return would compile again. The Python
//   worker checks this copy's size and SHA-256 as it checks every runtime file, and fetches
//   afresh (`cache: "reload"`, which this answers from the network) what is damaged.
// Requests to any other origin are not touched (the site makes none).
const OFFLINE = null; // @offline-manifest
const CACHE = "scaling-series-companion";
const CHECKSUM = "X-Content-SHA256";
const SCOPE = new URL(self.registration.scope);

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(prune)
      .then(() => self.clients.claim()),
  );
});

// The page asks: {cache: [urls], calculator: true if it has one, snapshot: true to add
// Python's snapshot}.
self.addEventListener("message", (event) => {
  const urls = (event.data?.cache ?? []).map((url) => new URL(url, SCOPE)).filter((url) => url.origin === SCOPE.origin);
  const kit = event.data?.calculator ? OFFLINE.kit.map((path) => new URL(path, SCOPE)) : [];
  if (event.data?.snapshot) kit.push(new URL(OFFLINE.snapshot, SCOPE));
  event.waitUntil(
    prune().then(() =>
      Promise.all(
        [...urls, ...kit].map(async (url) => {
          if (await cachedCopy(url)) return;
          let kept = Promise.resolve();
          // Pyodide's WebAssembly as the HTTP cache holds it, fresh or not (`force-cache`),
          // without asking the server again: the answer to a revalidation would give the HTTP
          // cache's copy a new time, and V8's code stored beside the first visit's download
          // would no longer match it (the checksum still decides whether the copy is kept).
          const cache = url.pathname.endsWith(".wasm") ? "force-cache" : "default";
          await fetchAndKeep(new Request(url, { cache }), (promise) => (kept = promise)).catch(() => {});
          await kept;
        }),
      ),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return;
  const keeping = (promise) => event.waitUntil(promise);
  if (request.cache === "only-if-cached") {
    event.respondWith(cachedCopy(url).then((cached) => cached ?? new Response(null, { status: 504, statusText: "Not cached" })));
    return;
  }
  if (known(url) && request.cache !== "reload" && url.pathname.endsWith(".wasm")) {
    event.respondWith(fromHttpCache(url).then((response) => response ?? cacheFirst(request, keeping)));
    return;
  }
  event.respondWith(known(url) && request.cache !== "reload" ? cacheFirst(request, keeping) : networkFirst(request, keeping));
});

// The browser's HTTP cache's copy of `url`, fresh or not, without a request to the network
// (`only-if-cached`), or null when it holds none.
async function fromHttpCache(url) {
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response.status === 200 && !response.redirected ? response : null;
  } catch {
    return null;
  }
}

// The site path of a URL ("essays/half-life/"), or null outside the scope.
function sitePath(url) {
  return url.pathname.startsWith(SCOPE.pathname) ? decodeURIComponent(url.pathname.slice(SCOPE.pathname.length)) : null;
}

function known(url) {
  return sitePath(url) in OFFLINE.files;
}

function isPage(url) {
  const path = sitePath(url);
  return path !== null && (path in OFFLINE.pages || `${path}/` in OFFLINE.pages || path.replace(/index\.html$/, "") in OFFLINE.pages);
}

// One key per address: no query, no fragment.
function keyOf(url) {
  const key = new URL(url);
  key.search = "";
  key.hash = "";
  if (key.pathname.endsWith("/index.html")) key.pathname = key.pathname.slice(0, -"index.html".length);
  return key.href;
}

async function cachedCopy(url) {
  const cached = await (await caches.open(CACHE)).match(keyOf(url));
  if (!cached) return null;
  const file = OFFLINE.files[sitePath(url)];
  return !file || cached.headers.get(CHECKSUM) === file[1] ? cached : null;
}

async function cacheFirst(request, keeping) {
  return (await cachedCopy(new URL(request.url))) ?? fetchAndKeep(request, keeping);
}

async function networkFirst(request, keeping) {
  const url = new URL(request.url);
  try {
    return await fetchAndKeep(request, keeping);
  } catch (error) {
    const cached = await cachedCopy(url);
    if (cached) return cached;
    if (request.mode === "navigate" || isPage(url)) return offlinePage(url);
    throw error;
  }
}

// Fetch, and keep a copy if it is verified. The reader gets the response at once (a large
// file still streams); checking and storing the copy goes on beside it, and `keeping` (a
// promise) says when that is done.
async function fetchAndKeep(request, keeping = (promise) => promise) {
  const response = await fetch(request);
  if (response.status === 200 && response.type === "basic" && !response.redirected) {
    keeping(keep(new URL(request.url), response.clone()).catch(() => {}));
  }
  return response;
}

async function keep(url, response) {
  const file = OFFLINE.files[sitePath(url)];
  const cache = await caches.open(CACHE);
  if (!file) return cache.put(keyOf(url), response);
  const body = await response.arrayBuffer();
  if (body.byteLength !== file[0] || (await sha256(body)) !== file[1]) return;
  const headers = new Headers(response.headers);
  headers.set(CHECKSUM, file[1]);
  await cache.put(keyOf(url), new Response(body, { status: 200, statusText: response.statusText, headers }));
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Delete every cached copy this build does not have: files it no longer lists or whose
// checksum differs, and pages it no longer has.
async function prune() {
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    const path = sitePath(url);
    const file = OFFLINE.files[path];
    let keep = Boolean(file) || isPage(url);
    if (file) keep = (await cache.match(request))?.headers.get(CHECKSUM) === file[1];
    if (!keep) await cache.delete(request);
  }
}

async function offlinePage(url) {
  const cache = await caches.open(CACHE);
  const cached = (await cache.keys()).map((request) => new URL(request.url)).filter(isPage);
  const items = cached
    .map((page) => {
      const title = OFFLINE.pages[sitePath(page)] ?? sitePath(page);
      return `<li><a href="${escape(page.href)}">${escape(title)}</a></li>`;
    })
    .join("");
  const list = items ? `<p>These pages are saved on this device and open offline:</p><ul>${items}</ul>` : "<p>No page of this site is saved on this device yet.</p>";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Scaling Series Companion</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}a{color:#3f51b5}</style></head>
<body><h1>You are offline</h1><p>This page (${escape(url.pathname)}) has not been saved on this device, so it cannot open without a connection.
<a href="${escape(url.href)}">Try again</a> once you are back online.</p>${list}</body></html>`;
  return new Response(html, { status: 503, statusText: "Offline", headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
