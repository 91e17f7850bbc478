// Entry point: mount every calculator on the page, after each instant navigation too, and
// set up offline support (a reader may come back offline to any page) and site search. On a
// page with a calculator these, and Material's own bundle (material.js), wait until Python
// has started and the calculators have shown their first results, so that none of them
// competes with Python's start or the first computation and chart; when the browser asks to
// save data Python may never start (save-data.js), so they do not wait.
import { firstResultsShown, mountCalculator } from "./calculator.js";
import { loadMaterial, onEveryPage } from "./material.js";
import { offlineReady } from "./offline.js";
import { firstStart } from "./runtime.js";
import { savingData } from "./save-data.js";
import { startSearch } from "./search-start.js";

const calculators = document.querySelectorAll("[data-calculator]");
const started = calculators.length && !savingData() ? firstStart().then(firstResultsShown) : Promise.resolve();
// Never rejects: a failed start is shown by the calculator itself.
const materialLoaded = started.then(() => {
  startSearch();
  return loadMaterial();
});
// The service worker keeps what the page has loaded by then: Material's bundle included.
materialLoaded.then(offlineReady);
// A link to a heading below a calculator stays on it while the calculators settle. Only a
// visit to a heading loads the code for it; one that cannot (offline, say) just lands as before.
if (calculators.length && location.hash) {
  import("./fragment.js").then(({ holdFragment }) => holdFragment(materialLoaded), () => {});
}

onEveryPage(() => {
  for (const root of document.querySelectorAll("[data-calculator]")) mountCalculator(root);
});
