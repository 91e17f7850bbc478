"""Where a chart's point labels go: beside their point, clear of the lines and of each other.

Vega draws a point's label where its row says (``side`` and ``place``; see
:func:`calculators.vega_lite_spec`), but cannot move it off a line. So before a result is
returned, :func:`place_labels` tries each place a label can take, in a model of the plot at
the widths readers see it, and keeps the first that crosses no line, covers no other point or
label and stays inside the plot; failing that, the one with the fewest conflicts. What is
clear on a wide plot is often not on a phone's, so it places the labels once for each range
of widths (:data:`PLOT_GROUPS`): for the wide chart (``side``, ``place``), the live chart on
a phone (``mid_side``, ``mid_place``) and the phone's static chart (``narrow_side``,
``narrow_place``); the chart picks by its plot's width. On the phone's static chart, which
only the build draws, a label that still has no clear place is written as a number, and the
labels placed again with it (``key``, ``key_side``, ``key_place``: :func:`number_crowded_labels`,
which ``run`` leaves to the build). The model is the chart's own: the axes' scales over the
data's range (a log axis over the data alone, as the chart draws it),
12 px text at a generous 7 px a character.
"""

from __future__ import annotations

import bisect
import itertools
import math
import sys
from collections.abc import Iterator
from typing import Any, NamedTuple

from ._declare import Axis, Chart

__all__ = [
    "KEY_PREFIX",
    "PLACES",
    "PLOT_GROUPS",
    "PlotGroup",
    "label_box",
    "number_crowded_labels",
    "place_labels",
    "plot_model",
]

Rows = dict[str, list[dict[str, Any]]]


class PlotGroup(NamedTuple):
    """Plots of one range of widths, whose labels take one placement: stored in the point
    row's ``{prefix}side`` and ``{prefix}place``, drawn on plots at least ``from_width``
    pixels wide (and narrower than the group before), modelled at ``widths``."""

    prefix: str
    from_width: float
    widths: tuple[float, ...]


#: The plots (pixels inside the axes) a chart is seen at, widest first, each range with its
#: own placement: the wide chart (a 1280 px screen's plot and the wide static chart's are 520
#: to 575 px, by the width of the y axis's labels and title), the live chart on a phone (a
#: 375 px screen's 195 to 240, narrower where the y axis's title takes two lines) and the
#: phone's static chart (its plot drawn 165 px wide, :data:`NARROW_PLOT_WIDTH`; a 320 px
#: phone's live chart about 170).
PLOT_GROUPS = (
    PlotGroup("", 400, (520.0, 575.0)),
    PlotGroup("mid_", 200, (195.0, 240.0)),
    PlotGroup("narrow_", 0, (165.0,)),
)
#: The plot of the phone's static chart, which :func:`calculators.narrow_spec` draws at
#: exactly this width (its axes and legend add what they need around it), so that its labels
#: sit where the model placed them, whatever the width of its y axis's labels and title.
NARROW_PLOT_WIDTH = PLOT_GROUPS[-1].widths[0]
#: Every width modelled, widest first.
PLOT_WIDTHS = tuple(width for group in PLOT_GROUPS for width in group.widths)
PLOT_HEIGHT = 320.0
#: The label's text, as the chart draws it (fontSize 12), and a width per character on the
#: generous side, so a reader's font, wider than the build's, still fits.
CHARACTER_WIDTH = 7.0
TEXT_HEIGHT = 13.0
#: Pixels a label keeps from its point (the mark's dx and dy) and from the plot's edge.
GAP_X, EDGE_GAP = 7.0, 4.0
#: How far a label's middle is below its point (negative: above), by ``place``.
PLACE_DY = {
    "above": -8.0,
    "below": 12.0,
    "level": 0.0,
    "well-above": -22.0,
    "well-below": 26.0,
    "far-above": -36.0,
    "far-below": 40.0,
}
#: Pixels above the plot a label may take.
TOP_ROOM = 20.0
#: Pixels of clearance counted as touching.
CLEARANCE = 2.0
#: Pixels one label keeps from another: the glyphs of 12 px text reach past the model's 13 px
#: box (a "/" or "p"), and two labels closer than this read as one column of text
#: (Chinchilla's "20 tokens/param" stacked on "N*", 2 px apart in the model).
LABEL_GAP = 6.0
#: What a label counts against it for each other point it sits nearer to than to its own,
#: by more than NEARER pixels: more than a line through it, for it misleads (chinchilla's
#: "20 per param" beside the optimum and "N*" beside the split, once).
MISREAD, NEARER = 5, 3.0
#: What a label counts against it for each other line that runs between it and its point: it
#: stands on that line's side, and is read as its label, more surely than one merely nearer
#: it; a label crossed by lines on its point's side reads better, even through its letters
#: (each counts MISREAD, the crossing and THROUGH; the halo cuts a line short of the letters),
#: up to about four of them in a crowded corner of a phone's plot.
SEPARATED = 40

#: What a label counts against it, on top of the crossing, for each line through its
#: letters (:func:`text_body`) rather than only its margins: a line through the words makes
#: them hard to read, worse than standing a little nearer another line ("This model" with
#: its own line through it, rather than beside another line's corner), though not as bad as
#: standing beyond another line (SEPARATED).
THROUGH = MISREAD + 2
#: The letters of 12 px text: about 6 px a character, digits and capitals about 9 px tall.
LETTER_WIDTH, LETTER_HEIGHT = 6.0, 9.0

#: Every (side, place) a label can take, in the order they are preferred after the row's
#: own: nearest its point first (beside it, then centred above or below it, at the point's
#: height or just above or below), then a step further off (well-), then two (far-), then at
#: the plot's edge just above, below or on its point's height (for a point on a flat line,
#: such as a threshold, whose label is then read along that line). A label further off is
#: read as its point's only while nothing else is nearer: a clear place near the point beats
#: a clear one far from it ("Sweet spot" far below its point, beside the other line, on the
#: phone's chart).
_TIERS = (("above", "below", "level"), ("well-above", "well-below"), ("far-above", "far-below"))
PLACES = tuple(
    [
        (side, place)
        for tier in _TIERS
        for side in ("right", "left", "centre")
        for place in tier
        # Not centred on the point's height or just above it, over the point itself.
        if not (side == "centre" and place in ("level", "above"))
    ]
    # At the edge only just above, below or on its line: further off it reads as the next
    # line's ("US at ×720" 40 px under the US line, 12 px over the EU one, on a phone).
    + [(side, place) for side in ("edge-right", "edge-left") for place in _TIERS[0]]
)


class Box(NamedTuple):
    left: float
    top: float
    right: float
    bottom: float

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)

    def meets(self, other: Box) -> bool:
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def distance(self, x: float, y: float) -> float:
        """How far the point (x, y) is from the box (0 inside it)."""
        return math.hypot(max(self.left - x, 0.0, x - self.right), max(self.top - y, 0.0, y - self.bottom))


def text_body(box: Box, side: str) -> Box:
    """The part of a label's ``box`` its letters fill, as the chart draws a label at
    ``side``: the box is generous (CHARACTER_WIDTH a character, TEXT_HEIGHT tall), and the
    letters start where the text is anchored, at the end nearer the point (centred
    labels in the middle), so the slack is at the far end."""
    width = (box.right - box.left) * LETTER_WIDTH / CHARACTER_WIDTH
    if side in ("left", "edge-right"):
        left = box.right - width
    elif side == "centre":
        left = (box.left + box.right - width) / 2
    else:
        left = box.left
    middle = (box.top + box.bottom) / 2
    return Box(left, middle - LETTER_HEIGHT / 2, left + width, middle + LETTER_HEIGHT / 2)


class Plot(NamedTuple):
    """One width of the chart: where a data value lands, in pixels from the top left."""

    width: float
    x: tuple[Axis, float, float]
    y: tuple[Axis, float, float]

    def at(self, row: dict[str, Any]) -> tuple[float, float]:
        return (
            _pixels(self.x, float(row[self.x[0].field]), self.width),
            PLOT_HEIGHT - _pixels(self.y, float(row[self.y[0].field]), PLOT_HEIGHT),
        )


#: Pixels a log axis's domain reaches past the data at either end (Vega's scale padding;
#: the chart's spec sets it, calculators._chart.position_encoding).
LOG_AXIS_PADDING = 6


def _pixels(axis_range: tuple[Axis, float, float], value: float, length: float) -> float:
    """Where ``value`` lands along an axis ``length`` pixels long, from its start, as Vega
    draws it: a log axis's data from LOG_AXIS_PADDING pixels inside either end."""
    start, span = _span(axis_range[0], length)
    return start + span * _fraction(axis_range, value)


def _span(axis: Axis, length: float) -> tuple[float, float]:
    """Where an axis ``length`` pixels long starts drawing its data, and over how many pixels."""
    if axis.scale == "log":
        return float(LOG_AXIS_PADDING), length - 2 * LOG_AXIS_PADDING
    return 0.0, length


def _fraction(axis_range: tuple[Axis, float, float], value: float) -> float:
    """How far along its axis's data ``value`` lands (0 at the start, 1 at the end)."""
    axis, low, high = axis_range
    if axis.scale == "log":
        value = math.log10(value)
    return 0.5 if high == low else (value - low) / (high - low)


def _extent(axis: Axis, values: list[float]) -> tuple[Axis, float, float]:
    """The axis's domain as Vega draws it: a log axis over the data (in log10 units; its
    scale is not "nice", calculators._chart.position_encoding); a linear one over the data,
    from 0 if the axis includes it, out to d3's "nice" round numbers (:func:`nice`)."""
    if axis.scale == "log":
        logs = [math.log10(v) for v in values if v > 0]
        return axis, min(logs), max(logs)
    if axis.zero:
        values = [*values, 0.0]
    return axis, *nice(min(values), max(values))


def _tick_step(start: float, stop: float, count: int) -> float:
    """d3's tickIncrement: the step of about ``count`` ticks from ``start`` to ``stop``, 1, 2
    or 5 × 10ⁿ (a negative number -10ⁿ / m for steps under 1, as d3 writes them)."""
    step = (stop - start) / count
    power = math.floor(math.log10(step))
    error = step / 10.0**power
    factor = 10 if error >= math.sqrt(50) else 5 if error >= math.sqrt(10) else 2 if error >= math.sqrt(2) else 1
    return factor * 10.0**power if power >= 0 else -(10.0**-power) / factor


def nice(low: float, high: float, count: int = 10) -> tuple[float, float]:
    """A linear domain widened to round numbers as d3's ``scale.nice()`` does (Vega-Lite's
    default for a linear axis, 10 ticks): the ends move out to multiples of the tick step.

    >>> nice(0.0, 0.1387), nice(-3.2, 17.0), nice(2.0, 2.0), nice(0.0, 1e-320)
    ((0.0, 0.14), (-4.0, 18.0), (2.0, 2.0), (0.0, 1e-320))
    """
    # Nothing to widen, or past what floats hold (an extreme input): a step under the
    # smallest normal float is a power of ten whose inverse overflows (1e-320 → 1e320).
    if not high > low or not math.isfinite(high - low) or (high - low) / count < sys.float_info.min:
        return low, high
    previous = None
    for _ in range(10):
        step = _tick_step(low, high, count)
        if step == previous:
            break
        if step > 0:
            wider = math.floor(low / step) * step, math.ceil(high / step) * step
        else:
            wider = math.ceil(low * step) / step, math.floor(high * step) / step
        if not all(math.isfinite(end) for end in wider):
            break
        low, high = wider
        previous = step
    return low + 0.0, high + 0.0  # never -0.0 (0 × a negative step)


def plot_model(chart: Chart, data: Rows) -> list[Plot]:
    """The chart at each of :data:`PLOT_WIDTHS`, over the range of its lines and points."""
    rows = [*data.get("lines", []), *data.get("points", [])]
    x = _extent(chart.x, [float(row[chart.x.field]) for row in rows])
    y = _extent(chart.y, [float(row[chart.y.field]) for row in rows])
    return [Plot(width, x, y) for width in PLOT_WIDTHS]


def shown_label(plot: Plot, row: dict[str, Any]) -> str:
    """The row's label as the chart writes it at the plot's width: its ``short`` one, if it
    has one, on a plot narrower than the wide chart's range (a phone's)."""
    short = row.get("short")
    return str(short if short and plot.width < PLOT_GROUPS[0].from_width else row["label"])


def label_box(plot: Plot, row: dict[str, Any], side: str, place: str) -> Box:
    """The box the row's label covers at ``side`` and ``place``, as the chart's text mark
    draws it (middle baseline, ``dx`` and ``dy`` from the point, or at the plot's edge)."""
    x, y = plot.at(row)
    width = CHARACTER_WIDTH * len(shown_label(plot, row))
    middle = y + PLACE_DY[place]
    if side == "right":
        left = x + GAP_X
    elif side == "left":
        left = x - GAP_X - width
    elif side == "centre":
        left = x - width / 2
    elif side == "edge-right":
        left = plot.width - EDGE_GAP - width
    else:
        left = EDGE_GAP
    return Box(left, middle - TEXT_HEIGHT / 2, left + width, middle + TEXT_HEIGHT / 2)


#: Each series' rows as fractions along the axes (:func:`_fraction`), by series.
Fractions = dict[str, list[tuple[float, float]]]


def line_fractions(plot: Plot, lines: list[dict[str, Any]]) -> Fractions:
    """Where each line's rows land along the plot's axes, which all widths share: worked out
    once, not once a width (a sampled line has thousands of rows)."""
    series: Fractions = {}
    x_field, y_field = plot.x[0].field, plot.y[0].field
    for row in lines:
        series.setdefault(str(row.get("series", "")), []).append(
            (_fraction(plot.x, float(row[x_field])), _fraction(plot.y, float(row[y_field])))
        )
    return series


def _series_segments(
    plot: Plot, lines: list[dict[str, Any]], fractions: Fractions | None = None
) -> list[list[tuple[float, float, float, float]]]:
    """Each line's straight pieces, in pixels, left to right (a series' rows are drawn in
    order of x)."""
    (x_start, x_span), (y_start, y_span) = _span(plot.x[0], plot.width), _span(plot.y[0], PLOT_HEIGHT)
    pieces = []
    for rows in (fractions if fractions is not None else line_fractions(plot, lines)).values():
        points = sorted((x_start + x_span * fx, PLOT_HEIGHT - y_start - y_span * fy) for fx, fy in rows)
        pieces.append([(x1, y1, x2, y2) for (x1, y1), (x2, y2) in itertools.pairwise(points)])
    return pieces


def _segments(plot: Plot, lines: list[dict[str, Any]]) -> Iterator[tuple[float, float, float, float]]:
    """Each straight piece of each line, in pixels."""
    for pieces in _series_segments(plot, lines):
        yield from pieces


class LinePieces:
    """The straight pieces of a plot's lines (:func:`_segments`), indexed by where they run
    across, so that a label's box is tested only against the pieces of each series that
    span its columns: a sampled line has hundreds of pieces, and placing the labels tests
    some thousands of boxes (every candidate place of every label, at every width modelled),
    which compared each box with every piece took seconds where a reader waits."""

    def __init__(self, plot: Plot, lines: list[dict[str, Any]], fractions: Fractions | None = None) -> None:
        self._series: list[tuple[list[float], list[float], list[tuple[float, float, float, float]]]] = []
        self._through: dict[tuple[float, float], list[bool]] = {}
        for pieces in _series_segments(plot, lines, fractions):
            # Within a series the pieces run left to right, end to end: both their left and
            # their right ends rise, so each is searched by bisection.
            self._series.append(([p[0] for p in pieces], [p[2] for p in pieces], pieces))

    def nearer_than(self, box: Box, own: tuple[float, float]) -> int:
        """How many series, none of which passes through the point ``own``, come nearer to
        ``box`` than ``own`` is (by more than NEARER px): a reader takes a label beside a line
        for that line's label ("Saturation" beside the sweet spot's line)."""
        mine = box.distance(*own)
        reach = mine - NEARER
        if reach <= 0:
            return 0
        # A line through the label's own point is read along with it.
        return sum(
            _near(*series, box, reach)
            for series, through in zip(self._series, self._lines_through(own), strict=True)
            if not through
        )

    def _lines_through(self, own: tuple[float, float]) -> list[bool]:
        """Whether each series passes through (within NEARER px of) the point ``own``."""
        if own not in self._through:
            mark = Box(own[0], own[1], own[0], own[1])
            self._through[own] = [_near(*series, mark, NEARER) for series in self._series]
        return self._through[own]

    def between(self, box: Box, own: tuple[float, float]) -> int:
        """How many series, none of which passes through the point ``own``, run between it and
        ``box`` (cross the straight way from the point to the nearest part of the box): a label
        on the far side of another line is read as that line's, however near its own point
        ("Ord: 10×" under the r = 1 line on a phone's chart, its only place clear of lines)."""
        x, y = own
        near = (min(max(x, box.left), box.right), min(max(y, box.top), box.bottom))
        way = (x, y, *near)
        lo, hi = min(x, near[0]), max(x, near[0])
        return sum(
            any(
                _segments_cross(way, piece)
                for piece in pieces[bisect.bisect_left(rights, lo) : bisect.bisect_right(lefts, hi)]
            )
            for (lefts, rights, pieces), through in zip(self._series, self._lines_through(own), strict=True)
            if not through
        )

    def crossed_by(self, box: Box) -> int:
        """How many lines (series) pass through ``box``: a line crosses a label once however
        finely it is sampled (a steep curve's many short pieces are one crossing)."""
        return sum(_near(lefts, rights, pieces, box, 0.0) for lefts, rights, pieces in self._series)


def _near(
    lefts: list[float], rights: list[float], pieces: list[tuple[float, float, float, float]], box: Box, reach: float
) -> bool:
    """Whether any of a series' ``pieces`` (left to right, so searched by bisection) passes
    through ``box`` or, with a ``reach``, comes nearer to it than that."""
    first = bisect.bisect_left(rights, box.left - reach)  # the first piece reaching the box
    last = bisect.bisect_right(lefts, box.right + reach)  # past the last one starting before its end
    grown = box.grown(reach)
    for piece in pieces[first:last]:
        # Most pieces near a label pass above or below it: those are passed over before the
        # exact test.
        if (piece[1] < grown.top and piece[3] < grown.top) or (piece[1] > grown.bottom and piece[3] > grown.bottom):
            continue
        if crosses(grown, piece) and (reach == 0 or _segment_distance(box, piece) < reach):
            return True
    return False


def _segments_cross(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two straight segments cross (touching ends count).

    >>> _segments_cross((0, 0, 10, 10), (0, 10, 10, 0)), _segments_cross((0, 0, 1, 1), (2, 0, 3, 1))
    (True, False)
    """

    def side(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> float:
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    ax1, ay1, ax2, ay2 = a
    bx1, by1, bx2, by2 = b
    d1, d2 = side(bx1, by1, bx2, by2, ax1, ay1), side(bx1, by1, bx2, by2, ax2, ay2)
    d3, d4 = side(ax1, ay1, ax2, ay2, bx1, by1), side(ax1, ay1, ax2, ay2, bx2, by2)
    return d1 * d2 <= 0 and d3 * d4 <= 0 and not (d1 == d2 == 0)


def _segment_distance(box: Box, segment: tuple[float, float, float, float]) -> float:
    """How far the straight segment comes to ``box`` (0 through it)."""
    if crosses(box, segment):
        return 0.0
    x1, y1, x2, y2 = segment
    corners = ((box.left, box.top), (box.right, box.top), (box.left, box.bottom), (box.right, box.bottom))
    return min(box.distance(x1, y1), box.distance(x2, y2), *(_point_segment(x, y, segment) for x, y in corners))


def _point_segment(x: float, y: float, segment: tuple[float, float, float, float]) -> float:
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else min(1.0, max(0.0, ((x - x1) * dx + (y - y1) * dy) / length))
    return math.hypot(x - x1 - t * dx, y - y1 - t * dy)


def crosses(box: Box, segment: tuple[float, float, float, float]) -> bool:
    """Whether the straight segment passes through ``box`` (Liang-Barsky clipping).

    >>> crosses(Box(0, 0, 10, 10), (-5, 5, 15, 5)), crosses(Box(0, 0, 10, 10), (-5, 15, 15, 15))
    (True, False)
    """
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    start, end = 0.0, 1.0
    for p, q in ((-dx, x1 - box.left), (dx, box.right - x1), (-dy, y1 - box.top), (dy, box.bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            start = max(start, t)
        else:
            end = min(end, t)
        if start > end:
            return False
    return True


def conflicts(
    plot: Plot,
    box: Box,
    segments: LinePieces,
    taken: list[Box],
    points: list[tuple[float, float]],
    own: tuple[float, float] | None = None,
    *,
    place: tuple[str, str],
) -> int:
    """What ``box`` (a label at ``place``) runs into, weighed: each line it crosses 1 and
    THROUGH more if through its letters, each other point 2, each other point or line (one
    not through its own point) the label sits nearer to than to its ``own`` point (a reader
    would take it for that point's or line's label; not given for a label at the plot's edge,
    read along its line) MISREAD, each such line running between the label and its own point
    SEPARATED more, MISREAD more for any of these two steps off its point (far-), each label
    it comes within LABEL_GAP of and leaving the plot (over the axes' labels) 1,000."""
    return fixed_conflicts(plot, box, segments, points, own, place=place) + label_conflicts(box, taken)


def fixed_conflicts(
    plot: Plot,
    box: Box,
    segments: LinePieces,
    points: list[tuple[float, float]],
    own: tuple[float, float] | None = None,
    *,
    place: tuple[str, str],
) -> int:
    """The part of :func:`conflicts` that other labels' places do not change: the lines, the
    other points and the plot's edges. Placing the labels weighs each place many times
    against others that move, so this part is worked out once a place."""
    clear = box.grown(CLEARANCE)
    count = segments.crossed_by(clear)
    if count:  # the letters lie inside the clearance: only a line through it can cross them
        count += THROUGH * segments.crossed_by(text_body(box, place[0]))
    count += 2 * sum(clear.holds(x, y) for x, y in points)
    if own is not None:
        mine, middle = box.distance(*own), _from_middle(box, *own)
        # Nearer its nearest edge, or nearer its middle: a long label over another point reads
        # as that point's, though its end is nearer its own ("20 tokens/param" far above the
        # split, its middle over N*).
        count += MISREAD * sum(
            box.distance(x, y) < mine - NEARER or _from_middle(box, x, y) < middle - NEARER for x, y in points
        )
        count += MISREAD * segments.nearer_than(box, own)
        count += SEPARATED * segments.between(box, own)
    # Two steps off its point a label is read as the point's only while nothing else is in
    # its way: not clear there, it counts MISREAD more ("Sweet spot" stood 58 px under its
    # point on a phone's live chart, past a line's corner, rather than beside the point with
    # its line through the letters; a line through them still counts more, THROUGH).
    if count and place[1].startswith("far-"):
        count += MISREAD
    # Above the plot there is room (the chart grows to hold its marks); left, right and below
    # are the axes' labels and the chart's edge.
    count += 1000 * (box.left < 0 or box.right > plot.width or box.top < -TOP_ROOM or box.bottom > PLOT_HEIGHT)
    return count


def label_conflicts(box: Box, taken: list[Box]) -> int:
    """The part of :func:`conflicts` that other labels make: text on text, or text over the
    axes' labels, is never read; a line through a label is: 1,000 each label ``box`` comes
    within LABEL_GAP of, which outweighs any number of lines."""
    apart = box.grown(LABEL_GAP)
    return 1000 * sum(apart.meets(other) for other in taken)


def _from_middle(box: Box, x: float, y: float) -> float:
    """How far the point (x, y) is from the middle of ``box``."""
    return math.hypot((box.left + box.right) / 2 - x, (box.top + box.bottom) / 2 - y)


def _anchor(place: tuple[str, str], mark: tuple[float, float]) -> tuple[float, float] | None:
    """The point a label at ``place`` is read as belonging to: its own ``mark``, or none for a
    label at the plot's edge, which is read along its line (:func:`conflicts`)."""
    return None if place[0].startswith("edge") else mark


def _flat_levels(chart: Chart, lines: list[dict[str, Any]]) -> set[float]:
    """The heights of the chart's flat lines (a series whose rows share one y value)."""
    heights: dict[str, set[float]] = {}
    for row in lines:
        heights.setdefault(str(row.get("series", "")), set()).add(float(row[chart.y.field]))
    return {next(iter(values)) for values in heights.values() if len(values) == 1}


def place_labels(chart: Chart, data: Rows) -> Rows:
    """``data`` with each labelled point's place set for each range of widths
    (:data:`PLOT_GROUPS`), where its label is clear of lines, other labels and points at the
    widths modelled (the row's own choice, or the default, when that is clear).

    Charts that do not label their points, or draw dates across, are returned as they are.
    """
    if not _labelled(chart, data):
        return data
    plots = plot_model(chart, data)
    placed = [dict(row) for row in data["points"]]
    # Where the lines' rows fall along the axes and which lines are flat: the same at every
    # width, so worked out once for all the groups.
    fractions, levels = line_fractions(plots[0], data["lines"]), _flat_levels(chart, data["lines"])
    for group in PLOT_GROUPS:
        seen = [plot for plot in plots if plot.width in group.widths]
        for row, (side, place) in zip(placed, _placement(chart, data, seen, fractions, levels), strict=True):
            row[group.prefix + "side"], row[group.prefix + "place"] = side, place
    return {**data, "points": placed}


def _labelled(chart: Chart, data: Rows) -> bool:
    """Whether ``data`` has point labels for the label model to place: the chart labels its
    points, draws numbers (not dates) across, and has points and lines."""
    return bool(chart.label_points and not chart.x.dates and data.get("points") and data.get("lines"))


def number_crowded_labels(chart: Chart, data: Rows) -> Rows:
    """``data`` (placed by :func:`place_labels`, as :func:`calculators.run` returns it) with
    the labels that have no clear place on the phone's static chart numbered
    (:func:`_key_crowded_labels`), for that picture alone (:func:`calculators._chart.phone_spec`).

    Only the build draws that picture, so ``run`` leaves this out: the reader's browser would
    otherwise place the phone's labels a second time on every change of an input, for a
    picture it never shows (about a seventh of ``run``'s time)."""
    if not _labelled(chart, data):
        return data
    plots = plot_model(chart, data)
    fractions, levels = line_fractions(plots[0], data["lines"]), _flat_levels(chart, data["lines"])
    numbered = {**data, "points": [dict(row) for row in data["points"]]}
    _key_crowded_labels(chart, numbered, plots, fractions, levels)
    return numbered


#: Where the phone's static chart puts its labels when some are written as numbers
#: (:func:`_key_crowded_labels`): ``key_side`` and ``key_place``.
KEY_PREFIX = "key_"


def _key_crowded_labels(chart: Chart, data: Rows, plots: list[Plot], fractions: Fractions, levels: set[float]) -> None:
    """On the phone's static chart, a label with no clear place (a line, a point or another
    label in its way wherever it goes, :func:`placement_conflicts`) is written as a number
    (``key``: 1, 2 … from left to right), which :func:`calculators.narrow_spec` lists with
    the label under the plot; the labels are then placed again, numbers and all
    (:data:`KEY_PREFIX`). Sets those fields in ``data``'s point rows, if any label needs it
    and the numbers leave fewer conflicts, all told, than the words.
    Only that picture shows the numbers: the live chart on the narrowest phones, which uses
    the same group's places, writes every label whole."""
    group = PLOT_GROUPS[-1]
    seen = [plot for plot in plots if plot.width in group.widths]
    points = data["points"]
    places = [(row[group.prefix + "side"], row[group.prefix + "place"]) for row in points]
    crowded = [i for i, count in enumerate(placement_conflicts(chart, data, seen, places)) if count]
    if not crowded:
        return
    keys = {
        index: str(number) for number, index in enumerate(sorted(crowded, key=lambda i: seen[0].at(points[i])[0]), 1)
    }
    # The rows as that picture writes them: a numbered label by its number alone.
    written = [{**row, "label": keys[i], "short": None} if i in keys else row for i, row in enumerate(points)]
    again = _placement(chart, {**data, "points": written}, seen, fractions, levels)
    # Numbers only where they leave the picture clearer, all told, than the words did.
    if sum(placement_conflicts(chart, {**data, "points": written}, seen, again)) >= sum(
        placement_conflicts(chart, data, seen, places)
    ):
        return
    for index, row in enumerate(points):
        if index in keys:
            row["key"] = keys[index]
        row[KEY_PREFIX + "side"], row[KEY_PREFIX + "place"] = again[index]


def own_place(plot: Plot, row: dict[str, Any]) -> tuple[str, str]:
    """Where the chart puts a label its row does not place: above right of its point, or
    above left past 65% of the plot's width (so it is not cut off at the edge)."""
    side = row.get("side") or ("left" if plot.at(row)[0] > 0.65 * plot.width else "right")
    return side, row.get("place") or "above"


def placement_conflicts(
    chart: Chart,
    data: Rows,
    plots: list[Plot],
    places: list[tuple[str, str]],
    pieces: list[LinePieces] | None = None,
) -> list[int]:
    """Each label's conflicts (:func:`conflicts`) at ``places``, summed over ``plots``, with
    every other label where ``places`` puts it (``pieces``: each plot's lines, if already
    made)."""
    points = data["points"]
    counts = [0] * len(points)
    for index, plot in enumerate(plots):
        segments = pieces[index] if pieces else LinePieces(plot, data["lines"])
        marks = [plot.at(row) for row in points]
        boxes = [label_box(plot, row, *place) for row, place in zip(points, places, strict=True)]
        for i, box in enumerate(boxes):
            others = [b for k, b in enumerate(boxes) if k != i]
            others_marks = [m for k, m in enumerate(marks) if k != i]
            counts[i] += conflicts(
                plot, box, segments, others, others_marks, _anchor(places[i], marks[i]), place=places[i]
            )
    return counts


def _placement(
    chart: Chart, data: Rows, plots: list[Plot], fractions: Fractions, levels: set[float]
) -> list[tuple[str, str]]:
    """The place of each label on ``plots`` (one group of widths): each in turn takes the
    first clear place, or the one with the fewest conflicts with the lines, the points and
    the labels placed before it; then, twice over, each label moves to a place with fewer
    conflicts with all the others, if there is one. Never worse, all told, than the rows'
    own places."""
    points = data["points"]
    segments = [LinePieces(plot, data["lines"], fractions) for plot in plots]
    marks = [[plot.at(row) for row in points] for plot in plots]
    wide = plots[0]

    def candidates(row: dict[str, Any]) -> list[tuple[str, str]]:
        own = own_place(wide, row)
        # The plot's edge only for a point on a flat line (a threshold), whose label is then
        # read along that line; any other label stays by its point.
        flat = row[chart.y.field] in levels
        return [own, *(p for p in PLACES if p != own and (flat or not p[0].startswith("edge")))]

    # What each label's place costs apart from the other labels (fixed_conflicts, summed over
    # the plots) and its box on each plot, worked out the first time that place is weighed:
    # the passes below weigh every place again as the other labels move.
    fixed: dict[tuple[int, tuple[str, str]], tuple[int, list[Box]]] = {}

    def at(index: int, place: tuple[str, str]) -> tuple[int, list[Box]]:
        if (index, place) not in fixed:
            row = points[index]
            placed = [label_box(plot, row, *place) for plot in plots]
            cost = sum(
                fixed_conflicts(
                    plot,
                    placed[i],
                    segments[i],
                    [mark for k, mark in enumerate(marks[i]) if k != index],
                    _anchor(place, marks[i][index]),
                    place=place,
                )
                for i, plot in enumerate(plots)
            )
            fixed[index, place] = cost, placed
        return fixed[index, place]

    def count(index: int, place: tuple[str, str], boxes: list[list[Box]]) -> int:
        cost, placed = at(index, place)
        return cost + sum(
            label_conflicts(placed[i], [box for k, box in enumerate(boxes[i]) if k != index]) for i in range(len(plots))
        )

    places: list[tuple[str, str]] = []
    boxes: list[list[Box]] = [[] for _ in plots]
    for index, row in enumerate(points):
        best, best_count = candidates(row)[0], math.inf
        for place in candidates(row):
            found = count(index, place, boxes)
            if found < best_count:
                best, best_count = place, found
            if found == 0:
                break
        places.append(best)
        for i, box in enumerate(at(index, best)[1]):
            boxes[i].append(box)
    for _ in range(2):
        for index, row in enumerate(points):
            now = count(index, places[index], boxes)
            if now == 0:
                continue
            for place in candidates(row):
                if (found := count(index, place, boxes)) < now:
                    places[index], now = place, found
                    for i, box in enumerate(at(index, place)[1]):
                        boxes[i][index] = box
                    if now == 0:
                        break
    # Never worse, all told, than where the rows themselves would put the labels.
    own = [candidates(row)[0] for row in points]

    def total(chosen: list[tuple[str, str]]) -> int:
        placed = [[at(index, place)[1][i] for index, place in enumerate(chosen)] for i in range(len(plots))]
        return sum(count(index, place, placed) for index, place in enumerate(chosen))

    if total(own) < total(places):
        return own
    return places
