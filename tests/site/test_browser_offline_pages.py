"""The service worker keeps what a reader needs offline, and only that: one copy per page
address whatever the query, a calculator page with everything it needs (its chart too), only
copies checked against the build, nothing the current build no longer has, and an offline
page listing what can be read when a page was never visited."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from calculators import CALCULATORS, run

from browser_helpers import BOOT_MS, expect_outputs, fill_input, wait_until

PAGE = "essays/half-life/"
ID = "half-life"
CACHE = "scaling-series-companion"
KEYS = f"""async () => (await (await caches.open("{CACHE}")).keys()).map((request) => request.url)"""
DAMAGED = "assets/downloads/half-life.csv"


def wait_for_keys(page, needed: set[str], timeout: float = 60) -> list[str]:
    """Poll the service worker's cache until it holds every URL in ``needed``."""
    deadline = time.monotonic() + timeout
    while True:
        keys = page.evaluate(KEYS)
        if needed <= set(keys):
            return keys
        assert time.monotonic() < deadline, sorted(needed - set(keys))
        time.sleep(0.25)


def kit(site, url: str) -> set[str]:
    """What a calculator page needs besides itself: the chart library and Python. Of the
    runtime's files, four are not needed: Pyodide's stock standard library and the core's
    wheel (the worker falls back to them only when the precompiled library, which holds the
    core, fails), the rest of the standard library (fetched only if Python imports from it)
    and the memory snapshot (fetched in the background for returning readers); runtime.json
    names them."""
    vega = [p.relative_to(site).as_posix() for p in (site / "assets" / "vendor").rglob("*.js")]
    manifest = json.loads((site / "assets" / "runtime" / "runtime.json").read_text(encoding="utf-8"))
    optional = {"assets/runtime/runtime.json"} | {
        f"assets/runtime/{manifest[k]}" for k in ("stockLibrary", "wheel", "stdlibRest", "snapshot")
    }
    runtime = [
        name
        for p in (site / "assets" / "runtime").rglob("*")
        if p.is_file() and (name := p.relative_to(site).as_posix()) not in optional
    ]
    assert any(name.endswith("vega.min.js") for name in vega) and any(name.endswith(".wasm") for name in runtime)
    assert f"assets/runtime/{manifest['library']}" in runtime
    return {url + name for name in vega + runtime}


def test_offline_a_calculator_page_works_whole_and_unvisited_pages_get_the_offline_page(
    browser, site, base_url
) -> None:
    """Visited once with a permalink and once without, the page is cached once, with its
    chart library and Python; offline it computes and draws its live chart; a page never
    visited shows the offline page, which links to the saved page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + PAGE + f"?{ID}.t50=100")
    root = page.locator(f'.calc[data-calculator="{ID}"]')
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    wait_for_keys(page, {base_url + PAGE} | kit(site, base_url))
    page.goto(base_url + PAGE + f"?{ID}.t50=200")
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    page.goto(base_url + PAGE)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    keys = wait_for_keys(page, {base_url + PAGE})
    assert [base_url + PAGE] == [key for key in keys if PAGE in key]

    context.set_offline(True)
    page.reload()
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    example = CALCULATORS[ID].example
    for name, value in example.items():
        fill_input(root, name, value)
    expect_outputs(root, run(ID, example))
    expect(root.locator(".calc__chart-live svg")).to_be_visible(timeout=30_000)

    response = page.goto(base_url + "glossary/")
    assert 503 == response.status
    expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
    title = page.evaluate(
        "async (url) => (await (await caches.match(url)).text()).match(/<title>(.*?)<\\/title>/s)[1].trim()",
        base_url + PAGE,
    )
    saved = page.get_by_role("link", name=title.replace("&#39;", "'").replace("&amp;", "&"))
    expect(saved).to_have_attribute("href", base_url + PAGE)
    saved.click()
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    context.close()


@pytest.fixture
def damaged_site(site, tmp_path, repo_module) -> Iterator[str]:
    """A copy of the site where one file the build lists has changed after the build."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / DAMAGED).write_text((copy / DAMAGED).read_text().replace("0", "1"))
    server, url = repo_module("tools/serve_site.py").serve_in_background(copy)
    yield url
    server.shutdown()
    server.server_close()


def test_only_verified_copies_are_kept_and_what_the_build_dropped_is_deleted(browser, damaged_site) -> None:
    """A file whose bytes are not the build's is served but never cached, while intact ones
    are; copies the build no longer lists (an old core, a removed page, a file whose checksum
    changed) are deleted as soon as a page asks the service worker to cache."""
    url = damaged_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + PAGE)
    expect(page.locator(f'.calc[data-calculator="{ID}"]')).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    intact = url + "assets/downloads/half-life.json"
    wait_until(page, "navigator.serviceWorker.controller !== null")
    ask = "(urls) => navigator.serviceWorker.controller.postMessage({ cache: urls })"
    page.evaluate(ask, [url + DAMAGED, intact])
    wait_for_keys(page, {intact})
    assert url + DAMAGED not in page.evaluate(KEYS)

    stale = [
        url + "assets/runtime/core-0000000000000000/old.whl",
        url + "essays/removed-page/",
        url + "assets/vendor/vega/vega.min.js",
    ]
    page.evaluate(
        f"""async (urls) => {{
            const cache = await caches.open("{CACHE}");
            for (const url of urls) await cache.put(url, new Response("old", {{ headers: {{ "X-Content-SHA256": "0" }} }}));
        }}""",
        stale,
    )
    assert set(stale) <= set(page.evaluate(KEYS))
    page.evaluate(ask, [])
    # A stale copy is gone when its address is no longer cached or (for a file the build
    # still has, such as Vega, which the page may cache again at once) is cached afresh.
    stale_left = f"""async (urls) => {{
        const cache = await caches.open("{CACHE}");
        const left = [];
        for (const url of urls) {{
            const copy = await cache.match(url);
            if (copy && (await copy.text()) === "old") left.push(url);
        }}
        return left;
    }}"""
    deadline = time.monotonic() + 30
    while left := page.evaluate(stale_left, stale):
        assert time.monotonic() < deadline, left
        time.sleep(0.25)
    keys = set(page.evaluate(KEYS))
    assert not {url + "assets/runtime/core-0000000000000000/old.whl", url + "essays/removed-page/"} & keys
    assert url + PAGE in keys
    context.close()
