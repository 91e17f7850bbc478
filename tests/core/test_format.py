"""Numbers as readers see them: one format for outputs, tooltips, tables and downloads.

Never e-notation ("1e+24", "3.162e+25") in anything a reader reads, no percentage of a
power of ten ("9.33 × 10⁻³⁰⁰%"), and tick labels (:func:`calculators._format.tick_label`,
the reference the browser's Vega expression is held to in tests/site/test_chart_labels.py)
in the same style. Checked for every calculator's defaults, example, presets, and each
input pushed to edge values.
"""

from __future__ import annotations

import csv
import math
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, export, format_value, run
from calculators._format import axis_title, tick_label

#: e-notation as Python or d3 write it: a digit, an e, maybe a sign, a digit.
E_NOTATION = re.compile(r"\d[eE][+\-−]?\d")
IDS = sorted(CALCULATORS)
#: Each input alone at these values (the rest at defaults), where the calculator accepts them.
EDGES = (1e-300, 1e-12, 1e-4, 0.999, 1.0, 3.0, 1e4, 1e12, 1e300)


def _settings(calculator_id: str) -> list[dict[str, float]]:
    calculator = CALCULATORS[calculator_id]
    defaults = calculator.defaults()
    settings = [defaults, {**defaults, **calculator.example}]
    settings += [{**defaults, **calculator.preset_values(preset)} for preset in calculator.presets]
    settings += [{**defaults, spec.name: edge} for spec in calculator.inputs for edge in EDGES]
    return settings


def _reader_texts(result: dict[str, Any]) -> list[str]:
    """Every piece of text a reader sees of a result: outputs, table, tooltips, point labels
    and series names."""
    texts = [output["text"] for output in result["outputs"].values()]
    table = result["table"]
    texts += table["columns"] + [cell for row in table["rows"] for cell in row]
    texts += [value for point in table["points"] for value in point.values()]
    for rows in result["chart"].values():
        for row in rows:
            texts += [row["x_text"], row["y_text"], str(row.get("series", row.get("label", "")))]
    return texts


@pytest.mark.parametrize("calculator_id", IDS)
def test_no_e_notation_or_percent_of_a_power_anywhere_a_reader_reads(calculator_id: str) -> None:
    """Defaults, example, presets and edge inputs: no text in e-notation, no '× 10ⁿ%'."""
    checked = 0
    for values in _settings(calculator_id):
        result = run(calculator_id, values)
        if not result["ok"]:
            continue
        checked += 1
        for text in _reader_texts(result):
            assert not E_NOTATION.search(text), (values, text)
            assert not re.search(r"10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+%", text), (values, text)
            assert "log scale" not in text, (values, text)
    assert checked >= 3


@pytest.mark.parametrize("calculator_id", IDS)
def test_csv_shown_columns_are_the_pages_text(calculator_id: str) -> None:
    """The CSV's "shown" columns hold what the page shows (no e-notation); its value
    columns hold exact numbers that read back to the result's floats."""
    calculator = CALCULATORS[calculator_id]
    result = run(calculator_id, calculator.defaults())
    lines = export(calculator_id, calculator.defaults())["csv"].splitlines()
    header, *rows = csv.reader(lines)
    assert ["value", "value shown"] == header[3:5]
    assert [f"{calculator.chart.x.title} (as shown)", f"{calculator.chart.y.title} (as shown)"] == header[-2:]
    outputs = {row[1]: row for row in rows if row[0] == "output"}
    for name, output in result["outputs"].items():
        assert output["value"] == float(outputs[name][3])
        assert output["text"] == outputs[name][4]
    for row in rows:
        assert not any(E_NOTATION.search(cell) for cell in (row[4], row[8], row[9])), row


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (0.0001, "percent", "1 in 10,000"),  # the copies share of Ord's example
        (9.33e-302, "percent", "1 in 1.07 × 10³⁰¹"),
        (0.001, "percent", "0.100%"),
        (0.3497, "percent", "35.0%"),
        (1e5, "percent", "×100,000"),
        (-2e-4, "percent", "−1 in 5,000"),
        (1.1e12, "number", "1.10 × 10¹²"),
        (1e24, "multiplier", "×1.00 × 10²⁴"),
        (2027.2, "year", "March 2027"),
        (12345.6, "year", "year 12,346"),  # past the calendar: the year as a number
        (1e12, "year", "year 1.00 × 10¹²"),
    ],
)
def test_format_value_examples(value: float, kind: str, text: str) -> None:
    """Hand-written expectations for the reader-facing format."""
    assert text == format_value(value, kind)


@given(st.floats(min_value=1e-320, max_value=1e-3, exclude_max=True))
def test_small_shares_read_one_in_n(value: float) -> None:
    """Every share below 0.1% is '1 in N' with N about 1 / share (3 significant digits)."""
    text = format_value(value, "percent")
    assert text.startswith("1 in ")
    mantissa, _, power = text.removeprefix("1 in ").replace(",", "").partition(" × 10")
    exponent = int(power.translate(str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789"))) if power else 0
    assert math.isclose(math.log10(float(mantissa)) + exponent, -math.log10(value), abs_tol=0.003)


@pytest.mark.parametrize(
    ("value", "kind", "label"),
    [
        (1e24, "number", "10²⁴"),
        (1e-7, "number", "10⁻⁷"),
        (3e-7, "number", "3 × 10⁻⁷"),
        (2.5e6, "number", "2.5 × 10⁶"),
        (1e6, "multiplier", "×10⁶"),
        (100000.0, "number", "100,000"),
        (0.001, "number", "0.001"),
        (0.25, "number", "0.25"),
        (-8.0, "number", "−8"),
        (0.0, "number", "0"),
        (0.125, "percent", "12.5%"),
        (1.0, "percent", "100%"),
    ],
)
def test_tick_labels(value: float, kind: str, label: str) -> None:
    """Tick labels: short, powers of ten from a million up, no trailing zeros."""
    assert label == tick_label(value, kind)


@given(st.floats(min_value=1e-300, max_value=1e300), st.sampled_from(["number", "multiplier", "percent"]))
def test_tick_labels_are_never_e_notation(value: float, kind: str) -> None:
    """Whatever the tick, its label has no e-notation and, for a power of ten, reads 10ⁿ."""
    label = tick_label(value, kind)
    assert not E_NOTATION.search(label)


@given(
    st.floats(min_value=-1e300, max_value=1e300, allow_nan=False),
    st.sampled_from(["number", "multiplier", "percent", "year"]),
)
def test_values_are_never_e_notation(value: float, kind: str) -> None:
    """Whatever the value and its kind (a year too, past the calendar), no e-notation."""
    assert not E_NOTATION.search(format_value(value, kind))


def test_axis_titles_say_log_scale_once() -> None:
    """A log axis's printed title says so; a linear one's does not."""
    assert "Years (log scale)" == axis_title("Years", "log")
    assert "Cost (US$, log scale)" == axis_title("Cost (US$)", "log")
    assert "Years" == axis_title("Years", "linear")
    for calculator in CALCULATORS.values():
        for axis in (calculator.chart.x, calculator.chart.y):
            assert "log" not in axis.title, axis.title
