"""What a reader can take away from a calculator: Python, CSV and JSON of the current result.

Built from :func:`calculators.run`, so a download holds exactly what the page shows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from ._chart import X_TEXT, Y_TEXT
from ._declare import Calculator, Input
from ._format import short_number
from ._runtime import run
from .declarations import get_calculator

__all__ = ["export", "export_json"]


def export(calculator_id: str, raw_inputs: Mapping[str, object], version: str = "") -> dict[str, Any]:
    """The current result as a Python snippet, a CSV and a JSON document.

    Returns ``{"ok": True, "filename": ..., "inputs": ..., "python": ..., "csv": ..., "json": ...}``
    (``inputs``: the floats read, which name the download), or
    :func:`run`'s ``{"ok": False, "errors": ...}`` when the inputs are invalid.
    """
    calculator = get_calculator(calculator_id)
    result = run(calculator_id, raw_inputs)
    if not result["ok"]:
        return result
    document = {
        "calculator": calculator.id,
        "title": calculator.title,
        "package_version": version,
        "inputs": {
            spec.name: {"value": result["inputs"][spec.name], "unit": spec.unit, "label": spec.label}
            for spec in calculator.inputs
        },
        "outputs": {
            spec.name: {**result["outputs"][spec.name], "unit": spec.unit, "label": spec.label}
            for spec in calculator.outputs
        },
        "chart": {"x": calculator.chart.x.field, "y": calculator.chart.y.field, **result["chart"]},
    }
    return {
        "ok": True,
        "filename": calculator.id,
        "inputs": result["inputs"],
        "python": result["python"],
        "csv": _csv(calculator, result),
        "json": json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False),
    }


def export_json(calculator_id: str, inputs_json: str, version: str = "") -> str:
    """:func:`export` with JSON in and out, for the Web Worker."""
    raw = json.loads(inputs_json)
    return json.dumps(export(calculator_id, raw if isinstance(raw, dict) else {}, version), ensure_ascii=False)


def _csv(calculator: Calculator, result: dict[str, Any]) -> str:
    """One tidy table: inputs and outputs (name, value, unit), then every chart row (x, y).

    Each number comes twice: in full (``repr``, for a program to read back exactly) and as
    the page shows it (the "shown" columns, the chart's headed by its axes' titles:
    ``1.00 × 10²⁴``, ``35.0%``; inputs to the digits typed).
    """
    x, y = calculator.chart.x, calculator.chart.y
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "section",
            "name",
            "label",
            "value",
            "value shown",
            "unit",
            x.field,
            y.field,
            f"{x.title} (as shown)",
            f"{y.title} (as shown)",
        ]
    )
    for spec in calculator.inputs:
        value = result["inputs"][spec.name]
        writer.writerow(
            ["input", spec.name, spec.label, repr(value), _input_shown(spec, value), spec.unit, "", "", "", ""]
        )
    for output in calculator.outputs:
        shown = result["outputs"][output.name]
        writer.writerow(
            ["output", output.name, output.label, repr(shown["value"]), shown["text"], output.unit, "", "", "", ""]
        )
    for section, key, rows in (("chart line", "series", "lines"), ("chart point", "label", "points")):
        for row in result["chart"][rows]:
            writer.writerow(
                [section, row[key], "", "", "", "", repr(row[x.field]), repr(row[y.field]), row[X_TEXT], row[Y_TEXT]]
            )
    return out.getvalue()


def _input_shown(spec: Input, value: float) -> str:
    """An input as the form shows it: a choice by its name, a number to the digits typed."""
    return spec.shown(value) if spec.choices else short_number(value, 9)
