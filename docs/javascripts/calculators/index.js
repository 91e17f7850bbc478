// Entry point: mount every calculator on the page, after each instant navigation too, and
// set up offline support (a reader may come back offline to any page). On a page with a
// calculator, offline support waits until Python has started, so that caching the runtime
// never competes with Python's own first download.
import { mountCalculator } from "./calculator.js";
import { offlineReady } from "./offline.js";
import { boot } from "./runtime.js";

const calculators = document.querySelectorAll("[data-calculator]");
if (calculators.length) boot().finally(offlineReady);
else offlineReady();

document$.subscribe(() => {
  for (const root of document.querySelectorAll("[data-calculator]")) mountCalculator(root);
});
