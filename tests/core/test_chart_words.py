"""Charts speak the page's words: no machine names in anything a reader reads of a chart.

Series names, point labels and groups, tooltip and legend titles, the table's headers and
the downloads' display columns, for every calculator's defaults, example and presets: no
code-like names ("T50", "t_p", "claude_3_opus"), no "log scale" outside an axis's own title
(tooltips and tables show plain values), and each label a reader can read whole.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import Any

import pytest

from calculators import CALCULATORS, export, vega_lite_spec
from reader_cases import ran, reader_settings

#: What code writes and a page does not: a capital and two digits (T50, C02), an
#: identifier's underscore, camelCase.
MACHINE = re.compile(r"\b[A-Z]\d\d+\b|_|\b[a-z]+[A-Z][a-z]")


def _settings(calculator_id: str) -> list[dict[str, float]]:
    """The defaults, the worked example and each preset."""
    return list(reader_settings(calculator_id).values())


def _titles(spec: Any, channel: str = "") -> Iterator[tuple[str, str]]:
    """Every ``title`` in a Vega-Lite spec with the channel it titles: "x" and "y" (axes),
    "tooltip", "color" or "shape" (legends)."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and value is not None:
                for text in value if isinstance(value, list) else [value]:
                    yield ("axis" if channel in ("x", "y") else channel), str(text)
            elif key not in ("datasets", "data"):
                yield from _titles(value, channel if key in ("scale", "axis", "legend") else key)
    elif isinstance(spec, list):
        for item in spec:
            yield from _titles(item, channel)


def _chart_words(calculator_id: str, values: dict[str, float]) -> list[tuple[str, str]]:
    """(where, text) for every piece of a chart's text a reader reads but its numbers."""
    calculator = CALCULATORS[calculator_id]
    result = ran(calculator_id, values)
    assert result["ok"], (values, result)
    chart = result["chart"]
    words = [("series", str(row["series"])) for row in chart["lines"]]
    words += [("point", str(row["label"])) for row in chart["points"]]
    if calculator.chart.point_group:
        words += [("group", str(row[calculator.chart.point_group])) for row in chart["points"]]
    words += [("table", column) for column in result["table"]["columns"]]
    header = next(csv.reader(export(calculator_id, values)["csv"].splitlines()))
    words += [("download", column) for column in header[-2:]]  # the display columns
    spec = vega_lite_spec(calculator.chart, chart)
    return words + list(_titles(spec["layer"]))


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_charts_name_things_as_the_pages_do(calculator_id: str) -> None:
    checked = 0
    for values in _settings(calculator_id):
        for where, text in _chart_words(calculator_id, values):
            checked += 1
            assert not MACHINE.search(text), (calculator_id, values, where, text)
            if where != "axis":
                assert "log scale" not in text, (calculator_id, values, where, text)
    assert checked > 10


@pytest.mark.parametrize(
    "text",
    ["T50", "T80", "t_p", "claude_3_opus", "gpt_4o_inspect", "frontierOnly", "Horizon of T90 models"],
)
def test_machine_names_are_caught(text: str) -> None:
    assert MACHINE.search(text)


@pytest.mark.parametrize(
    "text",
    ["T₅₀", "80% horizon", "GPT-4 0314", "Qwen2.5-72B", "Kimi K2 Thinking", "DeepSeek-R1", "10²⁵ FLOP", "o4-mini"],
)
def test_page_words_pass(text: str) -> None:
    assert not MACHINE.search(text)


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_captions_and_form_name_things_as_the_pages_do(calculator_id: str) -> None:
    """The chart's title and caption, and the form's labels, units, reasons and options."""
    calculator = CALCULATORS[calculator_id]
    texts = [calculator.title, calculator.summary, calculator.chart.title, calculator.chart.description]
    for spec in calculator.inputs:
        texts += [spec.label, spec.unit, spec.why, *(label for _, label in spec.choices)]
    texts += [spec.label for spec in calculator.outputs]
    for text in texts:
        assert not MACHINE.search(text), (calculator_id, text)
