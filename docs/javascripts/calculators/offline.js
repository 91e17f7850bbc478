// Register the service worker (docs/sw.js) that keeps the site usable offline. Nothing
// waits for it: Python starts at once, and once the service worker controls the page it is
// asked to cache this page, what the page loaded (and search's worker) and, on a calculator
// page, what Python and
// the chart need, and Python's memory snapshot, which makes the reader's next visit start
// Python several times faster. When the browser asks to save data, only what the page used.
import { savingData } from "./save-data.js";

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
  // page also gets the kit it needs and the snapshot (sw.js knows both from the build).
  const urls = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name), ...searchScripts()];
  const ahead = Boolean(document.querySelector("[data-calculator]")) && !savingData();
  worker.postMessage({ cache: urls, calculator: ahead, snapshot: ahead });
  return true;
}

// Site search runs in a worker, whose scripts the page's list of resources does not show (our
// wrapper and Material's worker, both named in Material's configuration): kept too, so that a
// reader whose search index was kept (it downloads on the first search) searches offline.
function searchScripts() {
  try {
    const wrapper = new URL(JSON.parse(document.getElementById("__config").textContent).search, location.href);
    return [wrapper.href, new URL(wrapper.searchParams.get("worker"), wrapper).href];
  } catch {
    return [];
  }
}
