"""Every calculator chart's legend entries and axis text shown whole, inside the chart, on a
phone (375 px) and a wide screen (1280 px), in the static picture a reader sees before Python
is live (here with JavaScript off). The live charts Vega draws are checked the same way, with
their presets, by tests/site/test_browser_chart_reading.py.

Vega cuts a label longer than its limit with "…"; a label may also be drawn past the
chart's edge, or (placed with the build's font, narrower than a reader's) run into the next
tick label. Each fails, naming the calculator, the width and the label. The data pages'
charts are checked the same way, and every static chart a calculator can draw (each preset,
wide and phone) is drawn in Chromium for the room its axes leave: a y title clear of its
labels, x labels apart.
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from calculators import CALCULATORS, run, static_spec, vega_lite_spec
from calculators._chart import phone_spec
from chart_svg import svg_with_names
from reader_cases import reader_settings

from browser_helpers import LINE_POINTS, page_of

WIDTHS = {"phone": {"width": 375, "height": 800}, "wide": {"width": 1280, "height": 900}}
DATA_PAGES = ("data/metr_horizons/", "data/hamilton_weibull/")

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
    """Without JavaScript, each calculator's shown static chart (the phone's or the wide
    one) and each data page's: every label whole and inside the chart, and no two tick
    labels within 2 px. (Only the defaults have a static chart on a page: every setting's
    are checked by test_static_axes_leave_room_in_a_readers_font.)"""
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
        # The data pages' charts, drawn at build time too (hooks/data_charts.py).
        for address in DATA_PAGES:
            page.goto(base_url + address)
            for svg in page.locator("figure.data-chart svg").locator("visible=true").all():
                problems += _problems(svg.evaluate(LABELS), f"{address}, {width}")
    finally:
        context.close()
    assert not problems, "\n".join(map(str, problems))


# Every axis's title and visible tick labels of each static chart on the page (one <figure>
# a chart), as Chromium draws them.
AXES = """() => [...document.querySelectorAll('figure')].map(figure => [...figure.querySelectorAll('svg .role-axis')].map(axis => {
    const boxes = selector => [...axis.querySelectorAll(selector)]
        .filter(text => text.textContent && text.getAttribute('opacity') !== '0')
        .map(text => {
            const r = text.getBoundingClientRect();
            return {text: text.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
        });
    return {name: axis.getAttribute('aria-label') || '', labels: boxes('.role-axis-label text'), title: boxes('.role-axis-title text')};
}))"""


# Each point label of each static chart on the page that a line runs through, letters and
# all: the lines' paths walked 2 px at a time (rules by their box) against the middle 8 px of
# the text's height, where its letters are (its box is the font's whole em). The halo drawn
# under a label cuts the line short of the letters, but the line still reads through them.
CROSSED = """() => [...document.querySelectorAll('figure')].map(figure => {
    const svg = figure.querySelector('svg');
    const lines = [...svg.querySelectorAll('.mark-line.role-mark path, .mark-rule.role-mark line')];
    const rules = lines.filter(line => line.tagName === 'line').map(line => line.getBoundingClientRect());
    const points = (LINE_POINTS)(lines.filter(line => line.tagName !== 'line'), 2);
    return [...svg.querySelectorAll('.mark-text.role-mark text')]
        .filter(text => text.textContent.trim() && !text.closest('.label_halo_marks'))
        .filter(text => {
            const r = text.getBoundingClientRect();
            const middle = (r.top + r.bottom) / 2 + 1;
            const inside = (x, y) => x > r.left + 1 && x < r.right - 1 && y > middle - 4 && y < middle + 4;
            return rules.some(b => b.left < r.right - 1 && r.left + 1 < b.right && b.top < middle + 4 && middle - 4 < b.bottom)
                || points.some(([x, y]) => inside(x, y));
        })
        .map(text => text.textContent);
})""".replace("LINE_POINTS", LINE_POINTS)

#: The wide static charts whose labels a line still runs through (issue 16 keeps them open):
#: each point crowded by lines, or by another point, on every side the label fits.
LINES_THROUGH_WIDE_LABELS = {
    ("chinchilla", "epoch-replication"): {"20 tokens/param"},
    ("chinchilla", "example"): {"40 tokens/param"},
    ("hourly-cost", "grok-4-sweet-spot"): {"o3, full horizon"},
    ("inference-share", "otis-aime"): {"RL boost +4"},
    ("lifetime-compute", "pretraining-dominated"): {"This model"},
    ("rl-exchange", "example"): {"This setting"},
    ("scaling-paradox", "example"): {"Parameters ×5.83"},
}


#: The phone's static charts whose labels a line still runs through: there a label with no
#: clear place is written as a number (calculators/_labels.py), and in this crowded setting
#: one number still meets a line.
LINES_THROUGH_PHONE_LABELS = {
    ("effective-compute", "top-tier"): {"1"},
}


def _static_svgs(calculator_id: str) -> list[tuple[str, str]]:
    """The static charts the build would draw for each setting of a calculator (defaults,
    example, every preset), wide and for a phone, as (name, SVG)."""
    calculator = CALCULATORS[calculator_id]
    drawn = []
    for name, values in reader_settings(calculator_id).items():
        data = run(calculator_id, values)["chart"]
        drawn += [(f"{name}, wide", svg_with_names(static_spec(vega_lite_spec(calculator.chart, data))))]
        drawn += [(f"{name}, phone", svg_with_names(phone_spec(calculator.chart, data)))]
    return drawn


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_static_axes_leave_room_in_a_readers_font(browser, calculator_id) -> None:
    """Every static chart a calculator can draw (each setting, wide and phone), as Chromium
    draws its text, which is wider than the build measured: the y axis's title stands clear
    of every y tick label's column (right of it none reaches, whatever their heights), no
    two x tick labels come within 2 px ("20192020"), and on the wide charts no line runs
    through a point label's letters but in the settings LINES_THROUGH_WIDE_LABELS lists
    (effective compute's "This model" and scaling paradox's "Parameters ×8,192" had their
    own lines through them), nor on the phone's but in those LINES_THROUGH_PHONE_LABELS
    lists (48 labels before crowded ones were numbered)."""
    drawn = _static_svgs(calculator_id)
    page = browser.new_page()
    try:
        # All of them on one page, each in a figure of its own, laid out once.
        figures = "".join(f"<figure style='margin:0'>{svg}</figure>" for _, svg in drawn)
        page.set_content(f"<!doctype html><body style='margin:0'>{figures}</body>")
        measured = page.evaluate(AXES)
        crossed = page.evaluate(CROSSED)
    finally:
        page.close()
    assert len(measured) == len(drawn) == len(crossed)
    problems = []
    # No line runs through a label's letters but where the lists above say (and the lists
    # hold no more than is so).
    for (name, _), labels in zip(drawn, crossed, strict=True):
        setting, width = name.split(", ")
        known = LINES_THROUGH_WIDE_LABELS if width == "wide" else LINES_THROUGH_PHONE_LABELS
        if set(labels) != known.get((calculator_id, setting), set()):
            problems.append((name, "labels a line runs through", sorted(labels)))
    for (name, _), axes in zip(drawn, measured, strict=True):
        for axis in axes:
            labels = axis["labels"]
            if axis["name"].startswith("Y") and labels:
                for title in axis["title"]:
                    if title["right"] > min(label["left"] for label in labels) - 1:
                        problems.append((name, "y title meets its labels", title["text"]))
            elif axis["name"].startswith("X"):
                ordered = sorted(labels, key=lambda label: label["left"])
                for a, b in itertools.pairwise(ordered):
                    if b["left"] - a["right"] < 2:
                        problems.append((name, f"{a['text']!r} touches {b['text']!r}"))
    assert not problems, (calculator_id, problems)
