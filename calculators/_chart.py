"""Turn a :class:`~calculators._declare.Chart` into a Vega-Lite spec.

The spec's structure depends only on the declaration; the numbers live in named data sets:
``lines`` and ``points``, which the calculator computes, and ``pinned``, which starts empty
and holds the lines of a setting the reader pinned for comparison (drawn dashed). The build
renders the spec to a static SVG and compiles it to Vega once; the browser then only swaps
data sets when an input changes.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from ._checks import OutOfRangeError
from ._declare import Axis, Chart
from ._format import (
    TICKS,
    VEGA_STEP_DECIMALS,
    axis_in_powers,
    axis_title,
    format_column,
    vega_axis_signals,
    vega_log_tick_labelled,
    vega_signal,
    vega_tick_label,
)
from ._labels import (
    EDGE_GAP,
    GAP_X,
    KEY_PREFIX,
    LOG_AXIS_PADDING,
    NARROW_PLOT_WIDTH,
    PLACE_DY,
    PLOT_GROUPS,
    number_crowded_labels,
)

__all__ = [
    "DATASETS",
    "DRAWABLE_DECADES",
    "NOTHING_TO_DRAW",
    "PINNED",
    "axis_params",
    "chart_config",
    "chart_table",
    "drawable",
    "drawable_rows",
    "keep_drawable",
    "log_range",
    "narrow_spec",
    "phone_spec",
    "position_encoding",
    "sample",
    "static_spec",
    "vega_lite_spec",
    "with_text",
]

#: The data sets a calculator's chart function returns.
DATASETS = ("lines", "points")
#: The data set the page fills with a pinned setting's lines.
PINNED = "pinned"
#: The fields of each chart row that hold its x and y values as a reader reads them.
X_TEXT, Y_TEXT = "x_text", "y_text"
#: The layer drawn under the point labels (its marks' SVG class is ``label_halo_marks``): the
#: label's text in the background colour, stroked ``HALO_WIDTH`` px wide, so a line under a
#: label stops short of its letters. White, the static pictures' and downloads' background;
#: on the page the stylesheet paints it in the theme's.
LABEL_HALO = "label_halo"
HALO_COLOUR = "#fff"
HALO_WIDTH = 4
#: At most this many rows in the table that accompanies each chart.
TABLE_ROWS = 13
#: Charts draw values within 10^-300 .. 10^300 on a log axis, the models' own ceiling
#: (:data:`calculators.models._numeric.CEILING`): every result a model gives can be drawn.
#: Vega draws a log axis across that whole range (600 decades; checked in Chromium), and
#: its tick count falls back to 5 when the ratio of the domain's ends overflows.
DRAWABLE_DECADES = 300.0
_LOG_AXIS_LOW: float = 10.0**-DRAWABLE_DECADES
_LOG_AXIS_HIGH: float = 10.0**DRAWABLE_DECADES

Rows = dict[str, list[dict[str, float | str]]]


#: What a calculator says when none of its chart's lines can be drawn.
NOTHING_TO_DRAW = "with these inputs every point of the chart is too large or too small to draw"


def log_range(log10_low: float, log10_high: float) -> tuple[float, float]:
    """The part of 10^log10_low .. 10^log10_high a log axis can draw.

    Both ends are kept within the drawable range (:data:`DRAWABLE_DECADES`), so a chart of
    extreme inputs shows the part of its curve that can be drawn; a range that collapses
    there (both ends past the same limit) becomes the decade inside that limit.

    >>> log_range(-2, 3)
    (-2, 3)
    >>> log_range(-400, -302)
    (-300.0, -299.0)
    """
    low = min(max(log10_low, -DRAWABLE_DECADES), DRAWABLE_DECADES)
    high = min(max(log10_high, -DRAWABLE_DECADES), DRAWABLE_DECADES)
    if not high > low:
        return (DRAWABLE_DECADES - 1, DRAWABLE_DECADES) if low > 0 else (-DRAWABLE_DECADES, 1 - DRAWABLE_DECADES)
    return low, high


def drawable(axis: Axis, *values: float) -> bool:
    """Whether ``axis`` can show every one of ``values``, by its declared scale: on a log
    axis, each positive and within 10^±:data:`DRAWABLE_DECADES`; on a linear axis, each finite.

    >>> log, linear = Axis("x", "x", scale="log"), Axis("x", "x")
    >>> drawable(log, 1e-3, 1e250), drawable(log, 1e-320), drawable(log, 0.0), drawable(linear, -1e308)
    (True, False, False, True)
    >>> drawable(linear, math.inf), drawable(log, math.nan)
    (False, False)
    """
    if axis.scale == "log":
        return all(_on_log_axis(value) for value in values)
    return all(math.isfinite(value) for value in values)


def drawable_rows(chart: Chart, data: Rows) -> Rows:
    """``data`` without the rows its chart's axes cannot show (:func:`drawable` on each).

    :func:`calculators.run` applies this to every chart, so no declaration needs a limit
    of its own: a point or a stretch of line past the axis's range is left off the chart
    (its number stays in the outputs), and a chart left with no line says so.

    >>> from calculators._declare import Chart
    >>> chart = Chart("c", Axis("x", "x", scale="log"), Axis("y", "y"), data=dict)
    >>> drawable_rows(chart, {"lines": [{"x": 1e-320, "y": 1.0}, {"x": 2.0, "y": 1.0}], "points": []})
    {'lines': [{'x': 2.0, 'y': 1.0}], 'points': []}
    """
    axes = (chart.x, chart.y)
    return {
        name: [row for row in rows if all(drawable(axis, float(row[axis.field])) for axis in axes)]
        for name, rows in data.items()
    }


def _on_log_axis(value: float) -> bool:
    return _LOG_AXIS_LOW <= value <= _LOG_AXIS_HIGH


def keep_drawable(data: Rows, *windows: dict[str, tuple[float, float]]) -> Rows:
    """Keep the rows whose log-axis fields lie in a ``{field: (centre, decades)}`` window.

    Extreme inputs (a task cost of 10^-320 dollars, a horizon of 10^308 hours) still give
    outputs; the chart then shows what lies within ``decades`` powers of ten of ``centre`` on
    each axis, never beyond the drawable range, rather than an unreadable or broken axis.
    The first window that leaves a line to draw is used (a centre of 0 means no limit but
    the drawable range); if none does, :class:`OutOfRangeError` says so.

    >>> rows = {"lines": [{"x": 1e-310}, {"x": 1.0}, {"x": 1e50}], "points": []}
    >>> keep_drawable(rows, {"x": (1.0, 10.0)})["lines"]
    [{'x': 1.0}]
    """
    for window in windows:
        kept = {name: [row for row in rows if _inside(row, window)] for name, rows in data.items()}
        if kept["lines"]:
            return kept
    raise OutOfRangeError(NOTHING_TO_DRAW)


def _inside(row: dict[str, float | str], window: dict[str, tuple[float, float]]) -> bool:
    for field, (centre, decades) in window.items():
        value = float(row[field])
        if not _on_log_axis(value):
            return False
        if centre > 0:
            # A centre beyond the drawable range moves inside it, so the window can hold something.
            middle = min(max(math.log10(centre), decades - DRAWABLE_DECADES), DRAWABLE_DECADES - decades)
            if abs(math.log10(value) - middle) > decades:
                return False
    return True


def sample(axis: Axis, low: float, high: float, count: int) -> list[float]:
    """``count`` values evenly spaced along ``axis`` from ``low`` to ``high``, both included:
    the one grid every chart samples its lines on.

    The ends are positions on the axis as its declared scale spaces them: the values
    themselves on a linear axis, their powers of ten on a log axis (so a range past the
    float range can be asked for). A log axis's range is first cut to what it can draw
    (:func:`log_range`).

    >>> sample(Axis("t", "t", scale="log"), 0, 2, 3)
    [1.0, 10.0, 100.0]
    >>> sample(Axis("t", "t", scale="log"), 400, 500, 2)
    [1e+299, 1e+300]
    >>> sample(Axis("t", "t"), -1, 1, 5)
    [-1.0, -0.5, 0.0, 0.5, 1.0]
    """
    if axis.scale == "log":
        low, high = log_range(low, high)
    step = (high - low) / (count - 1)
    positions = [low + i * step for i in range(count)]
    if axis.scale == "log":
        # Never past the drawable range by a rounding error (10^300.0000000001 is not drawable).
        return [_without_float_noise(10.0 ** min(position, DRAWABLE_DECADES)) for position in positions]
    # The ends of a linear range are the values asked for, kept as they are.
    return [positions[0], *map(_without_float_noise, positions[1:-1]), float(high)]


def _without_float_noise(value: float) -> float:
    """``value`` to 12 significant figures: a grid point the arithmetic of the grid left a
    rounding error off a round value (10^0.30103 as 2.0000000000000004, 0.1 × 3 as
    0.30000000000000004) is that value, so a line's row at a marked point's x holds what
    the point holds, and its tooltip reads the same (×1,048,576 at 2, not ×1,050,000 at
    2.0000000000000004 beside it)."""
    return float(f"{value:.12g}")


#: Legend labels are never cut short ("…"): this limit (pixels) is past any chart's width,
#: and each series name is kept short enough to fit a phone's chart whole.
LEGEND_LABEL_LIMIT = 1000

# Colours distinguishable in light and dark mode and by readers with colour-vision
# deficiency: Okabe and Ito's palette, without its black and its pale yellow.
_PALETTE = ["#0072B2", "#D55E00", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]


def chart_config() -> dict[str, Any]:
    """How every chart of the site looks: font, axes, legends (the data pages' charts too)."""
    return {
        "font": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        # Labels that would come closer than 6 px drop out (greedily), on every axis
        # and at every width the live chart takes.
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 13,
            "titleFontWeight": "normal",
            "labelOverlap": "greedy",
            "labelSeparation": 6,
            # Hidden from screen readers: Vega names an axis with its range as code writes it
            # ("from 7.64041384906e+23"), and it ignores an axis's own description; the chart's
            # description says each axis in words (chart_description).
            "aria": False,
        },
        # Legends at the bottom stack (a second one, such as point shapes, goes under the
        # first rather than beside it, past a phone's width).
        "legend": {
            "labelFontSize": 12,
            "labelLimit": LEGEND_LABEL_LIMIT,
            "rowPadding": 5,
            "layout": {"bottom": {"direction": "vertical", "anchor": "start"}},
        },
        "view": {"stroke": None},
        # No ARIA text of Vega's own on lines, points and labels either: it wrote every value
        # as code does ("Effective compute: 6.3095734448e+26") and named each point again
        # under the picture, whose accessible name (the chart's description) says what it
        # shows; the table under the chart holds every number as the outputs write them.
        "mark": {"aria": False},
    }


def chart_description(chart: Chart) -> str:
    """What a chart shows, in words: the declaration's description of its lines and points,
    then its axes as they are drawn, written from the declared axes (so the words cannot
    say "0 to 1" of an axis drawn in per cent, or "linear" of a log axis).

    >>> from calculators import get_calculator
    >>> chart_description(get_calculator("half-life").chart).endswith(
    ...     "Horizontal axis: task length (minutes), on a log scale. Vertical axis: probability of success, in per cent.")
    True
    """
    return f"{chart.description or chart.title} Horizontal axis: {_axis_words(chart.x)}. Vertical axis: {_axis_words(chart.y)}."


def _axis_words(axis: Axis) -> str:
    """An axis as drawn: its title and how its ticks read (dates, per cent, ×N), and its
    scale; a linear axis of plain numbers is simply its title."""
    words = [axis.title[0].lower() + axis.title[1:] if axis.title[1:2].islower() else axis.title]
    if axis.dates:
        words.append("as calendar dates")
    elif axis.kind == "percent":
        words.append("in per cent")
    elif axis.kind == "multiplier":
        words.append("as multiples")
    if axis.scale == "log":
        words.append("on a log scale")
    return ", ".join(words)


def vega_lite_spec(chart: Chart, data: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The Vega-Lite spec of ``chart`` showing ``data`` (as returned by ``chart.data``)."""
    x = position_encoding(chart.x, "x")
    y = position_encoding(chart.y, "y")
    # The values as the outputs write them (with_text), not as Vega would.
    tooltip = [{"field": text, "title": axis.title} for axis, text in ((chart.x, X_TEXT), (chart.y, Y_TEXT))]
    # A point's label, where its row places it (_label_marks); on a narrow plot a row's
    # "short" label, if it has one, in place of its label. Its halo is the same mark, stroked.
    label_mark = {
        "type": "text",
        **_label_marks(chart.x.field),
        "text": {"expr": f"width < {PLOT_GROUPS[0].from_width:g} && datum.short ? datum.short : datum.label"},
        "fontSize": 12,
    }
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": chart_description(chart),
        "width": 640,
        "height": 320,
        "autosize": {"type": "fit-x", "contains": "padding", "resize": True},
        # Room on the right for the last x label, centred on a tick that may lie a few pixels
        # inside the plot's edge (a log axis runs over its data, LOG_AXIS_PADDING): Vega's
        # fit leaves its overhang out of the view.
        "padding": {"left": 5, "top": 5, "bottom": 5, "right": X_LABEL_OVERHANG},
        "background": None,
        "datasets": {**{name: data[name] for name in DATASETS}, PINNED: []},
        "params": [
            {"name": READER_SLACK_PARAM, "value": 0},
            *axis_params(chart.x, "x"),
            *axis_params(chart.y, "y"),
        ],
        "layer": [
            {
                "data": {"name": PINNED},
                "mark": {"type": "line", "strokeWidth": 2, "strokeDash": [6, 4], "color": "#888"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "detail": {"field": "series"},
                    "tooltip": [*tooltip, {"field": "series", "title": "Pinned curve"}],
                },
            },
            {
                "data": {"name": "lines"},
                "mark": {"type": "line", "strokeWidth": 2.5, "interpolate": "monotone"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": {
                        "field": "series",
                        "type": "nominal",
                        "title": None,
                        "scale": {"range": _PALETTE},
                        # Below the plot, one name a line, each whole (no "…"): a series'
                        # name is kept short enough for a phone's chart (tests/site checks).
                        "legend": {"orient": "bottom", "direction": "vertical"},
                    },
                    "tooltip": [*tooltip, {"field": "series", "title": "Curve"}],
                },
            },
            {
                "data": {"name": "points"},
                "mark": {"type": "point", "filled": True, "size": 70, "color": "#555"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "tooltip": [{"field": "label", "title": "Point"}, *tooltip],
                },
            },
            # Under each label, the same text drawn thick in the chart's background colour: where
            # no place clears every line (a point where lines meet, a phone's narrow plot), the
            # line stops short of the letters instead of running through them. Hidden from
            # assistive technology, which reads the label once; the page's stylesheet paints it
            # in the theme's background (docs/stylesheets/calculators.css).
            {
                "data": {"name": "points"},
                "name": LABEL_HALO,
                "mark": {
                    **label_mark,
                    "fill": HALO_COLOUR,
                    "stroke": HALO_COLOUR,
                    "strokeWidth": HALO_WIDTH,
                    "strokeJoin": "round",
                    "aria": False,
                },
                "encoding": {"x": x, "y": y},
            },
            {
                "data": {"name": "points"},
                # A label sits above right of its point; past 65% of the plot's width it
                # sits to the left, so it is not cut off at the edge. A row can choose:
                # "side": "left", "right", "centre" or at the plot's edge on the point's
                # height, "edge-right" or "edge-left", and "place": "below", "level" (at
                # the point's height), "well-above" or "well-below"; the runtime chooses
                # for each, for wide and for narrow plots, so the label crosses no line
                # (calculators/_labels.py).
                "mark": label_mark,
                "encoding": {"x": x, "y": y},
            },
        ],
        "config": chart_config(),
    }
    return _with_extras(chart, spec)


# --- What some charts add: a date axis, interval bands and error bars, grouped points ------

#: Vega's expression for the instant a decimal year stands for (UTC), as _calendar counts it:
#: the year's start plus that share of the year's length.
_DATE_EXPR = "utc(floor(datum[{f}]), 0, 1) + (datum[{f}] - floor(datum[{f}])) * (utc(floor(datum[{f}]) + 1, 0, 1) - utc(floor(datum[{f}]), 0, 1))"
#: The field each layer computes from a decimal-year field, for the date axis.
_DATE_FIELD = "_date"
#: The room (pixels) a year's label takes on the date axis: four digits and a gap (TICKS).
_YEAR_LABEL_ROOM = 4 * TICKS.label_char_em * TICKS.label_font_px + TICKS.label_gap_px


def _with_extras(chart: Chart, spec: dict[str, Any]) -> dict[str, Any]:
    """Add what ``chart`` asks for beyond lines and labelled points.

    Each addition is a layer or an encoding on the same data sets (``lines``, ``points``),
    so the page still swaps only those when an input changes.
    """
    layers: list[dict[str, Any]] = spec["layer"]
    if not chart.label_points:
        layers[:] = [layer for layer in layers if layer["mark"]["type"] != "text"]
    points = next(layer for layer in layers if layer["mark"]["type"] == "point")
    if chart.point_group:
        points["encoding"]["shape"] = {
            "field": chart.point_group,
            "type": "nominal",
            "title": None,
            "legend": {"orient": "bottom", "direction": "vertical"},
        }
        points["encoding"]["tooltip"].append({"field": chart.point_group, "title": chart.point_group_title})
    if chart.interval:
        lines = next(layer for layer in layers if layer["data"]["name"] == "lines")
        # The legend shows each line as a solid stroke, not as the pale band beneath it.
        lines["encoding"]["color"]["legend"] |= {"symbolType": "stroke", "symbolOpacity": 1, "symbolStrokeWidth": 2.5}
        layers.insert(layers.index(lines), _band(chart, lines["encoding"]))
        layers.insert(layers.index(points), _error_bars(chart, points["encoding"]))
    if chart.dot_series:
        lines = next(layer for layer in layers if layer["data"]["name"] == "lines")
        layers.insert(layers.index(points), _dots(chart, lines))
        pinned = next(layer for layer in layers if layer["data"]["name"] == PINNED)
        layers.insert(layers.index(pinned) + 1, _pinned_dots(chart, pinned))
    if chart.x.dates:
        for layer in layers:
            _date_axis(chart.x, layer)
    return spec


def _dots(chart: Chart, lines: dict[str, Any]) -> dict[str, Any]:
    """The lines layer without ``chart.dot_series``, and a layer drawing those as dots in the
    same colours; the shared legend (filled and stroked in each series' colour) shows them
    as dots, the other series as strokes."""
    names = "[" + ", ".join(repr(name) for name in chart.dot_series) + "]"
    dotted = f"indexof({names}, datum.series) >= 0"
    lines.setdefault("transform", []).append({"filter": f"!({dotted})"})
    color = lines["encoding"]["color"]
    in_legend = f"indexof({names}, datum.value) >= 0"
    color["legend"] = {
        **color["legend"],
        "symbolType": "stroke",
        "symbolStrokeWidth": 2.5,
        "encode": {
            "symbols": {
                "update": {
                    "shape": {"signal": f"{in_legend} ? 'circle' : 'stroke'"},
                    "size": {"signal": f"{in_legend} ? {_DOT_SIZE} : 100"},
                    "strokeWidth": {"signal": f"{in_legend} ? 0 : 2.5"},
                }
            }
        },
    }
    return {
        "data": {"name": "lines"},
        "transform": [{"filter": dotted}],
        "mark": {"type": "point", "filled": True, "size": _DOT_SIZE, "opacity": 1},
        "encoding": {
            "x": lines["encoding"]["x"],
            "y": lines["encoding"]["y"],
            "color": color,
            "tooltip": lines["encoding"]["tooltip"],
        },
    }


def _pinned_dots(chart: Chart, pinned: dict[str, Any]) -> dict[str, Any]:
    """The pinned layer without ``chart.dot_series``, and a layer drawing those of a pinned
    setting as the live chart does, as dots, in the pinned lines' grey."""
    names = "[" + ", ".join(repr(name) for name in chart.dot_series) + "]"
    dotted = f"indexof({names}, datum.series) >= 0"
    pinned.setdefault("transform", []).append({"filter": f"!({dotted})"})
    return {
        "data": {"name": PINNED},
        "transform": [{"filter": dotted}],
        # Out of the accessibility tree (the pinned values are written beside the outputs):
        # with nothing pinned, Vega would give the empty layer a role an image needs a name for.
        "mark": {
            "type": "point",
            "filled": True,
            "size": _DOT_SIZE,
            "opacity": 1,
            "color": pinned["mark"]["color"],
            "aria": False,
        },
        "encoding": {
            "x": pinned["encoding"]["x"],
            "y": pinned["encoding"]["y"],
            "tooltip": pinned["encoding"]["tooltip"],
        },
    }


#: The area (square pixels) of a dot of a ``dot_series``: larger than a line is wide, so a dot
#: on another curve shows.
_DOT_SIZE = 60


def _band(chart: Chart, encoding: dict[str, Any]) -> dict[str, Any]:
    """A shaded band between the interval's ends, for each line that has them."""
    low, high = chart.interval or ("", "")
    return {
        "data": {"name": "lines"},
        "transform": [{"filter": f"isValid(datum[{low!r}]) && isValid(datum[{high!r}])"}],
        "mark": {"type": "area", "opacity": 0.18, "interpolate": "monotone"},
        "encoding": {
            "x": encoding["x"],
            "y": {**encoding["y"], "field": low},
            "y2": {"field": high},
            "color": encoding["color"],
        },
    }


def _error_bars(chart: Chart, encoding: dict[str, Any]) -> dict[str, Any]:
    """A vertical bar from the low to the high end of each point's interval."""
    low, high = chart.interval or ("", "")
    title = chart.y.title.split(" (")[0]
    return {
        "data": {"name": "points"},
        "transform": [{"filter": f"isValid(datum[{low!r}]) && isValid(datum[{high!r}])"}],
        "mark": {"type": "rule", "color": "#888", "strokeWidth": 1.5},
        "encoding": {
            "x": encoding["x"],
            "y": {**encoding["y"], "field": low},
            "y2": {"field": high},
            "tooltip": [
                {"field": "label", "title": "Point"},
                {"field": text_field(low), "title": f"{title}, interval from"},
                {"field": text_field(high), "title": "to"},
            ],
        },
    }


def _date_axis(axis: Axis, layer: dict[str, Any]) -> None:
    """Draw ``axis`` (decimal years) as dates: each layer computes the instant, and the x
    encoding and its tooltip show it as a date."""
    layer.setdefault("transform", []).insert(0, {"calculate": _DATE_EXPR.format(f=repr(axis.field)), "as": _DATE_FIELD})
    years = "((domain('x')[1] - domain('x')[0]) / 31557600000)"
    encoding = layer["encoding"]
    encoding["x"] = {
        "field": _DATE_FIELD,
        "type": "temporal",
        "title": axis.title,
        "scale": {"type": "utc"},
        "axis": {
            "format": "%Y",
            "grid": True,
            # Ticks every 1, 2, 5, 10, ... years, never closer than a year (Vega then ticks whole
            # years, never two labels "2024"), at most 12, and each label with room on the plot
            # in a reader's font (_YEAR_LABEL_ROOM, not the build's measure); as an expression,
            # so that the phone's chart can cap it further.
            "tickCount": {
                "expr": f"clamp({ticks_with_room(years, f'max(1, {_YEAR_LABEL_ROOM!r} * {years} / width)')}, 2, 12)"
            },
            # Each year's label centred on its tick: the first one flush with the plot's edge
            # would stretch towards the second ("20192020" where a reader's font is wider
            # than the build's).
            "labelFlush": False,
            "labelOverlap": "greedy",
        },
    }
    for item in encoding.get("tooltip", []):
        if item.get("field") == axis.field:
            item.update({"field": _DATE_FIELD, "type": "temporal", "format": "%b %Y", "formatType": "utc"})


#: The width of the phone's static chart's plot (inside its axes): the plot the label model
#: places that chart's labels in (calculators._labels.NARROW_PLOT_WIDTH). The axes and legend
#: take what they need around it, so the picture is about 240 to 295 px wide: on a 375 px
#: screen (about 300 px for the chart) or a 320 px one, scaled to fit, its text shows at 10 to
#: 12 px rather than at the 5 to 6 px of the 640 px chart shrunk to fit. (Drawn instead 280 px
#: wide all told, its plot took what the y axis left, 152 to 206 px: not the plot the labels
#: were placed in.)
NARROW_WIDTH = NARROW_PLOT_WIDTH
#: Pixels kept free at the right of the narrow chart, for text a reader's font draws wider.
NARROW_TEXT_MARGIN = 28
#: At most this many ticks on each axis of the narrow chart, so their labels never crowd.
NARROW_TICKS = 5


def narrow_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` (from :func:`vega_lite_spec`) drawn for a phone's width, to be shown before
    Python is live (or without JavaScript) instead of the wide chart shrunk to fit.

    The same layers and data, drawn as a static chart (:func:`static_spec`), its plot
    :data:`NARROW_WIDTH` pixels wide (the plot its labels were placed in): text at 12 px throughout (it
    then shows at about 10 to 13 px on phones), at most :data:`NARROW_TICKS` ticks a linear
    or date axis, whatever tick count the wide chart asks for (a log axis keeps its ticks and
    labels those it has room for, at even steps), and where labels would still touch, every
    other one left out, so that those shown stay evenly spaced. A point label with no clear
    place on its plot is written as the number the core gave it, listed with the label under
    the chart (:func:`_numbered_labels`; :func:`phone_spec` numbers them first).

    >>> wide = {"width": 640, "config": {"axis": {}, "legend": {}}, "layer": [
    ...     {"mark": "line", "encoding": {"x": {"axis": {}}, "y": {"axis": {"tickCount": {"expr": "8"}}}}}]}
    >>> narrow = narrow_spec(wide)
    >>> narrow["width"], narrow["autosize"]["type"], narrow["layer"][0]["encoding"]["y"]["axis"]["tickCount"]
    (165.0, 'pad', {'expr': 'min(5, (8))'})
    >>> wide["width"]  # the wide spec is left as it was
    640
    """
    narrow = static_spec(spec)
    narrow["width"] = NARROW_WIDTH
    # The plot is drawn NARROW_WIDTH wide and the picture grows around it ("pad"), rather than
    # the picture fitted to a width and the plot given what the axes leave ("fit-x").
    narrow["autosize"] = {"type": "pad", "contains": "padding"}
    # The build measures text with its own font, which can be narrower than the reader's: a
    # margin on the right keeps the longest legend entry inside the picture on a phone.
    narrow["padding"] = {"left": 5, "top": 5, "bottom": 5, "right": NARROW_TEXT_MARGIN}
    config = narrow.setdefault("config", {})
    # Labels closer than 8 px (measured with the build's font, which can be narrower than the
    # reader's, hence the margin) are thinned to every other one on their axis (below).
    config["axis"] = {
        **config.get("axis", {}),
        "labelFontSize": 12,
        "titleFontSize": 12,
        "labelOverlap": "greedy",
        "labelSeparation": 8,
    }
    config["legend"] = {**config.get("legend", {}), "labelFontSize": 12}
    capped: set[int] = set()  # the layers share their axes' dictionaries: cap each once
    for layer in narrow.get("layer", []):
        mark = layer.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text":
            mark["fontSize"] = 12
        for channel in ("x", "y"):
            encoding = layer.get("encoding", {}).get(channel, {})
            axis = encoding.get("axis")
            if encoding.get("scale", {}).get("type") == "log":
                continue  # a log axis labels the ticks it has room for, at even steps
            if isinstance(axis, dict) and id(axis) not in capped:
                capped.add(id(axis))
                axis["tickCount"] = _at_most(axis.get("tickCount"), NARROW_TICKS)
                # Should labels still crowd, every other one is hidden, so those left stay
                # evenly spaced (greedy dropping, by the build's measure, leaves gaps).
                axis["labelOverlap"] = "parity"
    _numbered_labels(narrow)
    return narrow


def phone_spec(chart: Chart, data: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The phone's static picture of ``data`` (a result's ``chart``, from
    :func:`calculators.run`): :func:`narrow_spec` of the chart, with the labels that have no
    clear place on its plot numbered first (:func:`calculators._labels.number_crowded_labels`,
    which ``run`` leaves to the build). What the build draws for phones."""
    return narrow_spec(vega_lite_spec(chart, number_crowded_labels(chart, data)))


def _numbered_labels(narrow: dict[str, Any]) -> None:
    """Where the labels that have no clear place on this plot were numbered (a point row's
    ``key``: :func:`phone_spec`, calculators/_labels.py), ``narrow`` writes those labels as
    their numbers, every label where that placement put it, and lists the numbers with their
    labels under the chart, one a line, each number and its label an en space apart."""
    points = narrow.get("datasets", {}).get("points", [])
    keyed = sorted((row for row in points if row.get("key")), key=lambda row: int(row["key"]))
    if not keyed:
        return
    for layer in narrow.get("layer", []):
        mark = layer.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text" and layer.get("data", {}).get("name") == "points":
            mark.update(_label_marks(layer["encoding"]["x"]["field"], prefix=KEY_PREFIX))
            mark["text"] = {"expr": f"datum.key || ({mark['text']['expr']})"}
    narrow["title"] = {
        # An en space, which SVG text keeps (it collapses a run of plain ones).
        "text": [f"{row['key']}\u2002{row['label']}" for row in keyed],
        "orient": "bottom",
        "anchor": "start",
        "frame": "group",
        "fontSize": 12,
        "fontWeight": "normal",
        "lineHeight": 16,
        # Like every other part of the picture, not named apart to assistive technology: the
        # figure is one image with its own name, and its table lists every point.
        "aria": False,
    }


def _at_most(count: Any, cap: int) -> Any:
    """A Vega-Lite tick count (absent, a number or an expression) limited to ``cap``."""
    if isinstance(count, dict) and "expr" in count:
        return {"expr": f"min({cap}, ({count['expr']}))"}
    if isinstance(count, (int, float)):
        return min(cap, count)
    return cap


def _label_marks(x_field: str, prefix: str | None = None) -> dict[str, Any]:
    """The text mark's ``align``, ``dx`` and ``dy`` as Vega expressions of each point row's
    place (calculators/_labels.py): the place of the plot's range of widths (``PLOT_GROUPS``),
    or the place stored under ``prefix`` if given, or the row's own. Beside its point (7 px
    off, to the left past 65% of the plot's width when the row says no side), centred over or
    under it, or at the plot's edge."""

    *wider, narrowest = PLOT_GROUPS
    by_width = "".join(f"width >= {g.from_width:g} ? {g.prefix!r} : " for g in wider) + repr(narrowest.prefix)
    chosen_prefix = repr(prefix) if prefix is not None else by_width

    def chosen(field: str) -> str:
        return f"(datum[({chosen_prefix}) + {field!r}] || datum.{field})"

    side, place = chosen("side"), chosen("place")
    x = f"scale('x', datum[{x_field!r}])"
    left = f"({side} ? {side} === 'left' : {x} > width * 0.65)"
    dy = " : ".join(f"{place} === {name!r} ? {offset:g}" for name, offset in PLACE_DY.items() if name != "above")
    return {
        "align": {
            "expr": f"{side} === 'centre' ? 'center' : {side} === 'edge-right' || "
            f"({side} !== 'edge-left' && {left}) ? 'right' : 'left'"
        },
        "dx": {
            "expr": f"{side} === 'edge-right' ? width - {EDGE_GAP:g} - {x} : {side} === 'edge-left' ? "
            f"{EDGE_GAP:g} - {x} : {side} === 'centre' ? 0 : {left} ? -{GAP_X:g} : {GAP_X:g}"
        },
        "dy": {"expr": f"{dy} : {PLACE_DY['above']:g}"},
    }


#: Pixels kept free at the right of the live and wide charts: half the widest plain tick
#: label ("100,000"), less the log axis's padding.
X_LABEL_OVERHANG = 20

#: Longer axis titles are printed on two lines (the unit in brackets on the second), so a
#: phone's narrow chart does not cut them off.
_TITLE_ONE_LINE = 30


def axis_params(axis: Axis, scale: str) -> list[dict[str, str]]:
    """The Vega-Lite parameters the encoding :func:`position_encoding` gives ``axis`` (on
    the x or y ``scale``) reads: its span, style and label step, worked out once a chart
    (:func:`~calculators._format.vega_axis_signals`). A spec with that encoding lists them
    in its top-level ``params``."""
    if axis.dates or (axis.kind == "percent" and axis.scale != "log"):
        return []  # years and percentages are never written as powers of ten
    return [{"name": name, "expr": expr} for name, expr in vega_axis_signals(scale, axis.scale, axis.kind)]


def position_encoding(axis: Axis, scale: str, domain: tuple[float, float] | None = None) -> dict[str, Any]:
    """The x or y encoding (``scale``) of ``axis``: its field, title (two lines when long),
    scale and tick labels in the site's number format, with the tick count its scale needs.
    The data pages' charts use it too, so every chart writes its axes alike; the spec adds
    :func:`axis_params` for it, except for a linear axis given its ``domain``, whose style
    is then known here."""
    title = axis_title(axis.title, axis.scale)
    name, bracket, unit = title.partition(" (")
    # Tick labels in the site's number format (10²⁴, 25,000, ×100, 80%), never d3's 1e+24,
    # and in one style an axis: all powers of ten when any label needs one (TICKS).
    powers = "false" if axis.kind == "percent" else vega_signal(scale, "powers")
    if domain is not None and axis.scale != "log" and axis.kind != "percent":
        powers = "true" if axis_in_powers(*domain, axis.scale) else "false"
    encoding: dict[str, Any] = {
        "field": axis.field,
        "type": "quantitative",
        "title": [name, bracket.strip() + unit] if len(title) > _TITLE_ONE_LINE and bracket else title,
        "scale": {"type": axis.scale},
        "axis": {"labelExpr": vega_tick_label(axis.kind, powers=powers, decimals=VEGA_STEP_DECIMALS), "grid": True},
    }
    if axis.scale == "linear" and not axis.zero:
        encoding["scale"]["zero"] = False
    if domain is not None:
        encoding["scale"] |= {"domain": list(domain), "nice": False}
    if scale == "y":
        # The lowest label sits above the x axis and the highest under the top (Vega's
        # "flush", within the log axis's padding of either end), so the lowest never meets
        # the first label of the x axis in the corner.
        encoding["axis"]["labelFlush"] = LOG_AXIS_PADDING + 1 if axis.scale == "log" else True
        # On a static chart the title stands clear of the labels in a reader's font too:
        # Vega places it by the labels' widths as the build measures them, with a font that
        # can be narrower than a reader's by about a tenth of the font size a character
        # (READER_SLACK, which static_spec sets; the live chart measures the reader's font).
        chars = _widest_label_chars(axis, scale, powers)
        encoding["axis"]["titlePadding"] = {"expr": f"{TITLE_PADDING} + {READER_SLACK_PARAM} * ({chars})"}
    elif axis.scale == "linear":
        # As many ticks as have room for their labels in a reader's font (TICKS), at a step
        # of 1, 2 or 5 × 10ⁿ, each label centred on its tick: Vega would drop
        # the labels that touch, as the build measures them, leaving uneven gaps ("10" then
        # nothing where "12" was), and a label flush with the plot's end stands closer to its
        # neighbour than the others do.
        chars = _widest_label_chars(axis, scale, powers)
        room = f"(({chars}) * {TICKS.label_char_em * TICKS.label_font_px!r} + {TICKS.label_gap_px!r})"
        span = f"abs(domain('{scale}')[1] - domain('{scale}')[0])"
        encoding["axis"]["tickCount"] = {"expr": ticks_with_room(span, f"{room} * {span} / width")}
        encoding["axis"]["labelFlush"] = False
    if axis.scale == "log":
        # The axis runs over the data drawn, not out to the next powers of ten (Vega's "nice"
        # domain), which left up to nine tenths of a decade empty at either end; a few pixels
        # beyond, so that a flat line at either end does not lie on the axis itself.
        encoding["scale"]["nice"] = False
        encoding["scale"]["padding"] = LOG_AXIS_PADDING
        # One tick per power of ten in view, so d3 never adds the 2..9 ticks in between
        # (it does when asked for more ticks than there are decades). Under three decades,
        # powers of ten alone would leave two labels or fewer, so it asks for 6: d3 then adds
        # 2×, 3×, ... Capped (TICKS.log_max_ticks), and 5 when the domain is degenerate (an
        # extreme input), because d3 fails on a tick count that is huge, infinite or NaN.
        encoding["axis"]["tickCount"] = {"expr": vega_signal(scale, "count")}
        # Which ticks carry a label is chosen here, not by Vega (which blanks some of the 2×,
        # 3×, ... ticks) nor by dropping labels that would touch (which leaves uneven gaps):
        # the 1× and 3× of each decade where half a decade has room for a label (1, 3, 10,
        # 30, 100), else every power of ten, or every 2nd, 3rd, ... (1, 100, 10,000), by the
        # plot's width or height (TICKS, log_labels). Should labels still touch (an axis
        # spanning under a decade labels every tick d3 gives, 1, 1.2, 1.4, ...), every other
        # one is hidden ("parity"), so those left stay evenly spaced.
        encoding["axis"]["labelOverlap"] = "parity"
        labelled = vega_log_tick_labelled(scale)
        decimals = vega_signal(scale, "decimals")
        label = vega_tick_label(axis.kind, powers=powers, keep_blanks=False, decimals=decimals)
        encoding["axis"]["labelExpr"] = f"{labelled} ? ({label}) : ''"
    return encoding


def ticks_with_room(span: str, least: str, fallback: int = 5) -> str:
    """A Vega expression: the tick count that makes d3 step across ``span`` (an expression,
    in the axis's units) by the smallest 1, 2 or 5 × 10ⁿ of at least ``least`` (the step
    that leaves each label its room). d3 steps by span / count rounded to such a number, so
    asked for exactly span / step it steps by that step; ``fallback`` where the span is
    zero or not a number."""
    power = f"pow(10, floor(log({least}) / LN10))"
    mantissa = f"({least}) / {power}"
    step = f"({mantissa} <= 1 ? 1 : {mantissa} <= 2 ? 2 : {mantissa} <= 5 ? 5 : 10) * {power}"
    return f"{span} > 0 && isFinite({least}) && {least} > 0 ? {span} / ({step}) : {fallback}"


#: Pixels between a y axis's title and its widest label, as the build measures it.
TITLE_PADDING = 4
#: Pixels a character of a tick label may draw wider in a reader's font than in the build's
#: (12 px digits: about 6.7 px in the build, 7.6 in DejaVu Sans, readers' widest common font).
READER_SLACK = 1.2
#: The chart's parameter holding that slack: 0 in the spec the page runs live (Vega measures
#: the reader's own font there), READER_SLACK in a static chart's (:func:`static_spec`).
READER_SLACK_PARAM = "reader_slack"


def static_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` (from :func:`vega_lite_spec`) as the build draws it into a static SVG, which
    a reader's browser shows in its own font, often wider than the one the build measured
    with: each y axis's title keeps :data:`READER_SLACK` more pixels a character of its
    widest label from the labels. The spec itself is left as it was.

    >>> static = static_spec({"params": [{"name": READER_SLACK_PARAM, "value": 0}]})
    >>> static["params"]
    [{'name': 'reader_slack', 'value': 1.2}]
    """
    drawn = copy.deepcopy(spec)
    for param in drawn.get("params", []):
        if param.get("name") == READER_SLACK_PARAM:
            param["value"] = READER_SLACK
    return drawn


def _widest_label_chars(axis: Axis, scale: str, powers: str) -> str:
    """A Vega expression: the characters of the widest tick label ``axis`` (on ``scale``)
    may write, generously: the longer of its domain's ends as labels (on a log axis the
    powers of ten nearest them, and "3 × " more where the 3× ticks carry labels), plus one
    for a decimal a tick between them may add (0, 0.5, 1)."""

    def label(value: str) -> str:
        return vega_tick_label(axis.kind, value=value, powers=powers, keep_blanks=False)

    if axis.scale == "log":
        e_low, e_high = vega_signal(scale, "e_low"), vega_signal(scale, "e_high")
        ends = (f"pow(10, {e_low})", f"pow(10, {e_high})")
        threes = f"({vega_signal(scale, 'threes')} && {powers} ? 4 : 0)"
    else:
        ends = (f"domain('{scale}')[0]", f"domain('{scale}')[1]")
        threes = "0"
    return f"max(length({label(ends[0])}), length({label(ends[1])})) + {threes} + 1"


def with_text(chart: Chart, data: Rows) -> Rows:
    """``data`` with each row's axis values also written for a reader (``x_text``,
    ``y_text``, in the axis's kind): what the tooltips show and the downloads carry beside
    the numbers, in the outputs' own format. Each axis's values, over every data set, are
    one column (:func:`~calculators._format.format_column`): on a linear axis they share
    their decimals, as the table's do; an interval's ends belong to the y axis's column."""
    ends = chart.interval or ()
    rows = [row for name in data for row in data[name]]
    x_texts = iter(
        format_column([float(row[chart.x.field]) for row in rows], chart.x.kind, chart.x.scale, exact=chart.x.exact)
    )
    y_fields = [
        (index, field)
        for index, row in enumerate(rows)
        for field in (chart.y.field, *ends)
        if field == chart.y.field or isinstance(row.get(field), (int, float))
    ]
    y_values = [float(rows[index][field]) for index, field in y_fields]
    y_written: dict[tuple[int, str], str] = dict(
        zip(y_fields, format_column(y_values, chart.y.kind, chart.y.scale, exact=chart.y.exact), strict=True)
    )
    written: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        texts = {X_TEXT: next(x_texts), Y_TEXT: y_written[(index, chart.y.field)]}
        texts |= {text_field(end): y_written[(index, end)] for end in ends if (index, end) in y_written}
        written.append({**row, **texts})
    out: Rows = {}
    start = 0
    for name in data:
        out[name] = written[start : start + len(data[name])]
        start += len(data[name])
    return out


def text_field(field: str) -> str:
    """The row field holding ``field``'s value as a reader reads it (interval ends)."""
    return f"{field}_text"


def chart_table(chart: Chart, data: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The chart's numbers as a small table, for readers who cannot use the picture.

    Returns ``{"columns": [...], "rows": [[...], ...]}`` of formatted text: the x value, then
    each series' y value at that x (rows sampled evenly from the lines), followed by the
    labelled points as ``{"label", "x", "y"}`` under ``"points"``.
    """
    series = list(dict.fromkeys(row["series"] for row in data["lines"]))
    by_x: dict[float, dict[str, float]] = {}
    for row in data["lines"]:
        by_x.setdefault(row[chart.x.field], {})[row["series"]] = row[chart.y.field]
    xs = sorted(by_x)
    step = max(1, -(-(len(xs) - 1) // (TABLE_ROWS - 1)))
    sampled = xs[::step] if xs[-1] in xs[::step] else [*xs[::step], xs[-1]]

    def column(values: list[float | None], axis: Axis) -> list[str]:
        """A column's cells in the site's format, one number of decimals on a linear axis."""
        texts = iter(format_column([v for v in values if v is not None], axis.kind, axis.scale, exact=axis.exact))
        return ["" if v is None else next(texts) for v in values]

    x_cells = column(list(sampled), chart.x)
    series_cells = [column([by_x[x].get(name) for x in sampled], chart.y) for name in series]
    points = data["points"]
    point_x = column([point[chart.x.field] for point in points], chart.x)
    point_y = column([point[chart.y.field] for point in points], chart.y)
    return {
        "columns": [chart.x.title, *series],
        "rows": [[x_cells[i], *(cells[i] for cells in series_cells)] for i in range(len(sampled))],
        "points": [{"label": str(point["label"]), "x": point_x[i], "y": point_y[i]} for i, point in enumerate(points)],
    }
