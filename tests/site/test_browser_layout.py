"""Layout on a phone, one part of a page at a time: the 404 page's ways back laid out as
buttons, not stacked edge to edge; headings, a calculator's actions, data tables and the API
reference. (That no page scrolls sideways, in every state, is checked page by page by
tests/site/test_browser_every_page.py.)"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import api_pages, hold_python, settle_material

PHONE = {"width": 375, "height": 800}
DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_404_buttons_share_rows_without_touching(browser, base_url) -> None:
    """At 375 px the 404 page's six buttons wrap in rows, with space between them, their
    words not underlined as running text's links are (the border says they are buttons)."""
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(base_url + "404.html")
        boxes = page.eval_on_selector_all(
            ".not-found__links a", "links => links.map(a => a.getBoundingClientRect().toJSON())"
        )
        assert 6 == len(boxes) and len({round(b["top"]) for b in boxes}) < 6, boxes
        for first, second in itertools.pairwise(boxes):
            apart = second["left"] >= first["right"] + 8 or second["top"] >= first["bottom"] + 8
            assert apart, (first, second)
        lines = page.eval_on_selector_all(
            ".not-found__links a", "links => links.map(a => getComputedStyle(a).textDecorationLine)"
        )
        assert ["none"] * 6 == lines, lines
    finally:
        ctx.close()


def test_404_offers_search_only_where_it_works(browser, base_url) -> None:
    """The 404 page's tab says what it is; its search button shows with JavaScript, which
    Material's search needs, and not without (a button that does nothing)."""
    for java_script in (True, False):
        ctx = browser.new_context(viewport=PHONE, java_script_enabled=java_script, service_workers="block")
        try:
            page = ctx.new_page()
            page.goto(base_url + "404.html")
            assert page.title().startswith("Page not found"), page.title()
            search = page.locator(".not-found__search label")
            assert java_script == search.is_visible(), java_script
            if java_script:
                search.click()
                expect(page.locator("#__search")).to_be_checked()  # Material's search opens
        finally:
            ctx.close()


def test_headings_have_no_blank_line_for_their_permalink_on_a_phone(browser, base_url) -> None:
    """At 375 px a heading is as tall as its words: the permalink sign takes no line of its
    own (it did where the words filled the line, on /how-it-works/ among others)."""
    ctx = browser.new_context(viewport=PHONE, service_workers="block")
    try:
        page = ctx.new_page()
        page.goto(base_url + "how-it-works/")
        grown = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset :is(h1, h2, h3)')].flatMap(h => {
                const link = h.querySelector('.headerlink');
                if (!link) return [];
                const height = h.getBoundingClientRect().height;
                link.remove();
                const without = h.getBoundingClientRect().height;
                return height > without + 1 ? [h.textContent] : [];
            })"""
        )
        assert [] == grown
    finally:
        ctx.close()


def test_a_calculators_buttons_and_download_links_are_one_height(browser, base_url) -> None:
    """At 1280 px the row of actions (buttons, and the downloads, which are links) lines up:
    every one is as tall as the others."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        hold_python(ctx)  # the actions show before Python
        page = ctx.new_page()
        page.goto(base_url + "essays/hourly-costs/", wait_until="domcontentloaded")
        settle_material(page)
        heights = page.eval_on_selector_all(
            ".calc__actions .calc__action",
            "actions => actions.filter(a => a.offsetParent).map(a => [a.tagName, a.getBoundingClientRect().height])",
        )
        assert {"A", "BUTTON"} == {tag for tag, _ in heights}, heights
        assert max(h for _, h in heights) - min(h for _, h in heights) < 1, heights
    finally:
        ctx.close()


def test_a_calculators_data_table_keeps_each_value_on_one_line_on_a_phone(browser, base_url) -> None:
    """At 375 px, JavaScript off: the effective-compute chart's six-column table keeps each
    value on one line ("1.78 × 10²⁴" not broken) and scrolls in its own box, which it fills;
    the table itself is no scroll box (Material's made one that cut its border)."""
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(base_url + "essays/governance/")
        table = page.locator('.calc[data-calculator="effective-compute"] .calc__table')
        table.locator("summary").click()
        found = table.evaluate(
            """details => {
                const box = details.querySelector('.calc__table-scroll');
                const table = box.querySelector('table');
                const lines = new Set([...table.querySelectorAll('tbody td')].flatMap(cell => {
                    const range = document.createRange();
                    range.selectNodeContents(cell);
                    return [range.getClientRects().length];
                }));
                return {
                    lines: [...lines],
                    scrolls: box.scrollWidth > box.clientWidth,
                    tableScrolls: table.scrollWidth > table.clientWidth + 1,
                    fills: table.getBoundingClientRect().width >= box.clientWidth - 1,
                };
            }"""
        )
        assert {"lines": [1], "scrolls": True, "tableScrolls": False, "fills": True} == found
    finally:
        ctx.close()


# Each number in a table's cells (prose tables, a calculator's data table) that the browser
# lays out over more than one line, with its cell's text: a number with its ×10ⁿ, its sign
# or ×, a percent sign and a unit of time or bits. "×" between two
# numbers with spaces round it is an operator, and the line may break there.
BROKEN_NUMBERS = r"""() => {
    const number = /[$×−-]?\d[\d,.]*×?(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?%?(?: (?:days|months|years|hours|minutes|min|bits)\b)?/g;
    const broken = [];
    const range = document.createRange();
    let cells = 0;
    for (const cell of document.querySelectorAll('article td, article th')) {
        if (!cell.getClientRects().length) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('.katex-mathml')) continue;
            for (const found of node.textContent.matchAll(number)) {
                cells += 1;
                range.setStart(node, found.index);
                range.setEnd(node, found.index + found[0].length);
                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) broken.push(found[0] + ' in ' + cell.textContent.trim().slice(0, 60));
            }
        }
    }
    return {numbers: cells, broken};
}"""

#: The pages whose prose tables hold numbers (every essay with worked examples, the debate,
#: the explorer and the home page), as their addresses.
NUMERIC_TABLE_PAGES = sorted(
    "" if page.name == "index.md" else page.relative_to(DOCS).with_suffix("").as_posix() + "/"
    for page in DOCS.rglob("*.md")
    if "javascripts" not in page.parts
    and "data" not in page.parts
    and page.name != "python.md"
    and "python" not in page.parts
    and any(
        line.startswith("|") and re.search(r"\d|md:value", line)
        for line in page.read_text(encoding="utf-8").splitlines()[2:]
    )
)


def test_numbers_in_tables_stay_whole_on_a_phone(browser, base_url) -> None:
    """At 375 px, JavaScript off, on every page with numbers in its prose tables (and its
    calculators' data tables opened): no number breaks inside itself ("1.00 ×" over "10⁻⁴",
    "7" over "months"); a table too wide for them scrolls in its box instead."""
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    found = {}
    try:
        page = ctx.new_page()
        for path in NUMERIC_TABLE_PAGES:
            page.goto(base_url + path)
            page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
            found[path] = page.evaluate(BROKEN_NUMBERS)
    finally:
        ctx.close()
    assert len(NUMERIC_TABLE_PAGES) >= 10 and all(result["numbers"] for result in found.values()), found
    assert {} == {path: result["broken"] for path, result in found.items() if result["broken"]}


# Each word (a run of characters without a space) of a prose table's cells that the browser
# lays out over more than one line, and whether each such table's box scrolls sideways.
BROKEN_WORDS = """() => [...document.querySelectorAll('article table:not([class])')].map(table => {
    const broken = [];
    const range = document.createRange();
    for (const cell of table.querySelectorAll('th, td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.textContent.matchAll(/\\S+/g)) {
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) broken.push(word[0]);
            }
        }
    }
    const box = table.closest('.md-typeset__scrollwrap') ?? table;
    return {broken, scrolls: box.scrollWidth > box.clientWidth};
})"""


@pytest.mark.parametrize("path", ["data/metr_horizons/", "data/hamilton_weibull/"])
def test_data_tables_wrap_words_whole_on_a_phone(browser, base_url, path: str) -> None:
    """At 375 px, JavaScript off: no word in a data page's tables is broken across lines
    (the METR page's Columns table showed "horizon50_ci_low_mi / n" and "YYYY-MM- / DD");
    a table too wide for the column scrolls in its box instead (at least one does here)."""
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(base_url + path)
        tables = page.evaluate(BROKEN_WORDS)
    finally:
        ctx.close()
    assert tables and [] == [word for table in tables for word in table["broken"]], tables
    assert any(table["scrolls"] for table in tables)


def test_api_reference_reads_whole_on_a_phone(browser, base_url, site) -> None:
    """On a phone the API reference keeps code whole: a signature keeps each of its lines and
    scrolls in its box ("->" was broken into "-" over ">"), no copy button sits over a
    signature or a doctest, a member's name in its heading is never broken
    (US_EXECUTIVE_ORDER_THRESHOLD_FLOP was); and each docstring section (parameters, returns,
    raises) is a list that fits the column: as tables (mkdocstrings' default) the defaults and
    descriptions sat off-screen. One page a topic, each a length a phone can scroll (the one
    page of 144 entries was 127,000 px long at 375 px)."""
    ctx = browser.new_context(viewport=PHONE, service_workers="block")
    totals = {"signatures": 0, "sections": 0}
    try:
        page = ctx.new_page()
        for address in (page_path.removesuffix("index.html") for page_path in api_pages(site)):
            _api_page_reads_whole(page, base_url + address, totals)
    finally:
        ctx.close()
    assert totals["signatures"] > 100, "the reference's signatures were not found"
    assert totals["sections"] > 100, "the reference's sections were not found"


#: The longest a page of the API reference may be on a phone (px at 375 px wide).
API_PAGE_PHONE_HEIGHT = 40_000


def _api_page_reads_whole(page, url: str, totals: dict[str, int]) -> None:
    """One reference page at a phone's width: see test_api_reference_reads_whole_on_a_phone."""
    page.goto(url)
    page.wait_for_selector(".doc-signature .md-code__button", state="attached")
    found = page.evaluate(
        """() => {
            const range = document.createRange();
            const lines = (element) => {
                range.selectNodeContents(element);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            };
            const signatures = [...document.querySelectorAll('.doc-signature pre > code')];
            return {
                signatures: signatures.length,
                wrapped: signatures.filter(code => lines(code) > code.textContent.trimEnd().split('\\n').length)
                    .map(code => code.textContent.slice(0, 60)),
                buttons: [...document.querySelectorAll('.doc .md-code__button')].filter(b => b.offsetParent).length,
                names: [...document.querySelectorAll('.doc-heading .doc-object-name')].filter(name => lines(name) > 1)
                    .map(name => name.textContent),
            };
        }"""
    )
    totals["signatures"] += found["signatures"]
    assert {"wrapped": [], "buttons": 0, "names": []} == {k: found[k] for k in ("wrapped", "buttons", "names")}
    sections = page.evaluate(
        """() => [...document.querySelectorAll('.doc-section-title')].map(title => {
            const body = title.parentElement.nextElementSibling;
            return { title: title.textContent, tag: body.tagName, scroll: body.scrollWidth, width: body.clientWidth };
        })"""
    )
    totals["sections"] += len(sections)
    # Inline code keeps its side padding where it wraps (Material clones the box), so a
    # wrapped name may hang up to that padding (about 4 px) past the column, clipping nothing.
    assert [] == [s for s in sections if s["tag"] != "UL" or s["scroll"] > s["width"] + 5], url
    assert page.evaluate("document.documentElement.scrollHeight") <= API_PAGE_PHONE_HEIGHT, url
