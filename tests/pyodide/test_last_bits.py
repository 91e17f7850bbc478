"""tests/last_bits.py: what counts as the same answer in CPython and in Pyodide."""

from __future__ import annotations

import math

from last_bits import differences, same_float, same_text


def test_floats_a_few_units_in_the_last_place_apart_are_the_same() -> None:
    assert same_float(0.1 + 0.2, 0.3)
    assert same_float(1e300, math.nextafter(1e300, math.inf))
    assert same_float(-0.0, 0.0)
    assert not same_float(1.0, 1.0 + 1e-9)
    assert not same_float(math.nan, math.nan)
    assert not same_float(5e-324, 1e-323)  # no absolute slack: a subnormal is its own value


def test_text_is_the_same_only_word_for_word_with_numbers_as_close_as_floats() -> None:
    assert same_text("t50 = 1.2345678901234e3 hours", "t50 = 1.2345678901235e3 hours")
    assert not same_text("1.2 hours", "1.3 hours")  # a shown digit differs
    assert not same_text("1.2 hours", "1.2 hour")
    assert not same_text("1.2 and 3", "1.2 and 3 and 4")


def test_differences_name_each_path_that_differs() -> None:
    close = {"a": [1.0, "x 2.5"], "ok": True}
    assert [] == differences(close, {"a": [1.0000000000000002, "x 2.5"], "ok": True})
    assert ["a.0: 1.0 != 1.5", "b: missing in one", "ok: True != 1"] == differences(
        {**close, "b": 2}, {"a": [1.5, "x 2.5"], "ok": 1}
    )
    assert ["a: 2 items != 1"] == differences(close, {"a": [1.0], "ok": True})


def test_a_long_difference_is_shown_cut_in_the_middle() -> None:
    [shown] = differences("a" * 500 + " 1", "a" * 500 + " 2")
    assert shown.startswith(": 'aaa") and "…" in shown and shown.endswith(" 2'") and len(shown) < 200
