// The page's side of the worker protocol: one Python worker per visit, shared by every
// calculator on every page (instant navigation keeps this module, and so the worker, alive),
// and kept running: a worker that fails to start, crashes, stops answering or exits is
// replaced, with backoff, and the status says at each moment what is true:
//   idle                                   not started: the browser asks to save data, and no
//                                          calculator has come near the screen yet
//   loading  (stage "download" or "core")  Python is on its way
//   live                                   Python answers
//   retrying (attempt, delay, reason)      it failed and starts again after `delay` ms
//   offline  (reason)                      the network is down; it starts again once it is back
//   failed   (reason)                      trying again by itself would not help; retry() may
// Requests fail at once while Python is not live; calculators recompute when it is again.
import { savingData } from "./save-data.js";

const BUILD = null; // @build-id

// The worker says something (progress, heartbeats while bytes arrive, answers) at least
// this often while it boots; silence this long means it hangs.
const BOOT_SILENCE_MS = 30_000;
// One computation takes milliseconds; no answer in this long means the worker is dead.
const ANSWER_MS = 8_000;
// Pauses before each automatic new start after a transient failure; then "failed".
const RETRY_DELAYS_MS = [1_000, 3_000, 9_000];
// Failures another attempt may cure; the others ("missing", "unsupported") would recur.
const TRANSIENT = new Set(["network", "stalled", "damaged", "http", "crashed", "silent", "python"]);

const REASONS = {
  network: "a download failed",
  stalled: "a download stalled",
  damaged: "a download arrived damaged",
  http: "the server answered with an error",
  missing: "the site was updated and a file this page needs is gone",
  unsupported: "this browser cannot run WebAssembly",
  crashed: "Python crashed",
  silent: "Python stopped responding",
  python: "Python failed to start",
  outdated: "this page comes from a newer version of the site",
};

let worker = null;
let generation = 0;
let attempt = 0;
let nextId = 0;
let watchdog = null;
let retryTimer = null;
const pending = new Map();
const listeners = new Set();
let status = savingData() ? { state: "idle" } : { state: "loading", stage: "download" };
let wasLive = false;
let firstSettled;
const settled = new Promise((resolve) => (firstSettled = resolve));

function setStatus(next) {
  status = next;
  if (next.state !== "loading" && next.state !== "idle") firstSettled();
  for (const listener of listeners) listener(status);
}

/** Call `listener(status)` on every change of status, and at once with the current one. */
export function onStatus(listener) {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

/** The build this page's scripts come from (hooks/runtime_assets.py writes it in). */
export const build = BUILD;

/** What a failure's kind means, in words for the reader. */
export function reason(kind) {
  return REASONS[kind] ?? REASONS.python;
}

function start() {
  clearTimeout(retryTimer);
  const mine = ++generation;
  // A page with a calculator started the first worker from its <head>
  // (hooks/calculator_embeds.py) and kept what it said meanwhile; later ones start here.
  const early = mine === 1 ? globalThis.pythonWorker : null;
  delete globalThis.pythonWorker;
  try {
    worker =
      early?.worker ??
      new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: mine === 1 ? "python" : "python-retry" });
  } catch {
    return fail({ kind: "unsupported" });
  }
  worker.onmessage = (event) => mine === generation && receive(event);
  worker.onerror = (event) => {
    event.preventDefault();
    if (mine === generation) fail({ kind: status.state === "live" ? "crashed" : "network" });
  };
  setStatus({ state: "loading", stage: "download", wasLive });
  listenFor(BOOT_SILENCE_MS);
  for (const event of early?.early ?? []) (event.type === "error" ? worker.onerror : worker.onmessage)(event);
  request({ type: "boot" }, null).then(
    (versions) => {
      if (mine !== generation) return;
      clearTimeout(watchdog);
      if (BUILD && versions.build !== BUILD) return fail({ kind: "outdated" });
      attempt = 0;
      wasLive = true;
      setStatus({ state: "live", versions });
    },
    (failure) => mine === generation && fail(failure),
  );
}

// While booting: any word from the worker resets the watchdog.
function listenFor(ms) {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => fail({ kind: status.state === "live" ? "silent" : "stalled" }), ms);
}

function receive({ data }) {
  if (status.state === "loading") listenFor(BOOT_SILENCE_MS);
  if ("progress" in data) {
    if (data.progress !== "bytes" && status.state === "loading") setStatus({ state: "loading", stage: data.progress, wasLive });
    return;
  }
  const request = pending.get(data.id);
  if (!request) return;
  pending.delete(data.id);
  clearTimeout(request.timer);
  if ("failure" in data) request.reject(data.failure);
  else request.resolve(data.booted ?? data.result);
}

// This worker is done for: stop it, fail what waits on it, and decide what comes next.
function fail(failure) {
  const kind = failure?.kind ?? "python";
  clearTimeout(watchdog);
  generation++; // anything the old worker still says is ignored
  worker?.terminate();
  worker = null;
  for (const request of pending.values()) {
    clearTimeout(request.timer);
    request.reject({ kind: "stopped", message: "Python stopped" });
  }
  pending.clear();
  if (failure?.message) console.warn("Python:", failure.message);
  // A file gone from the server means the site changed under this page: only a reload helps.
  if (kind === "outdated" || kind === "missing") return setStatus({ state: "outdated", reason: reason(kind) });
  if (!navigator.onLine) return setStatus({ state: "offline", reason: reason(kind), wasLive });
  if (TRANSIENT.has(kind) && attempt < RETRY_DELAYS_MS.length) {
    const delay = RETRY_DELAYS_MS[attempt++];
    setStatus({ state: "retrying", reason: reason(kind), attempt, delay, wasLive });
    retryTimer = setTimeout(start, delay);
    return;
  }
  setStatus({ state: "failed", reason: reason(kind), kind, wasLive });
}

// Ask the worker; with a `timeout` (ms), no answer in that time fails the request. (The
// boot request has none: the watchdog above times out silence instead, so a slow but
// moving download is never cut off.)
function request(message, timeout) {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    const timer =
      timeout &&
      setTimeout(() => {
        pending.delete(id);
        reject({ kind: "silent", message: `no answer to ${message.type} in ${timeout} ms` });
      }, timeout);
    pending.set(id, { resolve, reject, timer });
    worker.postMessage({ id, ...message });
  });
}

// A computation that gets no answer means the worker died (even silently, by exiting).
async function ask(message) {
  if (status.state !== "live") throw new Error("Python is not running");
  try {
    return await request(message, ANSWER_MS);
  } catch (failure) {
    if (failure.kind === "silent" && status.state === "live") fail(failure);
    throw new Error(failure.message ?? "Python failed");
  }
}

/** Start Python once per visit (later calls do nothing). */
export function ensureStarted() {
  if (!worker && generation === 0) start();
}

/** Resolves once the first start has ended, whether Python is live or not. */
export function firstStart() {
  ensureStarted();
  return settled;
}

/** Start again now, after a failure (the reader's "Try again"). */
export function retry() {
  if (status.state === "live" || status.state === "loading") return;
  attempt = 0;
  start();
}

/** calculators.run in Python for these raw inputs. */
export function compute(calculator, inputs) {
  return ask({ type: "run", calculator, inputs });
}

/** calculators.export in Python: the Python snippet, CSV and JSON of this result. */
export function exportResult(calculator, inputs) {
  return ask({ type: "export", calculator, inputs });
}

// The network came back: a start that failed for want of it goes again without a reload.
addEventListener("online", () => {
  if (status.state === "offline" || status.state === "failed" || status.state === "retrying") {
    attempt = 0;
    start();
  }
});
