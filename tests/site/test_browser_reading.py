"""Pages read on a phone, before Python is live and with JavaScript off: wide tables and code
show that they scroll, table cells keep a readable width, formulas are not broken, the
glossary's terms stand out, notebook figures fill the column, and a calculator without
JavaScript neither looks nor acts editable.

Each test module of the browser layer starts its own contexts; this one keeps two for all its
tests (JavaScript on with Python's downloads never answered, so every page stays as it is
before Python is live; and JavaScript off), and loads each page once in each.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator

import pytest
from PIL import Image, ImageStat

from browser_helpers import hold_python

PHONE = {"width": 375, "height": 800}
WIDE = {"width": 1280, "height": 900}
#: Pages with prose tables wider than a phone's column: worked examples, a data file's columns.
WIDE_TABLE_PAGES = (
    "debate/",
    "essays/governance/",
    "essays/half-life/",
    "essays/hourly-costs/",
    "essays/how-well-does-rl-scale/",
    "essays/mostly-inference/",
    "essays/rl-inefficiency/",
    "data/metr_horizons/",
    "data/hamilton_weibull/",
)
#: And the home page's, which fits.
TABLE_PAGES = ("", *WIDE_TABLE_PAGES)
NOTEBOOKS = (
    "notebooks/chinchilla-frontier/",
    "notebooks/cost-decline/",
    "notebooks/metr-time-horizons/",
    "notebooks/success-curves/",
)
#: The prose tables of a page's text (not a calculator's own data table).
PROSE_TABLES = "article table:not([class]):not(.calc *)"
#: A short cell (a label, an input, a figure with its source) takes at most this many lines on
#: a phone; a longer one averages at least LONG_CELL_CHARS characters a line. Before the
#: columns had a width of their own, "Inference matching a million times the RL" took six.
SHORT_CELL = 60
SHORT_CELL_LINES = 4
LONG_CELL_CHARS = 16

Pages = Callable[[str], object]


def pages_of(context: object, base_url: str) -> Iterator[Pages]:
    """A loader that opens each address once in ``context`` and hands back the same page."""
    opened: dict[str, object] = {}

    def page(address: str) -> object:
        if address not in opened:
            new = context.new_page()  # type: ignore[attr-defined]
            new.goto(base_url + address)
            new.evaluate("document.fonts.ready.then(() => true)")
            opened[address] = new
        return opened[address]

    yield page


@pytest.fixture(scope="module")
def phone(browser: object, base_url: str) -> Iterator[Pages]:
    """Pages on a 375 px phone with JavaScript on, as they are before Python is live: its
    downloads never answer, and no page waits for it."""
    context = browser.new_context(viewport=PHONE, service_workers="block")  # type: ignore[attr-defined]
    hold_python(context)
    yield from pages_of(context, base_url)
    context.close()


@pytest.fixture(scope="module")
def no_js(browser: object, base_url: str) -> Iterator[Pages]:
    """Pages on a 375 px phone with JavaScript off."""
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport=PHONE, java_script_enabled=False, service_workers="block", accept_downloads=True
    )
    yield from pages_of(context, base_url)
    context.close()


# --- Seeing that a box scrolls ------------------------------------------------------------


def edge_shades(page: object, selector: str, index: int) -> tuple[float, float]:
    """How dark the left and right edges of a box are (mean grey, 0 black to 255 white), with
    its text made transparent so that only its background shows: its shadows, if any."""
    box = page.locator(selector).nth(index)  # type: ignore[attr-defined]
    box.scroll_into_view_if_needed()
    # (An attribute, not a class: prose tables are styled as tables without a class.)
    box.evaluate("element => element.setAttribute('data-reading-probe', '')")
    style = page.add_style_tag(
        content="[data-reading-probe], [data-reading-probe] * { color: transparent !important; }"
    )  # type: ignore[attr-defined]
    try:
        picture = Image.open(io.BytesIO(box.screenshot(style=".md-header, .md-tabs { visibility: hidden; }")))
    finally:
        box.evaluate("element => element.removeAttribute('data-reading-probe')")
        style.evaluate("element => element.remove()")
    grey = picture.convert("L")
    height = grey.height

    def strip(left: int) -> float:
        return float(ImageStat.Stat(grey.crop((left, height // 4, left + 4, height * 3 // 4))).mean[0])

    return strip(2), strip(grey.width - 6)


def scrolls_itself(page: object, selector: str, index: int) -> dict[str, object]:
    """Whether a box's content is wider than it, and which element scrolls: the box itself,
    or (as Material's wrapper did) one of its ancestors."""
    return (
        page.locator(selector)
        .nth(index)
        .evaluate(  # type: ignore[attr-defined, no-any-return]
            """(box) => {
            const scrolls = (e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible";
            let ancestor = null;
            for (let e = box.parentElement; e && e !== document.body; e = e.parentElement) {
                if (scrolls(e)) { ancestor = e.className; break; }
            }
            return {wide: scrolls(box) || ancestor !== null, itself: scrolls(box), ancestor};
        }"""
        )
    )


@pytest.mark.parametrize("address", WIDE_TABLE_PAGES)
def test_wide_table_shows_that_it_scrolls(phone: Pages, address: str) -> None:
    """On a phone, a prose table wider than the column is the box that scrolls (not Material's
    wrapper around it, where the table's shadows could not show), and the edge where it is
    cut is shaded while the left edge is not; scrolled to its end, the shading moves to the
    left edge."""
    page = phone(address)
    count = page.locator(PROSE_TABLES).count()  # type: ignore[attr-defined]
    assert count
    wide = 0
    for index in range(count):
        state = scrolls_itself(page, PROSE_TABLES, index)
        if not state["wide"]:
            continue
        wide += 1
        assert state["itself"] and state["ancestor"] is None, (address, index, state)
        left, right = edge_shades(page, PROSE_TABLES, index)
        assert right < left - 15, (address, index, left, right)
        table = page.locator(PROSE_TABLES).nth(index)  # type: ignore[attr-defined]
        table.evaluate("table => { table.scrollLeft = table.scrollWidth; }")
        try:
            left, right = edge_shades(page, PROSE_TABLES, index)
        finally:
            table.evaluate("table => { table.scrollLeft = 0; }")
        assert left < right - 15, (address, index, left, right)
    assert wide, f"{address}: no table is wider than a phone's column; pick a page that has one"


#: Each prose table cell's characters and the lines its text takes.
CELL_LINES = """() => [...document.querySelectorAll("article table:not([class]):not(.calc *) :is(td, th)")].map((cell) => {
    const middles = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) if (box.width > 0) middles.push(box.top + box.height / 2);
    }
    middles.sort((a, b) => a - b);
    const size = parseFloat(getComputedStyle(cell).fontSize);
    let lines = 0, last = -Infinity;
    for (const middle of middles) if (middle - last > size) { lines += 1; last = middle; }
    return {text: cell.innerText.trim(), lines};
})"""


@pytest.mark.parametrize("address", TABLE_PAGES)
def test_table_cells_keep_a_readable_width(phone: Pages, address: str) -> None:
    """On a phone no cell is squeezed into a sliver: a short one takes at most four lines,
    and a long one averages enough characters a line to read as a sentence."""
    squeezed = []
    for cell in phone(address).evaluate(CELL_LINES):  # type: ignore[attr-defined]
        chars = len(cell["text"])
        allowed = SHORT_CELL_LINES if chars <= SHORT_CELL else math.ceil(chars / LONG_CELL_CHARS)
        if cell["lines"] > allowed:
            squeezed.append((cell["lines"], cell["text"][:60]))
    assert [] == squeezed, address


#: Formulas in prose table cells that break across lines, and commas that start a line after
#: a formula.
BROKEN_FORMULAS = """() => {
    const found = [];
    // Two boxes are on one line when their heights overlap: a superscript's part of a formula
    // stands taller than the rest of its line, never wholly above it.
    const below = (box, above) => box.top >= above.bottom - 1;
    for (const cell of document.querySelectorAll("article table:not([class]):not(.calc *) td")) {
        for (const formula of cell.querySelectorAll(".katex-html")) {
            const parts = [...formula.querySelectorAll(":scope > .katex-base")].map((part) => part.getBoundingClientRect());
            if (parts.some((part, i) => i > 0 && below(part, parts[i - 1]))) found.push("broken: " + formula.textContent);
        }
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.startsWith(",") || node.parentElement.closest(".katex")) continue;
            const before = node.previousSibling;
            if (!before || before.nodeType !== 1 || !before.matches(".arithmatex")) continue;
            const range = document.createRange();
            range.setStart(node, 0);
            range.setEnd(node, 1);
            const parts = [...before.querySelectorAll(".katex-html > .katex-base")];
            if (below(range.getBoundingClientRect(), parts[parts.length - 1].getBoundingClientRect())) {
                found.push("comma: " + cell.innerText.slice(0, 60));
            }
        }
    }
    return found;
}"""


@pytest.mark.parametrize("address", TABLE_PAGES)
def test_table_formulas_are_never_broken(phone: Pages, address: str) -> None:
    """On a phone each formula in a table cell stays on one line ("b = " never on one line and
    its value on the next), and a comma after a formula never starts a line."""
    assert [] == phone(address).evaluate(BROKEN_FORMULAS)  # type: ignore[attr-defined]


# --- The glossary -------------------------------------------------------------------------

#: Each glossary term and its definition: weight, and contrast against the page.
TERM_STYLES = """() => {
    const rgba = (text) => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
    const luminance = ([r, g, b]) => {
        const linear = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const page = rgba(getComputedStyle(document.body).backgroundColor);
    const contrast = (element) => {
        const [r, g, b, a] = rgba(getComputedStyle(element).color);
        const shown = [r, g, b].map((c, i) => c * a + page[i] * (1 - a));
        const [light, dark] = [luminance(shown), luminance(page)].sort((x, y) => y - x);
        return (light + 0.05) / (dark + 0.05);
    };
    return [...document.querySelectorAll("article dl > dt")].map((term) => {
        const definition = term.nextElementSibling;
        return {
            term: term.textContent.trim(),
            weights: [Number(getComputedStyle(term).fontWeight), Number(getComputedStyle(definition).fontWeight)],
            contrasts: [contrast(term), contrast(definition)],
            scheme: document.body.dataset.mdColorScheme,
        };
    });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_glossary_terms_stand_out(phone: Pages, no_js: Pages, scheme: str) -> None:
    """Each glossary term is a head to scan for: bold, where its definition is regular, and
    at least as dark (in the dark scheme, as light) against the page, with JavaScript on and
    off."""
    for pages in (phone, no_js):
        page = pages("glossary/")
        page.emulate_media(color_scheme=scheme)  # type: ignore[attr-defined]
        material = {"light": "default", "dark": "slate"}[scheme]
        if pages is phone:
            # Material follows the system's scheme, as the check assumes, once its listener has
            # run (a fixed 100 ms was too short on a loaded machine); without JavaScript the
            # stylesheet's media queries apply at once.
            page.wait_for_function(  # type: ignore[attr-defined]
                "scheme => document.body.dataset.mdColorScheme === scheme", arg=material, timeout=10_000
            )
        terms = page.evaluate(TERM_STYLES)  # type: ignore[attr-defined]
        assert len(terms) > 10
        if pages is phone:
            assert material == terms[0]["scheme"]
        for term in terms:
            weight, definition_weight = term["weights"]
            contrast, definition_contrast = term["contrasts"]
            assert weight >= 700 > definition_weight, term
            assert contrast >= definition_contrast > 4.5, term


# --- Notebooks ----------------------------------------------------------------------------

FIGURES = """() => [...document.querySelectorAll("svg.notebook-figure")].map((figure) => {
    const box = figure.getBoundingClientRect();
    const column = figure.closest("article").getBoundingClientRect();
    const output = figure.closest(".jp-OutputArea-output").getBoundingClientRect();
    return {width: box.width, column: column.width, output: output.width,
            left: box.left - output.left, right: output.right - box.right};
})"""


@pytest.mark.parametrize("address", NOTEBOOKS)
def test_notebook_figures_fill_a_phones_column(phone: Pages, address: str) -> None:
    """On a phone a notebook's figures take (nearly) the column's whole width: drawn 5 inches
    wide, each is shrunk no further than it must be, and its text stays legible."""
    figures = phone(address).evaluate(FIGURES)  # type: ignore[attr-defined]
    assert figures
    for figure in figures:
        assert figure["width"] >= 0.9 * figure["column"], figure


def test_notebook_figures_fill_a_wide_screens_column(browser: object, base_url: str) -> None:
    """On a wide screen a figure takes the width of the notebook's output column up to 560 px,
    where its text is about a heading's size (it sat at 480 px on the left of 580), centred
    in it."""
    context = browser.new_context(viewport=WIDE, service_workers="block")  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(base_url + NOTEBOOKS[1])
        [figure] = page.evaluate(FIGURES)
        assert figure["width"] >= min(0.9 * figure["output"], 559), figure
        assert abs(figure["left"] - figure["right"]) <= 2, figure
    finally:
        context.close()


def test_notebook_code_shows_that_it_scrolls(phone: Pages) -> None:
    """On a phone a code cell wider than the column is shaded at the edge where it is cut."""
    page = phone(NOTEBOOKS[1])
    code = ".jp-InputArea .highlight-ipynb"
    wide = [i for i in range(page.locator(code).count()) if scrolls_itself(page, code, i)["itself"]]  # type: ignore[attr-defined]
    assert wide
    left, right = edge_shades(page, code, wide[0])
    assert right < left - 15, (left, right)


# --- Calculators without JavaScript ---------------------------------------------------------


def test_calculator_inputs_are_read_only_without_javascript(no_js: Pages) -> None:
    """With JavaScript off, a calculator's inputs show their values as text, with no field's
    frame, and a tap or click on one neither focuses it nor lets the reader type into it, nor
    does the keyboard."""
    page = no_js("essays/half-life/")
    fields = page.locator(".calc .calc__field input")  # type: ignore[attr-defined]
    assert fields.count() >= 3
    for index in range(fields.count()):
        field = fields.nth(index)
        style = field.evaluate("e => [getComputedStyle(e).pointerEvents, getComputedStyle(e).borderTopColor]")
        assert ["none", "rgba(0, 0, 0, 0)"] == style
        before = field.input_value()
        box = field.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # type: ignore[attr-defined]
        page.keyboard.type("9")  # type: ignore[attr-defined]
        assert not field.evaluate("e => e === document.activeElement")
        assert before == field.input_value()
        # Nor from the keyboard: the field is read-only as built (a reader who tabs to it).
        field.focus()
        page.keyboard.type("9")  # type: ignore[attr-defined]
        assert before == field.input_value()


def test_calculator_says_why_without_javascript(no_js: Pages) -> None:
    """The status line says that changing the inputs needs JavaScript."""
    status = no_js("essays/half-life/").locator(".calc .calc__status").first  # type: ignore[attr-defined]
    after = status.evaluate("e => getComputedStyle(e, '::after').content")
    assert "Changing the inputs needs JavaScript." in after


def test_calculator_shows_only_what_works_without_javascript(no_js: Pages) -> None:
    """With JavaScript off no button shows (presets, Pin, Copy: they would do nothing), while
    the downloads, links to files made when the site was built, show and download."""
    page = no_js("essays/half-life/")
    calculator = page.locator(".calc").first  # type: ignore[attr-defined]
    buttons = calculator.locator("button")
    assert buttons.count()
    assert [] == [i for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    downloads = calculator.locator("a[data-download]")
    assert 4 == downloads.count()
    for index in range(downloads.count()):
        assert downloads.nth(index).is_visible()
    with page.expect_download() as caught:  # type: ignore[attr-defined]
        calculator.locator('a[data-download="csv"]').click()
    assert caught.value.suggested_filename.endswith(".csv")
    assert caught.value.failure() is None
