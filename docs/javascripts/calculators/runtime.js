// The page's side of the worker protocol: one worker per visit, shared by every calculator
// on every page (instant navigation keeps this module, and so the worker, alive).
let worker = null;
let booting = null;
let nextId = 0;
const pending = new Map();
const progressListeners = new Set();
let lastProgress = null;

function ensureWorker() {
  if (worker) return worker;
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "python" });
  worker.onmessage = ({ data }) => {
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
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const request of pending.values()) request.reject(new Error(event.message || "worker failed"));
    pending.clear();
  };
  return worker;
}

function send(message) {
  return new Promise((resolve, reject) => {
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
