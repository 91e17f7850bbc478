// Entry point: mount every calculator on the page, after each instant navigation too, and
// set up offline support on every page (a reader may come back offline to any of them).
import { mountCalculator } from "./calculator.js";
import { offlineReady } from "./offline.js";

offlineReady();

document$.subscribe(() => {
  for (const root of document.querySelectorAll("[data-calculator]")) mountCalculator(root);
});
