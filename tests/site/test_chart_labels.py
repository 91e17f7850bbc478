"""The charts' tick labels, as Vega itself writes them: the site's number format.

The label expression (:func:`calculators._format.vega_tick_label`) runs in Vega; these tests
render with vl-convert, the build's own Vega, so they check what the static charts show,
and hold it to the Python reference :func:`~calculators._format.tick_label` over a wide
range of values (both are made from one table, :data:`~calculators._format.TICKS`). The
browser test (test_browser_chart_labels.py) checks that the charts a reader sees, static and
live, show every legend entry and axis label whole.
"""

from __future__ import annotations

import itertools
import math
import re

import pytest
import vl_convert

from calculators import CALCULATORS, run, vega_lite_spec
from calculators._chart import phone_spec
from calculators._format import (
    axis_in_powers,
    log_tick_labelled,
    tick_label,
    vega_axis_signals,
    vega_log_tick_labelled,
    vega_signal,
    vega_tick_label,
)
from calculators._labels import number_crowded_labels
from calculators._typed import read_number
from chart_svg import svg_with_names
from reader_cases import reader_settings

E_NOTATION = re.compile(r"\d[eE][+\-−]?\d")
VALUES = [
    0.0, 1e-300, 2e-120, 1e-7, 3e-7, 1e-4, 0.001, 0.002, 0.01, 0.05, 0.25, 0.5, 1.0, 2.0, 5.0, 8.0,
    10.0, 20.0, 100.0, 250.0, 1000.0, 2500.0, 1e4, 3e4, 1e5, 999999.0, 1e6, 2.5e6, 1e9, 3e12, 1e24,
    5e25, 1e100, 1e300, -1.0, -8.0, -0.5, -2e6,
]  # fmt: skip
#: A wide sweep: every 7th of a decade from 10⁻³⁰⁰ to 10³⁰⁰ with a few mantissas, both signs,
#: and the edges of the plain range (10⁻³ and 10⁶) on either side.
SWEEP = sorted(
    {sign * mantissa * 10.0 ** (k / 7) for k in range(-2100, 2101, 13) for mantissa in (1.0, 2.5) for sign in (1, -1)}
    | {0.000999999, 0.001, 0.0010001, 999999.4, 999999.6, 1e6, 1000001.0}
)


def _vega_labels(kind: str, values: list[float], powers: bool = False) -> list[str]:
    """What Vega writes for each value with the axis's label expression: one text mark per
    value, its text the expression (datum.label stands in for a tick Vega labels)."""
    spec = {
        "$schema": "https://vega.github.io/schema/vega/v6.json",
        "width": 10,
        "height": 10,
        "data": [
            {
                "name": "ticks",
                "values": [{"value": v, "label": "x", "i": i} for i, v in enumerate(values)],
                "transform": [
                    {"type": "formula", "as": "text", "expr": vega_tick_label(kind, powers=str(powers).lower())}
                ],
            }
        ],
        "marks": [
            {
                "type": "text",
                "from": {"data": "ticks"},
                "encode": {"enter": {"text": {"field": "text"}, "y": {"field": "i"}, "description": {"field": "i"}}},
            }
        ],
    }
    svg = vl_convert.vega_to_svg(spec)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return [t.replace("&amp;", "&") for t in texts]


@pytest.mark.parametrize("powers", [False, True])
@pytest.mark.parametrize("kind", ["number", "multiplier"])
def test_vega_and_python_agree_over_the_whole_drawable_range(kind: str, powers: bool) -> None:
    """The one table (TICKS) made into Python and into a Vega expression writes the same
    label for every value a log axis can draw, and around each boundary of the format, on
    an axis of plain numbers and on one written in powers of ten."""
    assert [tick_label(v, kind, powers) for v in SWEEP] == _vega_labels(kind, SWEEP, powers)


def test_percent_labels_agree_across_zero_to_one() -> None:
    values = [i / 400 for i in range(401)] + [1e-7, 0.123456789, 0.999999]
    assert [tick_label(v, "percent") for v in values] == _vega_labels("percent", values)


@pytest.mark.parametrize("kind", ["number", "multiplier", "percent"])
def test_vega_writes_the_reference_labels(kind: str) -> None:
    """Vega's labels equal tick_label's for powers of ten, nice numbers, negatives and zero."""
    values = [v for v in VALUES if kind != "percent" or 0 <= v <= 1]
    assert [tick_label(v, kind) for v in values] == _vega_labels(kind, values)


def _axes(svg: str) -> dict[str, list[str]]:
    """Each axis's title and its visible tick labels, from a Vega SVG."""
    axes = {}
    for part in svg.split('role-axis"')[1:]:
        title = re.search(r'aria-label="([XY]-axis[^"]*)"', part)
        if not title or "role-axis-label" not in part:
            continue
        block = part.split("role-axis-label")[1].split("role-axis-domain")[0]
        # Labels a crowded axis drops are drawn transparent.
        texts = [
            t for attrs, t in re.findall(r"<text([^>]*)>([^<]*)</text>", block) if t and 'opacity="0"' not in attrs
        ]
        axes[title.group(1)[:7]] = texts
    return axes


def _every_axis_labelled(calculator_id: str, values: dict, name: str, svg: str) -> None:
    """Wide and phone static charts: each axis shows at least three labels (two on the
    phone's log and date axes, whose labels are as many as have room at even steps: "10
    1,000" rather than "3 10 100 1,000" crowded), none in e-notation, and no text of the
    chart is cut short with "…"."""
    # No legend entry, axis title or label cut short: Vega writes "…" where it cuts.
    cut = [text for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if "…" in text]
    assert not cut, (values, name, cut)
    axes = _axes(svg)
    assert {"X-axis ", "Y-axis "} == set(axes), axes
    spaced = {m[1] for m in LOG_AXIS.finditer(svg)} | ({"X"} if CALCULATORS[calculator_id].chart.x.dates else set())
    for title, labels in axes.items():
        fewest = 2 if name != "wide" and title[0] in spaced else 3
        assert len(labels) >= fewest, (values, name, title, labels)
        assert not any(E_NOTATION.search(label) for label in labels), (values, name, title, labels)


#: A log axis's ticks, as the rendered SVG lists them: its scale type, then its label texts
#: (an unlabelled tick is an empty <text>, a label hidden as crowded a transparent one).
LOG_AXIS = re.compile(r'aria-label="([XY])-axis[^"]*for a log scale')


def _log_axis_labels(svg: str) -> dict[str, list[str]]:
    """The labels Vega shows on each log axis of ``svg``, by axis ("X", "Y")."""
    found = {}
    for axis in LOG_AXIS.finditer(svg):
        rest = svg[axis.end() :]
        start = rest.index("role-axis-label")
        texts = re.findall(r"<text([^>]*)>([^<]*)</text>", rest[start : rest.index("</g>", start)])
        found[axis[1]] = [t for attrs, t in texts if t and 'opacity="0"' not in attrs]
    return found


def _log_axes_even(calculator_id: str, name: str, svg: str) -> None:
    """Every log axis, at the wide chart's width, on the phone's static chart and on the live
    chart at a phone's width: the labels read at even steps: the same ratio from each to the
    next (1, 3, 10, 30 counts as even, half a decade each within 0.05; so does every 2nd or
    3rd power of ten), never d3's 1, 2, 10, 20 on a narrow chart nor "0.01 1 10 100" where a
    crowded label dropped out. An axis spanning under a decade has d3's evenly spaced ticks
    (1, 1.2, 1.4, ...): the same difference from each label to the next."""
    for axis, labels in _log_axis_labels(svg).items():
        read = [read_number(label.removeprefix("×").replace("−", "-")) for label in labels]
        assert None not in read and len(read) >= 2, (name, axis, labels)
        numbers = sorted(read)  # type: ignore[type-var]  # (Vega may write an axis's ticks out of order)
        steps = [math.log10(b / a) for a, b in itertools.pairwise(numbers)]  # type: ignore[operator]
        differences = [b - a for a, b in itertools.pairwise(numbers)]  # type: ignore[operator]
        even_log = max(steps) - min(steps) <= 0.05 + 1e-9 or {round(s, 2) for s in steps} <= {0.48, 0.52}
        even_linear = max(steps) < 1 and max(differences) - min(differences) <= 1e-9 * max(differences)
        assert even_log or even_linear, (calculator_id, name, axis, labels)


def _phone_linear_and_date_labels_kept(calculator_id: str, values: dict, svg: str) -> None:
    """On the phone's static chart a linear or date axis's labels are all shown (none
    dropped as crowded by the build's measure, which left "0 2 4 6 8 10" and no "12") and
    read at even steps: the same difference from each to the next (log axes:
    _log_axes_even)."""
    log_axes = {m[1] for m in LOG_AXIS.finditer(svg)}
    for axis, (shown, hidden) in _axis_labels(svg).items():
        if axis in log_axes:
            continue
        assert not hidden, (calculator_id, values, axis, shown, hidden)
        numbers = sorted(read_number(label.lstrip("×").replace("−", "-").rstrip("%")) or 0.0 for label in shown)
        differences = [b - a for a, b in itertools.pairwise(numbers)]
        assert max(differences) - min(differences) <= 1e-9 * max(differences), (calculator_id, axis, shown)


#: Log axes' domains (low, high) the label rules are checked on: under a decade, one to three
#: decades (3× labels), many, ends off the powers of ten (the axis follows the data), near
#: the edges of the plain range, beyond it, and the whole drawable range.
LOG_DOMAINS = [
    (15.0, 80.0), (1.0, 2.38), (1.0, 164.0), (3.0, 999.0), (0.0137, 8200.0), (1e-4, 1e6),
    (2e-4, 0.2), (0.0009, 40.0), (1.0, 9.9e5), (2.0, 1.2e6), (1e24, 3.2e30), (0.5, 3e7),
    (1e-30, 1e-10), (7e-9, 3e14), (1e-300, 1e300),
]  # fmt: skip


def _candidate_ticks(low: float, high: float) -> list[float]:
    """Every value d3 may tick on a log axis from ``low`` to ``high``: 1× to 9× each power
    of ten (powers alone past 40 decades, where d3 ticks no others)."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    mantissas = range(1, 10) if last - first <= 40 else (1,)
    return [m * 10.0**e for e in range(first, last + 1) for m in mantissas if low <= m * 10.0**e <= high]


def _vega_kept(
    scales: list[dict], signals: list[tuple[str, str]], rows: list[dict], expr: str, width: float, height: float
) -> list[int]:
    """The ``i`` of each row of ``rows`` that the Vega expression ``expr`` keeps, with the
    given scales and signals (and ``width`` and ``height``), as vl-convert's Vega runs it."""
    spec = {
        "$schema": "https://vega.github.io/schema/vega/v6.json",
        "width": width,
        "height": height,
        "scales": scales,
        "signals": [{"name": name, "update": update} for name, update in signals],
        "data": [{"name": "ticks", "values": rows, "transform": [{"type": "filter", "expr": expr}]}],
        "marks": [{"type": "text", "from": {"data": "ticks"}, "encode": {"enter": {"text": {"field": "i"}}}}],
    }
    return [int(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", vl_convert.vega_to_svg(spec))]


@pytest.mark.parametrize("kind", ["number", "multiplier"])
@pytest.mark.parametrize(("width", "height"), [(250, 320), (303, 150), (640, 320)])
def test_the_log_label_rule_matches_its_python_reference(kind: str, width: float, height: float) -> None:
    """Vega's rule (vega_log_tick_labelled) keeps exactly the ticks log_tick_labelled keeps,
    on horizontal and vertical axes of each domain of LOG_DOMAINS, at phone and wide widths."""
    for index, (low, high) in enumerate(LOG_DOMAINS):
        values = _candidate_ticks(low, high)
        scale = {"name": "s", "type": "log", "domain": [low, high], "range": [0, 100], "nice": False}
        rows = [{"value": v, "i": i} for i, v in enumerate(values)]
        for horizontal, length in ((True, width), (False, height)):
            signals = vega_axis_signals("s", "log", kind, horizontal)
            python = [i for i, v in enumerate(values) if log_tick_labelled(v, low, high, length, kind, horizontal)]
            vega = _vega_kept([scale], signals, rows, vega_log_tick_labelled("s"), width, height)
            assert python == vega, (index, low, high, horizontal)


def test_the_axis_style_rule_matches_its_python_reference() -> None:
    """Vega's choice of one style an axis (vega_axis_signals) is axis_in_powers's, for log
    axes (LOG_DOMAINS, and a few under a decade) and linear ones, near each boundary."""
    log = [*LOG_DOMAINS, (0.0005, 0.0009), (0.001, 0.005), (2e5, 9e5), (5e5, 2e6)]
    linear = [(0.0, 1.0), (0.0, 0.005), (0.0, 0.02), (0.0, 9e5), (0.0, 1e6), (-2e6, 0.0), (0.5, 3.0), (0.0, 0.0)]
    domains = [("log", d) for d in log] + [("linear", d) for d in linear]
    scales = [
        {"name": f"s{i}", "type": kind, "domain": list(domain), "range": [0, 100], "nice": False, "zero": False}
        for i, (kind, domain) in enumerate(domains)
    ]
    signals = [signal for i, (kind, _) in enumerate(domains) for signal in vega_axis_signals(f"s{i}", kind)]
    rows = [{"i": i} for i in range(len(domains))]
    expr = " || ".join(f"(datum.i === {i} && {vega_signal(f's{i}', 'powers')})" for i in range(len(domains)))
    python = [i for i, (kind, (low, high)) in enumerate(domains) if axis_in_powers(low, high, kind)]
    assert python == _vega_kept(scales, signals, rows, expr, 100, 100)
    # The boundaries themselves: 0.001 and 100,000 are plain, 10⁻⁴ and 10⁶ are not.
    assert [False, True, True, False] == [
        axis_in_powers(*d) for d in ((0.001, 1e5), (1e-4, 1.0), (1.0, 1e6), (1.0, 9.9e5))
    ]


#: A label written as a power of ten: "10⁶", "3 × 10⁻⁴", "×10²".
POWER_LABEL = re.compile(r"10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$")


def _axis_labels(svg: str) -> dict[str, tuple[list[str], list[str]]]:
    """Each axis's labels ("X", "Y") as Vega drew them: those shown, and those it wrote but
    hid because they would have touched another (drawn transparent)."""
    found = {}
    for axis in re.finditer(r'aria-label="([XY])-axis', svg):
        rest = svg[axis.end() :]
        start = rest.index("role-axis-label")
        block = rest[start : rest.index("</g>", start)]
        texts = [(attrs, text) for attrs, text in re.findall(r"<text([^>]*)>([^<]*)</text>", block) if text]
        found[axis[1]] = (
            [t for a, t in texts if 'opacity="0"' not in a],
            [t for a, t in texts if 'opacity="0"' in a],
        )
    return found


def _one_style_an_axis(calculator_id: str, values: dict, name: str, svg: str) -> None:
    """Every axis: the labels are all powers of ten or none is ("0.001" never beside "10⁻⁴",
    "100,000" never beside "10⁶"; 1 and 10 read as themselves, never 10⁰ or 10¹); and on a log axis of a decade or more, whose label rule
    leaves each label room, Vega hides none of the labels written (the dropping that left
    uneven gaps: with the build's font, which is narrower than most readers'). Under a decade
    Vega hides every other label if they crowd, which keeps them even (_log_axes_even)."""
    log_axes = {m[1] for m in LOG_AXIS.finditer(svg)}
    for axis, (shown, hidden) in _axis_labels(svg).items():
        # 0, and 1 and 10 (and their 3×), read as themselves on an axis in powers too.
        itself = {"0", "1", "3", "10", "30"}
        styles = {bool(POWER_LABEL.search(label)) for label in shown if label.strip("×−") not in itself}
        assert len(styles) <= 1, (calculator_id, values, name, axis, shown)
        numbers = [read_number(label.lstrip("×").replace("−", "-")) or 0.0 for label in shown + hidden]
        if axis in log_axes and max(numbers) >= 10 * min(numbers):  # under a decade: "parity"
            assert not hidden, (calculator_id, values, name, axis, shown, hidden)


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_every_calculators_charts_label_their_axes_as_the_site_writes(calculator_id: str) -> None:
    """Defaults, example and every preset, each chart drawn once by vl-convert (the build's
    own Vega) as the reader sees it: wide, the phone's static chart (phone_spec) and the live
    chart at a phone's width. Every axis labelled in the site's format, whole and enough
    (_every_axis_labelled: the static charts), log axes at even steps (_log_axes_even), the
    phone's linear and date labels all kept (_phone_linear_and_date_labels_kept) and one
    style an axis (_one_style_an_axis)."""
    calculator = CALCULATORS[calculator_id]
    for values in reader_settings(calculator_id).values():
        data = run(calculator_id, values)["chart"]
        spec = vega_lite_spec(calculator.chart, data)
        for name, drawn in (
            ("wide", spec),
            ("phone static", phone_spec(calculator.chart, data)),
            ("phone live", {**spec, "width": 300}),
        ):
            svg = svg_with_names(drawn)
            if name != "phone live":
                _every_axis_labelled(calculator_id, values, name, svg)
            if name == "phone static":
                _phone_linear_and_date_labels_kept(calculator_id, values, svg)
            _log_axes_even(calculator_id, name, svg)
            _one_style_an_axis(calculator_id, values, name, svg)


def test_a_phones_chart_writes_a_points_short_label_or_its_number() -> None:
    """The governance chart's threshold crossings read "EU 10²⁵ at ×26.8" on the wide chart and
    "EU at ×26.8" on the phone's (the legend names the line), as the label model measured; the
    US crossing, with no clear place on the phone's plot, is written there as its number,
    listed under the chart with its label in full."""
    calculator = CALCULATORS["effective-compute"]
    chart = run("effective-compute", calculator.defaults())["chart"]
    [eu] = [row for row in chart["points"] if row["label"].startswith("EU")]
    [us] = [row for row in number_crowded_labels(calculator.chart, chart)["points"] if row["label"].startswith("US")]
    spec = vega_lite_spec(calculator.chart, chart)
    wide, phone = (svg_with_names(s) for s in (spec, phone_spec(calculator.chart, chart)))
    assert f">{eu['label']}<" in wide and f">{eu['short']}<" not in wide
    assert f">{eu['short']}<" in phone and f">{eu['label']}<" not in phone
    assert us["key"] and f">{us['key']}<" in phone and f">{us['key']}\u2002{us['label']}<" in phone
    assert f">{us['key']}<" not in wide


# --- The plot the labels were placed in is the plot Vega draws ---------------------------


def _scene_items(node: dict, found: list[dict]) -> list[dict]:
    found.append(node)
    for key in ("root", "items"):
        for child in node.get(key) or []:
            if isinstance(child, dict):
                _scene_items(child, found)
    return found


def _drawn(spec: dict) -> tuple[float, list[tuple[float, float]], list[dict]]:
    """The plot's width, the labelled points' marks (x, y) and their label texts, as Vega
    (vl-convert, the build's own) lays out ``spec``: its scene graph, not the label model."""
    root = vl_convert.vegalite_to_scenegraph(spec)["scenegraph"]
    plot = root["items"][0]
    marks = [node for node in _scene_items(root, []) if node.get("role") == "mark"]
    points = [m for m in marks if m.get("marktype") == "symbol"][-1]  # the labelled points' layer
    texts = next(m for m in marks if m.get("marktype") == "text")
    return plot["width"], [(i["x"], i["y"]) for i in points["items"]], texts["items"]


LABELLED = sorted(cid for cid, c in CALCULATORS.items() if c.chart.label_points and not c.chart.x.dates)


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_the_phones_static_plot_is_the_plot_its_labels_were_placed_in(calculator_id: str) -> None:
    """The phone's static chart draws its plot as wide as the label model's narrowest plot,
    and every labelled point where the model put it (Vega's scales: a log axis's padding,
    a linear axis's round ends): its labels then sit where they were placed. Drawn 280 px
    wide all told, the plot was what the y axis left, 152 to 206 px, and a log axis's points
    6 px off the model's."""
    from calculators._labels import PLOT_GROUPS, plot_model

    calculator = CALCULATORS[calculator_id]
    data = run(calculator_id, calculator.defaults())["chart"]
    spec = vega_lite_spec(calculator.chart, data)
    width, marks, _ = _drawn(phone_spec(calculator.chart, data))
    narrowest = plot_model(calculator.chart, data)[-1]
    assert width == narrowest.width == PLOT_GROUPS[-1].widths[0]
    for row, mark in zip(data["points"], marks[-len(data["points"]) :], strict=True):
        assert narrowest.at(row) == pytest.approx(mark, abs=0.5), (calculator_id, row["label"])
    # And at the wide and a phone's live widths, wherever the y axis leaves the plot: the model's
    # scales at Vega's width put each point where Vega does.
    for drawn in (spec, {**spec, "width": 320}):
        width, marks, _ = _drawn(drawn)
        plot = narrowest._replace(width=width)
        for row, mark in zip(data["points"], marks[-len(data["points"]) :], strict=True):
            assert plot.at(row) == pytest.approx(mark, abs=0.5), (calculator_id, width, row["label"])


def _label_middles(spec: dict) -> tuple[list[tuple[float, float]], list[tuple[str, float, float]]]:
    """The points' marks and each label's text with the middle of where Vega writes it (by
    its anchor, alignment and 7 px a character; middle baseline)."""
    _, marks, texts = _drawn(spec)
    middles = []
    for item in texts:
        x, y = item["x"] + item.get("dx", 0), item["y"] + item.get("dy", 0)
        half = 3.5 * len(item["text"])
        middle = {"left": x + half, "right": x - half}.get(item.get("align", "left"), x)
        middles.append((item["text"], middle, y))
    return marks, middles


def test_sweet_spot_and_saturation_sit_by_their_own_points_on_every_chart() -> None:
    """Issue 16's sweep: on the phone's static chart "Saturation" sat at the top left on the
    sweet spot's line and "Sweet spot" beside the saturation line, each 36 to 40 px off its
    point. As Vega draws the wide, phone static and phone live charts, each label's middle is
    nearer its own point than the other one, and within 50 px of it (half the label, 35 px,
    and a place beside the point or a step above or below: 7 px across and 8 or 22 px up or
    down; a far place, 36 or 40 px up or down, is 55 to 58 px off)."""
    calculator = CALCULATORS["sweet-spot"]
    data = run("sweet-spot", calculator.defaults())["chart"]
    spec = vega_lite_spec(calculator.chart, data)
    for drawn in (spec, phone_spec(calculator.chart, data), {**spec, "width": 320}, {**spec, "width": 270}):
        marks, middles = _label_middles(drawn)
        marks = marks[-2:]
        for (text, x, y), own, other in zip(middles, marks, marks[::-1], strict=True):
            mine, theirs = math.dist((x, y), own), math.dist((x, y), other)
            assert mine < theirs and mine < 50, (drawn.get("width"), text, mine, theirs)


def test_chinchillas_labels_stand_apart_on_the_wide_static_chart() -> None:
    """Issue 16's sweep: on the wide static chart "20 tokens/param" stood on top of "N*" over
    the minimum. As Vega draws it, the two labels' lines of text are at least 18 px apart
    (13 px text and a gap) or side by side, and each label's middle is nearer its own point."""
    calculator = CALCULATORS["chinchilla"]
    data = run("chinchilla", calculator.defaults())["chart"]
    spec = vega_lite_spec(calculator.chart, data)
    for drawn in (spec, {**spec, "width": 700}, phone_spec(calculator.chart, data), {**spec, "width": 320}):
        marks, middles = _label_middles(drawn)
        marks = marks[-2:]
        (_, x1, y1), (_, x2, y2) = middles
        widths = [7 * len(text) for text, _, _ in middles]
        assert abs(y1 - y2) >= 18 or abs(x1 - x2) >= sum(widths) / 2 + 6, (drawn.get("width"), middles)
        for (text, x, y), own, other in zip(middles, marks, marks[::-1], strict=True):
            assert math.dist((x, y), own) < math.dist((x, y), other), (drawn.get("width"), text)


def _drawn_lines(spec: dict) -> list[list[tuple[float, float]]]:
    """Each line of the chart as Vega draws it: its points, in the plot's pixels."""
    root = vl_convert.vegalite_to_scenegraph(spec)["scenegraph"]
    marks = [node for node in _scene_items(root, []) if node.get("role") == "mark"]
    return [[(i["x"], i["y"]) for i in m["items"]] for m in marks if m.get("marktype") == "line"]


def _to_segment(point: tuple[float, float], p: tuple[float, float], q: tuple[float, float]) -> float:
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else min(1.0, max(0.0, ((point[0] - p[0]) * dx + (point[1] - p[1]) * dy) / length))
    return math.dist(point, (p[0] + t * dx, p[1] + t * dy))


def _cross(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    def side(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    p1, p2, q1, q2 = a[:2], a[2:], b[:2], b[2:]
    return side(q1, q2, p1) * side(q1, q2, p2) < 0 and side(p1, p2, q1) * side(p1, p2, q2) < 0


@pytest.mark.parametrize(
    ("calculator_id", "labels"), [("rl-exchange", ["Ord: 10×"]), ("cost-per-success", ["Break-even"])]
)
def test_a_label_stands_on_its_points_side_of_every_other_line(calculator_id: str, labels: list[str]) -> None:
    """Issue 16's sweep: on a phone rl-exchange's "Ord: 10×" stood 26 px under its point, past
    the r = 1 line, and cost-per-success's "Break-even" floated up past the k = 1 line: each
    read as the other line's label. As Vega draws the wide, phone static and phone live
    charts, the straight way from the point to its label's nearest edge crosses no line but
    those through the point, and the label's middle is within 50 px of the point."""
    calculator = CALCULATORS[calculator_id]
    data = run(calculator_id, calculator.defaults())["chart"]
    spec = vega_lite_spec(calculator.chart, data)
    for drawn in (spec, phone_spec(calculator.chart, data), {**spec, "width": 320}, {**spec, "width": 270}):
        marks, middles = _label_middles(drawn)
        marks = marks[-len(middles) :]
        lines = _drawn_lines(drawn)
        for (text, x, y), own in zip(middles, marks, strict=True):
            if text not in labels:
                continue
            assert math.dist((x, y), own) < 50, (drawn.get("width"), text, (x, y), own)
            through = [line for line in lines if min(_to_segment(own, p, q) for p, q in itertools.pairwise(line)) < 3]
            others = [line for line in lines if line not in through]
            # To the label's nearest edge or corner (its text 7 px a character, 13 px high).
            half_width, half_height = 3.5 * len(text), 6.5
            near = (
                min(max(own[0], x - half_width), x + half_width),
                min(max(own[1], y - half_height), y + half_height),
            )
            way = (*own, *near)
            crossed = [any(_cross(way, (*p, *q)) for p, q in itertools.pairwise(line)) for line in others]
            assert not any(crossed), (drawn.get("width"), text, (x, y), own)
