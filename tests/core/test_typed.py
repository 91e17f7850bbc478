"""Numbers as readers type them (calculators/_typed.py): what a field shows reads back as
the same float, every form the site writes or a reader plausibly types is read, and the
compact text of links and file names is JavaScript's ``String(number)``."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators._format import format_value, short_number
from calculators._runtime import parse_number
from calculators._typed import form_text, key_text, read_number

finite_floats = st.floats(allow_nan=False, allow_infinity=False)


@given(finite_floats)
def test_shown_text_reads_back_as_the_same_float(value: float) -> None:
    """Property: whatever a field shows for a float is read back as exactly that float."""
    assert value == read_number(form_text(value))


@given(finite_floats)
def test_shown_text_has_no_e_notation(value: float) -> None:
    """Property: a field never shows e-notation, a '+' or a trailing '.0'."""
    text = form_text(value)
    assert "e" not in text and "+" not in text and not text.endswith(".0"), text


@given(finite_floats)
def test_link_text_reads_back_and_has_no_plus(value: float) -> None:
    """Property: a link's text is the float's shortest text (Python reads it exactly) and
    carries no '+', which a URL would escape."""
    text = key_text(value)
    assert value == float(text) and "+" not in text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # ECMAScript's Number::toString, checked with node: String(1e24), String(1e7), ...
        (1e24, "1e24"),
        (5.88e23, "5.88e23"),
        (1e21, "1e21"),
        (1e20, "100000000000000000000"),
        (1e7, "10000000"),
        (1e-6, "0.000001"),
        (1e-7, "1e-7"),
        (1.5e-7, "1.5e-7"),
        (-0.25, "-0.25"),
        (0.1 + 0.2, "0.30000000000000004"),
    ],
)
def test_link_text_is_javascripts(value: float, text: str) -> None:
    """The build names downloads as the browser does: String(number) without the '+'."""
    assert text == key_text(value)


@pytest.mark.parametrize(
    "text",
    [
        "1e24",
        "1E+24",
        "1e+024",
        "10^24",
        "10**24",
        "10²⁴",
        "1 × 10^24",
        "1×10²⁴",
        "1 x 10^24",
        "1X10^24",
        "1*10**24",
        "1 · 10^24",
        "1,000,000,000,000,000,000,000,000",
        "1 000 000 000 000 000 000 000 000",
        " 10^24 ",
        "1.0 × 10^(24)",
        "1\u202f×\u202f10²⁴",
    ],
)
def test_every_form_of_ten_to_the_24_is_read(text: str) -> None:
    """Every way the site writes 10^24 (outputs: 1 × 10²⁴, ticks: 10²⁴, fields: 10^24) and the
    ways a reader types it give exactly 1e24."""
    assert 1e24 == read_number(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.88 × 10^23", 5.88e23),
        ("5.88 × 10²³", 5.88e23),
        ("10^-7", 1e-7),
        ("10⁻⁷", 1e-7),
        ("10^−7", 1e-7),
        ("2.5 × 10⁻¹²", 2.5e-12),
        ("−2.5", -2.5),
        ("-10^3", -1000.0),
        ("−1.5 × 10^3", -1500.0),
        ("1,000,000", 1e6),
        ("25,000.5", 25000.5),
        ("137.735311", 137.735311),
        (".5", 0.5),
        ("59", 59.0),
    ],
)
def test_reader_forms(text: str, value: float) -> None:
    """Hand-checked readings, each exactly the float of the decimal written."""
    assert value == read_number(text)


@pytest.mark.parametrize(
    "text", ["", "ten", "1,00", "1,0000", "10^", "1.5 x 10^", "5 10^3", "510^3x", "1e", "--5", "1..2", "×10^3"]
)
def test_what_is_not_a_number_is_not_read(text: str) -> None:
    """Text in none of the forms reads as nothing (the form then says so, naming the input);
    a misplaced comma is not silently dropped."""
    assert read_number(text) is None


@given(st.floats(min_value=-1e300, max_value=1e300))
def test_what_the_outputs_write_is_read_back(value: float) -> None:
    """Property: a number copied from an output or a table (3 significant digits, ×10ⁿ,
    thousands separators) is read as the float of the digits shown (within the core's
    ceiling of 10^±300: rounding 1.795 × 10³⁰⁸ up leaves the float range)."""
    for text in (format_value(value), short_number(value, 9)):
        number = read_number(text)
        assert number is not None, text
        assert math.isclose(number, value, rel_tol=1e-2) or abs(value) < 1e-300, (text, value)


def test_a_field_text_runs_like_its_float_and_bad_text_names_the_label() -> None:
    """The calculator reads a field's text as its float; text that is no number gets a message
    naming the input by its label, as the form shows it."""
    calculator = CALCULATORS["effective-compute"]
    values = {**calculator.defaults(), "pretrain_flop": 3e24}
    typed = {**{name: form_text(v) for name, v in values.items()}, "pretrain_flop": "3 × 10²⁴"}
    assert run("effective-compute", values) == run("effective-compute", typed)
    message = run("effective-compute", {"pretrain_flop": "3 × ten^24"})["errors"]["pretrain_flop"]
    label = next(spec.label for spec in calculator.inputs if spec.name == "pretrain_flop")
    assert f"{label} must be a number, got '3 × ten^24'" == message


def test_parse_number_refuses_infinite_text_by_name() -> None:
    """A power past the float range is read, then refused as not finite, naming the input."""
    with pytest.raises(ValueError, match=r"^flop must be a finite number"):
        parse_number("flop", "10^400")
