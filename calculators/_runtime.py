"""The one entry point the page uses: run a declared calculator on raw form values.

The MkDocs hook calls :func:`run` at build time for each calculator's defaults, and the
browser's Web Worker calls :func:`run_json` in Pyodide each time a reader changes an input.
Both get the same structure back, so the pre-rendered page and the live page show the same
numbers written the same way.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from ._chart import DATASETS, NOTHING_TO_DRAW, chart_table, drawable_rows, with_text
from ._checks import InputError, OutOfRangeError, finite, numbers_as_fields, one_of
from ._declare import Calculator, Output
from ._format import format_value, unit_after
from ._labels import place_labels
from ._snippet import python_snippet
from ._typed import read_number
from .declarations import get_calculator

__all__ = ["parse_number", "reader_message", "run", "run_json"]


def parse_number(name: str, raw: object) -> float:
    """Read one input as a float: a number, or text in any form a field shows or a reader
    types (``"59"``, ``"1e-3"``, ``"10^24"``, ``"5.88 × 10²³"``, ``"1,000,000"``; see
    :func:`calculators._typed.read_number`).

    Raises :class:`InputError` naming ``name`` for empty, non-numeric or non-finite input.
    Range checks are left to the formulas, which know the allowed range.
    """
    if isinstance(raw, (int, float)):  # bool included: finite() rejects it by name
        return finite(name, raw)
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise InputError(name, f"{name} is empty: enter a number")
    number = read_number(text)
    if number is None:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise InputError(name, f"{name} must be a number, got {shown!r}")
    return finite(name, number)


def run(calculator_id: str, raw_inputs: Mapping[str, object]) -> dict[str, Any]:
    """Compute calculator ``calculator_id`` from raw input values.

    Args:
        calculator_id: A declared calculator's id, such as ``"half-life"``.
        raw_inputs: Input values by name, as numbers or as the text of a form field.
            Missing inputs take their defaults; names the calculator does not declare are
            ignored.

    Returns:
        ``{"ok": True, "inputs": ..., "shown": ..., "outputs": ..., "chart": ..., "table": ...}``
        where ``inputs`` maps each input name to the float read, ``shown`` to that float as
        the form writes it (``10^24``; a choice by its name), ``outputs`` maps each output
        name to ``{"value": float, "text": str, "unit": str}`` (the unit as it reads after
        that text: "1 hour", "2 hours"), ``chart`` holds the chart's data sets, ``table``
        the same numbers as formatted text and ``python`` the code that reproduces the
        result; or
        ``{"ok": False, "errors": {name: message}}`` when the inputs are invalid, with
        ``name`` the offending input ("" when the result is out of range rather than one
        input wrong). Messages name inputs by their labels and write numbers as the
        form's fields do (``got -10^24``, not Python's exponent notation): the reader's words for
        what the reader sees (:func:`calculators._checks.numbers_as_fields`).

    Raises:
        KeyError: if no calculator has that id.
        Exception: anything but an :class:`InputError` about a declared input or an
            :class:`OutOfRangeError` is a bug and propagates.
    """
    calculator = get_calculator(calculator_id)
    try:
        with numbers_as_fields():  # a message's numbers as the reader sees them in the form
            values = _read_inputs(calculator, raw_inputs)
            outputs = calculator.compute(**values)
            given = {"outputs": outputs} if calculator.chart.uses_outputs else {}
            chart = place_labels(
                calculator.chart, drawable_rows(calculator.chart, calculator.chart.data(**values, **given))
            )
            _check_finite(outputs, chart)
    except InputError as error:
        if error.parameter not in {spec.name for spec in calculator.inputs}:
            raise  # a computed value the declaration passed on: its bug, not the reader's
        return {"ok": False, "errors": {error.parameter: reader_message(calculator, error)}}
    except OutOfRangeError as error:
        return {"ok": False, "errors": {"": reader_message(calculator, error)}}
    return {
        "ok": True,
        "inputs": values,
        "shown": {spec.name: spec.shown(values[spec.name]) for spec in calculator.inputs},
        "outputs": {spec.name: _shown_output(spec, outputs[spec.name]) for spec in calculator.outputs},
        "chart": with_text(calculator.chart, {name: chart[name] for name in DATASETS}),
        "table": chart_table(calculator.chart, chart),
        "python": python_snippet(calculator.id, values),
    }


def _shown_output(spec: Output, value: float) -> dict[str, float | str]:
    """An output's value, its text, and its unit as it reads after that text ("1 hour")."""
    text = format_value(value, spec.kind, spec.digits, spec.exact)
    return {"value": value, "text": text, "unit": unit_after(spec.unit, text)}


def reader_message(calculator: Calculator, error: ValueError) -> str:
    """The error's message in the words of the calculator's form.

    The core names parameters (``reference_usd_per_hour must be greater than 0``), which is
    right for Python; the page says what its form says (``Human hourly rate must be ...``).
    The input a message starts with is replaced by its label, and so is any other input
    named later whose name is an identifier (``t50``, ``rl_gain``) rather than a word such
    as ``slope`` that the sentence may use in its plain sense.

    >>> from calculators import get_calculator
    >>> reader_message(get_calculator("half-life"), ValueError("t50 must be greater than 0, got -1"))
    '50% time horizon, T₅₀ must be greater than 0, got -1'
    >>> reader_message(get_calculator("metr-logistic"), ValueError("t80 must be shorter than t50 (59), got 70"))
    '80% time horizon, T₈₀ must be shorter than 50% time horizon, T₅₀ (59), got 70'
    """
    labels = {spec.name: spec.label for spec in calculator.inputs}
    message = str(error)
    for name in sorted(labels, key=len, reverse=True):
        if message.startswith(name + " "):
            message = labels[name] + message[len(name) :]
            break
    identifiers = [name for name in labels if not name.isalpha()]
    if not identifiers:
        return message
    # Not inside a quoted value the reader typed ('t50'), nor part of a longer identifier.
    pattern = r"(?<![\w\['])(" + "|".join(map(re.escape, identifiers)) + r")(?![\w\[])"
    return re.sub(pattern, lambda match: labels[match.group(1)], message)


def run_json(calculator_id: str, inputs_json: str) -> str:
    """:func:`run` with JSON in and out: the narrow, plain boundary the Web Worker uses."""
    raw = json.loads(inputs_json)
    if not isinstance(raw, dict):
        raw = {}
    return json.dumps(run(calculator_id, raw), allow_nan=False, ensure_ascii=False)


def _read_inputs(calculator: Calculator, raw_inputs: Mapping[str, object]) -> dict[str, float]:
    values = {spec.name: parse_number(spec.name, raw_inputs.get(spec.name, spec.default)) for spec in calculator.inputs}
    for spec in calculator.inputs:
        if spec.choices:
            one_of(spec.name, values[spec.name], spec.choices)
    return values


def _check_finite(outputs: Mapping[str, float], chart: Mapping[str, list[dict[str, Any]]]) -> None:
    if not chart["lines"]:
        raise OutOfRangeError(NOTHING_TO_DRAW)
    numbers = list(outputs.values())
    numbers += [v for rows in chart.values() for row in rows for v in row.values() if isinstance(v, float)]
    if not all(math.isfinite(v) for v in numbers):
        raise OutOfRangeError("these inputs give a result too large or too small to show")
