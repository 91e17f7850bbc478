// Register the service worker (docs/sw.js) that keeps the site usable offline. Nothing
// waits for it: Python starts at once, and once the service worker controls the page it is
// asked to cache this page, what the page loaded and, on a calculator page, what Python and
// the chart need.
const SITE_ROOT = new URL("../../", import.meta.url);
const WAIT_MS = 3000;

let controlled = null;

/** Registers the service worker (once); resolves true once it controls this page and has
 * been asked to cache it, false where that does not happen in a few seconds. Never rejects. */
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
  // Cache this page and what it loaded before the service worker was there; a calculator
  // page also gets the kit it needs (sw.js knows it from the build).
  const urls = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)];
  worker.postMessage({ cache: urls, calculator: Boolean(document.querySelector("[data-calculator]")) });
  return true;
}
