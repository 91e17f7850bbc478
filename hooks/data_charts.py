"""MkDocs hook: ``<!-- md:data-chart NAME -->`` becomes a static chart of a shipped data set,
and ``<!-- md:metr-labels -->`` the table of the names the site gives METR's models.

The data pages (``docs/data/*.md``) each show a small chart of their CSV. The chart is drawn
at build time from the CSV itself, with the same machinery as the calculators' static charts
(a Vega-Lite spec rendered to SVG by ``vl_convert``, the same palette and fonts), so the page
needs no JavaScript and makes no request to another origin.

Each chart is rendered twice, for a wide and a narrow screen: an SVG scales like a picture,
and a chart drawn for 640 pixels would have unreadably small text on a phone. A stylesheet
this hook adds to the site shows one of the two. The figure has a title (its caption) and a
description computed from the data (the accessible name of the picture), so a reader who
cannot see it learns what it shows. An unknown chart name, or a CSV whose columns are not
the ones described on its page, fails the build.

The labels table is written from the core's label file (``calculators/data/
metr_model_labels.csv``, which the calculators name models by), so page and charts cannot
disagree.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

import vega_renders
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import calculators
from calculators._chart import _PALETTE, axis_params, chart_config, position_encoding
from calculators._declare import Axis
from calculators._format import format_value, short_number
from calculators.models.metr_horizons import model_labels

SHORTCODE = re.compile(r"<!--\s*md:data-chart\s+(?P<name>[^\s>]*)\s*-->")
LABELS_SHORTCODE = re.compile(r"<!--\s*md:metr-labels\s*-->")
# METR's releases, as the data's ``report`` column names them, and as the table heads them.
RELEASES = {"time-horizon-1.0": "1.0", "time-horizon-1.1": "1.1"}
STYLESHEET = "stylesheets/data-charts.css"
# Below this width (Material's own breakpoint for phones) the narrow picture is shown.
CSS = """\
/* Written by hooks/data_charts.py: each data chart comes in a wide and a narrow drawing. */
.data-chart { margin: 1em 0; }
.data-chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
.data-chart svg text { fill: var(--md-default-fg-color, currentColor); }
.data-chart svg .role-axis-grid line { stroke: var(--md-default-fg-color--lightest, #ddd); }
.data-chart svg .role-axis-domain line,
.data-chart svg .role-axis-tick line { stroke: var(--md-default-fg-color--lighter, #999); }
.data-chart figcaption { font-size: 0.7rem; }
.data-chart__narrow { display: none; }
@media screen and (max-width: 37.5em) {
  .data-chart__wide { display: none; }
  .data-chart__narrow { display: block; }
}
"""
WIDE, NARROW = 640, 320

#: The METR chart's vertical axis: hours of human time, as the time-horizon explorer's.
HORIZON_AXIS = Axis(field="hours", title="50% time horizon (hours of human time)", scale="log")
#: The Hamilton chart's horizontal axis: the Weibull shape.
SHAPE_AXIS = Axis(field="k", title="Weibull shape k (1 = constant hazard)")
REPORTS = {"time-horizon-1.0": "Time Horizon 1.0", "time-horizon-1.1": "Time Horizon 1.1"}
METR_COLUMNS = [
    "model",
    "release_date",
    "horizon50_min",
    "horizon50_ci_low_min",
    "horizon50_ci_high_min",
    "horizon80_min",
    "is_sota",
    "report",
    "source_path",
]
HAMILTON_COLUMNS = ["model", "lambda_per_min", "k", "k_ci_low", "k_ci_high", "n_runs", "source_path"]
HAMILTON_FEBRUARY = "results_mle/feb26/"
#: The Hamilton rows' numbers a tooltip shows: (name, CSV column).
_K_COLUMNS = (("k", "k"), ("low", "k_ci_low"), ("high", "k_ci_high"))


class DataChart(NamedTuple):
    """One data chart: its CSV (under ``docs/``), title, and how to build spec and description."""

    csv: str
    title: str
    columns: list[str]
    spec: Callable[[list[dict[str, str]], int], dict[str, Any]]
    describe: Callable[[list[dict[str, str]]], str]


# ---- Reading ---------------------------------------------------------------------------


def read_rows(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """The rows of the CSV at ``path``; a ``ValueError`` if its header is not ``columns``."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != columns:
            raise ValueError(f"{path.name}: expected the columns {columns}, found {reader.fieldnames}")
        rows = list(reader)
    if not rows:
        raise ValueError(f"{path.name} has no rows")
    return rows


def duration(minutes: float) -> str:
    """A task length for a reader: ``2.4 s``, ``45 min``, ``12 h`` (two significant digits)."""
    if not (math.isfinite(minutes) and minutes > 0):
        raise ValueError(f"a duration must be a positive number of minutes, not {minutes!r}")
    for unit, size in (("h", 60.0), ("min", 1.0), ("s", 1 / 60)):
        if minutes >= size or unit == "s":
            value = minutes / size
            text = f"{value:.2g}" if value < 100 else f"{round(value):,}"
            return f"{text} {unit}"
    raise AssertionError("unreachable")


def _after(date: str) -> str:
    """The first 1 July or 1 January at least two months after ``date``: where a time axis ends."""
    day = dt.date.fromisoformat(date)
    return f"{day.year}-07-01" if day.month <= 4 else f"{day.year + 1}-01-01"


def _month(date: str) -> str:
    return dt.date.fromisoformat(date).strftime("%B %Y")


# ---- METR's time horizons --------------------------------------------------------------


def metr_spec(rows: list[dict[str, str]], width: int) -> dict[str, Any]:
    """Vega-Lite: 50% horizon (log scale) against release date, one colour and shape per report."""
    narrow = width < WIDE
    labels = model_labels()
    values = [
        {
            "model": labels.get(row["model"], row["model"]),
            "date": row["release_date"],
            "report": REPORTS.get(row["report"], row["report"]),
            "hours": float(row["horizon50_min"]) / 60,
            "low": float(row["horizon50_ci_low_min"]) / 60,
            "high": float(row["horizon50_ci_high_min"]) / 60,
            "hours_text": f"{short_number(float(row['horizon50_min']) / 60)} hours ({duration(float(row['horizon50_min']))})",
        }
        for row in rows
    ]
    dates = sorted(v["date"] for v in values)
    domain = (min(v["low"] for v in values) * 0.8, max(v["high"] for v in values) * 1.25)
    x = {
        "field": "date",
        "type": "temporal",
        "title": "Model release date",
        "scale": {"domain": [f"{dates[0][:4]}-01-01", _after(dates[-1])]},
        "axis": {"format": "%Y", "tickCount": {"interval": "year", "step": 2 if narrow else 1}, "grid": False},
    }
    # The calculators' own axis: tick labels in the site's number format (0.01, 1, 100).
    y = position_encoding(HORIZON_AXIS, "y", domain)
    y["scale"] |= {"clamp": True}
    y["axis"] |= {"titlePadding": 12}
    colour = {
        "field": "report",
        "type": "nominal",
        "title": None,
        "scale": {"domain": list(REPORTS.values()), "range": _PALETTE[:2]},
        "legend": {
            "orient": "bottom",
            "direction": "vertical" if narrow else "horizontal",
            "columnPadding": 24,
            "symbolOpacity": 1,
        },
    }
    shape = {**colour, "scale": {"domain": list(REPORTS.values()), "range": ["circle", "triangle-up"]}}
    return _spec(
        width,
        300 if narrow else 320,
        values,
        [
            {
                "mark": {"type": "rule", "strokeWidth": 1, "opacity": 0.35},
                "encoding": {"x": x, "y": {**y, "field": "low"}, "y2": {"field": "high"}, "color": colour},
            },
            {
                "mark": {"type": "point", "filled": True, "size": 45 if narrow else 60, "opacity": 0.9},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "shape": shape,
                    "tooltip": [
                        {"field": "model", "title": "Model"},
                        {"field": "date", "type": "temporal", "title": "Released", "format": "%d %b %Y"},
                        {"field": "hours_text", "title": "50% horizon"},
                        {"field": "report", "title": "Report"},
                    ],
                },
            },
        ],
        metr_description(rows),
        axis_params(HORIZON_AXIS, "y"),
    )


def metr_description(rows: list[dict[str, str]]) -> str:
    """What the METR chart shows, in words, from the data."""
    dates = sorted(row["release_date"] for row in rows)
    horizons = [float(row["horizon50_min"]) for row in rows]
    counts = {name: sum(row["report"] == key for row in rows) for key, name in REPORTS.items()}
    reports = " and ".join(f"{count} from {name}" for name, count in counts.items())
    top = max(rows, key=lambda row: float(row["horizon50_min"]))
    return (
        f"Scatter chart of METR's 50% time horizons against model release date, {len(rows)} points ({reports}), "
        f"from {_month(dates[0])} to {_month(dates[-1])}. "
        f"The vertical axis is logarithmic and runs in human task time; the horizons rise from "
        f"{duration(min(horizons))} to {duration(max(horizons))} "
        f"({model_labels().get(top['model'], top['model'])}, {REPORTS.get(top['report'], top['report'])}). "
        "Thin vertical lines are METR's 95% confidence intervals. "
        "Time Horizon 1.0 is drawn with blue circles, Time Horizon 1.1 with orange triangles."
    )


# ---- Hamilton's Weibull fits -----------------------------------------------------------


def hamilton_block(source_path: str) -> str:
    """``February 2026`` or ``January 2026``: which of Hamilton's two result files a row is from."""
    return (
        "February 2026 fits (Time Horizon 1.1 runs)"
        if HAMILTON_FEBRUARY in source_path
        else ("January 2026 fits (March 2025 runs)")
    )


def hamilton_spec(rows: list[dict[str, str]], width: int) -> dict[str, Any]:
    """Vega-Lite: the shape k with its 95% interval for each model, one panel per block."""
    narrow = width < WIDE
    values = [
        {
            "model": row["model"],
            "block": hamilton_block(row["source_path"]),
            "k": float(row["k"]),
            "low": float(row["k_ci_low"]),
            "high": float(row["k_ci_high"]),
            # The tooltip's numbers, written as the calculators write them.
            **{f"{name}_text": format_value(float(row[column]), "number", 2) for name, column in _K_COLUMNS},
        }
        for row in rows
    ]
    blocks = list(dict.fromkeys(v["block"] for v in values))
    x = position_encoding(SHAPE_AXIS, "x", (0, 1.2))
    x["title"] = "Weibull shape k" if narrow else SHAPE_AXIS.title
    x["axis"] |= {"values": [0, 0.5, 1] if narrow else [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]}
    y = {
        "field": "model",
        "type": "nominal",
        "title": None,
        "sort": {"field": "k", "order": "ascending"},
        # One row a model, 16 px apart: every name is shown (the shared config would drop
        # every other one as crowded).
        "axis": {"labelLimit": 170 if narrow else 260, "labelFontSize": 11 if narrow else 12, "labelOverlap": False},
    }
    colour = {
        "field": "block",
        "type": "nominal",
        "title": None,
        "scale": {"domain": blocks, "range": _PALETTE[: len(blocks)]},
        "legend": None,
    }
    layer = [
        {
            "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#888"},
            "encoding": {"x": {"datum": 1, "type": "quantitative"}},
        },
        {
            "mark": {"type": "rule", "strokeWidth": 1.5},
            "encoding": {"x": {**x, "field": "low"}, "x2": {"field": "high"}, "y": y, "color": colour},
        },
        {
            "mark": {"type": "point", "filled": True, "size": 40},
            "encoding": {
                "x": x,
                "y": y,
                "color": colour,
                "tooltip": [
                    {"field": "model", "title": "Model"},
                    {"field": "k_text", "title": "Shape k"},
                    {"field": "low_text", "title": "95% interval from"},
                    {"field": "high_text", "title": "to"},
                ],
            },
        },
    ]
    plot_width = width - (190 if narrow else 300)

    def panel(block: str) -> dict[str, Any]:
        return {
            "title": {"text": block, "anchor": "start", "fontSize": 13, "fontWeight": "bold", "limit": width},
            "transform": [{"filter": {"field": "block", "equal": block}}],
            "width": plot_width,
            "height": {"step": 16},
            "layer": layer,
        }

    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": hamilton_description(rows),
        "background": None,
        "data": {"values": values},
        "vconcat": [panel(block) for block in blocks],
        # The browser's system font runs wider than the one the labels are measured with.
        "padding": {"left": 40, "right": 10, "top": 5, "bottom": 5},
        "spacing": 24,
        "config": _config(),
    }


def hamilton_description(rows: list[dict[str, str]]) -> str:
    """What the Hamilton chart shows, in words, from the data."""
    parts = []
    for block in dict.fromkeys(hamilton_block(row["source_path"]) for row in rows):
        chosen = [row for row in rows if hamilton_block(row["source_path"]) == block]
        ks = sorted(chosen, key=lambda row: float(row["k"]))
        parts.append(
            f"{block}: {len(chosen)} fits, k from {float(ks[0]['k']):.2f} ({ks[0]['model']}) "
            f"to {float(ks[-1]['k']):.2f} ({ks[-1]['model']})"
        )
    below = sum(float(row["k_ci_high"]) < 1 for row in rows)
    return (
        "Dot chart of the Weibull shape k that Gus Hamilton fitted for each model and for METR's human baseliners, "
        "with 95% bootstrap intervals, in two panels, each sorted by k. "
        + "; ".join(parts)
        + f". A dashed line marks k = 1, a constant hazard; the whole interval lies below it in {below} of {len(rows)} fits."
    )


# ---- Shared ----------------------------------------------------------------------------


def _config() -> dict[str, Any]:
    # The calculators' chart settings (calculators/_chart.py), so all charts look alike.
    return chart_config()


def _spec(
    width: int,
    height: int,
    values: list[dict[str, Any]],
    layer: list[dict[str, Any]],
    description: str,
    params: list[dict[str, str]],
) -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": description,
        "width": width,
        "height": height,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "background": None,
        "data": {"values": values},
        # What the calculators' axes (position_encoding) read: the axis's style and labels.
        "params": params,
        "layer": layer,
        "config": _config(),
    }


CHARTS: dict[str, DataChart] = {
    "metr_horizons": DataChart(
        csv="data/metr_horizons.csv",
        title="METR's 50% time horizons by model release date",
        columns=METR_COLUMNS,
        spec=metr_spec,
        describe=metr_description,
    ),
    "hamilton_weibull": DataChart(
        csv="data/hamilton_weibull.csv",
        title="Hamilton's Weibull shape k by model, with 95% intervals",
        columns=HAMILTON_COLUMNS,
        spec=hamilton_spec,
        describe=hamilton_description,
    ),
}


def render(name: str, docs_dir: Path) -> str:
    """The ``<figure>`` for chart ``name``: wide and narrow SVG, accessible name, caption."""
    chart = CHARTS.get(name)
    if chart is None:
        raise ValueError(f"unknown data chart {name!r} (known: {', '.join(sorted(CHARTS))})")
    rows = read_rows(docs_dir / chart.csv, chart.columns)
    description = chart.describe(rows)
    drawings = []
    for kind, width in (("wide", WIDE), ("narrow", NARROW)):
        spec = chart.spec(rows, width)
        # The figure is one image with a name and a description; Vega's per-mark ARIA roles
        # inside it would be unnamed images to a screen reader (axe: svg-img-alt), so they go.
        svg = re.sub(r'\s(?:role|aria-roledescription|aria-label)="[^"]*"', "", vega_renders.svg(spec))
        drawings.append(f'<div class="data-chart__{kind}">{svg}</div>')
    return (
        f'<figure class="data-chart" id="chart-{escape(name)}" data-search-exclude>'
        f'<div role="img" aria-labelledby="chart-{escape(name)}-title" aria-describedby="chart-{escape(name)}-description">'
        f"{''.join(drawings)}</div>"
        f'<figcaption><strong id="chart-{escape(name)}-title">{escape(chart.title)}.</strong> '
        f'<span id="chart-{escape(name)}-description">{escape(description)}</span></figcaption>'
        "</figure>"
    )


def metr_labels_table(data_dir: Path) -> str:
    """The suggested display labels as Markdown: a two-column table per release, under its
    name, of its models in the data's order (by release date) beside their names (``*`` where
    the name is ours, not METR's). Two narrow tables, not one of four columns, so a phone
    shows each whole; a key may break after an underscore (``<wbr>``), never mid-word."""
    labels = {row["model"]: row for row in read_rows(data_dir / "metr_model_labels.csv", ["model", "label", "ours"])}
    horizons = read_rows(data_dir / "metr_horizons.csv", METR_COLUMNS)
    unknown = sorted({row["model"] for row in horizons} - set(labels))
    if unknown:
        raise ValueError(f"metr_model_labels.csv has no label for {unknown}")
    stale = sorted(set(labels) - {row["model"] for row in horizons})
    if stale:
        raise ValueError(f"metr_model_labels.csv labels models the data does not have: {stale}")
    tables = []
    for release, name in RELEASES.items():
        lines = [f"**Time Horizon {name}**", "", "| key | label |", "| --- | --- |"]
        for row in (labels[row["model"]] for row in horizons if row["report"] == release):
            key = row["model"].replace("_", "_<wbr>")
            lines.append(f"| {key} | {row['label']}{'*' if row['ours'] == 'true' else ''} |")
        tables.append("\n".join(lines) + "\n")
    return "\n".join(tables)


# ---- MkDocs events ---------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, STYLESHEET, content=CSS))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not LABELS_SHORTCODE.search(markdown):
        return markdown
    try:
        table = metr_labels_table(Path(calculators.__file__).parent / "data")
    except (ValueError, OSError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    return LABELS_SHORTCODE.sub(lambda _: table, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        try:
            return render(match["name"], Path(config.docs_dir))
        except (ValueError, OSError) as error:
            raise PluginError(f"{page.file.src_uri}: {match[0]!r}: {error}") from None

    return SHORTCODE.sub(replace, html)
