"""Honest precision: no derived number a reader reads claims more figures than the models have.

The rule (:func:`calculators._format.format_value`): a derived result keeps its output's
declared significant figures (3 unless it says otherwise), the whole part rounded too, with
no trailing zero after the decimal point; an exact count or whole power (declared
``exact``) is written in full; and a column of numbers on a linear axis (a table's column,
its points' coordinates, the tooltips and the download's "as shown" column of an axis)
shares one number of decimals.

Checked here across every calculator's defaults, presets and example, by reading the text
a reader sees with a counter of significant figures written for this test, not the one
that wrote the text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from calculators import CALCULATORS, format_value, run
from calculators._declare import Axis
from calculators._format import format_column
from reader_cases import ran

IDS = sorted(CALCULATORS)
_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
#: A plain number as the site writes it: digits with thousands commas, maybe decimals.
_PLAIN = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")


def _settings(calculator_id: str) -> list[tuple[str, dict[str, float]]]:
    calculator = CALCULATORS[calculator_id]
    settings = [("defaults", calculator.defaults()), ("example", {**calculator.defaults(), **calculator.example})]
    return settings + [(preset.id, calculator.preset_values(preset)) for preset in calculator.presets]


def _mantissa(text: str) -> str | None:
    """The number a reader reads in ``text`` ("×1,480", "1 in 14,800,000", "−0.3",
    "5.2 × 10²⁵", "35%"), without its power of ten; None for a date or no number."""
    text = text.strip().removeprefix("−").removeprefix("$").removeprefix("×").removeprefix("1 in ")
    text = text.removesuffix("%")
    if re.fullmatch("10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+", text):
        return "1"
    text = text.split(" × 10")[0]
    return text if _PLAIN.fullmatch(text) else None


def _carried(number: str) -> bool:
    """A 3-figure value that rounding carried to the next power of ten (99.998 as 100.0)."""
    return re.fullmatch(r"10*", number.replace(",", "").replace(".", "")) is not None


def significant_figures(number: str) -> int:
    """The figures a written number claims: from its first non-zero digit to its last
    non-zero one, or to its last decimal written (a trailing zero after the point claims a
    figure; a whole number's trailing zeros do not).

    >>> [significant_figures(n) for n in ("166,096", "166,000", "0.0190", "28.0", "6", "1,048,576", "0.8")]
    [6, 3, 3, 3, 1, 7, 1]
    """
    digits = number.replace(",", "")
    whole, _, decimals = digits.partition(".")
    figures = (whole + decimals).lstrip("0")
    if not decimals:
        figures = figures.rstrip("0")
    return max(len(figures), 1)


def _decimals(text: str) -> int | None:
    """How many decimals a plain number in ``text`` has; None for a power of ten or "1 in N"."""
    if "×" in text.lstrip("×") or "1 in" in text or re.search("10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]", text):
        return None
    number = _mantissa(text)
    if number is None:
        return None
    return len(number.partition(".")[2])


def _columns(calculator_id: str, result: dict[str, Any]) -> list[tuple[str, Axis, list[str]]]:
    """Every column of numbers a reader reads, with its axis: the table's, its points'
    coordinates, and each axis's texts over all the chart's rows (tooltips and the
    download's "as shown" columns)."""
    chart = CALCULATORS[calculator_id].chart
    table = result["table"]
    columns = [(table["columns"][0], chart.x, [row[0] for row in table["rows"]])]
    columns += [
        (name, chart.y, [row[i] for row in table["rows"] if row[i]])
        for i, name in enumerate(table["columns"][1:], start=1)
    ]
    columns += [
        ("points' x", chart.x, [point["x"] for point in table["points"]]),
        ("points' y", chart.y, [point["y"] for point in table["points"]]),
    ]
    rows = [row for rows in result["chart"].values() for row in rows]
    columns += [
        ("x_text", chart.x, [row["x_text"] for row in rows]),
        ("y_text", chart.y, [row["y_text"] for row in rows]),
    ]
    return columns


@pytest.mark.parametrize("calculator_id", IDS)
def test_outputs_claim_no_more_figures_than_declared(calculator_id: str) -> None:
    """Each output shows at most its declared significant figures (an exact output's whole
    value in full), and never a trailing zero after the decimal point."""
    calculator = CALCULATORS[calculator_id]
    for name, values in _settings(calculator_id):
        result = ran(calculator_id, values)
        assert result["ok"], (name, result)
        for spec in calculator.outputs:
            value, text = result["outputs"][spec.name]["value"], result["outputs"][spec.name]["text"]
            number = _mantissa(text)
            if spec.kind == "year" or number is None:
                continue
            assert not re.search(r"\.\d*0$", number), (name, spec.name, text)
            if spec.exact and float(value).is_integer() and abs(value) < 1e9:
                assert number.replace(",", "") == str(int(abs(value))), (name, spec.name, text)
            else:
                assert significant_figures(number) <= spec.digits, (name, spec.name, text)


@pytest.mark.parametrize("calculator_id", IDS)
def test_tables_tooltips_and_labels_claim_at_most_three_figures(calculator_id: str) -> None:
    """Every cell of the table, every tooltip text and every number in a point's label has
    at most 3 significant figures (on an axis of exact values, a whole one aside, and a
    label's exact multiple, such as ×8,192)."""
    for name, values in _settings(calculator_id):
        result = ran(calculator_id, values)
        for column, axis, cells in _columns(calculator_id, result):
            for cell in cells:
                number = _mantissa(cell)
                if number is not None and not (axis.exact and "." not in number and "× 10" not in cell):
                    assert significant_figures(number) <= 3 or _carried(number), (name, column, cell)
        for point in result["chart"]["points"]:
            for number in _PLAIN.findall(str(point["label"]).translate(_SUPERSCRIPTS)):
                exact = number.replace(",", "").isdigit() and _is_power_of_two(int(number.replace(",", "")))
                assert exact or significant_figures(number) <= 3, (name, point["label"])


def _is_power_of_two(number: int) -> bool:
    return number > 0 and number & (number - 1) == 0


@pytest.mark.parametrize("calculator_id", IDS)
def test_no_column_on_a_linear_axis_mixes_decimals(calculator_id: str) -> None:
    """A linear axis's column (table, points, tooltips) writes its plain numbers with one
    number of decimals: never "+6.00" beside "+28.0", nor "0.5" beside "1"."""
    for name, values in _settings(calculator_id):
        result = ran(calculator_id, values)
        for column, axis, cells in _columns(calculator_id, result):
            if axis.scale != "linear":
                continue
            decimals = {d for d in map(_decimals, cells) if d is not None}
            assert len(decimals) <= 1, (name, column, cells)


def test_a_token_count_the_reader_types_is_written_in_full() -> None:
    """Tokens are counts: the reader's 12,345-token episode is "12,345" in the points'
    table and tooltip, and so is the realistic ratio at 1 bit a token (12,345 × 1 ÷ 1),
    while the bound's ratio, log2(50,257) bits × 12,345, is derived: 3 figures."""
    result = run("rl-information", {"episode_tokens": 12345.0})
    episode = next(p for p in result["table"]["points"] if p["label"] == "This episode")
    assert episode["x"] == "12,345"
    assert any(row["x_text"] == "12,345" for row in result["chart"]["points"])
    assert result["outputs"]["ratio"]["text"] == "×12,345"
    assert significant_figures(_mantissa(result["outputs"]["ratio_at_bound"]["text"]) or "") <= 3


def test_the_inference_share_labels_read_as_one_column() -> None:
    """The screenshot review's case: Ord's MATH level 5 gains, 6 points from RL and 28 from
    inference, are labelled "+6" and "+28" (they were "+6.00" and "+28.0")."""
    result = run("inference-share", CALCULATORS["inference-share"].defaults())
    labels = [point["label"] for point in result["chart"]["points"]]
    assert labels == ["Base model", "RL boost +6", "Inference +28"]
    assert [result["outputs"][n]["text"] for n in ("rl_gain", "inference_gain", "total_gain")] == ["6", "28", "34"]


@pytest.mark.parametrize(
    ("value", "kind", "exact", "text"),
    [
        # rl-information: log2(100,000) = 16.61 bits a token × 10,000 tokens.
        (166096.40474436813, "multiplier", False, "×166,000"),
        # scaling-paradox: halving the loss at data power 11 and parameter power 13 (Ord).
        (2.0**13, "multiplier", True, "×8,192"),
        (2.0**20, "multiplier", True, "×1,048,576"),
        (1478.5834962150354, "multiplier", True, "×1,480"),  # not whole: derived after all
        (5820239726490205.0, "multiplier", True, "×5.82 × 10¹⁵"),  # past 10⁹ floats are all whole
        (3066.5961831941213, "number", False, "3,070"),
        (-0.3000000000000007, "number", False, "−0.3"),
        (0.25, "percent", False, "25%"),
        (1e26, "number", False, "10²⁶"),
    ],
)
def test_the_rule_on_values_from_the_calculators(value: float, kind: str, exact: bool, text: str) -> None:
    """Hand-worked expectations: 3 significant figures, exact whole counts in full."""
    assert text == format_value(value, kind, exact=exact)


@pytest.mark.parametrize(
    ("values", "kind", "scale", "texts"),
    [
        ([6.0, 28.0062189894848], "number", "linear", ["6", "28"]),
        ([2.7855800607042625, 21.072099696478688], "number", "linear", ["2.8", "21.1"]),
        ([0.0, 0.5, 1.0, 1.5], "number", "linear", ["0.0", "0.5", "1.0", "1.5"]),
        # The half-life table's success column: 99.998% rounds up to 100.0%, its neighbours keep
        # the tenths, and below 0.1% a share reads "1 in N".
        ([0.99998, 0.997, 0.00865, 1e-5], "percent", "linear", ["100.0%", "99.7%", "0.9%", "1 in 100,000"]),
        ([1.0, 3.1622776601683795, 10.0, 31.622776601683793], "multiplier", "log", ["×1", "×3.16", "×10", "×31.6"]),
    ],
)
def test_format_column_examples(values: list[float], kind: str, scale: str, texts: list[str]) -> None:
    """A linear column's decimals are its largest value's at 3 significant figures, trailing
    zeros dropped only where every cell has one; a log column's values stand alone."""
    assert texts == format_column(values, kind, scale)
