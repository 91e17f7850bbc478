// The page's side of the worker protocol: one worker per visit, shared by every calculator
// on every page (instant navigation keeps this module, and so the worker, alive).
let worker = null;
let booting = null;
let nextId = 0;
const pending = new Map();

function ensureWorker() {
  if (worker) return worker;
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "python" });
  worker.onmessage = ({ data }) => {
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

/** Start Python (once per visit); resolves with the Pyodide and core versions. */
export function boot() {
  booting ??= send({ type: "boot" });
  return booting;
}

/** Run a calculator in Python: resolves with calculators.run's result for these inputs. */
export async function compute(calculator, inputs) {
  await boot();
  return send({ type: "run", calculator, inputs });
}
