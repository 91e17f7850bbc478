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

from calculators import CALCULATORS, narrow_spec, run, vega_lite_spec
from calculators._format import log_tick_labelled, tick_label, vega_log_tick_labelled, vega_tick_label
from calculators._typed import read_number

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


def _vega_labels(kind: str, values: list[float]) -> list[str]:
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
                "transform": [{"type": "formula", "as": "text", "expr": vega_tick_label(kind)}],
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


@pytest.mark.parametrize("kind", ["number", "multiplier"])
def test_vega_and_python_agree_over_the_whole_drawable_range(kind: str) -> None:
    """The one table (TICKS) made into Python and into a Vega expression writes the same
    label for every value a log axis can draw, and around each boundary of the format."""
    assert [tick_label(v, kind) for v in SWEEP] == _vega_labels(kind, SWEEP)


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


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_static_charts_label_every_axis_in_the_sites_format(calculator_id: str) -> None:
    """Defaults, example and every preset, wide and phone charts: each axis shows at least
    three labels, none in e-notation, and no text of the chart is cut short with "…"."""
    calculator = CALCULATORS[calculator_id]
    settings = [calculator.defaults(), {**calculator.defaults(), **calculator.example}]
    settings += [{**calculator.defaults(), **calculator.preset_values(p)} for p in calculator.presets]
    for values in settings:
        spec = vega_lite_spec(calculator.chart, run(calculator_id, values)["chart"])
        for drawn in (spec, narrow_spec(spec)):
            svg = vl_convert.vegalite_to_svg(drawn)
            # No legend entry, axis title or label cut short: Vega writes "…" where it cuts.
            cut = [text for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if "…" in text]
            assert not cut, (values, drawn["width"], cut)
            axes = _axes(svg)
            assert {"X-axis ", "Y-axis "} == set(axes), axes
            for title, labels in axes.items():
                assert len(labels) >= 3, (values, title, labels)
                assert not any(E_NOTATION.search(label) for label in labels), (values, title, labels)


#: A log axis's ticks, as the rendered SVG lists them: its scale type, then its label texts
#: (an unlabelled tick is an empty <text>).
LOG_AXIS = re.compile(r'aria-label="([XY])-axis[^"]*for a log scale')


def _log_axis_labels(svg: str) -> dict[str, list[str]]:
    """The labels Vega drew on each log axis of ``svg``, by axis ("X", "Y")."""
    found = {}
    for axis in LOG_AXIS.finditer(svg):
        rest = svg[axis.end() :]
        start = rest.index("role-axis-label")
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", rest[start : rest.index("</g>", start)])
        found[axis[1]] = [t for t in texts if t]
    return found


def _settings(calculator_id: str) -> list[dict[str, float]]:
    calculator = CALCULATORS[calculator_id]
    defaults = calculator.defaults()
    return [defaults, *({**defaults, **calculator.preset_values(p)} for p in calculator.presets)]


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_log_axes_are_labelled_at_even_steps(calculator_id: str) -> None:
    """On every log axis of every calculator (defaults and each preset), at the wide chart's
    width, the phone's static chart (narrow_spec) and the live chart at a phone's width, the
    labels read at even steps: the same ratio from each to the next (1, 3, 10, 30 counts as
    even, half a decade each within 0.05), never d3's 1, 2, 10, 20 on a narrow chart."""
    chart = CALCULATORS[calculator_id].chart
    for values in _settings(calculator_id):
        spec = vega_lite_spec(chart, run(calculator_id, values)["chart"])
        phone_live = {**spec, "width": 300}
        for name, drawn in (("wide", spec), ("phone static", narrow_spec(spec)), ("phone live", phone_live)):
            for axis, labels in _log_axis_labels(vl_convert.vegalite_to_svg(drawn)).items():
                numbers = [read_number(label.removeprefix("×").replace("−", "-")) for label in labels]
                assert None not in numbers and len(numbers) >= 2, (name, axis, labels)
                steps = [math.log10(b / a) for a, b in itertools.pairwise(numbers)]  # type: ignore[operator]
                assert max(steps) - min(steps) <= 0.05 + 1e-9 or {round(s, 2) for s in steps} <= {0.48, 0.52}, (
                    calculator_id,
                    name,
                    axis,
                    labels,
                )


def test_the_log_label_rule_matches_its_python_reference() -> None:
    """Vega's rule (vega_log_tick_labelled) keeps exactly the ticks log_tick_labelled keeps,
    on axes spanning under a decade, two decades and twenty."""
    for low, high in ((15.0, 80.0), (1.0, 164.0), (1e-3, 1e17)):
        values = [m * 10.0**e for e in range(-4, 18) for m in range(1, 10) if low <= m * 10.0**e <= high]
        spec = {
            "$schema": "https://vega.github.io/schema/vega/v6.json",
            "width": 10,
            "height": 10,
            "scales": [{"name": "x", "type": "log", "domain": [low, high], "range": "width"}],
            "data": [
                {
                    "name": "ticks",
                    "values": [{"value": v, "i": i} for i, v in enumerate(values)],
                    "transform": [{"type": "filter", "expr": vega_log_tick_labelled("x")}],
                }
            ],
            "marks": [{"type": "text", "from": {"data": "ticks"}, "encode": {"enter": {"text": {"field": "i"}}}}],
        }
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", vl_convert.vega_to_svg(spec))
        assert [i for i, v in enumerate(values) if log_tick_labelled(v, low, high)] == [int(t) for t in texts]


def test_a_phones_chart_writes_a_points_short_label() -> None:
    """The governance chart's threshold crossings read "US 10²⁶ at ×720" on the wide chart and
    "US at ×720" on the phone's (the legend names the line), as the label model measured."""
    calculator = CALCULATORS["effective-compute"]
    chart = run("effective-compute", calculator.defaults())["chart"]
    [us] = [row for row in chart["points"] if row["label"].startswith("US")]
    spec = vega_lite_spec(calculator.chart, chart)
    wide, phone = (vl_convert.vegalite_to_svg(s) for s in (spec, narrow_spec(spec)))
    assert f">{us['label']}<" in wide and f">{us['short']}<" not in wide
    assert f">{us['short']}<" in phone and f">{us['label']}<" not in phone
