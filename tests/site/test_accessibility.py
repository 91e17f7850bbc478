"""Accessibility: axe-core (self-hosted from node_modules) on every built page, light and dark,
and every page at phone width.

No violation of serious or critical impact is allowed. Pages with calculators are checked
once Python is live, so the live chart and messages are checked too. Each page is visited
once for all three checks (a visit re-mounts its calculators and redraws their charts, the
costly part).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import BOOT_MS, navigate, page_addresses

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


SCHEME = {"light": "default", "dark": "slate"}  # Material's name for each


# Material fades parts of the page in (the navigation, when the screen widens, by an opacity
# transition); axe measures colours as they are drawn, so it waits for the page to settle.
SETTLE = """async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => {})));
}"""


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> tag would be refused by the
        # page's own Content-Security-Policy (its <meta>), as it should be.
        page.evaluate(AXE.read_text())
    return page.evaluate(
        """async () => {
            const { violations } = await axe.run(document, { resultTypes: ["violations"] });
            return violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }"""
    )


@pytest.mark.parametrize("path", page_addresses())
def test_fits_a_phone_and_has_no_serious_accessibility_violations(reader, site, base_url, path) -> None:
    """One visit a page, its calculators live: opened at 375 px, no page is wider than the
    screen (tables and equations scroll inside); then at 1280 px, in light and in dark mode
    (the reader's system setting, which the page follows as it changes), axe-core finds no
    violation of serious or critical impact."""
    assert (site / path / "index.html").is_file(), path
    page = reader.page
    page.set_viewport_size({"width": 375, "height": 800})
    navigate(page, base_url + path)
    for calculator in page.locator(".calc").all():
        expect(calculator).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    assert 375 >= page.evaluate("document.documentElement.scrollWidth")

    page.set_viewport_size({"width": 1280, "height": 900})
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        # The longest pages (the API reference) take seconds to restyle on a busy machine.
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEME[scheme], timeout=30_000)
        page.evaluate(SETTLE)
        found[scheme] = serious_violations(page)
    page.emulate_media(color_scheme="light")
    assert {"light": [], "dark": []} == found
