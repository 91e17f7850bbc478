"""The records a calculator is declared with.

A calculator is declared once, in Python, as a :class:`Calculator`. Everything a reader
meets comes from that one declaration: the HTML form and its pre-rendered result (built by
the MkDocs hook), the computation in the browser (Pyodide runs :func:`calculators.run`), and
the chart (:mod:`calculators._chart` turns :class:`Chart` into a Vega-Lite spec).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

__all__ = ["Axis", "Calculator", "Chart", "ChartData", "Input", "Output", "Preset", "Row", "form_value"]

#: One row of a chart's data set: the axis fields, plus ``series`` (lines) or ``label`` (points).
Row = dict[str, float | str]
#: What a chart's ``data`` function returns: ``{"lines": [...], "points": [...]}``.
ChartData = dict[str, list[Row]]


def form_value(value: float, digits: int = 4) -> float:
    """A derived default or preset value as a form shows it: ``digits`` significant digits.

    The core computes the value; the declaration keeps it to the precision a reader can see
    and type, so the number in the field is exactly the number the result was computed from.

    >>> form_value(5.278394026398176)
    5.278
    """
    return float(f"{value:.{digits}g}")


@dataclass(frozen=True)
class Input:
    """One number the reader sets.

    ``name`` is the keyword argument of the calculator's function and its URL key, so it is
    ASCII and matches the core's parameter name (the core's error messages name it).
    """

    name: str
    label: str
    unit: str
    default: float
    why: str
    minimum: float | None = None
    maximum: float | None = None
    step: float | str = "any"
    scale: Literal["linear", "log"] = "linear"


@dataclass(frozen=True)
class Preset:
    """A named set of input values, with the reason and source for each.

    ``source`` says in words where the values come from; ``cites`` gives the keys of those
    sources in the site's bibliography (``docs/references.bib``), so the page lists them
    among its sources and links to them. A derived value is computed by calling the core,
    never typed.
    """

    id: str
    label: str
    values: Mapping[str, float]
    source: str
    cites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Output:
    """One number the calculator reports; ``kind`` is a :func:`format_value` kind."""

    name: str
    label: str
    unit: str = ""
    kind: str = "number"
    digits: int = 3


@dataclass(frozen=True)
class Axis:
    """An axis of a chart: the data field it shows, its title and scale."""

    field: str
    title: str
    scale: Literal["linear", "log"] = "linear"
    #: d3-format string for the chart's tick labels ("" picks a plain number format).
    format: str = ""
    #: :func:`~calculators.format_value` kind for the same values in tables and downloads.
    kind: str = "number"
    #: Whether a linear axis must include 0 (set False to zoom in on the data's range).
    zero: bool = True
    #: The field holds decimal years (kind "year"): drawn as a calendar axis of dates.
    dates: bool = False


@dataclass(frozen=True)
class Chart:
    """Lines (one per series) plus labelled points, drawn from ``data(**inputs)``.

    ``data`` returns ``{"lines": [...], "points": [...]}``: rows with the axis fields plus
    ``series`` (lines) or ``label`` (points). With ``uses_outputs``, ``data`` is also given
    the calculator's computed outputs (``outputs=``, by name), so a chart that marks them
    draws them without computing them again.

    ``interval`` names two row fields, the low and high ends of an interval of the y value:
    lines with them get a shaded band, points an error bar. ``point_group`` names a field of
    the points that sets their shape (with a legend), and ``label_points=False`` leaves the
    points unlabelled on the chart (for many points; their labels stay in the tooltip and
    the table).
    """

    title: str
    x: Axis
    y: Axis
    data: Callable[..., ChartData]
    description: str = ""
    uses_outputs: bool = False
    interval: tuple[str, str] | None = None
    point_group: str = ""
    label_points: bool = True


@dataclass(frozen=True)
class Calculator:
    """A calculator: inputs, presets, outputs, the function that links them, and a chart."""

    id: str
    title: str
    summary: str
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    compute: Callable[..., Mapping[str, float]]
    chart: Chart
    #: A second valid setting of every input, different from the defaults: what the browser
    #: tests type in to check that Pyodide computes what CPython does.
    example: Mapping[str, float]
    presets: tuple[Preset, ...] = ()

    def defaults(self) -> dict[str, float]:
        """The default value of every input, by name."""
        return {spec.name: spec.default for spec in self.inputs}
