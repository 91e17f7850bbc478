// The Web Worker that runs Python. It boots Pyodide once, installs the core wheel built
// from this repository, and answers {id, calculator, inputs} with calculators.run_json's
// result. Values cross the boundary as JSON text, so no Python proxy ever leaves here.
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
  const response = await fetch(new URL("runtime.json", RUNTIME));
  if (!response.ok) throw new Error(`runtime.json: HTTP ${response.status}`);
  const manifest = await response.json();
  const indexURL = new URL(manifest.pyodide, RUNTIME).href;
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  await pyodide.loadPackage(new URL(manifest.wheel, RUNTIME).href, {
    messageCallback: () => {},
    errorCallback: (message) => { throw new Error(message); },
  });
  // Kept for the worker's lifetime: one proxy, created once.
  const runJson = pyodide.pyimport("calculators").run_json;
  return { runJson, pyodideVersion: manifest.pyodideVersion, coreVersion: manifest.coreVersion };
}

self.onmessage = async ({ data }) => {
  const { id, type, calculator, inputs } = data;
  try {
    ready ??= Promise.race([boot(), downloadFailure()]);
    const runtime = await ready;
    if (type === "boot") {
      self.postMessage({ id, booted: { pyodide: runtime.pyodideVersion, core: runtime.coreVersion } });
      return;
    }
    const result = JSON.parse(runtime.runJson(calculator, JSON.stringify(inputs)));
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, failure: String(error?.message ?? error) });
  }
};
