// Service worker: a returning reader needs no network.
//
// - assets/runtime/* except runtime.json lives in folders named after its version
//   (pyodide-314.0.7/, core-<hash>/), so it never changes under one address: cache first.
// - Everything else from this site (pages, runtime.json, styles, scripts): network first,
//   so readers online always get the latest build, falling back to the cached copy offline.
// - Requests to any other origin are not touched (the site makes none).
// The page sends {cache: [urls]} once this worker controls it, so the page and assets that
// loaded before the worker existed are cached too.
const CACHE = "scaling-series-companion-v1";
const IMMUTABLE = /\/assets\/runtime\/(pyodide-[^/]+|core-[^/]+)\//;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const urls = (event.data?.cache ?? []).filter((url) => new URL(url).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        urls.map(async (url) => {
          if (!(await cache.match(url))) await cache.add(url).catch(() => {});
        }),
      ),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    throw error;
  }
}
