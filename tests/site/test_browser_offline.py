"""A returning reader needs no network: after one visit, the page reloads offline and its
calculator still runs Python and gives CPython's answer."""

from __future__ import annotations

import time

from playwright.sync_api import expect

from calculators import CALCULATORS, run

from browser_helpers import BOOT_MS, expect_outputs, fill_input

CACHED = """async () => {
    const manifest = await (await fetch("../../assets/runtime/runtime.json")).json();
    const runtime = new URL("../../assets/runtime/", location.href);
    const needed = [
        location.href,
        new URL(manifest.pyodide + "pyodide.asm.wasm", runtime).href,
        new URL(manifest.library, runtime).href,
    ];
    const found = await Promise.all(needed.map((url) => caches.match(url)));
    return Boolean(navigator.serviceWorker.controller) && found.every(Boolean);
}"""


def test_reload_offline_and_use_a_calculator(browser, base_url) -> None:
    """Visit once online; offline, the reload shows the page and the calculator computes."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "essays/half-life/")
    root = page.locator('.calc[data-calculator="half-life"]')
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    deadline = time.monotonic() + 60
    while not page.evaluate(CACHED):
        assert time.monotonic() < deadline, "the service worker did not cache the page and runtime"
        time.sleep(0.25)

    context.set_offline(True)
    page.reload()
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    example = CALCULATORS["half-life"].example
    for name, value in example.items():
        fill_input(root, name, value)
    expect_outputs(root, run("half-life", example))
    context.close()
