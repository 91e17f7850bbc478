"""The charts' axes run over the data they draw, and the debate chart's observations show.

Rendered with vl-convert (the build's own Vega), so these check the static charts; the live
charts run the same spec in the reader's Vega.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest

from calculators import CALCULATORS, get_calculator, run, vega_lite_spec
from chart_svg import svg_with_names

#: The share of each axis the data drawn must span at the defaults. A log axis runs over the
#: data and LOG_AXIS_PADDING pixels past either end (Vega's "nice" domain, out to the next
#: powers of ten, is off): 12 px of a 320 px plot leave over 96%. A linear axis is rounded
#: out to its next tick (about a fifth of the axis at most, with five or six ticks) and may
#: be asked to include 0, where a percentage or a count starts.
LOG_SHARE, LINEAR_SHARE = 0.95, 0.6
#: Milliseconds in a year of the date axis (365.25 days), to read its domain in years.
_YEAR_MS = 31_557_600_000


def _domains(spec: dict[str, Any]) -> tuple[tuple[float, float], tuple[float, float]]:
    """The x and y domains Vega gives the chart's scales, read back through a text mark
    added to the chart (it draws nothing on either axis, so it changes neither)."""
    ends = " + ' ' + ".join(f"toNumber(domain('{scale}')[{end}])" for scale in "xy" for end in (0, 1))
    probe = {"data": {"values": [{}]}, "mark": {"type": "text", "text": {"expr": f"'DOMAINS ' + {ends}"}}}
    svg = svg_with_names({**spec, "layer": [*spec["layer"], probe]})
    found = re.search(r">DOMAINS ([^<]*)<", svg)
    assert found, "no domain text"
    x0, x1, y0, y1 = (float(v) for v in found[1].split())
    return (x0, x1), (y0, y1)


def _share(values: list[float], domain: tuple[float, float], scale: str) -> float:
    """How much of the axis (0 to 1) the values span, measured as the axis spaces them."""
    if scale == "log":
        values, domain = [math.log10(v) for v in values], (math.log10(domain[0]), math.log10(domain[1]))
    return (max(values) - min(values)) / abs(domain[1] - domain[0])


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_each_axis_runs_over_the_data_drawn(calculator_id: str) -> None:
    """At the defaults, the lines and points drawn span all of each log axis and most of
    each linear one (LOG_SHARE, LINEAR_SHARE): no empty band, such as the scaling paradox's
    axis running to 10 when its curves stop near 2.3, or a log axis a power of ten past the
    highest curve."""
    calculator = CALCULATORS[calculator_id]
    data = run(calculator_id, calculator.defaults())["chart"]
    spec = vega_lite_spec(calculator.chart, data)
    rows = [*data["lines"], *data["points"]]
    for axis, domain in zip((calculator.chart.x, calculator.chart.y), _domains(spec), strict=True):
        values = [float(row[axis.field]) for row in rows]
        if calculator.chart.interval and axis is calculator.chart.y:
            values += [float(row[end]) for row in rows for end in calculator.chart.interval if end in row]
        if axis.dates:
            domain = (1970 + domain[0] / _YEAR_MS, 1970 + domain[1] / _YEAR_MS)
        share = _share(values, domain, axis.scale)
        assert share >= (LOG_SHARE if axis.scale == "log" else LINEAR_SHARE), (axis.title, domain, share)


def test_the_debates_yearly_data_are_drawn_as_dots() -> None:
    """The sigmoid-or-exponential chart draws its yearly observations as dots in their
    colour, over the two curves they lie on (not as a line hidden under them), one dot a
    year, and its legend shows them as a dot while the curves keep a stroke."""
    calculator = get_calculator("sigmoid-or-exponential")
    name = "Yearly data points"
    assert name in calculator.chart.dot_series
    values = calculator.defaults()
    data = run("sigmoid-or-exponential", values)["chart"]
    observed = [row for row in data["lines"] if row["series"] == name]
    assert len(observed) == values["years_observed"] + 1
    spec = vega_lite_spec(calculator.chart, data)
    layers = spec["layer"]
    [dots] = [layer for layer in layers if layer["data"]["name"] == "lines" and layer["mark"]["type"] == "point"]
    [line] = [layer for layer in layers if layer["data"]["name"] == "lines" and layer["mark"]["type"] == "line"]
    assert layers.index(dots) > layers.index(line)  # on top of the curves
    assert dots["encoding"]["color"]["field"] == "series" and dots["mark"]["filled"]
    svg = svg_with_names(spec)
    # Vega's SVG marks each dot as a symbol with its own aria description naming the series.
    dots_drawn = re.findall(r'<path[^>]*aria-label="[^"]*Yearly data points[^"]*"', svg)
    assert len(dots_drawn) == len(observed), len(dots_drawn)
    # The legend, in name order: a stroke for each curve, a circle (drawn with arcs) for the
    # observations, filled in their colour.
    symbols = re.findall(r'role-legend-symbol"[^>]*><path[^>]* d="([^"]*)" fill="([^"]*)"', svg)
    assert ["A" in d for d, _ in symbols] == [False, False, True], symbols
    assert symbols[0][0] == symbols[1][0] == "M-5,0L5,0"
    [dot_colour] = {fill for d, fill in symbols if "A" in d}
    assert f'fill="{dot_colour}"' in svg.split("role-legend")[0]  # the dots drawn in that colour


def test_a_pinned_setting_draws_the_yearly_data_as_dots_too() -> None:
    """A pinned setting (the dashed grey copy the page fills the ``pinned`` data set with)
    draws the debate's yearly observations as the live chart does, one grey dot a year (a
    layer kept out of the accessibility tree: the pinned values are written beside the
    outputs), and no line through them; its curves stay lines."""
    calculator = get_calculator("sigmoid-or-exponential")
    name = "Yearly data points"
    data = run("sigmoid-or-exponential", calculator.defaults())["chart"]
    observed = [row for row in data["lines"] if row["series"] == name]
    spec = vega_lite_spec(calculator.chart, data)
    spec["datasets"]["pinned"] = data["lines"]
    svg = svg_with_names(spec)
    # The pinned lines, one a series, name their series in their aria description.
    curves = re.findall(r'<path aria-label="[^"]*Pinned curve: ([^"]*)"[^>]*aria-roledescription="line mark"', svg)
    assert sorted({row["series"] for row in data["lines"]} - {name}) == sorted(curves)
    # The dots: a symbol layer of grey points, one a year.
    groups = re.findall(r'<g class="mark-symbol role-mark layer_\d+_marks" aria-hidden="true">(.*?)</g>', svg, re.S)
    dots = [path for group in groups for path in re.findall(r"<path [^>]*>", group)]
    assert len(observed) == len(dots) and all('fill="#888"' in path for path in dots), dots[:1]
