// The page's side of the worker protocol: one worker per visit, shared by every calculator
// on every page (instant navigation keeps this module, and so the worker, alive).
let worker = null;
let booting = null;
let nextId = 0;
const pending = new Map();
const progressListeners = new Set();
let lastProgress = null;
let broken = null;

function ensureWorker() {
  if (worker) return worker;
  // A page with a calculator started the worker from its <head> (hooks/calculator_embeds.py)
  // and kept what the worker said meanwhile; a page reached by instant navigation did not.
  const early = globalThis.pythonWorker;
  delete globalThis.pythonWorker;
  worker = early?.worker ?? new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "python" });
  worker.onmessage = receive;
  worker.onerror = failed;
  for (const event of early?.early ?? []) (event.type === "error" ? failed : receive)(event);
  return worker;
}

function receive({ data }) {
  if ("progress" in data) {
    lastProgress = data.progress;
    for (const listener of progressListeners) listener(data.progress);
    return;
  }
  const request = pending.get(data.id);
  if (!request) return;
  pending.delete(data.id);
  if ("failure" in data) request.reject(new Error(data.failure));
  else request.resolve(data.booted ?? data.result);
}

// The worker could not load or crashed: every open request fails, and so would later ones.
function failed(event) {
  event.preventDefault();
  broken = new Error(event.message || "worker failed");
  for (const request of pending.values()) request.reject(broken);
  pending.clear();
}

function send(message) {
  return new Promise((resolve, reject) => {
    if (broken) return reject(broken);
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    ensureWorker().postMessage({ id, ...message });
  });
}

/** Call `listener(stage)` for each boot stage ("download", "core"), the latest at once. */
export function onProgress(listener) {
  progressListeners.add(listener);
  if (lastProgress) listener(lastProgress);
  return () => progressListeners.delete(listener);
}

/** Start Python (once per visit); resolves with the Pyodide and core versions. */
export function boot() {
  booting ??= send({ type: "boot" });
  return booting;
}

/** calculators.run in Python for these raw inputs. */
export async function compute(calculator, inputs) {
  await boot();
  return send({ type: "run", calculator, inputs });
}

/** calculators.export in Python: the Python snippet, CSV and JSON of this result. */
export async function exportResult(calculator, inputs) {
  await boot();
  return send({ type: "export", calculator, inputs });
}
