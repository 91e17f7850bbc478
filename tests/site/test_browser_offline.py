"""A returning reader needs no network: after one visit, the page reloads offline and its
calculator still runs Python and gives CPython's answer; a reader who searched once searches
offline too."""

from __future__ import annotations

from playwright.sync_api import expect

from calculators import CALCULATORS, run

from browser_helpers import BOOT_MS, expect_outputs, fill_input, wait_until

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
    wait_until(page, CACHED, seconds=60)  # the service worker has kept the page and runtime

    context.set_offline(True)
    page.reload()
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    example = CALCULATORS["half-life"].example
    for name, value in example.items():
        fill_input(root, name, value)
    expect_outputs(root, run("half-life", example))
    context.close()


INDEX_CACHED = """async () => Boolean(await caches.match(new URL("../search/search_index.json", location.href).href))"""


# The page and the styles and scripts it loaded, all kept (the service worker keeps them side by
# side: the page alone may be kept first, and a reload offline then comes unstyled).
SAVED = """async () => Boolean(navigator.serviceWorker.controller) && (await Promise.all(
    [location.href, ...[...document.querySelectorAll('link[rel=stylesheet], script[src]')].map((e) => e.href || e.src)]
        .map((url) => caches.match(url)))).every(Boolean)"""


def saved(page) -> None:
    """Until the service worker controls ``page`` and has kept it with its styles and scripts."""
    wait_until(page, SAVED)


def search_results(page, words: str) -> list[str]:
    page.click("input.md-search__input")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_text_contents()


def test_a_reader_who_searched_once_searches_offline(browser, base_url) -> None:
    """The search index downloads when a reader first searches (hooks/search_on_demand.js);
    the service worker keeps it, so after that the reader searches offline too."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "glossary/")
    saved(page)
    assert not page.evaluate(INDEX_CACHED)
    assert search_results(page, "horizon")
    wait_until(page, INDEX_CACHED)  # the service worker has kept the search index

    context.set_offline(True)
    page.reload()
    assert search_results(page, "horizon")
    context.close()


def test_offline_search_that_was_never_used_says_it_needs_a_connection(browser, base_url) -> None:
    """A reader who never searched online has no index saved: offline, opening search says
    that it needs a connection, instead of starting for ever."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "glossary/")
    saved(page)
    context.set_offline(True)
    page.reload()
    page.click("input.md-search__input")
    page.keyboard.type("horizon")
    expect(page.locator(".md-search-result__meta")).to_contain_text("Search needs a connection", timeout=20_000)
    context.close()
