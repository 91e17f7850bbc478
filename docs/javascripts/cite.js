// Citations ask for the date the reader read the page ("accessed"): the build leaves a note
// in its place, and this writes the reader's own today there, in each format's style
// (hooks/citation.py marks the spots). Runs after every instant navigation too.
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function fillAccessed() {
  const now = new Date();
  const iso = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  const text = `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
  for (const element of document.querySelectorAll("[data-cite-accessed]")) {
    element.textContent = element.dataset.citeAccessed === "iso" ? iso : text;
  }
}

// On a page with a calculator Material's bundle (and its document$) comes later
// (javascripts/calculators/material.js), and says so with "material-loaded".
if (globalThis.document$) document$.subscribe(fillAccessed);
else {
  fillAccessed();
  document.addEventListener("material-loaded", () => document$.subscribe(fillAccessed), { once: true });
}
