// Material's bundle, on a page with a calculator, waits until Python has started: run beside
// Python's start it slows it (hooks/material_after_python.py says by how much). The hook
// leaves the bundle's address in an inert <script data-material-bundle>; loadMaterial() loads
// it, and so does the reader's first click, tap, wheel or key, so whatever they reach for
// works at once. On every other page the bundle has run before this module.
const held = document.querySelector("script[data-material-bundle]");
// What the reader does to a page: also what ends fragment.js's hold on a linked heading.
export const READER_INPUT = ["pointerdown", "touchstart", "wheel", "keydown"];

// Material's components start when its document$ first emits, which it makes happen on
// DOMContentLoaded. A bundle that runs after that event (the usual case here) would wait for
// it forever, so the page is handed to document$ as the event would have.
let contentLoaded = document.readyState === "complete";
document.addEventListener("DOMContentLoaded", () => (contentLoaded = true), { once: true });

let bundleRan = false;
let settle;
const settled = held ? new Promise((resolve) => (settle = resolve)) : Promise.resolve();
let loading = false;

/** Load Material's bundle now, if this page holds it back (once); resolves once it has run
 * or failed to load. Never rejects. */
export function loadMaterial() {
  if (!held || loading) return settled;
  loading = true;
  for (const type of READER_INPUT) removeEventListener(type, loadMaterial, { capture: true });
  const script = document.createElement("script");
  script.src = held.dataset.src;
  script.onload = () => {
    bundleRan = true;
    try {
      if (contentLoaded) globalThis.document$.next(document);
    } finally {
      settle();
      // For scripts outside this module graph (javascripts/cite.js).
      document.dispatchEvent(new Event("material-loaded"));
    }
  };
  script.onerror = () => {
    console.warn("Material's bundle did not load: search and instant navigation are off.");
    settle();
  };
  held.replaceWith(script);
  return settled;
}

if (held) {
  for (const type of READER_INPUT) addEventListener(type, loadMaterial, { capture: true, passive: true });
  // Search opened (the phone's magnifier) before the bundle has run: its field takes the
  // focus, as Material would give it, so what the reader types goes there, and Material
  // searches for it as it starts.
  const search = document.getElementById("__search");
  search?.addEventListener("change", () => {
    if (search.checked) document.querySelector("[data-md-component=search-query]")?.focus();
  });
  // Material's keyboard shortcuts, pressed before its bundle has run (the first key of a
  // visit is what loads it, so Material never sees that key): do as Material does.
  addEventListener("keydown", (event) => {
    if (bundleRan || event.metaKey || event.ctrlKey || takesKeys(document.activeElement)) return;
    const shortcut = SHORTCUTS[event.key];
    if (shortcut?.()) event.preventDefault();
  });
}

// Material's shortcuts when the focus is not in a field, by key: each does what Material's
// bundle does, and says whether it did anything.
const openSearch = () => {
  const query = document.querySelector("[data-md-component=search-query]");
  query?.focus();
  query?.select();
  return Boolean(query);
};
const follow = (rel) => () => {
  const link = document.querySelector(`link[rel=${rel}]`);
  if (link) location.assign(link.href);
  return Boolean(link);
};
const SHORTCUTS = {
  f: openSearch,
  s: openSearch,
  "/": openSearch,
  p: follow("prev"),
  ",": follow("prev"),
  n: follow("next"),
  ".": follow("next"),
};

/** Whether a key pressed in `element` is typing in it (Material's test: a field, a choice
 * list, a text area or editable text; of radio buttons only the arrows). */
function takesKeys(element) {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return element.type !== "radio";
  return element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement || element.isContentEditable;
}

/** Call `callback` now, and again for each page Material's instant navigation brings in,
 * once Material is there (its `document$` replays the current page: callbacks must be
 * idempotent). */
export function onEveryPage(callback) {
  callback();
  settled.then(() => globalThis.document$?.subscribe(callback));
}
