// The Web Worker that runs Python. It boots Pyodide once, installs the core wheel built
// from this repository, and answers requests by calling the core with JSON text in and out,
// so no Python proxy ever leaves here:
//   {id, type: "boot"}                          -> {id, booted: {pyodide, core}}
//   {id, type: "run", calculator, inputs}       -> {id, result}   (calculators.run)
//   {id, type: "export", calculator, inputs}    -> {id, result}   (calculators.export)
// While booting it posts {progress: "download" | "start" | "core"} so the page can say
// which stage it is in.
const RUNTIME = new URL("../../assets/runtime/", import.meta.url);

let ready = null;

// Pyodide never settles its loading promise when a download fails (it only logs a warning),
// so any failed fetch of a runtime file ends the boot with an error instead of a hang.
function downloadFailure() {
  return new Promise((_, reject) => {
    const fetchOriginal = self.fetch.bind(self);
    self.fetch = async (resource, options) => {
      const where = String(resource?.url ?? resource);
      let response;
      try {
        response = await fetchOriginal(resource, options);
      } catch (error) {
        reject(new Error(`could not download ${where}`));
        throw error;
      }
      if (!response.ok) reject(new Error(`could not download ${where}: HTTP ${response.status}`));
      return response;
    };
  });
}

async function boot() {
  self.postMessage({ progress: "download" });
  const response = await fetch(new URL("runtime.json", RUNTIME));
  if (!response.ok) throw new Error(`runtime.json: HTTP ${response.status}`);
  const manifest = await response.json();
  const indexURL = new URL(manifest.pyodide, RUNTIME).href;
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  self.postMessage({ progress: "core" });
  await pyodide.loadPackage(new URL(manifest.wheel, RUNTIME).href, {
    messageCallback: () => {},
    errorCallback: (message) => { throw new Error(message); },
  });
  // Kept for the worker's lifetime: two proxies, created once.
  const core = pyodide.pyimport("calculators");
  return {
    run: core.run_json,
    export: (calculator, inputs) => core.export_json(calculator, inputs, manifest.coreVersion),
    versions: { pyodide: manifest.pyodideVersion, core: manifest.coreVersion },
  };
}

self.onmessage = async ({ data }) => {
  const { id, type, calculator, inputs } = data;
  try {
    ready ??= Promise.race([boot(), downloadFailure()]);
    const runtime = await ready;
    if (type === "boot") {
      self.postMessage({ id, booted: runtime.versions });
    } else if (type === "run" || type === "export") {
      const result = JSON.parse(runtime[type](calculator, JSON.stringify(inputs)));
      self.postMessage({ id, result });
    } else {
      throw new Error(`unknown request ${type}`);
    }
  } catch (error) {
    self.postMessage({ id, failure: String(error?.message ?? error) });
  }
};
