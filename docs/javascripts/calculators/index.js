// Entry point: mount every calculator on the page, after each instant navigation too.
import { mountCalculator } from "./calculator.js";

document$.subscribe(() => {
  for (const root of document.querySelectorAll("[data-calculator]")) mountCalculator(root);
});
