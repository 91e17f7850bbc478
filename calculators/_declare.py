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

from ._typed import form_text

__all__ = ["Axis", "Calculator", "Chart", "ChartData", "Input", "Output", "Preset", "Row", "form_text", "form_value"]

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
    """One number the reader sets, or, with ``choices``, one of a few options they pick.

    ``name`` is the keyword argument of the calculator's function and its URL key, so it is
    ASCII and matches the core's parameter name (the core's error messages name it).

    A choice is still a number to the function, the permalink, the presets and the Python
    API (``run("time-horizons", {"report": 1.1})``); the form offers its options by their
    names (a list to pick from), and :func:`calculators.run` refuses any other value,
    naming the options.
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
    #: The values a choice allows, each with its name in words, in the order the form lists
    #: them; empty for an input that takes any number.
    choices: tuple[tuple[float, str], ...] = ()

    def __post_init__(self) -> None:
        if self.choices and self.default not in dict(self.choices):
            raise ValueError(f"{self.name}: the default {self.default} is not one of its choices")

    def shown(self, value: float) -> str:
        """``value`` as the form shows it: a choice's name, or the number as typed.

        >>> Input("report", "METR release", "", 1.1, "", choices=((1.0, "1.0"), (1.1, "1.1 (2026)"))).shown(1.1)
        '1.1 (2026)'
        >>> Input("t50", "T", "minutes", 59.0, "").shown(59.0)
        '59'
        """
        return dict(self.choices).get(value, form_text(value))


@dataclass(frozen=True)
class Preset:
    """A named set of input values, with the reason and source for each.

    ``source`` says in words where the values come from; ``cites`` gives the keys of those
    sources in the site's bibliography (``references.bib``, published with the site), so the
    page lists them among its sources and links to them. A derived value is computed by
    calling the core, never typed.
    """

    id: str
    label: str
    values: Mapping[str, float]
    source: str
    cites: tuple[str, ...] = ()
    #: Inputs the preset leaves as the reader has them (the page says which); every other
    #: input it does not name is set to its default, so the result never depends on what
    #: was clicked before.
    keeps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Output:
    """One number the calculator reports; ``kind`` is a :func:`format_value` kind.

    Written to ``digits`` significant figures, the one rule for derived results; with
    ``exact``, the output is exact by what it is (a count the reader typed, a whole power of
    a whole number such as 2¹³), and a whole-number value is written in full.
    """

    name: str
    label: str
    unit: str = ""
    kind: str = "number"
    digits: int = 3
    exact: bool = False


@dataclass(frozen=True)
class Axis:
    """An axis of a chart: the data field it shows, its title and scale.

    The title names the quantity and its unit only: the chart adds "log scale" to a log
    axis's title (:func:`~calculators._format.axis_title`), while tooltips and the table,
    which show plain values, use the title as it is.
    """

    field: str
    title: str
    scale: Literal["linear", "log"] = "linear"
    #: :func:`~calculators.format_value` kind of the values: how the tick labels, tooltips,
    #: table and downloads write them ("number", "percent" or "multiplier").
    kind: str = "number"
    #: Whether a linear axis must include 0 (set False to zoom in on the data's range).
    zero: bool = True
    #: The field holds decimal years (kind "year"): drawn as a calendar axis of dates.
    dates: bool = False
    #: The values are exact by what they are (counts such as tokens, whole powers such as
    #: 2¹³): a whole one is written in full (the reader's 12,345 tokens), any other as a
    #: derived number (:func:`~calculators._format.format_value`'s ``exact``).
    exact: bool = False


@dataclass(frozen=True)
class Chart:
    """Lines (one per series) plus labelled points, drawn from ``data(**inputs)``.

    ``data`` returns ``{"lines": [...], "points": [...]}``: rows with the axis fields plus
    ``series`` (lines) or ``label`` (points). A point's label sits above right of it (left
    of it in the plot's right part); a point row may say ``"side": "left"`` or ``"right"``
    and ``"place": "below"`` where points sit close together, and give a ``"short"`` label
    that a phone's narrow plot writes instead (the core places both, clear of the lines,
    points and other labels; where none is clear on the phone's static chart, that picture
    writes the label as a number and lists it under the chart). With ``uses_outputs``,
    ``data`` is also given the calculator's computed outputs (``outputs=``, by name), so a
    chart that marks them draws them without computing them again.

    ``interval`` names two row fields, the low and high ends of an interval of the y value:
    lines with them get a shaded band, points an error bar. ``point_group`` names a field of
    the points that sets their shape (with a legend; ``point_group_title`` heads that field
    in the tooltip), and ``label_points=False`` leaves the
    points unlabelled on the chart (for many points; their labels stay in the tooltip and
    the table). ``dot_series`` names series of the lines drawn as dots in their colour, not
    joined (observations sampled from a curve), and shown as dots in the legend.
    """

    title: str
    x: Axis
    y: Axis
    data: Callable[..., ChartData]
    description: str = ""
    uses_outputs: bool = False
    interval: tuple[str, str] | None = None
    point_group: str = ""
    point_group_title: str = "Point"
    label_points: bool = True
    dot_series: tuple[str, ...] = ()


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
    #: The scenario the defaults are, named and sourced like a preset (its values are the
    #: defaults): the "Reset" button says it returns there, and its source is listed with
    #: the presets'. A preset that only repeated the defaults would do nothing from them.
    default_preset: Preset | None = None

    def __post_init__(self) -> None:
        names = {spec.name for spec in self.inputs}
        for preset in (*self.presets, *([self.default_preset] if self.default_preset else [])):
            unknown = (set(preset.values) | set(preset.keeps)) - names
            both = set(preset.values) & set(preset.keeps)
            if unknown or both:
                raise ValueError(f"{self.id}/{preset.id}: unknown inputs {unknown or ''} or set and kept {both or ''}")

    def defaults(self) -> dict[str, float]:
        """The default value of every input, by name."""
        return {spec.name: spec.default for spec in self.inputs}

    def preset_values(self, preset: Preset) -> dict[str, float]:
        """What ``preset`` puts in the form: its own values, and the default of every other
        input it does not keep (``preset.keeps`` are left out: the form keeps them)."""
        return {
            spec.name: preset.values.get(spec.name, spec.default)
            for spec in self.inputs
            if spec.name not in preset.keeps
        }
