// Register the service worker (docs/sw.js) that keeps the site usable offline, and say
// when it controls the page. The Python worker waits for that (briefly), so its downloads
// of Pyodide and the core pass through the service worker and are cached.
const SITE_ROOT = new URL("../../", import.meta.url);
const WAIT_MS = 3000;

let controlled = null;

/** Resolves once a service worker controls this page, or after a short wait, or at once
 * where service workers are unavailable. Never rejects. */
export function offlineReady() {
  controlled ??= register();
  return controlled;
}

async function register() {
  if (!("serviceWorker" in navigator)) return false;
  try {
    await navigator.serviceWorker.register(new URL("sw.js", SITE_ROOT), { scope: SITE_ROOT.pathname });
  } catch (error) {
    console.warn("Offline support unavailable:", error.message);
    return false;
  }
  const control = navigator.serviceWorker.controller
    ? Promise.resolve()
    : new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  const timeout = new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  await Promise.race([control, timeout]);
  const worker = navigator.serviceWorker.controller;
  if (!worker) return false;
  // Cache this page and what it loaded before the service worker was there.
  const urls = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)];
  worker.postMessage({ cache: urls });
  return true;
}
