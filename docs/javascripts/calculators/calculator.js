// One calculator on the page: read its inputs, ask Python, show the result or the message.
// The section arrives complete from the build (form, default result, static chart, table,
// downloads); this module makes it live. States: static -> loading -> live, or error if
// Python cannot start (the static result then stays, and says so).
import { drawChart, drawPinned, reserveLiveHeight } from "./chart.js";
import { aboutResult, chartFile, downloadName, save, withAbout } from "./downloads.js";
import { readPermalink, writePermalink } from "./permalink.js";
import { notify, showErrors, showOutputs, showPinned, showTable } from "./render.js";
import { boot, compute, exportResult, onProgress } from "./runtime.js";

const STATUS = {
  static: "Showing the result computed when this page was built.",
  download: "Downloading Python… showing the result computed when this page was built.",
  core: "Starting Python… showing the result computed when this page was built.",
  live: "Live: Python is running in your browser.",
  error: "Python could not start in this browser, so the result shown is the one computed when this page was built.",
};

// Per calculator element: the newest request number and the last good result.
const calculators = new WeakMap();

export function mountCalculator(root) {
  if (calculators.has(root)) return;
  const state = { request: 0, last: null };
  calculators.set(root, state);
  const form = root.querySelector("form");
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", () => update(root, { byReader: true }));
  for (const button of root.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => applyPreset(root, button));
  }
  root.querySelector('[data-action="pin"]').addEventListener("click", () => pin(root, true));
  root.querySelector('[data-action="unpin"]').addEventListener("click", () => pin(root, false));
  root.querySelector('[data-action="copy-link"]').addEventListener("click", () => copy(root, "link"));
  root.querySelector('[data-action="copy-python"]').addEventListener("click", () => copy(root, "python"));
  for (const link of root.querySelectorAll("[data-download]")) {
    link.addEventListener("click", (event) => download(root, link, event));
  }

  reserveLiveHeight(root.querySelector(".calc__chart"));

  const fromUrl = readPermalink(root.dataset.calculator, inputNames(root));
  for (const [name, value] of Object.entries(fromUrl)) input(root, name).value = value;
  if (Object.keys(fromUrl).length) notify(root, "Inputs taken from the link; the result follows once Python is running.");

  setStatus(root, "download");
  const stopListening = onProgress((stage) => root.dataset.state === "loading" && setStatus(root, stage));
  boot().then(
    () => {
      stopListening();
      setStatus(root, "live");
      update(root);
    },
    (error) => {
      stopListening();
      console.warn("Python runtime unavailable:", error.message);
      setStatus(root, "error");
    },
  );
}

function inputNames(root) {
  return [...root.querySelectorAll("form input[name]")].map((element) => element.name);
}

function input(root, name) {
  return root.querySelector(`form input[name="${CSS.escape(name)}"]`);
}

function readInputs(root) {
  return Object.fromEntries(inputNames(root).map((name) => [name, input(root, name).value]));
}

function applyPreset(root, button) {
  for (const [name, value] of Object.entries(JSON.parse(button.dataset.values))) {
    const element = input(root, name);
    if (element) element.value = String(value);
  }
  notify(root, `${button.textContent}: ${button.title}`);
  update(root, { byReader: true });
}

// Only a reader's own change rewrites the address: the first live result of a page comes
// while instant navigation may still be moving the address bar.
async function update(root, { byReader = false } = {}) {
  if (root.dataset.state !== "live") return;
  const state = calculators.get(root);
  const request = ++state.request;
  const inputs = readInputs(root);
  let result;
  try {
    result = await compute(root.dataset.calculator, inputs);
  } catch (error) {
    console.warn("Calculator failed:", error.message);
    showErrors(root, { "": "Something went wrong while computing this result; the last good result is kept." });
    return;
  }
  if (request !== state.request) return; // a newer request is on its way
  if (!result.ok) {
    showErrors(root, result.errors);
    return;
  }
  state.last = { inputs, result };
  showErrors(root, {});
  showOutputs(root, result.outputs);
  showTable(root, result.table);
  root.querySelector("[data-python]").textContent = result.python;
  if (byReader) writePermalink(root.dataset.calculator, inputs);
  await drawChart(root.querySelector(".calc__chart"), result.chart);
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
    text = last ? writePermalink(root.dataset.calculator, last.inputs) : location.href;
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
  const filename = downloadName(root.dataset.calculator, inputs, kind);
  if (kind === "svg" || kind === "png") {
    save(await chartFile(root.querySelector(".calc__chart"), kind), filename);
    return;
  }
  const exported = await exportResult(root.dataset.calculator, inputs);
  if (!exported.ok) {
    notify(root, "Fix the inputs marked above to download this result.");
    return;
  }
  const about = aboutResult(root, writePermalink(root.dataset.calculator, inputs));
  const type = kind === "csv" ? "text/csv" : "application/json";
  save(new Blob([withAbout(kind, exported[kind], about)], { type }), filename);
}

function setStatus(root, stage) {
  root.dataset.state = stage === "download" || stage === "core" ? "loading" : stage;
  root.querySelector("[data-calc-status]").textContent = STATUS[stage];
}
