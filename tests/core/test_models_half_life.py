"""Properties of survival() and horizon() that hold for every input, checked with Hypothesis.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import horizon, horizon_ratio, reliability_lag_months, survival, weibull_t50

from strategies import any_floats, lengths, probabilities, scales, shapes, t50s

REL = 1e-9
TINY = 1e-300  # below this, results are (near-)subnormal and only absolutely close


def close(expected: float, actual: float) -> bool:
    """Equal to a relative REL, or both below TINY."""
    return math.isclose(expected, actual, rel_tol=REL, abs_tol=TINY)


@given(probabilities, t50s, shapes)
def test_survival_undoes_horizon(p: float, t50: float, shape: float) -> None:
    """survival(horizon(p)) gives back p."""
    assert pytest.approx(p, rel=REL) == survival(horizon(p, t50, shape), t50, shape)


# Draw the exponent (t / t50) ** k directly, so that survival lies well inside (0, 1):
# from 2 ** -0.001 down to 2 ** -900. Much closer to 1, rounding survival to a double loses
# most digits of 1 - survival, and so of t; much closer to 0, survival is subnormal.
@given(t50s, shapes, st.floats(min_value=1e-3, max_value=900))
def test_horizon_undoes_survival(t50: float, shape: float, exponent: float) -> None:
    """horizon(survival(t)) gives back t wherever survival is strictly between 0 and 1."""
    t = t50 * exponent ** (1 / shape)
    s = survival(t, t50, shape)
    assert 0 < s < 1
    assert pytest.approx(t, rel=REL) == horizon(s, t50, shape)


@given(lengths, lengths, t50s, shapes)
def test_survival_never_increases_with_length(a: float, b: float, t50: float, shape: float) -> None:
    """A longer task is never more likely to succeed."""
    short, long = sorted((a, b))
    assert survival(short, t50, shape) >= survival(long, t50, shape)


@given(probabilities, probabilities, t50s, shapes)
def test_horizon_falls_as_p_rises(a: float, b: float, t50: float, shape: float) -> None:
    """Demanding a higher success rate never allows a longer task."""
    low, high = sorted((a, b))
    assert horizon(low, t50, shape) >= horizon(high, t50, shape)


@given(probabilities, t50s, t50s, shapes)
def test_horizon_grows_with_t50(p: float, a: float, b: float, shape: float) -> None:
    """A longer half-life never gives a shorter horizon."""
    low, high = sorted((a, b))
    assert horizon(p, low, shape) <= horizon(p, high, shape)


def test_horizon_strictly_monotone_on_a_grid() -> None:
    """On a coarse grid, horizon strictly falls with p and strictly rises with t50."""
    ps = [0.01, 0.1, 0.5, 0.8, 0.99, 0.999999]
    for shape in (0.05, 0.6, 1.0, 20.0):
        horizons = [horizon(p, 59.0, shape) for p in ps]
        assert horizons == sorted(horizons, reverse=True)
        assert len(set(horizons)) == len(horizons)
        assert horizon(0.8, 59.0, shape) < horizon(0.8, 60.0, shape)


@given(t50s, shapes)
def test_fixed_points(t50: float, shape: float) -> None:
    """Every curve starts at 1 and passes through 0.5 at T50, whatever its shape."""
    assert 1.0 == survival(0.0, t50, shape)
    assert pytest.approx(0.5, rel=1e-15) == survival(t50, t50, shape)
    assert pytest.approx(t50, rel=1e-15) == horizon(0.5, t50, shape)


@given(t50s, st.floats(min_value=0.5, max_value=20))
def test_survival_vanishes_for_very_long_tasks(t50: float, shape: float) -> None:
    """A task a million times T50 essentially never succeeds when k >= 0.5."""
    assert survival(t50 * 1e6, t50, shape) < 1e-100


@given(
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, exclude_min=True, allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, exclude_min=True, allow_nan=False, allow_infinity=False),
)
def test_survival_is_a_probability(t: float, t50: float, shape: float) -> None:
    """For any valid finite inputs, however extreme, survival lies in [0, 1]."""
    assert 0.0 <= survival(t, t50, shape) <= 1.0


@given(lengths, t50s)
def test_shape_1_is_constant_hazard(t: float, t50: float) -> None:
    """With k = 1, survival is 2 ** (-t / T50): the success rate halves every T50."""
    assert close(2 ** (-t / t50), survival(t, t50))
    assert survival(t, t50) == survival(t, t50, 1.0)


@given(probabilities, t50s)
def test_shape_1_horizon_closed_form(p: float, t50: float) -> None:
    """With k = 1, the horizon is T50 * ln(p) / ln(0.5)."""
    assert pytest.approx(t50 * math.log(p) / math.log(0.5), rel=REL) == horizon(p, t50)


@given(lengths, t50s, shapes, scales)
def test_survival_ignores_the_time_unit(t: float, t50: float, shape: float, c: float) -> None:
    """Measuring t and T50 in another unit (both times c) leaves survival unchanged."""
    assert close(survival(t, t50, shape), survival(c * t, c * t50, shape))


@given(probabilities, t50s, shapes, scales)
def test_horizon_scales_with_t50(p: float, t50: float, shape: float, c: float) -> None:
    """Multiplying T50 by c multiplies every horizon by c."""
    assert pytest.approx(c * horizon(p, t50, shape), rel=REL) == horizon(p, c * t50, shape)


def _all_finite(*values: float) -> bool:
    return all(math.isfinite(value) for value in values)


@given(any_floats, any_floats, any_floats)
def test_survival_with_any_floats(t: float, t50: float, shape: float) -> None:
    """Any floats (nan, inf, -0.0, subnormal, huge): a probability if valid, else ValueError."""
    valid = _all_finite(t, t50, shape) and t >= 0 and t50 > 0 and shape > 0
    try:
        value = survival(t, t50, shape)
    except ValueError:
        assert not valid
    else:
        assert valid
        assert isinstance(value, float)
        assert 0.0 <= value <= 1.0


@given(any_floats, any_floats, any_floats)
def test_horizon_with_any_floats(p: float, t50: float, shape: float) -> None:
    """Any floats: a finite positive length, or ValueError (valid inputs only if out of range)."""
    valid = _all_finite(p, t50, shape) and 0 < p < 1 and t50 > 0 and shape > 0
    try:
        value = horizon(p, t50, shape)
    except ValueError as error:
        assert not valid or str(error).endswith(("too large to compute", "too small to compute"))
    else:
        assert valid
        assert isinstance(value, float)
        assert 0.0 < value < math.inf


@given(rate=st.floats(min_value=1e-6, max_value=1e3), shape=shapes)
def test_weibull_t50_is_where_the_rate_form_crosses_one_half(rate: float, shape: float) -> None:
    """exp(-(rate * T50) ** k) is 1/2 at weibull_t50, and survival agrees with the rate form."""
    t50 = weibull_t50(rate, shape)
    assert math.exp(-((rate * t50) ** shape)) == pytest.approx(0.5, rel=1e-12)
    t = t50 / 3
    assert math.exp(-((rate * t) ** shape)) == pytest.approx(survival(t, t50, shape), rel=1e-12)


# --- reliability_lag_months -----------------------------------------------------------------


@given(probabilities, st.floats(min_value=1e-3, max_value=1e3), shapes)
def test_lag_is_doubling_time_times_log2_of_the_horizon_ratio(p: float, months: float, shape: float) -> None:
    """The p horizon trails T50 by log2(T50 / T_p) doubling times, from any T50."""
    expected = months * math.log2(horizon_ratio(p, shape))
    assert math.isclose(expected, reliability_lag_months(p, months, shape), rel_tol=1e-9, abs_tol=1e-9)
    t50 = 59.0
    grown = horizon(p, t50 * 2 ** (reliability_lag_months(p, months, shape) / months), shape)
    assert pytest.approx(t50, rel=1e-9) == grown


@given(probabilities, probabilities, st.floats(min_value=1e-3, max_value=1e3), shapes)
def test_more_reliability_takes_longer(a: float, b: float, months: float, shape: float) -> None:
    """A higher success level never reaches a given length sooner."""
    low, high = sorted((a, b))
    assert reliability_lag_months(low, months, shape) <= reliability_lag_months(high, months, shape)


def test_lags_match_ords_rounded_table() -> None:
    """Ord's constant-hazard delays (7-month doubling): about 1, 2, 4 and 6 years."""
    for p, years in ((0.8, 1), (0.9, 2), (0.99, 4), (0.999, 6)):
        assert abs(reliability_lag_months(p, 7) / 12 - years) < 0.5 + 0.1 * years
    each_nine = reliability_lag_months(0.9999, 7) - reliability_lag_months(0.999, 7)
    assert 22 < each_nine < 25  # "each additional nine requires 2 more years"
    assert reliability_lag_months(0.5, 7) == 0
    assert reliability_lag_months(0.25, 7) < 0 < reliability_lag_months(0.75, 7)
