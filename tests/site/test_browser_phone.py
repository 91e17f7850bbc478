"""Phones before Python is live, and without JavaScript: the chart drawn for their width
(not the wide one shrunk), no blank band reserved around it; home and notebook pages that
fit a 375 px screen; notebook figures themed for the dark scheme."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import hold_python, page_of

PHONE = {"width": 375, "height": 800}
CALCULATOR = "half-life"

# The shown static chart: which one, its drawn and native sizes, the canvas' height, and
# the size its axis labels reach the screen at.
MEASURE = """canvas => {
    const wide = canvas.querySelector(':scope > svg');
    const phone = canvas.querySelector(':scope > [data-chart-phone] > svg');
    const shown = [wide, phone].find(svg => svg.getClientRects().length);
    const box = shown.getBoundingClientRect();
    const scale = box.width / Number(shown.getAttribute('width'));
    const label = shown.querySelector('.role-axis-label text');
    return {
        phone: shown === phone,
        canvas: canvas.getBoundingClientRect().height,
        height: box.height,
        labelPx: parseFloat(label.getAttribute('font-size') ?? getComputedStyle(label).fontSize) * scale,
    };
}"""


def static_chart(page, base_url: str, site: Path):
    hold_python(page)
    page.goto(base_url + page_of(site, CALCULATOR))
    page.wait_for_load_state("load")
    return page.locator(f'.calc[data-calculator="{CALCULATOR}"] [data-chart]')


def test_phone_shows_the_chart_drawn_for_it_before_python(watched, base_url, site) -> None:
    page = watched.page
    page.set_viewport_size(PHONE)
    canvas = static_chart(page, base_url, site)
    expect(canvas.locator("[data-chart-phone] svg")).to_be_visible()
    expect(canvas.locator(":scope > svg")).to_be_hidden()
    shown = canvas.evaluate(MEASURE)
    assert shown["phone"]
    assert shown["canvas"] - shown["height"] < 2, shown  # no blank band above or below
    assert shown["labelPx"] >= 10, shown


def test_wide_screen_shows_the_wide_chart(watched, base_url, site) -> None:
    canvas = static_chart(watched.page, base_url, site)
    expect(canvas.locator(":scope > svg")).to_be_visible()
    expect(canvas.locator("[data-chart-phone]")).to_be_hidden()
    shown = canvas.evaluate(MEASURE)
    assert not shown["phone"] and shown["labelPx"] >= 11, shown


# Each chart's canvas on the page: the shown picture's height and its drawing's own, and the
# canvas' height once the pictures are taken out, as the live chart's first draw does.
RESERVED = """() => [...document.querySelectorAll('.calc [data-chart]')].map(canvas => {
    canvas.style.contentVisibility = 'visible';
    const shown = [...canvas.querySelectorAll('svg')].find(svg => svg.getClientRects().length);
    const picture = {shown: shown.getBoundingClientRect().height, own: Number(shown.getAttribute('height'))};
    for (const svg of canvas.querySelectorAll(':scope > svg, :scope > [data-chart-phone]')) svg.remove();
    return {...picture, emptied: canvas.getBoundingClientRect().height};
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_canvas_keeps_the_live_charts_height_while_the_picture_is_replaced(watched, base_url, site, width) -> None:
    """While the live chart replaces the static picture, the emptied canvas keeps the height
    the live chart will take (the drawing's own), but never more than the picture as shown,
    so nothing below moves and a picture scaled down has no blank band around it."""
    page = watched.page
    page.set_viewport_size({**PHONE, "width": width})
    static_chart(page, base_url, site)
    charts = page.evaluate(RESERVED)
    assert len(charts) >= 2
    for chart in charts:
        assert chart["emptied"] == pytest.approx(min(chart["shown"], chart["own"]), abs=0.5), (width, chart)
    if width == 1280:  # wide pictures scaled up to the column: the live chart's own height
        assert any(chart["shown"] > chart["own"] + 1 for chart in charts), charts


def test_phone_without_javascript_gets_the_phone_chart(browser, base_url, site) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + page_of(site, CALCULATOR))
        canvas = page.locator(f'.calc[data-calculator="{CALCULATOR}"] [data-chart]')
        expect(canvas.locator("[data-chart-phone] svg")).to_be_visible()
        expect(canvas.locator(":scope > svg")).to_be_hidden()
    finally:
        context.close()


def test_home_and_a_notebook_fit_a_phone(watched, base_url) -> None:
    """No horizontal scroll at 375 px; a notebook's figures fit its column whole, with
    readable text, its code scrolls inside its block rather than pushing the page wider, and
    its printed lines wrap between words."""
    page = watched.page
    page.set_viewport_size(PHONE)
    for path in ("", "notebooks/metr-time-horizons/"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    # A figure fits its column whole (nothing to scroll to) and its text reaches the screen
    # at 9 px or more; were it wider, its box would scroll rather than widen the page.
    figures = page.eval_on_selector_all(
        ".jp-RenderedSVG svg.notebook-figure",
        """svgs => svgs.map(svg => {
            const text = svg.querySelector('text');
            const shown = svg.getBoundingClientRect();
            const scale = shown.width / svg.viewBox.baseVal.width;
            const box = svg.closest('.jp-RenderedSVG');
            return {
                px: parseFloat(getComputedStyle(text).fontSize) * scale,
                held: box.getBoundingClientRect().right <= document.querySelector('article').getBoundingClientRect().right + 1,
                whole: box.scrollWidth <= box.clientWidth + 1,
                scrolls: getComputedStyle(box).overflowX,
            };
        })""",
    )
    readable = [f["px"] >= 9 and f["held"] and f["whole"] and f["scrolls"] == "auto" for f in figures]
    assert figures and all(readable), figures
    code = page.locator(".highlight-ipynb").first  # the focusable block around the code
    assert "0" == code.get_attribute("tabindex")
    assert "auto" == code.evaluate("block => getComputedStyle(block).overflowX")
    assert code.evaluate("block => block.scrollWidth > block.clientWidth")  # long lines scroll
    expect(page.locator(".jp-CodeCell .jp-InputPrompt").first).to_be_hidden()
    output = page.locator(".jp-RenderedText pre").first  # printed lines wrap between words
    assert ["pre-wrap", "normal"] == output.evaluate(
        "pre => [getComputedStyle(pre).whiteSpace, getComputedStyle(pre).wordBreak]"
    )


#: Every display formula shown at this width and every table outside a calculator: how far
#: its content reaches past the box that shows it (0: nothing hidden).
MEASURE_WIDE = """() => {
    const found = [];
    for (const maths of document.querySelectorAll('article .katex-display')) {
        if (!maths.getClientRects().length) continue;  // the copy not shown at this width
        found.push({what: 'maths', text: maths.innerText.slice(0, 40), past: maths.scrollWidth - maths.clientWidth});
    }
    for (const table of document.querySelectorAll('article table')) {
        if (table.closest('.calc')) continue;  // calculators: their own layout
        // The table is the box that scrolls (site.css), inside Material's wrapper or not.
        found.push({what: 'table', text: table.innerText.slice(0, 40), past: table.scrollWidth - table.clientWidth});
    }
    return found;
}"""


def test_formulas_and_the_metr_labels_fit_a_phone(watched, base_url) -> None:
    """At 375 px no display formula runs past its box: a row of formulas shows stacked
    (hooks/math.py), the scaling paradox's four widest included; and the METR page's labels
    are two narrow tables, each whole. (Python is held: formulas and tables are laid out
    before it starts, and each page is left before it would be live.)"""
    page = watched.page
    hold_python(page)
    page.set_viewport_size(PHONE)
    for path in ("essays/scaling-paradox/", "essays/half-life/", "essays/how-well-does-rl-scale/", "debate/"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        maths = [item for item in page.evaluate(MEASURE_WIDE) if item["what"] == "maths"]
        assert maths and all(item["past"] <= 1 for item in maths), (path, maths)
        assert page.locator(".arithmatex-narrow:visible").count() >= 1, path
    page.goto(base_url + "data/metr_horizons/")
    labels = [item for item in page.evaluate(MEASURE_WIDE) if item["text"].startswith("key")]
    assert len(labels) == 2 and all(item["past"] <= 1 for item in labels), labels
    # On a wide screen the row shows as written, and the stacked copy is hidden.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "essays/scaling-paradox/")
    assert 0 == page.locator(".arithmatex-narrow:visible").count()


def test_notebook_figures_follow_the_dark_scheme(watched, base_url) -> None:
    """In the dark scheme a notebook's figures are drawn in the page's colours, not inverted
    and not white boxes: a transparent-to-page background, light text, and series colours
    lifted to a lightness that reads on the dark background."""
    page = watched.page
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "notebooks/success-curves/")
    page.wait_for_load_state("load")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    found = page.eval_on_selector(
        ".jp-RenderedSVG svg.notebook-figure",
        """svg => ({
            filter: getComputedStyle(svg).filter,
            paper: getComputedStyle(svg.querySelector('path')).fill,
            page: getComputedStyle(document.body).backgroundColor,
            text: getComputedStyle(svg.querySelector('text')).fill,
            lines: [...svg.querySelectorAll('path')].map(p => getComputedStyle(p).stroke)
                .filter(c => c.startsWith('oklch')),
        })""",
    )
    assert "none" == found["filter"]
    assert found["page"] == found["paper"]
    assert found["text"].startswith("rgba(226, 228, 233"), found["text"]
    # Each series colour at OKLCH lightness 0.72 or more (site.css: --nb-min-lightness).
    lightness = [float(c.removeprefix("oklch(").split()[0]) for c in found["lines"]]
    assert lightness and min(lightness) >= 0.72, found["lines"]
