"""Accessibility: axe-core (self-hosted from node_modules) on every built page, light and dark.

No violation of serious or critical impact is allowed. Pages with calculators are checked
once Python is live, so the live chart and messages are checked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import BOOT_MS, navigate

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def built_pages() -> list[str]:
    """Site-relative URLs of every page: the Markdown pages and the notebooks."""
    docs = ROOT / "docs"
    urls = []
    for source in sorted([*docs.rglob("*.md"), *(docs / "notebooks").glob("*.py")]):
        relative = source.relative_to(docs).with_suffix("")
        if relative.name == "index":
            relative = relative.parent
        urls.append("" if str(relative) == "." else relative.as_posix() + "/")
    return urls


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", built_pages())
def test_no_serious_accessibility_violations(reader, site, base_url, path, scheme) -> None:
    """axe-core finds no serious or critical violation on the page."""
    assert (site / path / "index.html").is_file(), path
    page = reader.page
    page.emulate_media(color_scheme=scheme)
    navigate(page, base_url + path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    for calculator in page.locator(".calc").all():
        expect(calculator).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> tag would be refused by the
        # page's own Content-Security-Policy (its <meta>), as it should be.
        page.evaluate(AXE.read_text())
    violations = page.evaluate(
        """async () => {
            const { violations } = await axe.run(document, { resultTypes: ["violations"] });
            return violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }"""
    )
    page.emulate_media(color_scheme="light")
    assert [] == violations, "\n".join(violations)


@pytest.mark.parametrize("path", built_pages())
def test_phone_width_has_no_horizontal_scroll(reader, site, base_url, path) -> None:
    """At 375 px no page is wider than the screen (tables and equations scroll inside)."""
    page = reader.page
    page.set_viewport_size({"width": 375, "height": 800})
    navigate(page, base_url + path)
    for calculator in page.locator(".calc").all():
        expect(calculator).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    assert 375 >= page.evaluate("document.documentElement.scrollWidth")
