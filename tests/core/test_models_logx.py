"""Properties of the log-x chart functions (calculators/models/logx.py), checked with Hypothesis.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import assume, given

from calculators import (
    logx_cost_multiplier,
    logx_ooms,
    logx_reading,
    logx_score,
    logx_slope,
    steepened_cost_multiplier,
)

from strategies import logx_gains, logx_multipliers, logx_scores, logx_slope_factors, logx_slopes

REL = 1e-9


@given(logx_gains, logx_slopes)
def test_multiplier_is_ten_to_the_ooms(gain: float, slope: float) -> None:
    """Each slope's worth of points costs a factor of ten: 10 ** (gain / slope)."""
    assert pytest.approx(10 ** (gain / slope), rel=REL) == logx_cost_multiplier(gain, slope)


@given(logx_gains, logx_slopes, logx_slope_factors)
def test_ooms_are_the_log_of_the_multiplier(gain: float, slope: float, factor: float) -> None:
    """logx_ooms is log10 of the multiplier, with or without a steeper slope."""
    assume(abs(gain / slope / factor) < 300)
    assert pytest.approx(math.log10(logx_cost_multiplier(gain, slope)), rel=REL, abs=1e-12) == logx_ooms(gain, slope)
    expected = math.log10(steepened_cost_multiplier(gain, slope, factor))
    assert pytest.approx(expected, rel=REL, abs=1e-12) == logx_ooms(gain, slope, factor)


@given(logx_gains, logx_slopes, logx_slope_factors)
def test_a_steeper_slope_divides_the_ooms(gain: float, slope: float, factor: float) -> None:
    """A slope k times steeper needs k times fewer orders of magnitude."""
    assert pytest.approx(logx_ooms(gain, slope) / factor, rel=1e-15, abs=1e-300) == logx_ooms(gain, slope, factor)
    assert logx_ooms(gain, slope) == logx_ooms(gain, slope, 1.0)


@given(logx_gains, logx_gains, logx_slopes)
def test_gains_cost_multiplicatively(a: float, b: float, slope: float) -> None:
    """Gaining a then b points costs the product of the two multipliers (exponential cost)."""
    assume(-100 <= a + b <= 100)
    expected = logx_cost_multiplier(a, slope) * logx_cost_multiplier(b, slope)
    assert pytest.approx(expected, rel=REL) == logx_cost_multiplier(a + b, slope)


@given(logx_gains, logx_slopes)
def test_no_gain_is_free_and_a_loss_saves_the_same_factor(gain: float, slope: float) -> None:
    """No gain costs nothing extra; giving up a gain saves exactly what the gain costs."""
    assert 1.0 == logx_cost_multiplier(0.0, slope)
    assert pytest.approx(1.0, rel=REL) == logx_cost_multiplier(gain, slope) * logx_cost_multiplier(-gain, slope)


@given(logx_gains, logx_gains, logx_slopes, logx_slopes)
def test_multiplier_is_monotone(g1: float, g2: float, s1: float, s2: float) -> None:
    """A bigger gain never costs less; for a gain, a steeper slope never costs more."""
    small, big = sorted((g1, g2))
    flat, steep = sorted((s1, s2))
    assert logx_cost_multiplier(small, flat) <= logx_cost_multiplier(big, flat)
    assume(big >= 0)
    assert logx_cost_multiplier(big, steep) <= logx_cost_multiplier(big, flat)


@given(logx_gains, logx_slopes, logx_slope_factors)
def test_steepening_takes_a_root(gain: float, slope: float, factor: float) -> None:
    """A slope k times steeper needs the k-th root of the compute: k times fewer OOMs."""
    assume(abs(gain / slope / factor) < 300)
    plain = logx_cost_multiplier(gain, slope)
    assert pytest.approx(plain ** (1 / factor), rel=REL) == steepened_cost_multiplier(gain, slope, factor)
    assert pytest.approx(logx_cost_multiplier(gain, slope * factor), rel=REL) == steepened_cost_multiplier(
        gain, slope, factor
    )


@given(logx_gains, logx_slopes)
def test_slope_factor_1_changes_nothing_and_2_halves_the_ooms(gain: float, slope: float) -> None:
    """Factor 1 leaves the multiplier alone; factor 2 (alpha-beta pruning) gives its square root."""
    assert logx_cost_multiplier(gain, slope) == steepened_cost_multiplier(gain, slope, 1.0)
    expected = math.sqrt(logx_cost_multiplier(gain, slope))
    assert pytest.approx(expected, rel=REL) == steepened_cost_multiplier(gain, slope, 2.0)


@given(logx_scores, logx_slopes, logx_multipliers)
def test_slope_undoes_score(start: float, slope: float, multiplier: float) -> None:
    """Measuring the slope between two points on a line gives back the line's slope."""
    end = logx_score(start, slope, multiplier)
    assume(end <= 100)
    assert pytest.approx(slope, rel=1e-7) == logx_slope(start, end, multiplier)


@given(logx_scores, logx_scores, logx_multipliers)
def test_multiplier_undoes_slope(low: float, high: float, multiplier: float) -> None:
    """The compute a measured slope needs for the measured gain is the measured multiplier."""
    assume(high - low > 1e-3)
    slope = logx_slope(low, high, multiplier)
    assert pytest.approx(multiplier, rel=1e-9) == logx_cost_multiplier(high - low, slope)


@given(logx_scores, logx_slopes)
def test_score_fixed_points(start: float, slope: float) -> None:
    """The same compute gives the start score; ten times the compute adds one slope's worth."""
    assert start == logx_score(start, slope, 1.0)
    assert pytest.approx(start + slope, rel=1e-15) == logx_score(start, slope, 10.0)


@given(logx_scores, logx_slopes, logx_multipliers, logx_multipliers)
def test_score_rises_with_compute(start: float, slope: float, a: float, b: float) -> None:
    """More compute never lowers the score on a line with a positive slope."""
    less, more = sorted((a, b))
    assert logx_score(start, slope, less) <= logx_score(start, slope, more)


@given(logx_scores, logx_scores, logx_slopes, logx_slope_factors)
def test_reading_is_consistent(start: float, target: float, slope: float, factor: float) -> None:
    """logx_reading's four numbers agree with the functions they summarise."""
    assume(abs(target - start) / slope / factor < 300)
    reading = logx_reading(start, target, slope, factor)
    assert pytest.approx((target - start) / slope, rel=REL, abs=1e-15) == reading.ooms
    assert logx_ooms(target - start, slope, factor) == reading.steepened_ooms
    assert logx_cost_multiplier(target - start, slope) == reading.compute_multiplier
    assert steepened_cost_multiplier(target - start, slope, factor) == reading.steepened_multiplier
    assert pytest.approx(10**reading.ooms, rel=REL) == reading.compute_multiplier


@given(logx_scores, logx_slopes, logx_multipliers)
def test_reading_lands_on_the_line(start: float, slope: float, multiplier: float) -> None:
    """The compute a reading asks for is exactly what takes the line to the target score."""
    target = logx_score(start, slope, multiplier)
    assume(target <= 100)
    assert pytest.approx(multiplier, rel=1e-9) == logx_reading(start, target, slope, 1.0).compute_multiplier


INVALID_CALLS = {  # test id: (function, arguments, the exact message)
    "score-above-100": (
        logx_reading,
        (75.7, 120, 5.3, 2),
        "score_target must be a score from 0 to 100 (percent), got 120",
    ),
    "score-negative": (logx_slope, (-1, 50, 10), "score_low must be a score from 0 to 100 (percent), got -1"),
    "slope-0": (logx_cost_multiplier, (10, 0), "points_per_decade must be greater than 0, got 0"),
    "gain-too-big": (
        logx_cost_multiplier,
        (150, 5),
        "score_gain must be from -100 to 100 (percentage points), got 150",
    ),
    "slope-factor-negative": (steepened_cost_multiplier, (10, 5, -2), "slope_factor must be greater than 0, got -2"),
    "multiplier-1": (logx_slope, (20, 80, 1), "compute_multiplier must be greater than 1, got 1"),
    "multiplier-overflow": (logx_cost_multiplier, (100, 0.1), "the compute multiplier is too large to compute"),
    "multiplier-underflow": (logx_cost_multiplier, (-100, 0.1), "the compute multiplier is too small to compute"),
    "score-nan": (logx_score, (math.nan, 5, 10), "score_start must be a finite number, got nan"),
}


@pytest.mark.parametrize(("function", "args", "message"), list(INVALID_CALLS.values()), ids=list(INVALID_CALLS))
def test_invalid_input_raises_value_error(function, args: tuple, message: str) -> None:
    """The ValueError's message is exactly the expected sentence."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        function(*args)
