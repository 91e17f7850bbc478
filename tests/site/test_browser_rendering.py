"""A link to a heading below a calculator lands on that heading and stays there while the
page loads, Python starts and the live chart replaces the static one.

(Also the check that stopped ``content-visibility: auto`` from being adopted for speed: with it,
blocks reserve a guessed height until shown, and links to headings far down landed a screen
or more away from them. See README, Performance.)
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from browser_helpers import BOOT_MS

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


@pytest.mark.parametrize("width", [1280, 375])
def test_heading_stays_put_when_python_goes_live(watched, base_url, width: int) -> None:
    """The calculator keeps its height as its status changes; on a phone its chart grows
    (the live chart keeps its text readable), and the browser's scroll anchoring keeps the
    heading in place."""
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
