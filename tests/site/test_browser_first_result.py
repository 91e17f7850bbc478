"""The first result comes as soon as Python can give it: the chart library is requested as
Python goes live, together with the first computations, not after their answers; and what a
first visit does in the background (the service worker's caching, the search index,
Material's bundle) waits for the first charts (test_browser_search.py checks the index),
unless the reader reaches for something first."""

from __future__ import annotations

from playwright.sync_api import expect

from browser_helpers import BOOT_MS, hold_python, open_before_python, wait_until

PAGE = "essays/half-life/"
# When the first answer to a computation arrives from the Python worker (the page's <head>
# creates it, so the constructor is wrapped before any page script runs).
FIRST_ANSWER = """
window.__firstAnswer = null;
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => {
      if (data && "result" in data && window.__firstAnswer === null) window.__firstAnswer = performance.now();
    });
  }
};
"""
VEGA_REQUESTED = """() => {
  const entry = performance.getEntriesByType("resource").find((e) => e.name.includes("/vendor/vega/vega.min.js"));
  return entry ? entry.startTime : null;
}"""


def test_chart_library_is_requested_before_the_first_answer(browser, base_url) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(FIRST_ANSWER)
        page.goto(base_url + PAGE)
        expect(page.locator(".calc .calc__chart-live:not([hidden]) svg").first).to_be_visible(timeout=BOOT_MS)
        first_answer = page.evaluate("window.__firstAnswer")
        vega_requested = page.evaluate(VEGA_REQUESTED)
        assert first_answer is not None, "no computation's answer was seen"
        assert vega_requested is not None, "the chart library was never requested"
        assert vega_requested < first_answer, (vega_requested, first_answer)
    finally:
        context.close()


def test_service_worker_waits_for_the_first_charts(browser, base_url) -> None:
    """Its registration (and so its caching) starts once every calculator on the page has
    drawn its first chart."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script("""
            window.__registeredAt = null;
            const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
            navigator.serviceWorker.register = (...args) => {
              window.__registeredAt = performance.now();
              return register(...args);
            };
            window.__drawnAt = null;
            new MutationObserver(() => {
              const all = document.querySelectorAll(".calc").length;
              const drawn = document.querySelectorAll(".calc .calc__chart-live:not([hidden]) svg").length;
              if (window.__drawnAt === null && all && drawn === all) window.__drawnAt = performance.now();
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"] });
        """)
        page.goto(base_url + PAGE)
        wait_until(page, "window.__registeredAt !== null", BOOT_MS / 1000)
        drawn_at, registered_at = page.evaluate("[window.__drawnAt, window.__registeredAt]")
        assert drawn_at is not None, "the service worker was registered before every first chart was drawn"
        assert registered_at >= drawn_at, (drawn_at, registered_at)
    finally:
        context.close()


# Material's bundle has run, and its components have started on this page (it wraps each
# plain table in a scrolling box as it does; the half-life page has such tables).
MATERIAL_STARTED = """typeof document$ !== 'undefined'
    && document.querySelectorAll('article table:not([class])').length > 0
    && document.querySelectorAll('article table:not([class])').length
       === document.querySelectorAll('article .md-typeset__scrollwrap table:not([class])').length"""
MATERIAL_REQUESTED = (
    "performance.getEntriesByType('resource').some((e) => /\\/bundle\\.[0-9a-f]+\\.min\\.js$/.test(e.name))"
)


def _before_python(context, base_url: str):
    """A new tab of ``context`` on the page, Python's downloads held, once its calculator's
    presets show (the page is scripted)."""
    page = context.new_page()
    hold_python(page)
    open_before_python(page, base_url + PAGE)
    return page


def test_materials_bundle_waits_for_the_first_charts_then_starts(browser, base_url) -> None:
    """On a calculator page Material's bundle is neither requested nor run while Python
    starts, yet the page is a scripted page from its first frame (the calculator's buttons
    show); once the first charts are drawn the bundle runs and its components start on the
    page as on any other (hooks/material_after_python.py, javascripts/calculators/material.js)."""
    context = browser.new_context()
    try:
        held = _before_python(context, base_url)
        held.wait_for_timeout(2000)
        assert held.evaluate("document.documentElement.classList.contains('js')")
        assert not held.evaluate(MATERIAL_REQUESTED), "Material's bundle was requested while Python was starting"
        assert held.evaluate("typeof document$") == "undefined"
        held.close()

        page = context.new_page()
        page.goto(base_url + PAGE)
        expect(page.locator(".calc .calc__chart-live:not([hidden]) svg").first).to_be_visible(timeout=BOOT_MS)
        wait_until(page, MATERIAL_STARTED)
        # Its header works: the palette toggle moves to the next palette (system, light, dark).
        media = page.evaluate("document.body.dataset.mdColorMedia")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        wait_until(page, f"document.body.dataset.mdColorMedia !== {media!r}")
    finally:
        context.close()


def test_a_reader_who_reaches_for_the_page_gets_material_at_once(browser, base_url) -> None:
    """A key pressed while Python is still starting brings Material's bundle without waiting
    for Python (here Python never comes): the reader's search shortcut then works."""
    context = browser.new_context()
    try:
        page = _before_python(context, base_url)  # Material's bundle not run (checked there)
        page.keyboard.press("Shift")
        wait_until(page, MATERIAL_STARTED, 10)
        page.keyboard.press("/")
        expect(page.locator("input.md-search__input")).to_be_focused()
    finally:
        context.close()
