"""The dark scheme for a reader whose system prefers it, with JavaScript off too
(hooks/dark_without_js.py): Material's and our own dark rules, and the styles a notebook
page brings with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_helpers import page_of

DARK_PAGE = "rgb(30, 33, 41)"  # Material's slate background, hsl(232 15% 14%)
DARK_TEXT = "rgba(226, 228, 233, 0.82)"
LIGHT_PAGE = "rgb(255, 255, 255)"


@pytest.fixture(scope="module")
def hook(repo_module):
    return repo_module("hooks/dark_without_js.py")


def test_dark_rules_are_rescoped_and_light_ones_left_out(hook) -> None:
    """Each dark-scheme selector, quoted or not, is re-scoped to a page no script has set a
    scheme on; selectors for the light scheme, or for "not dark", are left out; rules
    inside @media keep their condition."""
    css = (
        ":root,[data-md-color-scheme=default]{--bg:#fff}"
        '[data-md-color-scheme="slate"] .a, .b{color:red}'
        "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--x:1}"
        "@media screen{[data-md-color-scheme=slate]{--bg:#000}.c{color:blue}}"
    )
    unset = "[data-md-color-scheme=default]:not([data-md-color-media])"
    assert f"{unset} .a{{color:red}}\n@media screen{{{unset}{{--bg:#000}}}}" == hook.dark_rules(css)


def test_built_stylesheet_holds_materials_and_our_dark_rules(site: Path) -> None:
    """The generated stylesheet, last of the page's styles, wraps the dark rules of
    Material's palette and of our own stylesheets in the system's dark preference."""
    from browser_helpers import own_file

    css = (site / own_file(site, "stylesheets/dark-without-js.css")).read_text()
    assert css.count("@media (prefers-color-scheme: dark)") == 1
    assert "color-scheme:dark" in css  # Material's slate scheme
    assert "--md-typeset-a-color: #8ccfdf" in css  # identity.css's dark link colour
    assert "[data-md-color-scheme=slate]" not in css and '"slate"' not in css
    links = (site / "index.html").read_text().split('rel="stylesheet"')
    assert "dark-without-js." in links[-1]


def scheme_colours(browser, base_url: str, path: str, **context) -> dict[str, str]:
    ctx = browser.new_context(service_workers="block", **context)
    try:
        page = ctx.new_page()
        page.goto(base_url + path)
        return page.evaluate(
            """() => ({
                page: getComputedStyle(document.body).backgroundColor,
                text: getComputedStyle(document.body).color,
                chart: [...document.querySelectorAll('.calc__chart-canvas svg text')]
                    .filter(t => t.getClientRects().length).map(t => getComputedStyle(t).fill)[0] ?? null,
            })"""
        )
    finally:
        ctx.close()


@pytest.mark.parametrize("java_script", [False, True], ids=["javascript-off", "javascript-on"])
def test_system_dark_gets_the_dark_scheme(browser, base_url, site, java_script: bool) -> None:
    """A dark system preference gives a dark page, light text and a static chart whose
    labels follow the text, with JavaScript off as with it on."""
    found = scheme_colours(
        browser, base_url, page_of(site, "half-life"), java_script_enabled=java_script, color_scheme="dark"
    )
    assert {"page": DARK_PAGE, "text": DARK_TEXT, "chart": DARK_TEXT} == found


def test_system_light_without_javascript_stays_light(browser, base_url, site) -> None:
    found = scheme_colours(
        browser, base_url, page_of(site, "half-life"), java_script_enabled=False, color_scheme="light"
    )
    assert LIGHT_PAGE == found["page"] and found["text"].startswith("rgba(0, 0, 0")


def test_a_saved_light_choice_wins_over_a_dark_system(browser, base_url) -> None:
    """A reader who picked the light scheme with the toggle keeps it on a dark system: the
    rules for an unset scheme step aside once Material applies the saved palette."""
    ctx = browser.new_context(service_workers="block", color_scheme="dark")
    try:
        page = ctx.new_page()
        page.goto(base_url + "glossary/")
        page.locator("form[data-md-component=palette] label:visible").click()  # auto → light
        page.reload()
        assert "default" == page.get_attribute("body", "data-md-color-scheme")
        assert LIGHT_PAGE == page.evaluate("getComputedStyle(document.body).backgroundColor")
    finally:
        ctx.close()


def test_a_notebook_without_javascript_has_dark_code_blocks(browser, base_url) -> None:
    """A notebook's own styles (mkdocs-jupyter's, in the page) follow a dark system too: its
    code cells are dark with light text, not Jupyter's light panel under the dark scheme's
    light text."""
    ctx = browser.new_context(service_workers="block", java_script_enabled=False, color_scheme="dark")
    try:
        page = ctx.new_page()
        page.goto(base_url + "notebooks/metr-time-horizons/")
        panel = page.eval_on_selector(
            ".jp-CodeCell .jp-InputArea-editor", "cell => getComputedStyle(cell).backgroundColor"
        )
        channels = [int(c) for c in panel.removeprefix("rgb(").removeprefix("rgba(").rstrip(")").split(",")[:3]]
        assert max(channels) < 80, panel
    finally:
        ctx.close()


def test_the_legend_of_point_shapes_is_drawn_as_the_points_are_in_the_dark(browser, base_url, site) -> None:
    """Dark scheme: the time-horizon explorer's legend symbols (a shape for each group of
    points) take the points' own colour, the text's, not Vega's dark grey on the dark page."""
    ctx = browser.new_context(service_workers="block", java_script_enabled=False, color_scheme="dark")
    try:
        page = ctx.new_page()
        page.goto(base_url + page_of(site, "time-horizons"))
        fills = page.evaluate(
            """() => {
                const svg = [...document.querySelectorAll('.calc[data-calculator="time-horizons"] svg')]
                    .find(s => s.getClientRects().length);
                const fill = (selector) => [...new Set([...svg.querySelectorAll(selector)]
                    .map(p => getComputedStyle(p).fill))];
                return {points: fill('.role-mark.mark-symbol path'), legend: fill('.role-legend-symbol path[fill="#555"]')};
            }"""
        )
    finally:
        ctx.close()
    assert fills["legend"] and fills["legend"] == fills["points"] == [DARK_TEXT], fills


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_a_labels_halo_is_the_panels_colour_in_either_scheme(browser, base_url, site, scheme: str) -> None:
    """The halo under each point label (calculators/_chart.py) is painted in the calculator
    panel's background, so it masks the lines under a label without showing as a white
    patch on the dark page; the label itself is the text's colour. The static picture, as a
    reader sees it before Python or without JavaScript."""
    ctx = browser.new_context(service_workers="block", java_script_enabled=False, color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto(base_url + page_of(site, "lifetime-compute"))
        drawn = page.evaluate(
            """() => {
                const calc = document.querySelector('.calc[data-calculator="lifetime-compute"]');
                const svg = [...calc.querySelectorAll('svg')].find(s => s.getClientRects().length);
                const style = (selector) => [...new Set([...svg.querySelectorAll(selector)]
                    .map(t => [getComputedStyle(t).fill, getComputedStyle(t).stroke].join(' / ')))];
                return {
                    panel: getComputedStyle(calc).backgroundColor,
                    halos: style('.label_halo_marks text'),
                    labels: style('.role-mark:not(.label_halo_marks) text'),
                };
            }"""
        )
    finally:
        ctx.close()
    assert drawn["halos"] == [f"{drawn['panel']} / {drawn['panel']}"], drawn
    assert drawn["labels"] and drawn["labels"][0].split(" / ")[0] != drawn["panel"], drawn
