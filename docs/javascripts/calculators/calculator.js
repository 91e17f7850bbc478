// One calculator on the page: read its inputs, ask Python, show the result or the message.
// The section arrives complete from the build (form, default result, static chart, table,
// downloads); this module makes it live, and follows Python's status (runtime.js): loading,
// live, retrying, offline, failed, or outdated (this page comes from another build than the
// scripts running it). Whenever Python is not running, the section shows the result computed
// when the page was built, for the inputs it was built with, so result, table, chart and
// downloads agree; the controls that need Python say why they do nothing.
import { copyStaticCharts, drawChart, drawPinned, prepareCharts, resetChart } from "./chart.js";
import { aboutResult, chartFile, downloadName, save, withAbout } from "./downloads.js";
import { linkValues, readPermalink, writePermalink } from "./permalink.js";
import { notify, showErrors, showOutputs, showPinned, showTable } from "./render.js";
import { build, compute, ensureStarted, exportResult, onStatus, retry } from "./runtime.js";
import { savingData, whenNear } from "./save-data.js";

const BUILT = "showing the result computed when this page was built.";
const STATUS = {
  download: () => `Downloading Python… ${BUILT}`,
  core: () => `Starting Python… ${BUILT}`,
  restarting: () => "Python stopped; starting it again…",
  live: () => "Live: Python is running in your browser.",
  idle: () => `Python starts when you reach this calculator, as your browser asks to save data. Meanwhile ${BUILT}`,
  retrying: ({ reason, delay, wasLive }) =>
    wasLive
      ? `Python stopped (${reason}); starting it again in ${Math.round(delay / 1000)} s…`
      : `Python could not start yet (${reason}); trying again in ${Math.round(delay / 1000)} s… ${BUILT}`,
  offline: () => `You are offline, so Python cannot be downloaded; it starts by itself when the connection is back. Meanwhile ${BUILT}`,
  failed: ({ reason }) => `Python could not start (${reason}), so the result shown is the one computed when this page was built.`,
  outdated: () => "This page was updated since you opened the site: reload it to use the calculator. The result shown is the one computed when the page was built.",
};
// Why the inputs do nothing, beside them, while Python cannot run.
const UNAVAILABLE = {
  offline: "Changing the inputs needs Python, which cannot be downloaded while you are offline. The result, chart, table and downloads below are for the inputs shown.",
  failed: "Changing the inputs needs Python, which is not running. The result, chart, table and downloads below are for the inputs shown.",
  outdated: "Changing the inputs needs a reload of this page. The result, chart, table and downloads below are for the inputs shown.",
};

// Per calculator element: the newest request number and the last good result.
const calculators = new WeakMap();
// One promise per calculator mounted: settled once its first live result is on the page, or
// once Python could not give one (see firstResultsShown).
const firstResults = [];
// Nothing background waits longer than this for the first results.
const FIRST_RESULTS_CAP_MS = 15_000;

/** Resolves once every calculator mounted so far has shown its first live result (chart
 * drawn) or Python could not give it one (it failed, is offline or retrying, or the page is
 * outdated), or after FIRST_RESULTS_CAP_MS. index.js holds the background work of a first
 * visit (caching for offline use, the search index) until then: started at "live", it took
 * the two cores from the first computation and the chart library, and the first chart came
 * about 1.5 s later. Never rejects. */
export function firstResultsShown() {
  const cap = new Promise((resolve) => setTimeout(resolve, FIRST_RESULTS_CAP_MS));
  return Promise.race([Promise.all(firstResults), cap]);
}

export function mountCalculator(root) {
  if (calculators.has(root)) return;
  let firstShown;
  firstResults.push(new Promise((resolve) => (firstShown = resolve)));
  const state = { request: 0, last: null, built: snapshot(root), fromLink: {}, firstShown };
  calculators.set(root, state);
  const form = root.querySelector("form");
  // The build writes the fields read-only, for readers without JavaScript; with it they take typing.
  for (const input of form.querySelectorAll("input[readonly]")) input.readOnly = false;
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", () => {
    showPreset(root, null, "Showing your own inputs.");
    update(root, { byReader: true });
  });
  for (const button of root.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => applyPreset(root, button));
  }
  root.querySelector('[data-action="reset"]').addEventListener("click", () => reset(root));
  root.querySelector('[data-action="pin"]').addEventListener("click", () => pin(root, true));
  root.querySelector('[data-action="unpin"]').addEventListener("click", () => pin(root, false));
  root.querySelector('[data-action="copy-link"]').addEventListener("click", () => copy(root, "link"));
  root.querySelector('[data-action="copy-python"]').addEventListener("click", () => copy(root, "python"));
  for (const link of root.querySelectorAll("[data-download]")) {
    link.addEventListener("click", (event) => download(root, link, event));
  }
  addRecoveryControls(root);

  const fromUrl = readPermalink(root.dataset.calculator, inputNames(root));
  for (const [name, value] of Object.entries(fromUrl)) setInput(input(root, name), value);
  state.fromLink = fromUrl;
  if (Object.keys(fromUrl).length) {
    showPreset(root, null, "Showing the inputs from the link.");
    notify(root, "Inputs taken from the link; the result follows once Python is running.");
  }

  // A page from another build than these scripts is never computed by them (its own
  // calculators, formats and numbers may differ): it keeps the result it was built with.
  if (build && root.dataset.build && root.dataset.build !== build) {
    follow(root, { state: "outdated" });
    return;
  }
  // Python starts at once (the page's <head> has usually started it already), or, when the
  // browser asks to save data, only once this calculator is on or near the screen.
  if (savingData()) whenNear(root, ensureStarted);
  else ensureStarted();
  // Until the page moves on (instant navigation drops this section).
  const stop = onStatus((status) => {
    if (root.isConnected) follow(root, status);
    else queueMicrotask(() => stop());
  });
}

// The reader's way out where one helps: start Python again, or reload an outdated page.
function addRecoveryControls(root) {
  const again = Object.assign(document.createElement("button"), {
    type: "button",
    className: "md-button calc__recover",
    hidden: true,
  });
  again.dataset.action = "recover";
  again.addEventListener("click", () => (root.dataset.state === "outdated" ? location.reload() : retry()));
  root.querySelector("[data-calc-status]").after(again);
  const note = Object.assign(document.createElement("p"), { className: "calc__unavailable", id: `${root.id}-unavailable`, hidden: true });
  note.dataset.unavailable = "";
  root.querySelector("form").before(note);
}

function follow(root, status) {
  const previous = root.dataset.state;
  const stage = status.state === "loading" ? (status.wasLive ? "restarting" : status.stage) : status.state;
  root.dataset.state = status.state;
  root.querySelector("[data-calc-status]").textContent = STATUS[stage](status);
  const again = root.querySelector('[data-action="recover"]');
  again.hidden = !["failed", "outdated"].includes(status.state);
  again.textContent = status.state === "outdated" ? "Reload this page" : "Try again";
  const unavailable = UNAVAILABLE[status.state];
  const note = root.querySelector("[data-unavailable]");
  note.textContent = unavailable ?? "";
  note.hidden = !unavailable;
  for (const control of root.querySelectorAll('form [name], [data-preset], [data-action="reset"], [data-action="pin"]')) {
    control.disabled = Boolean(unavailable);
    const described = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== note.id);
    if (unavailable) described.push(note.id);
    if (described.length) control.setAttribute("aria-describedby", described.join(" "));
    else control.removeAttribute("aria-describedby");
  }
  if (unavailable) restoreBuilt(root);
  if (!["loading", "live", "idle"].includes(status.state)) calculators.get(root)?.firstShown();
  if (status.state === "live" && previous !== "live") {
    update(root); // sends the computation at once
    prepareCharts(); // so the chart library loads while it runs
  }
}

const TABLE_PARTS = ["[data-table-head]", "[data-table-body]", "[data-table-points]"];

// What the build wrote, kept to come back to if Python stops for good.
function snapshot(root) {
  return {
    outputs: Object.fromEntries([...root.querySelectorAll("[data-output]")].map((element) => [element.dataset.output, element.textContent])),
    units: Object.fromEntries([...root.querySelectorAll("[data-unit]")].map((element) => [element.dataset.unit, element.textContent])),
    table: Object.fromEntries(TABLE_PARTS.map((selector) => [selector, root.querySelector(selector).cloneNode(true)])),
    python: root.querySelector("[data-python]").textContent,
    chart: copyStaticCharts(root.querySelector(".calc__chart")),
  };
}

function restoreBuilt(root) {
  const state = calculators.get(root);
  if (!state.last) {
    // Nothing live was shown: only the inputs may differ (taken from a link).
    for (const element of root.querySelectorAll("form [data-default]")) element.value = element.dataset.default;
    showPreset(root, null);
    return;
  }
  const { built } = state;
  state.last = null;
  state.request++;
  for (const element of root.querySelectorAll("form [data-default]")) element.value = element.dataset.default;
  showPreset(root, null);
  for (const [name, text] of Object.entries(built.outputs)) root.querySelector(`[data-output="${CSS.escape(name)}"]`).textContent = text;
  for (const [name, text] of Object.entries(built.units)) root.querySelector(`[data-unit="${CSS.escape(name)}"]`).textContent = text;
  for (const [selector, element] of Object.entries(built.table)) root.querySelector(selector).replaceWith(element.cloneNode(true));
  root.querySelector("[data-python]").textContent = built.python;
  showErrors(root, {});
  showPinned(root, null);
  if (built.chart.length) resetChart(root.querySelector(".calc__chart"), built.chart.map((picture) => picture.cloneNode(true)));
  notify(root, "");
}

// An input is a text field or, for a choice, a list of named options (<select>); both
// hold the number the function receives as their value.
function inputNames(root) {
  return [...root.querySelectorAll("form [name]")].map((element) => element.name);
}

function input(root, name) {
  return root.querySelector(`form [name="${CSS.escape(name)}"]`);
}

// A value from a link or a preset: a choice takes only one of its options (a link naming
// another leaves the choice as it was).
function setInput(element, value) {
  if (!element) return;
  if (element.tagName === "SELECT" && ![...element.options].some((option) => option.value === value)) return;
  element.value = value;
}

function readInputs(root) {
  return Object.fromEntries(inputNames(root).map((name) => [name, input(root, name).value]));
}

// A preset sets every input it does not keep (the build wrote each value, the defaults
// included), so what it shows never depends on what was clicked before.
function applyPreset(root, button) {
  for (const [name, value] of Object.entries(JSON.parse(button.dataset.values))) {
    setInput(input(root, name), String(value));
  }
  showPreset(root, button, `Showing the preset ${button.textContent}. ${button.dataset.keeps}`.trim());
  notify(root, `${button.textContent}: ${button.title}`);
  update(root, { byReader: true });
}

function reset(root) {
  for (const element of root.querySelectorAll("form [data-default]")) element.value = element.dataset.default;
  showPreset(root, null);
  notify(root, "Every input is back to its default.");
  update(root, { byReader: true });
}

// Which setting the form shows: a preset (pressed), the defaults, or the reader's own inputs.
// Without a message, the defaults (the line the build wrote).
function showPreset(root, active, message) {
  for (const button of root.querySelectorAll("[data-preset]")) button.setAttribute("aria-pressed", String(button === active));
  const state = root.querySelector("[data-preset-state]");
  state.textContent = message ?? state.dataset.defaults;
}

// Only a reader's own change rewrites the address: the first live result of a page comes
// while instant navigation may still be moving the address bar.
async function update(root, options = {}) {
  if (root.dataset.state !== "live") return;
  try {
    await computeAndShow(root, options);
  } finally {
    calculators.get(root).firstShown(); // shown, or failed: either way it is over
  }
}

async function computeAndShow(root, { byReader }) {
  const state = calculators.get(root);
  const request = ++state.request;
  const inputs = readInputs(root);
  let result;
  try {
    result = await compute(root.dataset.calculator, inputs);
  } catch (error) {
    // Python stopped: the status says so and the result follows once it is back.
    if (request === state.request && root.dataset.state === "live") {
      showErrors(root, { "": "Something went wrong while computing this result; the last good result is kept." });
    } else if (request === state.request) {
      root.dataset.result = "stale";
    }
    console.warn("Calculator failed:", error.message);
    return;
  }
  if (request !== state.request) return; // a newer request is on its way
  if (!result.ok) {
    showErrors(root, result.errors);
    return;
  }
  state.last = { inputs, result };
  showLinkedAsShown(root, state, result.shown);
  showErrors(root, {});
  showOutputs(root, result.outputs);
  showTable(root, result.table);
  root.querySelector("[data-python]").textContent = result.python;
  if (byReader) writePermalink(root.dataset.calculator, linkValues(result.inputs));
  await drawChart(root.querySelector(".calc__chart"), result.chart);
}

// A link's numbers (`1e24`) are shown as the form writes them (`10^24`) once Python has read
// them, unless the reader has changed the field meanwhile.
function showLinkedAsShown(root, state, shown) {
  for (const [name, value] of Object.entries(state.fromLink)) {
    const element = input(root, name);
    if (element.tagName !== "SELECT" && element.value === value) element.value = shown[name];
  }
  state.fromLink = {};
}

function pin(root, on) {
  const { last } = calculators.get(root);
  const pinned = on ? last?.result : null;
  if (on && !pinned) {
    notify(root, "Nothing to pin yet: the result becomes pinnable once Python is running.");
    return;
  }
  showPinned(root, pinned?.outputs ?? null);
  drawPinned(root.querySelector(".calc__chart"), pinned ? pinned.chart.lines : []);
  notify(root, on ? "Pinned. Change the inputs to compare with this setting." : "Pinned setting cleared.");
}

async function copy(root, what) {
  let text;
  if (what === "link") {
    const { last } = calculators.get(root);
    text = last ? writePermalink(root.dataset.calculator, linkValues(last.result.inputs)) : location.href;
  } else {
    text = pythonToCopy(root);
  }
  try {
    await navigator.clipboard.writeText(text);
    notify(root, what === "link" ? "Link copied." : "Python copied.");
  } catch {
    notify(root, what === "link" ? `Copy this link: ${text}` : "Copying is blocked here: the code is under “Python for this result”.");
  }
}

// "Copy as Python" copies the whole block: the pip install line the build wrote, then the
// code of the current result.
function pythonToCopy(root) {
  return root.querySelector("[data-python-code]").textContent;
}

async function download(root, link, event) {
  // Without Python the link serves the build's file (the default result).
  if (root.dataset.state !== "live") return;
  event.preventDefault();
  const kind = link.dataset.download;
  const inputs = readInputs(root);
  if (kind === "svg" || kind === "png") {
    // The chart drawn is the last good result's.
    const { last } = calculators.get(root);
    const filename = downloadName(root.dataset.calculator, linkValues(last ? last.result.inputs : inputs), kind);
    save(await chartFile(root.querySelector(".calc__chart"), kind), filename);
    return;
  }
  let exported;
  try {
    exported = await exportResult(root.dataset.calculator, inputs);
  } catch {
    notify(root, "Python stopped while preparing the download; it is starting again, so try once more in a moment.");
    return;
  }
  if (!exported.ok) {
    notify(root, "Fix the inputs marked above to download this result.");
    return;
  }
  const numbers = linkValues(exported.inputs);
  const filename = downloadName(root.dataset.calculator, numbers, kind);
  const about = aboutResult(root, writePermalink(root.dataset.calculator, numbers));
  const type = kind === "csv" ? "text/csv" : "application/json";
  save(new Blob([withAbout(kind, exported[kind], about)], { type }), filename);
}
