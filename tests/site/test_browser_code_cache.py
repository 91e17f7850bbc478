"""A returning reader's browser takes Pyodide's compiled WebAssembly from V8's code cache on
the first return already, not only after a visit served by the service worker.

V8 hands Chromium the code it has optimised once enough of it is (dynamic tiering); Chromium
keeps it beside the response it was compiled from. A first visit compiles the network's
response (the service worker does not control the page yet), so the code lands in Chromium's
code cache by address; the service worker passes the HTTP cache's copy of the WebAssembly
through on a return (docs/sw.js), which reads that same cache. Chromium's trace says both:
``v8.wasm.cachedModule`` when code is stored, ``v8.wasm.moduleCacheHit`` when a compile
starts from it.

Unlike the other browser tests, this one runs Chromium as a reader's (``readers_chromium``):
V8 tiers up (with ``--liftoff-only`` nothing is optimised, so nothing is cached) and the
profile is on disk (Chromium keeps no code cache by address for a profile in memory).
"""

from __future__ import annotations

import json
import time

from browser_helpers import BOOT_MS

PAGE = "essays/half-life/"
TRACE = ["disabled-by-default-devtools.timeline", "v8.wasm"]
LIVE = '.calc[data-state="live"]'
KIT_CACHED = """async () => {
    if (!navigator.serviceWorker.controller) return false;
    const manifest = await (await fetch("../../assets/runtime/runtime.json")).json();
    const wasm = new URL("../../assets/runtime/" + manifest.pyodide + "pyodide.asm.wasm", location.href);
    return Boolean(await caches.match(wasm.href));
}"""
# V8 stores its code some 2 s after it last optimised a function: how long a first visit may
# take, once live, until it has.
STORE_S = 60


def wasm_events(tracer, name: str) -> list[dict]:
    """Stop tracing; the events ``name`` about Pyodide's WebAssembly (the others name none)."""
    trace = json.loads(tracer.stop_tracing())
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    return [e for e in events if e.get("name") == name and "asm.wasm" in e.get("args", {}).get("url", "asm.wasm")]


def test_first_return_compiles_pyodide_from_v8s_code_cache(readers_chromium, base_url) -> None:
    context = readers_chromium
    tracer = context.browser
    # The first visit: live, its service worker holding the runtime, and V8's code stored.
    tracer.start_tracing(categories=TRACE)
    page = context.new_page()
    page.goto(base_url + PAGE)
    page.wait_for_selector(LIVE, timeout=BOOT_MS)
    deadline = time.monotonic() + STORE_S
    while not page.evaluate(KIT_CACHED):
        assert time.monotonic() < deadline, "the service worker never cached Pyodide's WebAssembly"
        time.sleep(0.25)
    while not (stored := wasm_events(tracer, "v8.wasm.cachedModule")):
        assert time.monotonic() < deadline, f"V8 stored no compiled WebAssembly within {STORE_S} s of the first visit"
        tracer.start_tracing(categories=TRACE)
        time.sleep(2)
    assert stored[0]["args"]["producedCacheSize"] > 100_000
    page.close()

    # The first return: the service worker answers the WebAssembly, and V8 starts from its code.
    tracer.start_tracing(categories=TRACE)
    page = context.new_page()
    answered = []
    page.on("response", lambda r: r.url.endswith("pyodide.asm.wasm") and answered.append(r.from_service_worker))
    page.goto(base_url + PAGE)
    page.wait_for_selector(LIVE, timeout=BOOT_MS)
    hits = wasm_events(tracer, "v8.wasm.moduleCacheHit")
    assert [True] == answered
    assert 1 == len(hits), "the first return compiled Pyodide's WebAssembly afresh"
    assert hits[0]["args"]["consumedCacheSize"] > 100_000
