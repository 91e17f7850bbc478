// One calculator on the page: read its inputs, ask Python, show the result or the message.
// The section arrives complete from the build (form, default result, static chart); this
// module only makes it live. States: static -> loading -> live, or error if Python fails.
import { drawChart } from "./chart.js";
import { boot, compute } from "./runtime.js";

const STATUS = {
  static: "Showing the result computed when this page was built.",
  loading: "Starting Python in your browser… the result shown was computed when this page was built.",
  live: "Live: Python is running in your browser.",
  error: "Python could not start in this browser, so the result shown is the one computed when this page was built.",
};

const requestCounts = new WeakMap();

export function mountCalculator(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const form = root.querySelector("form");
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", () => update(root));
  for (const button of root.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => applyPreset(root, JSON.parse(button.dataset.values)));
  }
  setState(root, "loading");
  boot().then(
    () => {
      setState(root, "live");
      update(root);
    },
    (error) => {
      console.warn("Python runtime unavailable:", error.message);
      setState(root, "error");
    },
  );
}

function applyPreset(root, values) {
  for (const [name, value] of Object.entries(values)) {
    const input = root.querySelector(`input[name="${CSS.escape(name)}"]`);
    if (input) input.value = String(value);
  }
  update(root);
}

function readInputs(root) {
  const inputs = {};
  for (const input of root.querySelectorAll("form input[name]")) inputs[input.name] = input.value;
  return inputs;
}

async function update(root) {
  if (root.dataset.state !== "live") return;
  const count = (requestCounts.get(root) ?? 0) + 1;
  requestCounts.set(root, count);
  let result;
  try {
    result = await compute(root.dataset.calculator, readInputs(root));
  } catch (error) {
    console.warn("Calculator failed:", error.message);
    showErrors(root, { "": "Something went wrong while computing this result; the last good result is kept." });
    return;
  }
  if (requestCounts.get(root) !== count) return; // a newer request is on its way
  if (!result.ok) {
    showErrors(root, result.errors);
    return;
  }
  showErrors(root, {});
  for (const [name, output] of Object.entries(result.outputs)) {
    const element = root.querySelector(`[data-output="${CSS.escape(name)}"]`);
    if (element) element.textContent = output.text;
  }
  root.dataset.result = "fresh";
  await drawChart(root.querySelector(".calc__chart"), result.chart);
}

function showErrors(root, errors) {
  for (const element of root.querySelectorAll("[data-error-for]")) {
    const message = errors[element.dataset.errorFor];
    element.textContent = message ?? "";
    element.hidden = !message;
    const input = root.querySelector(`input[name="${CSS.escape(element.dataset.errorFor)}"]`);
    if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
  }
  root.dataset.result = Object.keys(errors).length ? "stale" : "fresh";
}

function setState(root, state) {
  root.dataset.state = state;
  root.querySelector("[data-calc-status]").textContent = STATUS[state];
}
