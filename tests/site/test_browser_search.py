"""Site search costs nothing until a reader uses it, waits for Python on calculator pages,
yet answers a reader at once.

Material downloads the search index as a page loads; hooks/search_on_demand.js holds that
download until the reader reaches for search (the field focused by a click or a keyboard
shortcut, the phone's magnifier, a pointer over the field) or the page was opened from a
search result. Material's search worker builds the index of the whole site; on a page with a
calculator that CPU would come out of Python's start (see README, Performance). Our wrapper
(docs/assets/javascripts/workers/search-when-ready.js) holds the index until the page lets it
go: after Python has started and the page's calculators have shown their first results, at
once on a page without a calculator, and as soon as the reader opens search.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.site.conftest import new_watched_page

from browser_helpers import BOOT_MS, hold_python, open_before_python, page_of

MATERIAL_WORKER = "/assets/javascripts/workers/search."  # search.<hash>.min.js
INDEX = "/search/search_index.json"


def index_requests(page) -> list[str]:
    """The search index's downloads ``page`` asks for from now on."""
    found: list[str] = []
    page.on("request", lambda request: INDEX in request.url and found.append(request.url))
    return found


def search_for(page, words: str) -> list[str]:
    """Open search the way this viewport shows it, type ``words``, return the result titles."""
    magnifier = page.locator("label.md-header__button[for=__search]")
    if magnifier.is_visible():  # a phone: the magnifier in the header opens the search dialog
        magnifier.click()
    else:
        page.click("input.md-search__input")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_text_contents()


def pasted_query_titles(page, query: str) -> list[str]:
    """The titles of the search results for ``query`` entered as pasted text (Unicode
    superscripts and subscripts are not typed keys)."""
    page.fill("input.md-search__input", "")
    page.locator("input.md-search__input").click()
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # Material reads the query on a key's release
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_text_contents()


def test_index_is_built_only_once_the_first_results_are_shown(watched, base_url, site) -> None:
    """Not at "live" either: the page's first computations and charts come first."""
    page = watched.page
    loaded_at: list[float] = []
    page.on(
        "request",
        lambda r: MATERIAL_WORKER in r.url and "search-when-ready" not in r.url and loaded_at.append(time.monotonic()),
    )
    page.goto(base_url + page_of(site, "half-life"))
    calculators = page.locator(".calc").count()
    assert calculators >= 2, "the half-life page should show the wait for more than one calculator"
    drawn = page.locator(".calc .calc__chart-live:not([hidden]) svg")
    deadline = time.monotonic() + BOOT_MS / 1000
    while True:
        # Seen before counting: a worker seen loaded, with a chart still missing after it,
        # was loaded too early.
        loaded_before = bool(loaded_at)
        if drawn.count() == calculators:
            break
        assert not loaded_before, "Material's search worker started before every first chart was drawn"
        assert time.monotonic() < deadline, "the calculators never drew their first charts"
        time.sleep(0.05)
    titles = search_for(page, "half-life")
    assert loaded_at and any("half-life" in title.lower() for title in titles), titles


def test_reader_who_opens_search_before_python_starts_gets_results(watched, base_url, site) -> None:
    """Python never finishes downloading here, yet search answers (phone width: the header's
    magnifier opens it)."""
    page = watched.page
    page.set_viewport_size({"width": 375, "height": 800})
    hold_python(page)
    page.goto(base_url + page_of(site, "half-life"))
    page.wait_for_load_state("load")
    assert "Initializing" in page.text_content(".md-search-result__meta")
    titles = search_for(page, "weibull")
    assert titles, "no results"
    assert page.get_attribute(".calc", "data-state") == "loading"


def test_search_starts_at_once_on_a_page_without_calculator_but_downloads_its_index_when_asked(
    watched, base_url
) -> None:
    """Without a calculator Material's search worker starts at once; the index downloads
    only once the reader clicks into the search field, and then answers."""
    page = watched.page
    workers: list[str] = []
    page.on(
        "request", lambda r: MATERIAL_WORKER in r.url and "search-when-ready" not in r.url and workers.append(r.url)
    )
    requested = index_requests(page)
    page.goto(base_url + "glossary/")
    deadline = time.monotonic() + 20
    while not workers:
        assert time.monotonic() < deadline, "search's worker never started without a reader asking"
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    assert [] == requested
    assert "Initializing" in page.text_content(".md-search-result__meta")
    assert search_for(page, "horizon")
    assert 1 == len(requested), requested


@pytest.mark.parametrize("way", ["click", "shortcut", "phone"])
def test_index_downloads_when_the_reader_reaches_for_search(watched, base_url, site, way: str) -> None:
    """On a calculator page, live, the index has not been downloaded; the reader's first move
    towards search (a click into the field, Material's "/" shortcut, the phone's magnifier)
    downloads it once, and the words typed find the page."""
    page = watched.page
    if way == "phone":
        page.set_viewport_size({"width": 375, "height": 800})
    requested = index_requests(page)
    page.goto(base_url + page_of(site, "half-life"))
    expect(page.locator('.calc[data-calculator="half-life"]')).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    page.wait_for_load_state("networkidle")
    assert [] == requested
    if way == "shortcut":
        page.locator("article h1").click()  # the keyboard's focus in the page, not in a field
        page.keyboard.press("/")
        expect(page.locator("input.md-search__input")).to_be_focused()
        page.keyboard.type("weibull")
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        titles = page.locator(".md-search-result__item h1, .md-search-result__item h2").all_text_contents()
    else:
        titles = search_for(page, "weibull")
    assert titles, "no results"
    assert 1 == len(requested), requested


def test_a_shortcut_works_as_a_visits_first_key(watched, base_url, site) -> None:
    """Material's bundle waits for Python on a calculator page, and the reader's first key is
    what brings it (material.js): that key, if it is one of Material's shortcuts, does what it
    does all the same: "/" opens search (once, it was lost, a flaky test the sign), "n" goes to
    the next page. The same key typed into a calculator's field stays in the field. Python is
    held, so the bundle is not there yet."""
    page = watched.page
    hold_python(page)
    url = base_url + page_of(site, "half-life")
    open_before_python(page, url)
    field = page.locator(".calc input").first
    before = field.input_value()
    field.focus()  # no pointer or key event: the key below is the visit's first input
    page.keyboard.press("s")
    typed = field.input_value()
    assert "s" in typed and typed.replace("s", "", 1) == before, (before, typed)
    expect(field).to_be_focused()

    open_before_python(page, url)
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("weibull")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert "weibull" == page.input_value("input.md-search__input")

    # Material's "next page" key likewise.
    open_before_python(page, url)
    following = page.evaluate("document.querySelector('link[rel=next]').href")
    page.keyboard.press("n")
    page.wait_for_url(following)


def test_what_a_reader_types_before_the_index_arrives_is_searched(browser, base_url) -> None:
    """The index is held on its way (a slow network): the reader types the whole query while
    search says it is starting; once the index arrives, the results are for every letter
    typed (none lost). (No service worker, so that the route sees the download.)"""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    held = []
    page.route(f"**{INDEX}", lambda route: held.append(route))
    page.goto(base_url + "glossary/")
    page.click("input.md-search__input")
    page.keyboard.type("chinchilla")
    deadline = time.monotonic() + 10
    while not held:
        assert time.monotonic() < deadline, "the index was never asked for"
        page.wait_for_timeout(50)
    assert "Initializing" in page.text_content(".md-search-result__meta")
    assert 0 == page.locator(".md-search-result__item").count()
    held[0].continue_()
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert "chinchilla" == page.input_value("input.md-search__input")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    text = page.locator(".md-search-result__item").first.text_content() or ""
    assert "chinchilla" in text.lower(), text
    context.close()


def test_page_opened_from_a_search_result_highlights_at_once(watched, base_url) -> None:
    """A page opened from a search result (?h=) downloads the index without waiting for the
    reader, since Material needs it to highlight the words searched for."""
    page = watched.page
    requested = index_requests(page)
    page.goto(base_url + "glossary/?h=horizon")
    expect(page.locator("article mark").first).to_be_visible(timeout=20_000)
    assert 1 == len(requested), requested


@pytest.fixture(scope="module")
def _glossary_search(browser, base_url):
    """One reader on the glossary with search ready, for the tests below that only ask
    queries: the index is built once, not once a test."""
    context, watched = new_watched_page(browser, base_url, service_worker=False)
    watched.page.goto(base_url + "glossary/")
    yield watched
    context.close()


@pytest.fixture
def searcher(_glossary_search):
    """That reader's page, its search field empty, logging no console error and sending no
    request to another origin during the test."""
    watched = _glossary_search
    watched.console_errors.clear()
    watched.foreign_requests.clear()
    watched.page.fill("input.md-search__input", "")
    yield watched.page
    assert [] == watched.console_errors
    assert [] == watched.foreign_requests


def test_powers_of_ten_find_the_prose_as_typed(searcher) -> None:
    """ "1e26", "10^26" and "10**26" all find the pages whose prose writes 10²⁶: the
    glossary and the governance essay (hooks/search_text.py, search-when-ready.js)."""
    page = searcher
    for query in ("1e26", "10^26", "10**26"):
        page.fill("input.md-search__input", "")
        titles = search_for(page, query)
        assert "Glossary" in titles and "Inference scaling reshapes AI governance" in titles, (query, titles)
        # The typed form is found but never shown: excerpts read 10²⁶ as the pages do (the API
        # reference's docstrings write 1e26 themselves, with no twin's " = " before it).
        shown = page.locator(".md-search-result__list").inner_text()
        assert not re.search(r"= \d+(\.\d+)?e", shown), (query, shown)


def test_negative_and_superscript_powers_find_the_prose(searcher) -> None:
    """ "1e-7", "10^-7", "10**-7" and a pasted "10⁻⁷" all find the scaling paradox, whose
    prose writes 10⁻⁷, among the first results; "10²⁵" typed in superscripts finds it too
    (its worked examples write 10²⁵; the pages about the EU's 10²⁵ threshold rank first).
    (Search splits words at a hyphen; search-when-ready.js asks for "1e−7", the one word the
    index holds.)"""
    page = searcher
    for query in ("1e-7", "10^-7", "10**-7", "10⁻⁷"):
        titles = pasted_query_titles(page, query)
        assert "The Scaling Paradox" in titles[:3], (query, titles)
    titles = pasted_query_titles(page, "10²⁵")
    assert "The Scaling Paradox" in titles and "Glossary" in titles[:3], titles


def test_horizon_symbols_find_the_prose_either_way(searcher) -> None:
    """ "T50" as typed and "T₅₀" as pasted from a chart or a label both find the half-life
    essay, whose prose writes T₅₀ (hooks/search_text.py's twin " = T50", and
    search-when-ready.js reading "T₅₀" as "T50"), and the glossary's time horizon entry."""
    page = searcher
    for query in ("T50", "T₅₀", "t₈₀"):
        titles = pasted_query_titles(page, query)
        # The Python API page, whose parameters are named t50, may rank first; the prose is found.
        assert any("half-life" in title.lower() for title in titles) and "Glossary" in titles, (query, titles)
        shown = page.locator(".md-search-result__list").inner_text()
        assert "= T50" not in shown and "= T80" not in shown, (query, shown)


def test_metr_finds_the_data_page_first(searcher) -> None:
    """The page about METR's data ranks first for "METR", titled in words."""
    page = searcher
    page.wait_for_selector(".md-search-result__meta")
    assert "METR's time horizons" == search_for(page, "METR")[0]
    # The notebook's hit shows its opening prose under its title, as every page's does.
    notebook = page.locator(".md-search-result__item", has_text="METR's time horizons and their doubling time")
    expect(notebook.first.locator("article").first).to_contain_text("METR measures")
