"""The site's own identity and sharing: logo, favicon, colours, home title, preview cards, 404."""

from __future__ import annotations

import re
import struct
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser_helpers import own_file

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_every_page_has_the_sites_logo_favicon_and_colours(site: Path) -> None:
    for name in ("logo.svg", "favicon.svg"):
        assert (site / "assets/images" / name).read_text().startswith("<svg")
    css = (site / own_file(site, "stylesheets/identity.css")).read_text()
    assert "--md-primary-fg-color: #1d4d5c" in css
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<link rel="icon" href="[./]*assets/images/favicon\.svg"', html), page
        assert re.search(r'<img src="[./]*assets/images/logo\.svg"', html), page
        assert 'data-md-color-primary="custom"' in html and 'data-md-color-primary="indigo"' not in html, page


def test_the_home_title_does_not_repeat_the_site_name(site: Path) -> None:
    title = re.search(r"<title>([^<]*)</title>", (site / "index.html").read_text())[1]
    assert title.count("Scaling Series Companion") == 1, title


def test_every_page_has_a_preview_card_and_its_tags(site: Path) -> None:
    pages = list(site.rglob("index.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        assert image, page
        assert image[1].startswith("http://127.0.0.1:8000/assets/cards/") and image[1].endswith(".png")
        card = site / image[1].removeprefix("http://127.0.0.1:8000/")
        assert png_size(card) == (1200, 630), card
        assert f'<meta name="twitter:image" content="{image[1]}">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        title = re.search(r'<meta property="og:title" content="([^"]+)">', html)[1]
        assert title and title != "None"
        assert re.search(r'<meta property="og:url" content="http://127\.0\.0\.1:8000/[^"]*">', html)
    cards = {p.relative_to(site) for p in (site / "assets/cards").rglob("*.png")}
    assert len(cards) == len(pages)  # one card a page, no two pages sharing one


def test_cards_differ_by_page(site: Path) -> None:
    home = (site / "assets/cards/index.png").read_bytes()
    essay = (site / "assets/cards/essays/half-life.png").read_bytes()
    assert home != essay


def test_the_404_page_offers_search_and_the_main_pages(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in html
    assert '<label class="md-button md-button--primary" for="__search">Search the site</label>' in html
    for target in ("essays/scaling-paradox/", "python/", "glossary/", "sources/", "corrections/"):
        assert f'href="/{target}"' in html, target


def test_the_local_server_answers_a_missing_address_with_the_404_page(base_url: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(base_url + "no/such/page/")
    assert error.value.code == 404
    body = error.value.read().decode()
    assert "Page not found" in body and "Search the site" in body


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_404_page_is_accessible_and_its_search_opens(browser, base_url: str, scheme: str) -> None:
    # Its own context: the browser rightly logs the 404 response as a console error.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.emulate_media(color_scheme=scheme)
        response = page.goto(base_url + "essays/no-such-essay/")
        assert response.status == 404
        # Through the DevTools protocol: the page's own <meta> policy rightly refuses a <script> tag.
        page.evaluate(AXE.read_text())
        violations = page.evaluate(
            """async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`)"""
        )
        assert [] == violations
        page.get_by_text("Search the site").click()
        assert page.evaluate("document.getElementById('__search').checked")
    finally:
        context.close()
