"""Phones before Python is live, and without JavaScript: the chart drawn for their width
(not the wide one shrunk), no blank band reserved around it; home and notebook pages that
fit a 375 px screen; notebook figures themed for the dark scheme."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from browser_helpers import page_of

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
    page.route("**/assets/runtime/**", lambda route: None)  # Python never arrives
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
    """No horizontal scroll at 375 px; a notebook's figures fit its column whole, its code
    scrolls inside its block rather than pushing the page wider, and its printed output
    wraps between words to its box."""
    page = watched.page
    page.set_viewport_size(PHONE)
    for path in ("", "notebooks/metr-time-horizons/"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    # Each figure is shown whole (no part past its box, nothing to scroll to), and its text
    # reaches the screen at 10 px or more.
    figures = page.eval_on_selector_all(
        ".jp-RenderedSVG svg.notebook-figure",
        """svgs => svgs.map(svg => {
            const text = svg.querySelector('text');
            const shown = svg.getBoundingClientRect();
            const scale = shown.width / svg.viewBox.baseVal.width;
            const box = svg.closest('.jp-RenderedSVG');
            return {
                px: parseFloat(getComputedStyle(text).fontSize) * scale,
                whole: shown.right <= box.getBoundingClientRect().right + 0.5 && box.scrollWidth <= box.clientWidth,
            };
        })""",
    )
    assert figures and all(f["px"] >= 10 and f["whole"] for f in figures), figures
    code = page.locator(".highlight-ipynb").first  # the focusable block around the code
    assert "0" == code.get_attribute("tabindex")
    assert "auto" == code.evaluate("block => getComputedStyle(block).overflowX")
    assert code.evaluate("block => block.scrollWidth > block.clientWidth")  # long lines scroll
    expect(page.locator(".jp-CodeCell .jp-InputPrompt").first).to_be_hidden()
    outputs = page.eval_on_selector_all(
        ".jp-RenderedText pre",
        """pres => pres.map(pre => ({
            style: [getComputedStyle(pre).whiteSpace, getComputedStyle(pre).wordBreak],
            fits: pre.parentElement.scrollWidth <= pre.parentElement.clientWidth,
            lines: Math.round(pre.getBoundingClientRect().height / parseFloat(getComputedStyle(pre).lineHeight)),
        }))""",
    )
    # Printed lines wrap at spaces (never mid-word) to the box: the widest, "Widest
    # interval: …", takes two lines instead of running past the edge.
    assert outputs and all(o["style"] == ["pre-wrap", "normal"] and o["fits"] for o in outputs), outputs
    assert max(o["lines"] for o in outputs) >= 2, outputs


#: Pages with wide tables or formulas at 375 px, and what each must show.
WIDE_CONTENT = ("python/", "data/metr_horizons/", "essays/rl-inefficiency/", "essays/scaling-paradox/")

#: Every table, display formula and notebook output of the article: how wide it is against
#: the box that shows it, and whether that box shows a scroll cue (a shadow, drawn as a
#: background gradient) when something is past its edge.
MEASURE_WIDE = """() => {
    const article = document.querySelector('article');
    const column = article.getBoundingClientRect();
    const found = [];
    for (const table of article.querySelectorAll('table')) {
        if (table.closest('.calc')) continue;  // calculators: their own layout
        const box = table.closest('.md-typeset__scrollwrap') ?? table;
        found.push({
            what: 'table ' + (table.closest('.doc') ? 'api' : 'prose'),
            text: table.innerText.slice(0, 40),
            past: box.scrollWidth - box.clientWidth,
            cue: getComputedStyle(box).backgroundImage.includes('gradient'),
            right: box.getBoundingClientRect().right - column.right,
        });
    }
    for (const maths of article.querySelectorAll('.katex-display')) {
        if (!maths.getClientRects().length) continue;  // the copy not shown at this width
        found.push({what: 'maths', text: maths.innerText.slice(0, 40),
                    past: maths.scrollWidth - maths.clientWidth, cue: false, right: 0});
    }
    return found;
}"""


def test_wide_content_fits_a_phone_or_shows_it_scrolls(watched, base_url) -> None:
    """At 375 px (light and dark alike: the cue takes the page's colours), the API reference's
    parameter tables are stacked to the column, display formulas of several parts are
    stacked so none runs past its box, and any other table wider than its box says so with
    a shadow at the edge that has more."""
    page = watched.page
    page.set_viewport_size(PHONE)
    for path in WIDE_CONTENT:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        found = page.evaluate(MEASURE_WIDE)
        assert found, path
        for item in found:
            if item["what"] in ("table api", "maths"):
                assert item["past"] <= 1, (path, item)
            else:
                assert item["past"] <= 1 or item["cue"], (path, item)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    # The labels table is two narrow tables, each whole on a phone.
    page.goto(base_url + "data/metr_horizons/")
    labels = [item for item in page.evaluate(MEASURE_WIDE) if item["text"].startswith("key")]
    assert len(labels) == 2 and all(item["past"] <= 1 for item in labels), labels


def test_tables_scroll_cue_without_javascript(browser, base_url) -> None:
    """Without JavaScript the table itself is the box that scrolls, and it shows the cue."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "essays/rl-inefficiency/")
        found = [item for item in page.evaluate(MEASURE_WIDE) if item["what"] == "table prose"]
        assert any(item["past"] > 1 for item in found), found  # this page has a wide one
        assert all(item["cue"] for item in found if item["past"] > 1), found
    finally:
        context.close()


def test_a_heading_s_permalink_takes_no_line_of_its_own(watched, base_url) -> None:
    """A heading that fills its line is as tall as its text: the hidden "¶" does not wrap
    onto a blank line below it (how-it-works' "Where the numbers come from" did at 375 px)."""
    page = watched.page
    page.set_viewport_size(PHONE)
    page.goto(base_url + "how-it-works/")
    heights = page.eval_on_selector_all(
        "article h2",
        """headings => headings.map(h => {
            const link = h.querySelector('.headerlink');
            const text = document.createRange();
            text.setStartBefore(h.firstChild);
            text.setEndBefore(link);
            const lines = new Set([...text.getClientRects()].map(r => Math.round(r.top))).size;
            return [h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight), lines, h.textContent];
        })""",
    )
    # The heading is as many line-heights tall as its text has lines.
    assert heights and all(round(tall) == lines for tall, lines, _ in heights), heights


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
