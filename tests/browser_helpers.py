"""Helpers shared by the browser tests (tests/site): finding, opening and reading calculators;
and reading what the build made (the start-up library)."""

from __future__ import annotations

import gzip
import io
import json
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from playwright.sync_api import expect

from last_bits import same_text

BOOT_MS = 90_000
ROOT = Path(__file__).resolve().parents[1]


def own_file(site: Path, path: str) -> str:
    """The site path of one of the site's own scripts or styles, by its name before
    hooks/hashed_assets.py added the content hash (``javascripts/calculators/runtime.js``)."""
    stem, suffix = path.rsplit(".", 1)
    [found] = site.glob(f"{stem}.*.{suffix}")
    return found.relative_to(site).as_posix()


def served_library(site: Path, part: str = "library") -> zipfile.ZipFile:
    """The precompiled start-up library the site serves (runtime.json's ``library``), or with
    ``part="stdlibRest"`` the rest of the standard library, opened as Python opens it: the file
    is gzipped whole, and inflated it is the zip Python mounts."""
    runtime = site / "assets" / "runtime"
    served = json.loads((runtime / "runtime.json").read_text())[part]
    return zipfile.ZipFile(io.BytesIO(gzip.decompress((runtime / served).read_bytes())))


def api_pages(site: Path) -> list[str]:
    """The API reference's pages (one a topic, from docs/python/), as paths in the build:
    ``python/agents/index.html``."""
    pages = sorted(path.relative_to(site).as_posix() for path in site.glob("python/*/index.html"))
    assert len(pages) >= 7, pages
    return pages


def page_addresses() -> list[str]:
    """Site-relative URLs of every page the build makes from docs/ (the Markdown pages and the
    notebooks), known before the build so tests can be made one per page."""
    docs = ROOT / "docs"
    urls = []
    for source in sorted([*docs.rglob("*.md"), *(docs / "notebooks").glob("*.py")]):
        relative = source.relative_to(docs).with_suffix("")
        if relative.name == "index":
            relative = relative.parent
        urls.append("" if str(relative) == "." else relative.as_posix() + "/")
    return urls


def hold_python(target) -> None:
    """Leave every request of ``target`` (a page or a context) for Python's runtime
    unanswered, so its pages stay as a reader sees them before Python is live (neither live
    nor in the failure path a refused download leads to)."""
    target.route("**/assets/runtime/**", lambda route: None)


def open_before_python(page, url: str) -> None:
    """Open ``url`` in ``page`` with Python's downloads held (hold ``page`` first, once), and
    wait until its calculators' presets show: the page is scripted, yet Material's bundle,
    which waits for Python, has not run."""
    page.goto(url)
    expect(page.locator(".calc [data-preset]").first).to_be_visible()
    assert page.evaluate("typeof document$") == "undefined"


def page_of(site: Path, calculator_id: str) -> str:
    """The site-relative URL of the first built page that embeds ``calculator_id``."""
    for page in sorted(site.rglob("index.html")):
        if re.search(rf'data-calculator="{re.escape(calculator_id)}"', page.read_text()):
            relative = page.parent.relative_to(site).as_posix()
            return "" if relative == "." else relative + "/"
    raise AssertionError(f"no page embeds {calculator_id!r}")


def navigate(page, url: str) -> None:
    """Go to ``url`` the way a reader does, by clicking a link: Material's instant navigation
    swaps the page without reloading it, so the Python worker lives on.

    Instant navigation is Material's bundle's, which a page with a calculator loads only once
    its calculators have shown their first results (javascripts/calculators/material.js), so
    each click waits until the bundle has run and has the site's map, and is made again until
    Material takes it (:func:`click_instantly`; a reader who clicks a link sooner gets an
    ordinary page load, and Python starts afresh there).

    Material only fetches a page when the path changes, so to show the same page afresh
    (a new query, a clean state) the reader first steps to another page. The old content is
    marked before each click, so each wait ends only once the new content is in.
    """
    target = urlsplit(url)
    if urlsplit(page.url).path == target.path:
        other = "how-it-works/" if not target.path.endswith("how-it-works/") else ""
        _click(page, urlunsplit((target.scheme, target.netloc, "/" + other, "", "")))
    _click(page, url)


# Material's instant navigation takes over links once it has the site's map (sitemap.xml),
# which its bundle asks for as it runs.
INSTANT_READY = "performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sitemap.xml'))"


def wait_for_instant_navigation(page) -> None:
    """Until Material's instant navigation takes over the page's links: its bundle has run
    (on a calculator page, once the first results are drawn) and has the site's map."""
    wait_until(page, f"typeof document$ !== 'undefined' && {MATERIAL_RAN} && {INSTANT_READY}")


# Before a click: judge the next click that reaches the window, recording whether Material's
# instant navigation took it (it cancels the click as it does). If not, its bundle has yet to
# take over the page's links (the site's map can be in hand a moment before): the click is
# cancelled here too, so no ordinary page load starts, and the caller tries again. The old
# content is marked, and the window too, which a full page load would lose.
JUDGE_NEXT_CLICK = """() => {
    const article = document.querySelector("article");
    article.dataset.previous = "true";
    self.__beforeClick = true;
    self.__taken = undefined;
    if (self.__judge) removeEventListener("click", self.__judge);
    self.__judge = (event) => {
        removeEventListener("click", self.__judge);
        self.__taken = event.defaultPrevented;
        if (!self.__taken) {
            event.preventDefault();
            delete article.dataset.previous;
        }
    };
    addEventListener("click", self.__judge);
}"""


def click_instantly(page, click: Callable[[], object], what: str) -> None:
    """Make ``click`` (a reader's click on a link to ``what``) until Material's instant
    navigation takes it, and wait until the new content is in, in the same document."""
    wait_for_instant_navigation(page)
    deadline = time.monotonic() + 30
    while True:
        page.evaluate(JUDGE_NEXT_CLICK)
        click()
        if page.evaluate("self.__taken === true"):
            break
        assert time.monotonic() < deadline, f"Material's instant navigation never took a click to {what}"
        time.sleep(0.1)
    page.wait_for_selector("article:not([data-previous])")
    assert page.evaluate("self.__beforeClick === true"), f"the click to {what} loaded a new document"


# A link to the address, added to the page's content and clicked; removed again if the click
# was not Material's (JUDGE_NEXT_CLICK).
CLICK_NEW_LINK = """url => {
    const link = Object.assign(document.createElement("a"), { href: url, textContent: "next" });
    document.querySelector("article").append(link);
    link.click();
    if (!self.__taken) link.remove();
}"""


def _click(page, url: str) -> None:
    click_instantly(page, lambda: page.evaluate(CLICK_NEW_LINK, url), url)


def open_live(page, base_url: str, site: Path, calculator_id: str, query: str = ""):
    """Show the calculator's page (with an optional query), by instant navigation when the
    page is already on the site, and wait until Python is live."""
    url = base_url + page_of(site, calculator_id) + (f"?{query}" if query else "")
    if page.url.startswith(base_url):
        navigate(page, url)
    else:
        page.goto(url)
    root = page.locator(f'.calc[data-calculator="{calculator_id}"]')
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    return root


def wait_until(page, expression: str, seconds: float = 30) -> None:
    """Poll ``expression`` in the page until it is true. Not ``page.wait_for_function``: that
    compiles a string with eval inside the page, which the site's policy rightly refuses
    when the first check is false."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        time.sleep(0.25)


# Material's transitions (its navigation fades in, for one) have ended and two frames have
# been laid out since: the page as Material's scripts leave it, and as axe must measure it.
MATERIAL_SETTLED = """async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => {})));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}"""


# Material's inline head script and its bundle have both run.
MATERIAL_RAN = "__md_scope instanceof URL && typeof document$.subscribe === 'function'"


# A page with a calculator holds Material's bundle back until its first results are drawn
# (javascripts/calculators/material.js): until then the reader sees the page without it.
MATERIAL_HELD = "document.querySelector('script[data-material-bundle]') !== null"


def settle_material(page) -> None:
    """Wait until Material's scripts have run (:data:`MATERIAL_RAN`), or are held back
    (:data:`MATERIAL_HELD`), and have laid the page out (:data:`MATERIAL_SETTLED`), after a
    load that waited only for the document (``wait_until="domcontentloaded"``)."""
    wait_until(page, f"{MATERIAL_HELD} || (typeof document$ !== 'undefined' && {MATERIAL_RAN})")
    page.evaluate(MATERIAL_SETTLED)


# How far a test moves the page's clock to skip one of runtime.js's waits: more than the
# longest pause before a new try (9 s) and than the wait for an answer (8 s).
SKIP_MS = 10_000


def hurry_python(page, root, until: str) -> None:
    """Wait until the calculator ``root`` has ``data-state`` ``until``, moving the page's
    clock over each pause runtime.js takes before a new try (1, 3 and 9 s) instead of sitting
    it out. The page must have installed Playwright's clock before it loaded
    (``page.clock.install()``). Time otherwise runs as usual, so Python's start, the
    watchdog of a silent start and the worker's own download timeouts take their real time,
    and the states follow each other as a reader would see them, only sooner.
    """
    deadline = time.monotonic() + BOOT_MS / 1000
    while (state := root.get_attribute("data-state")) != until:
        assert time.monotonic() < deadline, f"still {state!r}, not {until!r}, after {BOOT_MS} ms"
        # While "retrying" the page has stopped the old worker and its watchdog: the one timer
        # due is the new try's (fast_forward fires each due timer once).
        if state == "retrying":
            page.clock.fast_forward(SKIP_MS)
        time.sleep(0.1)


# JavaScript: the points every ``step`` px along each SVG path of ``paths``, in the page's
# coordinates (its transforms applied), as [x, y]. A check of lines against labels walks each
# line once a chart with it, not once a label: the walk is most of such a check's time.
LINE_POINTS = """(paths, step) => paths.flatMap((path) => {
    const m = path.getScreenCTM();
    const walked = [];
    for (let at = 0, length = path.getTotalLength(); at <= length; at += step) {
        const p = path.getPointAtLength(at);
        walked.push([m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f]);
    }
    return walked;
})"""


def assert_same_numbers(expected: str, actual: str) -> None:
    """Equal text but for the last bits of floats (tests/last_bits.py): WebAssembly's libm
    may round exp and log differently from the C library's in the final digit."""
    assert same_text(expected, actual), (expected, actual)


def expect_outputs(root, result: dict) -> None:
    """Wait until every output of the calculator ``root`` shows the text in ``result``, and its
    unit as it reads after that text."""
    for name, output in result["outputs"].items():
        expect(root.locator(f'[data-output="{name}"]')).to_have_text(output["text"])
        if output["unit"]:  # as it reads after that number: "1 hour", "2 hours"
            expect(root.locator(f'[data-unit="{name}"]')).to_have_text(output["unit"])


def expect_chart_drawn(root) -> None:
    """Wait until the live chart of the calculator ``root`` shows the result its outputs
    show: the figure is busy (``aria-busy``) from the moment they show until it is drawn."""
    expect(root.locator(".calc__chart-live svg")).to_have_count(1)
    expect(root.locator(".calc__chart")).not_to_have_attribute("aria-busy", "true")


def fill_input(root, name: str, value: object) -> None:
    """Set one input of a calculator as a reader does: type into a text field, or pick the
    option of a choice (a ``<select>``) whose value is ``value`` as a preset writes it."""
    from calculators._declare import form_text

    field = root.locator(f'form [name="{name}"]')
    if field.evaluate("element => element.tagName") == "SELECT":
        field.select_option(value=form_text(float(value)))  # type: ignore[arg-type]
    else:
        field.fill(str(value))
