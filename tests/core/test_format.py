"""Numbers as readers see them: one format for outputs, tooltips, tables and downloads.

Never e-notation ("1e+24", "3.162e+25") in anything a reader reads, no percentage of a
power of ten ("9.33 × 10⁻³⁰⁰%"), and tick labels (:func:`calculators._format.tick_label`,
the reference the browser's Vega expression is held to in tests/site/test_chart_labels.py)
in the same style. Checked for every calculator's defaults, example, presets, and each
input pushed to edge values.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, _format, export, format_value, run
from calculators._format import TICKS, axis_in_powers, axis_title, log_tick_labelled, tick_label, unit_after
from reader_cases import ran, reader_settings

#: e-notation as Python or d3 write it: a digit, an e, maybe a sign, a digit.
E_NOTATION = re.compile(r"\d[eE][+\-−]?\d")
IDS = sorted(CALCULATORS)
#: Each input alone at these values (the rest at defaults), where the calculator accepts them.
EDGES = (1e-300, 1e-12, 1e-4, 0.999, 1.0, 3.0, 1e4, 1e12, 1e300)


def _settings(calculator_id: str) -> list[dict[str, float]]:
    calculator = CALCULATORS[calculator_id]
    defaults = calculator.defaults()
    settings = list(reader_settings(calculator_id).values())
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
        result = ran(calculator_id, values)
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
        (0.001, "percent", "0.1%"),
        (0.3497, "percent", "35%"),
        (1e5, "percent", "×100,000"),
        (-2e-4, "percent", "−1 in 5,000"),
        (1.1e12, "number", "1.1 × 10¹²"),
        (1e24, "multiplier", "×10²⁴"),
        (2027.2, "year", "March 2027"),
        (12345.6, "year", "year 12,346"),  # past the calendar: the year as a number
        (1e12, "year", "year 10¹²"),
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
    number = text.removeprefix("1 in ").replace(",", "")
    if re.fullmatch("10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+", number):  # a power of ten alone: its mantissa is 1
        number = "1 × " + number
    mantissa, _, power = number.partition(" × 10")
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


# --- One style an axis, and which ticks of a log axis carry labels -------------------------

#: A label written as a power of ten ("10⁶", "3 × 10⁻⁴", "×10²").
POWER_LABEL = re.compile(r"10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$")


def _width(label: str) -> float:
    """A label's width in digits, as TICKS counts it: commas, full stops and spaces half a
    digit, superscripts 0.7, anything else (a digit, "×", "−") one."""
    return sum(0.5 if c in ",. " else 0.7 if c in "⁻⁰¹²³⁴⁵⁶⁷⁸⁹" else 1.0 for c in label)


def _d3_log_ticks(low: float, high: float) -> list[float]:
    """The ticks d3 gives a log axis from ``low`` to ``high`` with the site's tick count:
    1× to 9× each power of ten under three decades, else powers of ten at d3's step."""
    decades = math.log10(high) - math.log10(low)
    if math.floor(decades) < 3:
        first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
        return [m * 10.0**e for e in range(first, last + 1) for m in range(1, 10) if low <= m * 10.0**e <= high]
    step = _format._d3_power_step(decades)
    start = math.ceil(math.log10(low) / step - 1e-9) * step
    return [10.0 ** (start + i * step) for i in range(int((math.log10(high) - start) / step + 1e-9) + 1)]


log_domains = st.tuples(st.floats(-299, 299), st.floats(0.0, 40.0)).map(
    lambda pair: (10.0 ** pair[0], 10.0 ** min(pair[0] + pair[1], 300.0))
)


@given(log_domains, st.sampled_from(["number", "multiplier"]), st.sampled_from([200.0, 250.0, 300.0, 640.0]))
def test_a_log_axis_labels_one_style_at_even_steps_with_room(
    domain: tuple[float, float], kind: str, length: float
) -> None:
    """On any log axis of a decade or more, the ticks log_tick_labelled keeps (of those d3
    gives) are written in one style: axis_in_powers is never false for an axis that would
    write a power of ten, and when it is true every label is one but 1 and 10 (and 3, 30),
    which read as themselves (never 10⁰ or 10¹). They are evenly spaced in
    powers of ten, and on a horizontal axis each has room for its text (TICKS' estimate of a
    label's width, _width)."""
    low, high = domain
    if math.log10(high) - math.log10(low) < 1:
        return
    powers = axis_in_powers(low, high)
    labelled = [v for v in _d3_log_ticks(low, high) if log_tick_labelled(v, low, high, length, kind)]
    labels = [tick_label(v, kind, powers) for v in labelled]
    itself = {"1", "3", "10", "30"}
    assert len({bool(POWER_LABEL.search(label)) for label in labels if label.lstrip("×") not in itself}) <= 1, labels
    # Whole labels: "3 × 10¹⁰" is a power of ten like any other (make deep once failed on it).
    assert not {label.lstrip("×") for label in labels} & {"10⁰", "10¹", "3 × 10⁰", "3 × 10¹"}, labels
    if not powers:
        assert labels == [tick_label(v, kind) for v in labelled]  # plain labels need no power
    positions = [math.log10(v) for v in labelled]
    steps = [b - a for a, b in itertools.pairwise(positions)]
    assert not steps or max(steps) - min(steps) <= 0.05 + 1e-6 or {round(s, 2) for s in steps} <= {0.48, 0.52}
    per_decade = length / (math.log10(high) - math.log10(low))
    for a, b, label_a, label_b in zip(positions, positions[1:], labels, labels[1:]):
        widest = max(_width(label_a), _width(label_b)) * TICKS.label_char_em * TICKS.label_font_px
        assert (b - a) * per_decade >= widest + TICKS.label_gap_px - 1e-6, (label_a, label_b)


@pytest.mark.parametrize("kind", ["number", "multiplier"])
@pytest.mark.parametrize("powers", [False, True])
def test_label_widths_are_counted_exactly(kind: str, powers: bool) -> None:
    """_label_chars, which the Vega rule mirrors with arithmetic, measures what tick_label
    writes for every power of ten a chart can draw (and at least 3 × one) as _width does."""
    for exponent in range(-300, 300):
        if not powers and not -3 <= exponent < 6:
            continue  # outside the plain range an axis is written in powers
        label = tick_label(10.0**exponent, kind, powers)
        assert _format._label_chars(exponent, kind, powers) == pytest.approx(_width(label)), label
        three = tick_label(3 * 10.0**exponent, kind, powers)
        assert _format._label_chars(exponent, kind, powers, three=True) >= _width(three) - 1e-9, three


def test_axis_styles() -> None:
    """Examples: "0.01 … 10,000" stays plain, an axis reaching 10⁻⁴ or 10⁶ is all powers, and
    a linear axis to 900,000 plain but to 1.5 million in powers; 1 and 10 read as themselves."""
    assert not axis_in_powers(0.01, 20000.0)
    assert axis_in_powers(1e-4, 1.0) and axis_in_powers(3.0, 2e6) and axis_in_powers(1e24, 1e30)
    assert not axis_in_powers(0.0, 9e5, "linear") and axis_in_powers(0.0, 1.5e6, "linear")
    assert [tick_label(v, powers=True) for v in (1e-4, 1.0, 10.0, 3e5)] == ["10⁻⁴", "1", "10", "3 × 10⁵"]


@pytest.mark.parametrize(
    ("values", "decimals", "labels"),
    [
        # Chinchilla's loss above the optimum, ticked every 0.02 by d3: one decimal count.
        ((0.0, 0.02, 0.08, 0.1, 0.12), 2, ["0", "0.02", "0.08", "0.10", "0.12"]),
        # Cost decline's years, every half year.
        ((0.0, 0.5, 1.0, 7.5), 1, ["0", "0.5", "1.0", "7.5"]),
        ((0.0, 5.0, 10.0), 0, ["0", "5", "10"]),
    ],
)
def test_a_linear_axis_writes_its_step_decimals(values: tuple[float, ...], decimals: int, labels: list[str]) -> None:
    """A linear axis's labels share the decimals of its tick step (never "0.1" beside
    "0.12", nor "1" beside "1.5"); the origin reads 0."""
    assert labels == [tick_label(v, decimals=decimals) for v in values]


@pytest.mark.parametrize(
    ("low", "high", "decimals"),
    [
        (1.0, 2.4, 1),  # the scaling paradox's accuracy gain: 1.0, 1.2, ... 2.0, 2.2, 2.4
        (1.0, 1.18, 2),  # its example: 1.00, 1.02, ... 1.10, 1.12
        (15.0, 80.0, 0),  # 20, 30, ... 80
        (0.15, 0.8, 1),
        (1.0, 100.0, None),  # two decades: powers of ten and their 3×
    ],
)
def test_a_log_axis_under_a_decade_shares_decimals(low: float, high: float, decimals: int | None) -> None:
    """d3 ticks a log axis under a decade at a linear step (a step of 0.2 from 1 to 2.4 for
    6 ticks): its labels take that step's decimals, as a linear axis's do."""
    assert decimals == _format.log_tick_decimals(low, high)


@pytest.mark.parametrize(
    ("unit", "text", "reads"),
    [
        ("hours", "1", "hour"),
        ("hours", "1.5", "hours"),
        ("hours", "10", "hours"),
        ("OOMs", "−1", "OOM"),
        ("percentage points", "1", "percentage point"),
        ("nats per token", "1", "nat per token"),
        ("tokens per parameter", "2", "tokens per parameter"),
        ("US$ per hour", "1", "US$ per hour"),
        ("FLOP", "1", "FLOP"),
    ],
)
def test_units_read_singular_after_exactly_one(unit: str, text: str, reads: str) -> None:
    assert unit_after(unit, text) == reads


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_every_output_unit_counted_in_the_plural_has_its_singular(calculator_id: str) -> None:
    """A unit a calculator counts in ("years", "OOMs") reads singular after "1"; a new plural
    unit without its singular would read "1 years". (Log-odds are log-odds after 1 too, and
    a product of units has no singular reading.)"""
    for spec in CALCULATORS[calculator_id].outputs:
        counted = spec.unit.partition(" per ")[0]
        if counted.endswith("s") and counted not in ("log-odds", "parameters × tokens"):
            assert unit_after(spec.unit, "1") != spec.unit, (calculator_id, spec.name, spec.unit)


def test_sweet_spot_of_one_hour_reads_one_hour() -> None:
    """The sweet-spot calculator's defaults put the sweet spot at 1 hour (its page said "1 hours")."""
    output = run("sweet-spot", {})["outputs"]["sweet_horizon"]
    assert (output["text"], output["unit"]) == ("1", "hour")
