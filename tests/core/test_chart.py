"""The chart machinery's sampling and drawable rules (:mod:`calculators._chart`), and that
every calculator's chart keeps to them for any input a reader can give.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import itertools
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators._chart import DRAWABLE_DECADES, chart_description, drawable, sample, vega_lite_spec
from calculators._declare import Axis
from reader_cases import ran, reader_settings

from strategies import any_floats

LOG = Axis(field="x", title="x", scale="log")
LINEAR = Axis(field="x", title="x")

ends = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
counts = st.integers(min_value=2, max_value=200)
#: A range from its lower end to its upper one, as every chart asks for.
ranges = st.tuples(ends, ends).filter(lambda pair: pair[0] < pair[1])


@given(ranges, counts)
def test_a_log_grid_is_geometric_and_drawable(span: tuple[float, float], count: int) -> None:
    """A log axis's grid: ``count`` values, each drawable, evenly spaced in log10 between
    the requested powers of ten cut to 10^±300 (a range past it collapses to its last decade)."""
    low, high = span
    grid = sample(LOG, low, high, count)
    assert count == len(grid)
    assert drawable(LOG, *grid)
    first, last = (min(max(end, -DRAWABLE_DECADES), DRAWABLE_DECADES) for end in (low, high))
    if first == last:  # both ends past one limit: the decade inside it
        first, last = (
            (DRAWABLE_DECADES - 1, DRAWABLE_DECADES) if first > 0 else (-DRAWABLE_DECADES, 1 - DRAWABLE_DECADES)
        )
    steps = [math.log10(b) - math.log10(a) for a, b in itertools.pairwise(grid)]
    assert pytest.approx(first, abs=1e-9) == math.log10(grid[0])
    assert pytest.approx(last, abs=1e-9) == math.log10(grid[-1])
    assert all(pytest.approx((last - first) / (count - 1), abs=1e-9) == step for step in steps)


@given(ranges, counts)
def test_a_linear_grid_is_even_and_keeps_its_ends(span: tuple[float, float], count: int) -> None:
    """A linear axis's grid: ``count`` values from ``low`` to ``high`` (the values themselves,
    not cut), one step apart."""
    low, high = span
    grid = sample(LINEAR, low, high, count)
    assert [low, high] == [grid[0], pytest.approx(high, abs=1e-9)]
    step = (high - low) / (count - 1)
    assert all(pytest.approx(step, abs=1e-9) == b - a for a, b in itertools.pairwise(grid))


@given(any_floats)
def test_drawable_follows_the_axis_scale(value: float) -> None:
    """A log axis draws positive values within 10^±300; a linear axis any finite value."""
    assert (1e-300 <= value <= 1e300) == drawable(LOG, value)
    assert math.isfinite(value) == drawable(LINEAR, value)


def test_drawable_needs_every_value() -> None:
    """One value the axis cannot show makes the set undrawable."""
    assert (True, False, False) == (
        drawable(LOG, 1e-300, 1e300),
        drawable(LOG, 1.0, 0.0),
        drawable(LINEAR, 1.0, math.nan),
    )


#: Values at and past the edges of the float range, both signs, as a reader can type them.
EDGES = st.sampled_from([0.0, -0.0, 5e-324, 1e-320, 1e-300, 1e-10, 1e10, 1e300, 1.7e308, -1e300, -1.0])


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
@given(data=st.data())
def test_every_chart_row_is_drawable_on_its_declared_axes(calculator_id: str, data: st.DataObject) -> None:
    """Whatever the inputs (edge values or any floats, mixed with defaults), every line and
    point a chart returns is drawable on the axis its declaration names: no page keeps a
    limit of its own."""
    calculator = CALCULATORS[calculator_id]
    values = st.one_of(EDGES, any_floats)
    inputs = {
        spec.name: data.draw(st.one_of(values, st.just(spec.default)), label=spec.name) for spec in calculator.inputs
    }
    outcome = run(calculator_id, inputs)
    if not outcome["ok"]:
        return
    axes = (calculator.chart.x, calculator.chart.y)
    for rows in outcome["chart"].values():
        for row in rows:
            assert all(drawable(axis, float(row[axis.field])) for axis in axes), row


def test_grouped_points_name_their_group_in_the_tooltip_and_legend() -> None:
    """A chart whose points carry a group (the time-horizon explorer) shapes them by it, with a
    legend, and its tooltip heads the group with the declared title, not a field name."""
    from calculators._chart import vega_lite_spec

    calculator = CALCULATORS["time-horizons"]
    assert calculator.chart.point_group
    spec = vega_lite_spec(calculator.chart, run("time-horizons", {})["chart"])
    [points] = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"]
    assert calculator.chart.point_group == points["encoding"]["shape"]["field"]
    tooltip = {entry["field"]: entry["title"] for entry in points["encoding"]["tooltip"]}
    assert calculator.chart.point_group_title == tooltip[calculator.chart.point_group] == "Point"


#: Words that say how an axis is drawn: a chart's own description must leave them to the
#: axes sentence written from its declared axes, or it can contradict them ("linear, 0 to 1"
#: under an axis drawn in per cent, "log scale" of a linear axis).
AXIS_CLAIMS = re.compile(r"\blinear\b|\blog scales?\)|\(log scale|\blog scales\b|\b0 to 1\b|both on log", re.IGNORECASE)


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_chart_descriptions_describe_the_axes_as_drawn(calculator_id: str) -> None:
    """The caption, accessible name and Vega description say each axis's title, its scale
    and how its ticks read, from the declared axes; the hand-written part claims none of it."""
    chart = CALCULATORS[calculator_id].chart
    assert not AXIS_CLAIMS.search(chart.description), chart.description
    text = chart_description(chart)
    horizontal, vertical = text.split(" Horizontal axis: ")[1].split(". Vertical axis: ")
    for axis, words in ((chart.x, horizontal), (chart.y, vertical.removesuffix("."))):
        assert words.lower().startswith(axis.title.lower()), (axis.title, words)
        assert ("on a log scale" in words) == (axis.scale == "log"), words
        assert ("in per cent" in words) == (axis.kind == "percent"), words
        assert ("as multiples" in words) == (axis.kind == "multiplier"), words
        assert ("as calendar dates" in words) == axis.dates, words
    result = run(calculator_id, CALCULATORS[calculator_id].defaults())
    assert text == vega_lite_spec(chart, result["chart"])["description"]


def test_axis_words_examples() -> None:
    """Hand-checked: a percent axis is not "0 to 1", a plain linear axis is its title."""

    def words(**axis: object) -> str:
        chart = CALCULATORS["half-life"].chart
        return chart_description(type(chart)(**{**chart.__dict__, "y": Axis(field="y", **axis)}))  # type: ignore[arg-type]

    assert words(title="Probability of success", kind="percent").endswith(
        "Vertical axis: probability of success, in per cent."
    )
    assert words(title="Loss (nats)").endswith("Vertical axis: loss (nats).")
    assert words(title="RL multiplier", scale="log", kind="multiplier").endswith(
        "Vertical axis: RL multiplier, as multiples, on a log scale."
    )


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_each_point_label_is_drawn_over_a_halo_of_the_same_text(calculator_id: str) -> None:
    """Where a chart labels its points, the layer just under the labels writes the same text at
    the same place and size, stroked in the background colour and hidden from assistive
    technology (which reads the label once), so a line that meets a label stops short of its
    letters; on the phone's static chart too. A chart that labels no point draws neither."""
    from calculators._chart import HALO_COLOUR, HALO_WIDTH, LABEL_HALO, phone_spec

    calculator = CALCULATORS[calculator_id]
    data = run(calculator_id, calculator.defaults())["chart"]
    for drawn in (vega_lite_spec(calculator.chart, data), phone_spec(calculator.chart, data)):
        texts = [i for i, layer in enumerate(drawn["layer"]) if layer["mark"]["type"] == "text"]
        if not calculator.chart.label_points:
            assert texts == []
            continue
        assert len(texts) == 2 and texts[1] == texts[0] + 1, texts
        halo, label = (drawn["layer"][i] for i in texts)
        assert halo["name"] == LABEL_HALO and "name" not in label
        assert halo["data"] == label["data"] and halo["encoding"] == label["encoding"]
        drawn_like_label = {
            k: v for k, v in halo["mark"].items() if k not in ("fill", "stroke", "strokeWidth", "strokeJoin", "aria")
        }
        assert drawn_like_label == label["mark"]
        assert (halo["mark"]["fill"], halo["mark"]["stroke"], halo["mark"]["strokeWidth"]) == (
            HALO_COLOUR,
            HALO_COLOUR,
            HALO_WIDTH,
        )
        assert halo["mark"]["aria"] is False and "aria" not in label["mark"]


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_a_lines_tooltip_at_a_marked_point_reads_as_the_point(calculator_id: str) -> None:
    """Where a line passes through a marked point (the same value on both axes, to float
    error), its row's tooltip writes the point's numbers: never ×1,050,000 on the line beside
    the point's ×1,048,576 because the grid's arithmetic left x at 2.0000000000000004."""
    chart = CALCULATORS[calculator_id].chart
    x, y = chart.x.field, chart.y.field
    for name, values in reader_settings(calculator_id).items():
        data = ran(calculator_id, values)["chart"]
        for point in data.get("points", []):
            for row in data.get("lines", []):
                same = all(
                    math.isclose(float(row[f]), float(point[f]), rel_tol=1e-12, abs_tol=0.0)
                    for f in (x, y)
                    if isinstance(row.get(f), (int, float)) and isinstance(point.get(f), (int, float))
                )
                if same and x in row and y in row:
                    assert (row["x_text"], row["y_text"]) == (point["x_text"], point["y_text"]), (name, row, point)


def test_a_grid_point_off_a_round_value_by_float_error_is_that_value() -> None:
    """10^log10(2) and 0.1 × 3 as the grid's arithmetic leaves them are 2 and 0.3; the ends
    of a linear range stay what was asked for, however many digits they have."""
    assert sample(LOG, 0.0, math.log10(2) * 2, 3) == [1.0, 2.0, 4.0]
    assert sample(LINEAR, 0.0, 0.9, 4) == [0.0, 0.3, 0.6, 0.9]
    assert sample(LINEAR, -1.184177160230547, 0.0, 3) == [-1.184177160230547, -0.592088580115, 0.0]
