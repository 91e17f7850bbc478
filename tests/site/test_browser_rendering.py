"""A link to a heading below a calculator lands on that heading and stays there while the
page loads, Python starts and the live chart replaces the static one; and a chart the browser
skips drawing off screen holds exactly the place it will take.

(Also the check that stopped ``content-visibility: auto`` from being adopted for speed on every
block: with it, blocks reserve a guessed height until shown, and links to headings far down
landed a screen or more away from them. The charts' canvases use it with their exact height,
which the build knows; see README, Performance.)
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from browser_helpers import BOOT_MS, hold_python, page_addresses, wait_until

PAGE = "essays/half-life/"


def where(page, anchor: str) -> dict[str, float]:
    return page.evaluate(
        """id => ({
            top: document.getElementById(id).getBoundingClientRect().top,
            header: document.querySelector('.md-header').getBoundingClientRect().bottom,
            atBottom: innerHeight + scrollY >= document.documentElement.scrollHeight - 2,
            height: innerHeight,
        })""",
        anchor,
    )


def assert_lands_on(page, anchor: str) -> None:
    """The heading sits just under the header, or, when the page ends too soon for that, the
    page is scrolled to its end with the heading on screen."""
    seen = where(page, anchor)
    if seen["atBottom"]:
        assert seen["header"] <= seen["top"] < seen["height"] - 40, (anchor, seen)
    else:
        assert seen["header"] - 2 <= seen["top"] <= seen["header"] + 40, (anchor, seen)


# Every calculator's chart (its static pictures until Python is live).
CHART_CANVASES = "document.querySelectorAll('.calc [data-chart]')"
# A canvas whose drawing the browser skips: its content counts as not visible, itself not (the
# picture the screen's width shows, of the two).
DRAWN = "c => [...c.querySelectorAll('svg')].some(s => s.checkVisibility({contentVisibilityAuto: true}))"
SKIPPED = f"[...{CHART_CANVASES}].filter(c => !({DRAWN})(c)).length"
# Those two screens or more below the window, which the browser leaves undrawn (it draws a
# margin around the window).
FAR_BELOW = f"[...{CHART_CANVASES}].filter(c => c.getBoundingClientRect().top > 2 * innerHeight)"
FAR_BELOW_DRAWN = f"{FAR_BELOW}.filter({DRAWN}).length"
# Where every heading and the page's end are, read without making the browser draw a chart.
PLACES = """[...document.querySelectorAll('article :is(h2, h3)'), document.querySelector('.md-footer')]
    .map(e => e.getBoundingClientRect().top + scrollY)"""
DRAW_EVERY_CHART = f"for (const c of {CHART_CANVASES}) c.style.contentVisibility = 'visible'"
TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
FONTS_LOADED = "document.fonts.ready.then(() => true)"


@pytest.mark.parametrize("anchor", ["worked-examples", "what-critics-and-later-work-say", "sources"])
def test_link_to_a_heading_below_the_calculator_lands_on_it(watched, base_url, anchor: str) -> None:
    page = watched.page
    page.goto(f"{base_url}{PAGE}#{anchor}")
    page.wait_for_load_state("load")
    assert_lands_on(page, anchor)
    if not where(page, anchor)["atBottom"]:
        # Material marks the table of contents' entry from its scroll events, a moment after the
        # scroll (read at once, it once named the heading before: a fresh clone's run).
        active = page.locator(".md-sidebar--secondary .md-nav__link--active").last
        expect(active).to_have_attribute("href", re.compile(re.escape(f"#{anchor}") + "$"))


# The calculator just above a heading grows by ``px`` at its end, its chart growing as a live
# chart can, and its own styles changing as its state does (which stops the browser's scroll
# anchoring from making up for the change in that frame). With ``andBack`` it shrinks back
# once the frame that put the heading back is drawn but before that scroll's event: a change
# of layout between a scroll and its event, as Material's start makes at a phone's width.
GROW_THE_CALCULATOR_ABOVE = """async ([id, px, andBack]) => {
    let calculator = document.getElementById(id).previousElementSibling;
    while (!calculator.matches('.calc')) calculator = calculator.previousElementSibling;
    const chart = calculator.querySelector('.calc__chart');
    const [height, padding] = [chart.style.minHeight, calculator.style.paddingBottom];
    chart.style.minHeight = `${chart.getBoundingClientRect().height + px}px`;
    calculator.style.paddingBottom = `${parseFloat(getComputedStyle(calculator).paddingBottom) + 1}px`;
    if (!andBack) return;
    await new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn)));
    [chart.style.minHeight, calculator.style.paddingBottom] = [height, padding];
}"""
HOLD_LOADED = "performance.getEntriesByType('resource').some(e => e.name.includes('/calculators/fragment.'))"
# Every change to a stylesheet's address once the page is parsed (a changed address applies
# the stylesheet afresh: overrides/main.html).
RECORD_RESTYLING = """window.__restyled = [];
document.addEventListener("DOMContentLoaded", () => new MutationObserver((changes) => {
    for (const change of changes)
        if (change.target.matches('link[rel="stylesheet"]')) __restyled.push(change.target.getAttribute("href"));
}).observe(document.head, { subtree: true, attributes: true, attributeFilter: ["href"] }));"""


def grow_above(page, anchor: str, px: float = 30, and_back: bool = False) -> float:
    """Grow the calculator above ``anchor`` (GROW_THE_CALCULATOR_ABOVE); the heading's place
    two frames later."""
    page.evaluate(GROW_THE_CALCULATOR_ABOVE, [anchor, px, and_back])
    page.evaluate(TWO_FRAMES)
    return where(page, anchor)["top"]


def open_held_at(page, base_url: str, anchor: str) -> float:
    """The page opened at ``anchor`` with Python held (so only the test changes it), once the
    code that holds the heading has loaded; where the heading landed."""
    hold_python(page)
    page.goto(f"{base_url}{PAGE}#{anchor}")
    page.wait_for_load_state("load")
    assert_lands_on(page, anchor)
    wait_until(page, HOLD_LOADED)
    page.evaluate(TWO_FRAMES)
    return where(page, anchor)["top"]


@pytest.mark.parametrize("width", [1280, 375])
def test_linked_heading_is_kept_in_place_until_the_reader_moves_the_page(watched, base_url, width: int) -> None:
    """Opened at a heading, the page puts the heading back under the header whenever the
    calculator above it changes size (javascripts/calculators/fragment.js), as the browser's
    scroll anchoring alone did not: the heading was pushed 31 px down; and when the page
    grows and shrinks back between the scroll that put the heading back and that scroll's
    event. Once the reader scrolls the page is theirs: a change above then leaves them where
    they scrolled to, not back at the heading, and so does a reload.

    The reader's first scroll also starts Material's bundle (Python is held here), which
    must leave every stylesheet's address as it is: a changed one is applied afresh, and
    once in three or four such visits at 1280 px the scroll anchoring threw the reader
    1,358 px past where they scrolled to (overrides/main.html)."""
    anchor = "worked-examples"
    page = watched.page
    page.set_viewport_size({"width": width, "height": 800})
    page.add_init_script(RECORD_RESTYLING)
    landed = open_held_at(page, base_url, anchor)
    assert grow_above(page, anchor) == pytest.approx(landed, abs=1)
    assert grow_above(page, anchor, 1000, and_back=True) == pytest.approx(landed, abs=1)
    page.mouse.move(width / 2, 400)
    page.mouse.wheel(0, 300)
    wait_until(page, f"document.getElementById('{anchor}').getBoundingClientRect().top < {landed - 250}")
    wait_until(page, "typeof document$ !== 'undefined'")
    page.evaluate(TWO_FRAMES)
    assert [] == page.evaluate("__restyled")
    assert where(page, anchor)["top"] == pytest.approx(landed - 300, abs=2)
    grow_above(page, anchor)
    time.sleep(0.5)
    assert where(page, anchor)["top"] < landed - 250
    # Reloaded, the page is where the reader left it (the browser restores it), and stays.
    page.reload()
    page.wait_for_load_state("load")
    grow_above(page, anchor)
    time.sleep(0.5)
    assert where(page, anchor)["top"] < landed - 250


def test_a_scroll_with_no_input_event_ends_the_hold(watched, base_url) -> None:
    """A scroll bar dragged may send the page no input event, only scrolls: one that moves the
    heading with the page is the reader's, and a change above then leaves them there."""
    anchor = "worked-examples"
    page = watched.page
    landed = open_held_at(page, base_url, anchor)
    page.evaluate("scrollBy(0, -400)")
    page.evaluate(TWO_FRAMES)
    grow_above(page, anchor)
    time.sleep(0.3)
    assert where(page, anchor)["top"] > landed + 350


def test_a_visit_to_no_heading_does_not_load_the_code_that_holds_one(watched, base_url) -> None:
    """The hold above is for visits to a heading: a page opened at its top never asks for it."""
    page = watched.page
    hold_python(page)
    page.goto(f"{base_url}{PAGE}")
    page.wait_for_load_state("load")
    time.sleep(0.5)
    own = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any("/javascripts/calculators/index." in name for name in own)
    assert not any("/javascripts/calculators/fragment." in name for name in own)


@pytest.mark.parametrize("width", [1280, 375])
def test_heading_stays_put_when_python_goes_live(watched, base_url, width: int) -> None:
    """The calculator keeps its height as its status changes; on a phone its chart grows
    (the live chart keeps its text readable), and the browser's scroll anchoring keeps the
    heading in place. Once every chart is live, scrolling through the page moves nothing."""
    anchor = "worked-examples"
    page = watched.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base_url}{PAGE}#{anchor}")
    page.wait_for_load_state("load")
    assert_lands_on(page, anchor)
    page.wait_for_selector('.calc[data-state="live"]', timeout=BOOT_MS)
    page.wait_for_selector(".calc__chart-live svg", timeout=60_000)
    time.sleep(0.3)
    assert_lands_on(page, anchor)
    # Every chart live: the reader scrolling through the page and back finds every heading
    # where it was (no chart is left holding a place other than its own).
    wait_until(page, f"[...{CHART_CANVASES}].every(c => c.querySelector('.calc__chart-live svg'))", BOOT_MS / 1000)
    wait_until(page, "!document.querySelector('figure[aria-busy]')")
    held = page.evaluate(PLACES)
    for y in range(0, page.evaluate("document.documentElement.scrollHeight"), 400):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.evaluate(TWO_FRAMES)
    assert page.evaluate(PLACES) == pytest.approx(held, abs=0.5)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_chart_off_screen_is_skipped_and_holds_its_exact_place(browser, base_url, site, width: int) -> None:
    """Without JavaScript (the static page), at a wide and a phone's width: the charts below
    the first screen are not drawn (the page's first load styles and lays out less), and
    every heading below them is where it is once they are all drawn, to the pixel, so a link
    to it lands on it and nothing moves as the reader scrolls them into view."""
    pages = [a for a in page_addresses() if "data-calculator=" in (site / a / "index.html").read_text()]
    assert len(pages) >= 9
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        moved, far_below = {}, 0
        for address in pages:
            page.goto(base_url + address)
            # Fonts that arrive after the load event (KaTeX's, for a formula) change heights of
            # their own: measured only once every font asked for has arrived, here and below.
            page.evaluate(FONTS_LOADED)
            held = page.evaluate(PLACES)
            far_below += page.evaluate(f"{FAR_BELOW}.length")
            assert page.evaluate(FAR_BELOW_DRAWN) == 0, address
            page.evaluate(DRAW_EVERY_CHART)
            # The browser settles what it skips as it renders a frame, not at once.
            wait_until(page, f"{SKIPPED} === 0")
            page.evaluate(FONTS_LOADED)
            drawn = page.evaluate(PLACES)
            assert len(held) == len(drawn) >= 3, address
            if any(abs(a - b) > 0.5 for a, b in zip(held, drawn)):
                moved[address] = [round(b - a, 1) for a, b in zip(held, drawn)]
        assert moved == {}
        assert far_below >= 10
    finally:
        context.close()
