// The Web Worker that runs Python. As soon as it starts it boots Pyodide (once), unpacks the
// core wheel built from this repository (with its bytecode), and answers requests by calling
// the core with JSON text in and out, so no Python proxy ever leaves here:
//   {id, type: "boot"}                          -> {id, booted: {pyodide, core}}
//   {id, type: "run", calculator, inputs}       -> {id, result}   (calculators.run)
//   {id, type: "export", calculator, inputs}    -> {id, result}   (calculators.export)
// While booting it posts {progress: "download" | "core"} so the page can say which stage it
// is in.
const RUNTIME = new URL("../../assets/runtime/", import.meta.url);
// Where Pyodide and the core are, relative to RUNTIME: the build writes the manifest of
// assets/runtime/runtime.json into this line (hooks/runtime_assets.py), so the downloads
// start without first waiting for that file.
const MANIFEST = null; // @runtime-manifest

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

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function boot() {
  self.postMessage({ progress: "download" });
  const indexURL = new URL(MANIFEST.pyodide, RUNTIME).href;
  // The core's two small files download while Pyodide itself downloads and starts.
  const core = Promise.all([MANIFEST.wheel, MANIFEST.bytecode].map((file) => download(new URL(file, RUNTIME))));
  core.catch(() => {}); // awaited below; a failure is reported from there
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  self.postMessage({ progress: "core" });
  const [wheel, bytecode] = await core;
  // The wheel's sources, and beside them their bytecode compiled at build time for this
  // very Python (checked against the sources' hashes on import), so nothing is compiled here.
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  pyodide.unpackArchive(bytecode, "zip", { extractDir: sitePackages });
  // Kept for the worker's lifetime: two proxies, created once.
  const calculators = pyodide.pyimport("calculators");
  return {
    run: calculators.run_json,
    export: (calculator, inputs) => calculators.export_json(calculator, inputs, MANIFEST.coreVersion),
    versions: { pyodide: MANIFEST.pyodideVersion, core: MANIFEST.coreVersion },
  };
}

// Booting starts as soon as the worker does: the page creates it only to run Python.
const ready = Promise.race([downloadFailure(), boot()]);
ready.catch(() => {}); // reported to the page in answer to its requests

self.onmessage = async ({ data }) => {
  const { id, type, calculator, inputs } = data;
  try {
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
