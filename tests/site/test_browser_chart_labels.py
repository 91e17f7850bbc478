"""Every calculator chart's legend entries and axis text shown whole, inside the chart, on a
phone (375 px) and a wide screen (1280 px), in the static picture a reader sees before Python
is live (here with JavaScript off). The live charts Vega draws are checked the same way, with
their presets, by tests/site/test_browser_chart_reading.py.

Vega cuts a label longer than its limit with "…"; a label may also be drawn past the
chart's edge, or (placed with the build's font, narrower than a reader's) run into the next
tick label. Each fails, naming the calculator, the width and the label.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from calculators import CALCULATORS

from browser_helpers import page_of

WIDTHS = {"phone": {"width": 375, "height": 800}, "wide": {"width": 1280, "height": 900}}

# Each legend and axis text of the chart's visible SVG: its text and where it reaches,
# against the SVG's own box and the screen's width.
LABELS = """svg => {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('.role-legend text, .role-axis text')]
        .filter(text => text.textContent && getComputedStyle(text).opacity !== '0' && text.getAttribute('opacity') !== '0');
    return {
        chart: [box.left, box.right],
        screen: document.documentElement.clientWidth,
        labels: texts.map(text => {
            const r = text.getBoundingClientRect();
            const tick = Boolean(text.closest('.role-axis-label'));
            return {text: text.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, tick};
        }),
    };
}"""


def _problems(measured: dict, where: str) -> list[tuple[str, object]]:
    """Each label cut short or reaching past the chart, and a chart wider than the screen."""
    left, right = measured["chart"]
    problems: list[tuple[str, object]] = [] if measured["labels"] else [(where, "no labels")]
    if right > measured["screen"] + 1:
        problems.append((where, f"chart reaches {right} px on a {measured['screen']} px screen"))
    for label in measured["labels"]:
        if "…" in label["text"] or not (left - 1 <= label["left"] and label["right"] <= right + 1):
            problems.append((where, label))
    # Tick labels side by side with under 2 px between them read as one ("20192020"): the
    # build places them with its font, the reader's may be wider.
    ticks = [label for label in measured["labels"] if label["tick"]]
    for i, a in enumerate(ticks):
        for b in ticks[i + 1 :]:
            beside = a["left"] < b["right"] + 2 and b["left"] < a["right"] + 2
            if beside and a["top"] < b["bottom"] - 2 and b["top"] < a["bottom"] - 2:
                problems.append((where, f"{a['text']!r} touches {b['text']!r}"))
    return problems


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_static_charts_show_every_label_whole(browser, base_url, site, width) -> None:
    """Without JavaScript, each page's shown static chart (the phone's or the wide one)."""
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    try:
        page = context.new_page()
        problems = []
        for address in sorted({page_of(site, calculator_id) for calculator_id in CALCULATORS}):
            page.goto(base_url + address)
            for canvas in page.locator("[data-chart]").all():
                calculator_id = canvas.evaluate("c => c.closest('[data-calculator]').dataset.calculator")
                shown = canvas.locator(":scope > svg, :scope > [data-chart-phone] > svg").locator("visible=true")
                expect(shown).to_have_count(1)
                problems += _problems(shown.evaluate(LABELS), f"{calculator_id}, static, {width}")
    finally:
        context.close()
    assert not problems, "\n".join(map(str, problems))
