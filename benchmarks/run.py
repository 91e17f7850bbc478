"""Performance benchmark: prints a table, saves JSON, and checks the budgets of issue 6.

    make bench          (or: .venv/bin/python benchmarks/run.py)

One headless Chromium run measures, on a fresh build of the site served locally:

- boot: bare Pyodide in a Web Worker on a reference page with nothing else, against a
  calculator page's time from navigation to live (medians of several cold visits; ratio,
  with a bootstrap 95% interval so that a reader sees how far one run can be trusted);
- input: input change to updated output, median and 95th percentile over 50 changes;
- boots: Python boots during a visit of five pages by instant navigation;
- bytes: bytes on a first visit, with and without the Pyodide runtime, gzipped as a static
  host would send them; the site's own JavaScript and CSS, gzipped;
- build: a full `mkdocs build --strict`.

It is a script, not a test: timings depend on the machine. Exit status 1 if a budget fails.
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))

from serve_site import serve_in_background  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Cold visits of each page for the boot ratio. Booting keeps both cores of the reference
# machine busy, so single visits vary by a second or more; the median of 15 visits still
# moves by a few hundredths of the ratio from one run to the next.
COLD_VISITS = 15
# The browser's first visits pay for its own start (disk cache, processes); not counted.
WARM_UP_VISITS = 1
BOOTSTRAP_RESAMPLES = 2000
SETTLE_S = 0.5  # pause between cold visits, so one visit's teardown never overlaps the next
INPUT_CHANGES = 50
PAGE = "essays/half-life/"
#: The time-horizon explorer's own page.
EXPLORER = "time-horizons/"

# The reference page: the same self-hosted Pyodide, booted in a module worker, nothing else.
BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare Pyodide</title>
<script type="module">
const worker = new Worker("bare-worker.js", { type: "module" });
worker.onmessage = () => { window.__ready = performance.now(); };
</script>"""
BARE_WORKER = """import { loadPyodide } from "../assets/runtime/PYODIDE/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../assets/runtime/PYODIDE/", import.meta.url).href });
self.postMessage("ready");"""

# Recorded in the calculator page before any of its scripts run.
INSTRUMENT = """
window.__live = null;
new MutationObserver(() => {
  const calc = document.querySelector('.calc[data-state="live"]');
  if (calc && window.__live === null) window.__live = performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""

BUDGETS = {
    "boot_ratio": ("time to live ÷ bare Pyodide boot", 1.2),
    "input_median_ms": ("input to output, median (ms)", 50.0),
    "boots_per_visit": ("Python boots in a five-page visit", 1),
    "own_js_css_gzip_kb": ("own JS + CSS, gzipped (KB)", 60.0),
    "first_visit_gzip_kb_without_runtime": ("first visit without Pyodide runtime, gzipped (KB)", 700.0),
    "build_s": ("full site build (s)", 90.0),
}


def build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(site.parent)},
    )
    return time.perf_counter() - start


def own_assets_gzip_kb() -> float:
    docs = ROOT / "docs"
    files = [
        *(docs / "javascripts").rglob("*.js"),
        *(docs / "assets").rglob("*.js"),
        *(docs / "stylesheets").rglob("*.css"),
        docs / "sw.js",
    ]
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in files) / 1024


def measure(site: Path) -> dict[str, float | str]:
    from playwright.sync_api import sync_playwright

    manifest = json.loads((site / "assets" / "runtime" / "runtime.json").read_text())
    bench = site / "_bench"
    bench.mkdir()
    (bench / "bare.html").write_text(BARE_HTML)
    (bench / "bare-worker.js").write_text(BARE_WORKER.replace("PYODIDE/", manifest["pyodide"]))
    server, url = serve_in_background(site)
    results: dict[str, float | str] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            bare, live = [], []
            # Alternate the two pages so that both see the same machine load.
            for visit in range(WARM_UP_VISITS + COLD_VISITS):
                pair = (
                    cold_time(browser, url + "_bench/bare.html", "__ready"),
                    cold_time(browser, url + PAGE, "__live"),
                )
                if visit >= WARM_UP_VISITS:
                    bare.append(pair[0])
                    live.append(pair[1])
            results["bare_boot_ms"] = statistics.median(bare)
            results["time_to_live_ms"] = statistics.median(live)
            results["bare_boot_range_ms"] = f"{min(bare):.0f}–{max(bare):.0f}"
            results["time_to_live_range_ms"] = f"{min(live):.0f}–{max(live):.0f}"
            results["boot_ratio"] = results["time_to_live_ms"] / results["bare_boot_ms"]
            low, high = ratio_interval(bare, live)
            results["boot_ratio_ci95"] = f"{low:.2f}–{high:.2f}"
            results.update(input_latency(browser, url))
            # The heaviest calculator: every change refits the trend and its 1,000-refit bootstrap.
            # Each step lengthens the target task by 4 hours, which changes the cost of one such task.
            explorer = input_latency(browser, url, EXPLORER, "target_hours", "task_cost_then", 44, 4)
            results["explorer_input_median_ms"] = explorer["input_median_ms"]
            results["explorer_input_p95_ms"] = explorer["input_p95_ms"]
            results["boots_per_visit"] = boots_in_visit(browser, url, site)
            results.update(first_visit_bytes(browser, url))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return results


def cold_time(browser, url: str, marker: str) -> float:
    """ms from navigation start until ``window[marker]`` is set, in a fresh (cold) context."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(INSTRUMENT)
    page.goto(url)
    deadline = time.monotonic() + 120
    while (value := page.evaluate(f"window.{marker}")) is None:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} never set {marker}")
        time.sleep(0.02)
    context.close()
    time.sleep(SETTLE_S)
    return float(value)


def ratio_interval(bare: list[float], live: list[float]) -> tuple[float, float]:
    """Bootstrap 95% interval of median(live) / median(bare), resampling visit pairs together
    (each pair ran back to back, under the same machine load). Seeded: reruns of the same
    timings give the same interval."""
    rng = random.Random(6)
    pairs = list(zip(bare, live))
    ratios = sorted(
        statistics.median(live for _, live in sample) / statistics.median(bare for bare, _ in sample)
        for sample in ([rng.choice(pairs) for _ in pairs] for _ in range(BOOTSTRAP_RESAMPLES))
    )
    return ratios[int(0.025 * len(ratios))], ratios[int(0.975 * len(ratios)) - 1]


def input_latency(
    browser,
    url: str,
    page_path: str = PAGE,
    field: str = "t50",
    output: str = "t_p",
    start: float = 30,
    step: float = 3,
) -> dict[str, float]:
    """Median and 95th percentile of input event to updated output, over many changes of
    ``field`` (``start``, ``start + step``, ...) on the first calculator of ``page_path``."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.add_init_script(INSTRUMENT)
    page.goto(url + page_path)
    page.wait_for_selector('.calc[data-state="live"]', timeout=120_000)
    page.wait_for_selector(".calc__chart-live svg", timeout=60_000)
    timings = page.evaluate(
        """async ([count, field, name, start, step]) => {
            const input = document.querySelector(`.calc input[name="${field}"]`);
            const output = document.querySelector(`.calc [data-output="${name}"]`);
            const times = [];
            for (let i = 0; i < count; i++) {
                const before = output.textContent;
                const changed = new Promise((resolve) => {
                    const observer = new MutationObserver(() => {
                        if (output.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
                    });
                    observer.observe(output, { childList: true, characterData: true, subtree: true });
                });
                const begin = performance.now();
                input.value = String(start + i * step);
                input.dispatchEvent(new Event("input", { bubbles: true }));
                times.push((await changed) - begin);
            }
            return times;
        }""",
        [INPUT_CHANGES, field, output, start, step],
    )
    context.close()
    ordered = sorted(timings)
    return {
        "input_median_ms": statistics.median(ordered),
        "input_p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
    }


def boots_in_visit(browser, url: str, site: Path) -> int:
    """How many times Python boots while a reader visits five pages by clicking links."""
    from browser_helpers import navigate

    context = browser.new_context(service_workers="block")
    page = context.new_page()
    boots: list[str] = []
    page.on("request", lambda r: r.url.endswith("pyodide.asm.wasm") and boots.append(r.url))
    pages = list(calculator_pages(site))[:4]
    page.goto(url)
    for path in [*pages, *pages[:1]][:5]:
        navigate(page, url + path)
        page.wait_for_selector('.calc[data-state="live"]', timeout=120_000)
    context.close()
    return len(boots)


def calculator_pages(site: Path) -> list[str]:
    found = []
    for html in sorted(site.rglob("index.html")):
        if "data-calculator=" in html.read_text() and "_bench" not in html.parts:
            relative = html.parent.relative_to(site).as_posix()
            found.append("" if relative == "." else relative + "/")
    return found


def first_visit_bytes(browser, url: str) -> dict[str, float]:
    """Bytes a first visit to the calculator page fetches until live, gzipped per file."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    sizes: dict[str, int] = {}

    def record(response) -> None:
        if response.request.method == "GET" and response.status == 200:
            try:
                body = response.body()
            except Exception:  # a body Chromium did not keep (e.g. a redirect)
                return
            sizes[response.url] = len(gzip.compress(body, 6))

    page.on("response", record)
    page.goto(url + PAGE)
    page.wait_for_selector('.calc[data-state="live"]', timeout=120_000)
    page.wait_for_selector(".calc__chart-live svg", timeout=60_000)
    page.wait_for_load_state("networkidle")
    context.close()
    runtime = sum(size for address, size in sizes.items() if "/assets/runtime/" in address)
    total = sum(sizes.values())
    return {
        "first_visit_gzip_kb": total / 1024,
        "first_visit_gzip_kb_without_runtime": (total - runtime) / 1024,
        "runtime_gzip_kb": runtime / 1024,
    }


def report(results: dict[str, float | str]) -> bool:
    """Print every figure, budgets first; True when all budgets hold."""
    ok = True
    print(f"{'measure':58} {'value':>10} {'budget':>8}  verdict")
    for key, (label, budget) in BUDGETS.items():
        passed = results[key] <= budget
        ok &= passed
        print(f"{label:58} {results[key]:10.2f} {budget:8.2f}  {'ok' if passed else 'OVER BUDGET'}")
    for key, label in [
        ("boot_ratio_ci95", "time to live ÷ bare boot, bootstrap 95% interval"),
        ("bare_boot_ms", "bare Pyodide boot, median of cold visits (ms)"),
        ("time_to_live_ms", "calculator page: navigation to live, median (ms)"),
        ("bare_boot_range_ms", "bare Pyodide boot, fastest–slowest visit (ms)"),
        ("time_to_live_range_ms", "calculator page live, fastest–slowest visit (ms)"),
        ("input_p95_ms", "input to output, 95th percentile (ms)"),
        ("explorer_input_median_ms", "time-horizon explorer: input to output, median (ms)"),
        ("explorer_input_p95_ms", "time-horizon explorer: input to output, 95th percentile (ms)"),
        ("first_visit_gzip_kb", "first visit, every file, gzipped (KB)"),
        ("runtime_gzip_kb", "of which Pyodide runtime and core wheel (KB)"),
    ]:
        value = results[key]
        print(f"{label:58} {value:>10}" if isinstance(value, str) else f"{label:58} {value:10.2f}")
    return ok


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        site = workdir / "site"
        build_s = build(site)
        results = {"build_s": build_s, "own_js_css_gzip_kb": own_assets_gzip_kb(), **measure(site)}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results = {key: value if isinstance(value, str) else round(value, 3) for key, value in results.items()}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y-%m-%dT%H-%M-%S")
    document = {"date": stamp, "machine": f"{__import__('os').cpu_count()} cores", "results": results}
    (out / "latest.json").write_text(json.dumps(document, indent=2) + "\n")
    ok = report(results)
    print(f"\nSaved benchmarks/results/latest.json ({stamp}).")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
