// The Web Worker that runs Python. As soon as it starts it boots Pyodide (once) from the
// precompiled start-up library, which holds the core built from this repository as bytecode,
// and answers requests by calling the core with JSON text in and out, so no Python proxy ever
// leaves here:
//   {id, type: "boot"}                          -> {id, booted: {pyodide, core, build, start}}
//   {id, type: "run", calculator, inputs}       -> {id, result}   (calculators.run)
//   {id, type: "export", calculator, inputs}    -> {id, result}   (calculators.export)
// A failure answers {id, failure: {kind, message}}; `kind` says what went wrong for the page
// to decide whether trying again can help: "network", "stalled", "damaged", "http", "missing"
// (HTTP 404: the site changed under this page), "unsupported" (no WebAssembly) or "python".
// While booting it posts {progress: "download" | "core"}, and a heartbeat {progress} while
// bytes arrive, so the page can tell a slow download from a stalled one.
//
// How Python starts (`start` in the boot answer), fastest first:
//   "snapshot"  a returning reader: the service worker holds this build's memory snapshot of
//               Python with the core imported (fetched in the background after an earlier
//               visit); Pyodide restores it instead of booting;
//   "library"   Pyodide boots from the precompiled start-up library (the standard library's
//               modules a visit loads as bytecode, and the core's modules as bytecode:
//               hooks/startup_library.mjs), so it imports the core from there, compiling nothing;
//               the standard library's other modules are fetched only if Python imports one
//               (restOfTheLibrary, below; the snapshot's start does the same);
//   "stock"     the library did not download or arrived damaged: Pyodide's own library, and the
//               core's wheel (its sources, compiled here as they are imported) unpacked into
//               site-packages.
// A snapshot that is missing, damaged, of another build or fails to restore is skipped for
// the library, and deleted from the cache so the service worker fetches it afresh.
//
// A worker that the page started again after a failure is named "python-retry": it fetches
// every runtime file afresh (`cache: "reload"`), so a damaged copy in the HTTP cache is not
// used twice.
const RUNTIME = new URL("../../assets/runtime/", import.meta.url);
// Where Pyodide and the core are, relative to RUNTIME, and the size and SHA-256 of each file:
// the build writes the manifest of assets/runtime/runtime.json into this line
// (hooks/runtime_assets.py), so the downloads start without first waiting for that file.
const MANIFEST = null; // @runtime-manifest
// A download that receives nothing (no headers, no bytes) for this long has stalled.
const STALL_MS = 15_000;
const HEARTBEAT_MS = 500;
const RETRY = self.name === "python-retry";

class BootError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

// Pyodide never settles its loading promise when a download fails (it only logs a warning),
// so every failed, stalled or damaged fetch of a runtime file ends the boot with an error
// instead of a hang: `failed` rejects on the first one.
let failBoot;
const failed = new Promise((_, reject) => (failBoot = reject));

const expected = new Map(
  Object.entries(MANIFEST.files).map(([path, file]) => [new URL(path, RUNTIME).href, file]),
);

function nameOf(url) {
  return url.slice(url.lastIndexOf("/") + 1);
}

let lastBeat = 0;
function heartbeat() {
  const now = Date.now();
  if (now - lastBeat < HEARTBEAT_MS) return;
  lastBeat = now;
  self.postMessage({ progress: "bytes" });
}

// fetch, for runtime files: a timeout while nothing arrives, and the body checked against
// the size and SHA-256 the build recorded before its last byte is handed on.
// With `fatal` false a failure only rejects this download, for a file the boot can do without.
// `tap`, if given, receives a copy of the response as it arrives, unchecked.
async function verifiedFetch(resource, options = {}, fatal = true, tap = null) {
  const fail = fatal ? failBoot : () => {};
  const url = String(resource?.url ?? resource);
  const file = expected.get(url.split("?")[0]);
  const controller = new AbortController();
  let timer;
  const stalled = () => {
    const error = new BootError("stalled", `the download of ${nameOf(url)} stalled`);
    controller.abort(error);
    fail(error);
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(stalled, STALL_MS);
  };
  arm();
  let response;
  try {
    response = await fetchOriginal(resource, { ...options, signal: controller.signal, ...(RETRY && !options.cache && { cache: "reload" }) });
  } catch (error) {
    clearTimeout(timer);
    const failure = controller.signal.aborted ? controller.signal.reason : new BootError("network", `the download of ${nameOf(url)} failed`);
    fail(failure);
    throw failure;
  }
  if (!response.ok) {
    clearTimeout(timer);
    const kind = response.status === 404 ? "missing" : "http";
    const failure = new BootError(kind, `the server answered HTTP ${response.status} for ${nameOf(url)}`);
    fail(failure);
    throw failure;
  }
  if (!file || !response.body) {
    clearTimeout(timer);
    return response;
  }
  tap?.(response.clone());
  // Read from the network at its own pace (so the stall timer measures the network, not
  // how fast Pyodide consumes), hand each chunk on as the next arrives, and hold the last one
  // back until size and checksum are right: a damaged file never reaches its end.
  const reader = response.body.getReader();
  const damaged = (why) => new BootError("damaged", `the download of ${nameOf(url)} arrived damaged (${why})`);
  async function pump(stream) {
    const hash = [];
    let size = 0;
    let held = null;
    try {
      for (;;) {
        let step;
        try {
          step = await reader.read();
        } catch {
          throw controller.signal.aborted ? controller.signal.reason : new BootError("network", `the download of ${nameOf(url)} broke off`);
        }
        if (step.done) break;
        arm();
        heartbeat();
        size += step.value.byteLength;
        if (size > file.size) throw damaged("too long");
        hash.push(step.value);
        if (held) stream.enqueue(held);
        held = step.value;
      }
      clearTimeout(timer);
      if (size !== file.size) throw damaged(`${size} of ${file.size} bytes`);
      if ((await sha256(hash, size)) !== file.sha256) throw damaged("checksum");
      if (held) stream.enqueue(held);
      stream.close();
    } catch (error) {
      clearTimeout(timer);
      fail(error);
      stream.error(error);
    }
  }
  const body = new ReadableStream({
    start(stream) {
      pump(stream);
    },
    cancel(reason) {
      clearTimeout(timer);
      reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

const fetchOriginal = self.fetch.bind(self);
const LIBRARY = new URL(MANIFEST.library, RUNTIME).href;
const WASM = new URL(`${MANIFEST.pyodide}pyodide.asm.wasm`, RUNTIME).href;
let libraryUsed = "library";
// The core's wheel, downloading once the library has failed (the library holds the core).
let wheel = null;
self.fetch = (resource, options) => {
  const url = String(resource?.url ?? resource);
  if (url === LIBRARY) return libraryOrStock(options);
  if (url === WASM) return verifiedFetch(resource, options, true, compileWasm);
  return url.startsWith(RUNTIME.href) ? verifiedFetch(resource, options) : fetchOriginal(resource, options);
};

// Pyodide's WebAssembly is compiled from the response itself while its bytes arrive, not from
// the checked copy verifiedFetch hands on: a response rebuilt from bytes has no address, so V8
// could neither use nor keep its code cache (a returning reader would compile it again). It
// is instantiated, and so run, only once the checked copy has arrived whole and right.
let compiledWasm = null;
function compileWasm(response) {
  compiledWasm = WebAssembly.compileStreaming(response);
  compiledWasm.catch(() => {}); // awaited below
}
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const checked = await source;
  if (!compiledWasm) return instantiateStreaming(checked, imports);
  await checked.arrayBuffer(); // rejects if the bytes are damaged
  const module = await compiledWasm;
  compiledWasm = null;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

// The precompiled library, or Pyodide's own if it does not arrive whole: either boots the
// same Python, the stock one only slower. Ours travels gzipped (a host compresses no zip; its
// entries are stored) and is inflated here as it arrives; its size and SHA-256 are those of
// the gzipped file, checked as for every runtime file.
async function libraryOrStock(options) {
  try {
    const response = await verifiedFetch(LIBRARY, options, false);
    const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
    // Read whole here, so that a damaged file falls back below instead of failing in Pyodide.
    return new Response(await new Response(inflated).arrayBuffer(), { status: 200 });
  } catch (error) {
    console.warn(`Python: ${error.message}; starting from Pyodide's own library`);
    libraryUsed = "stock";
    wheel = download(new URL(MANIFEST.wheel, RUNTIME));
    wheel.catch(() => {}); // awaited in boot; a failure is reported from there
    return verifiedFetch(new URL(MANIFEST.stockLibrary, RUNTIME).href, options);
  }
}

// The snapshot as the service worker keeps it, never from the network (the service worker
// fetches it in the background after a visit): resolves null when the cache holds none, or
// else to a response whose body is checked against this build's size and SHA-256 as it is
// read, like every runtime file, so a damaged or foreign copy errors instead of restoring.
async function cachedSnapshot() {
  const url = new URL(MANIFEST.snapshot, RUNTIME).href;
  try {
    return await verifiedFetch(url, { cache: "only-if-cached", mode: "same-origin" }, false);
  } catch {
    return null; // none in the service worker's cache (or the HTTP cache, without one)
  }
}

// The snapshot's memory, from its file: gzipped, zero pages left out (hooks/startup_library.mjs,
// packPages, describes the format).
async function unpackSnapshot(response) {
  const packed = new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const [magic, length, pageSize, count] = new Uint32Array(packed.buffer, 0, 4);
  if (magic !== 0x31534750) throw new Error("not a snapshot");
  const pages = new Uint32Array(packed.buffer, 16, count);
  const memory = new Uint8Array(length);
  let at = 16 + 4 * count;
  for (const page of pages) {
    memory.set(packed.subarray(at, at + Math.min(pageSize, length - page * pageSize)), page * pageSize);
    at += pageSize;
  }
  return memory;
}

async function forgetSnapshot() {
  const url = new URL(MANIFEST.snapshot, RUNTIME).href;
  for (const name of await caches.keys()) await (await caches.open(name)).delete(url);
}

async function sha256(chunks, size) {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", whole));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The rest of the standard library (hooks/stdlib_rest.py, which checks its size and SHA-256):
// fetched only when Python imports one of its modules, so synchronously, as an import runs
// (a worker may fetch synchronously; the service worker answers it like any other request).
const REST = new URL(MANIFEST.stdlibRest, RUNTIME).href;
function restOfTheLibrary() {
  const request = new XMLHttpRequest();
  request.open("GET", REST, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`HTTP ${request.status}`);
  return new Uint8Array(request.response);
}

async function download(url) {
  return new Uint8Array(await (await fetch(url.href)).arrayBuffer());
}

async function boot() {
  if (typeof WebAssembly !== "object") throw new BootError("unsupported", "this browser cannot run WebAssembly");
  self.postMessage({ progress: "download" });
  const indexURL = new URL(MANIFEST.pyodide, RUNTIME).href;
  const loader = import(new URL("pyodide.mjs", indexURL).href);
  loader.catch(() => {}); // awaited below
  const snapshot = RETRY ? null : await cachedSnapshot();
  let loadPyodide;
  try {
    ({ loadPyodide } = await loader);
  } catch (error) {
    throw new BootError("network", "Python's loader did not download");
  }
  const options = { indexURL, stdLibURL: LIBRARY, stdout: () => {}, stderr: () => {} };
  let pyodide = null;
  let start = null;
  if (snapshot) {
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: unpackSnapshot(snapshot) });
      // The snapshot remembers the library's table of contents: only that library fits it.
      if (libraryUsed !== "library") throw new Error("the start-up library did not download");
      // The snapshot froze the random generator of the build machine: seed it afresh.
      pyodide.runPython("import random; random.seed()");
      start = "snapshot";
    } catch (error) {
      console.warn("Python: the saved snapshot did not restore; starting without it:", String(error?.message ?? error));
      pyodide = null;
      forgetSnapshot().catch(() => {});
    }
  }
  pyodide ??= await loadPyodide(options);
  start ??= libraryUsed;
  self.postMessage({ progress: "core" });
  // The library holds the core and its data files, and a snapshot holds the core imported and
  // its data read already (calculators/_data.py); only Pyodide's own library needs the wheel.
  if (start === "stock") {
    const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
    pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  }
  // The library holds only what a visit imports; the rest of the standard library is
  // fetched if Python ever imports from it (Pyodide's own library holds everything).
  if (start !== "stock") {
    const rest = MANIFEST.files[MANIFEST.stdlibRest];
    pyodide.pyimport("_stdlib_rest").install(restOfTheLibrary, rest.size, rest.sha256);
  }
  // Kept for the worker's lifetime: two proxies, created once.
  const calculators = pyodide.pyimport("calculators");
  return {
    run: calculators.run_json,
    export: (calculator, inputs) => calculators.export_json(calculator, inputs, MANIFEST.coreVersion),
    versions: { pyodide: MANIFEST.pyodideVersion, core: MANIFEST.coreVersion, build: MANIFEST.build, start },
  };
}

// Booting starts as soon as the worker does: the page creates it only to run Python.
const ready = Promise.race([failed, boot()]);
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
    self.postMessage({ id, failure: { kind: error?.kind ?? "python", message: String(error?.message ?? error) } });
  }
};
