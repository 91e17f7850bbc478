"""Properties of the sigmoid-or-exponential core (calculators/models/sigmoid.py), checked with Hypothesis.

Round trips (exact data in, parameters out), identities of the logistic, the convexity
argument behind parting_time, and limits of the early-data scenario. Standard library,
pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import (
    early_doubling_time,
    early_exponential_fit,
    early_fit_error,
    early_logistic_fit,
    exponential_doubling_time,
    exponential_rate,
    exponential_value,
    fit_exponential,
    fit_logistic,
    logistic_inflection,
    logistic_value,
    overshoot_ratio,
    parting_time,
    years_until_overshoot,
)

from strategies import (
    sigmoid_ceilings,
    sigmoid_factors,
    sigmoid_midpoints,
    sigmoid_rates,
    sigmoid_times,
    sigmoid_years_observed,
    sigmoid_years_to_midpoint,
)

REL = 1e-9
#: Distinct whole-number times, so that fits are well conditioned.
point_times = st.lists(st.integers(min_value=-50, max_value=50), min_size=2, max_size=20, unique=True).map(
    lambda ts: [float(t) for t in ts]
)
scales = st.floats(min_value=1e-3, max_value=1e3)


def sigma(x: float) -> float:
    """The standard logistic function, written out independently of the core."""
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


# --- The two curves ----------------------------------------------------------------------


@given(sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints)
def test_logistic_is_half_its_ceiling_at_the_midpoint(ceiling: float, rate: float, midpoint: float) -> None:
    """L(t0) = K / 2, and the inflection point is (t0, K / 2)."""
    assert ceiling / 2 == logistic_value(midpoint, ceiling, rate, midpoint)
    inflection = logistic_inflection(ceiling, rate, midpoint)
    assert (midpoint, ceiling / 2) == (inflection.time, inflection.value)


@given(sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints, st.floats(min_value=0, max_value=50))
def test_logistic_is_point_symmetric(ceiling: float, rate: float, midpoint: float, z: float) -> None:
    """L(t0 + d) + L(t0 - d) = K: the S-curve is symmetric about its midpoint."""
    d = z / rate
    total = logistic_value(midpoint + d, ceiling, rate, midpoint) + logistic_value(
        midpoint - d, ceiling, rate, midpoint
    )
    assert pytest.approx(ceiling, rel=1e-12) == total


@given(sigmoid_times, sigmoid_times, sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints)
def test_logistic_rises_and_stays_below_its_ceiling(
    a: float, b: float, ceiling: float, rate: float, midpoint: float
) -> None:
    """The logistic never falls, and lies in [0, K]."""
    early, late = sorted((a, b))
    low, high = logistic_value(early, ceiling, rate, midpoint), logistic_value(late, ceiling, rate, midpoint)
    assert 0 <= low <= high <= ceiling


@given(sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints)
def test_inflection_slope_is_the_steepest_derivative(ceiling: float, rate: float, midpoint: float) -> None:
    """K r / 4 equals a central difference of L at t0, and exceeds it a unit of 1/r away."""
    h = 1e-4 / rate

    def slope(t: float) -> float:
        return (logistic_value(t + h, ceiling, rate, midpoint) - logistic_value(t - h, ceiling, rate, midpoint)) / (
            2 * h
        )

    steepest = logistic_inflection(ceiling, rate, midpoint).slope
    assert pytest.approx(ceiling * rate / 4, rel=1e-12) == steepest
    assert pytest.approx(steepest, rel=1e-6) == slope(midpoint)
    assert steepest > slope(midpoint + 1 / rate)


@given(sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints, st.floats(min_value=25, max_value=600))
def test_logistic_tail_is_its_exponential_asymptote(ceiling: float, rate: float, midpoint: float, z: float) -> None:
    """Far before the midpoint, L(t) = K exp(r (t - t0)) to a relative exp(-z) < 1.4e-11."""
    t = midpoint - z / rate
    asymptote = exponential_value(t, rate, midpoint, ceiling)
    assert pytest.approx(asymptote, rel=1e-10, abs=1e-300) == logistic_value(t, ceiling, rate, midpoint)


@given(sigmoid_times, st.floats(min_value=-5, max_value=5), sigmoid_midpoints, sigmoid_ceilings)
def test_exponential_passes_its_anchor_and_doubles(t: float, rate: float, anchor: float, value: float) -> None:
    """E(anchor) is the anchor value; a growing E doubles over its doubling time."""
    assume(abs(rate * (t - anchor)) < 600)
    assert value == exponential_value(anchor, rate, anchor, value)
    if rate > 1e-3:
        doubling = exponential_doubling_time(rate)
        later = exponential_value(t + doubling, rate, anchor, value)
        assert pytest.approx(2 * exponential_value(t, rate, anchor, value), rel=1e-9) == later


@given(sigmoid_rates)
def test_doubling_time_round_trip(rate: float) -> None:
    """exp(rate * doubling_time) = 2."""
    assert pytest.approx(2.0, rel=1e-14) == math.exp(rate * exponential_doubling_time(rate))


@given(sigmoid_rates)
def test_rate_inverts_doubling_time(rate: float) -> None:
    """exponential_rate undoes exponential_doubling_time, and doubles over its argument."""
    doubling = exponential_doubling_time(rate)
    assert pytest.approx(rate, rel=1e-14) == exponential_rate(doubling)
    assert pytest.approx(2.0, rel=1e-14) == math.exp(exponential_rate(doubling) * doubling)


@given(st.floats(min_value=1e-6, max_value=1e6), st.floats(min_value=1.0 + 1e-6, max_value=1e3))
def test_rate_falls_as_doubling_slows(doubling: float, slower: float) -> None:
    """A longer doubling time means a slower growth rate, in exact inverse proportion."""
    assert exponential_rate(doubling * slower) < exponential_rate(doubling)
    assert pytest.approx(slower, rel=1e-12) == exponential_rate(doubling) / exponential_rate(doubling * slower)


@pytest.mark.parametrize("bad", [0.0, -1.0, math.inf, math.nan])
def test_rate_rejects_bad_doubling_times(bad: float) -> None:
    """A doubling time must be a finite number greater than 0; the message names it."""
    with pytest.raises(ValueError, match="doubling_time"):
        exponential_rate(bad)
    with pytest.raises(ValueError, match="per must"):
        exponential_rate(1.0, per=bad)


@given(st.floats(min_value=1e-3, max_value=1e3), st.floats(min_value=1e-3, max_value=1e3))
def test_rate_per_longer_unit_scales(doubling: float, per: float) -> None:
    """A rate per a unit `per` times as long is `per` times as large: the change of unit."""
    assert pytest.approx(per * exponential_rate(doubling), rel=1e-13) == exponential_rate(doubling, per=per)


# --- Where the curves part --------------------------------------------------------------


@given(sigmoid_factors, sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints)
def test_parting_of_the_asymptote_has_a_closed_form(
    factor: float, ceiling: float, rate: float, midpoint: float
) -> None:
    """For the early asymptote K exp(r (t - t0)), the ratio is 1 + exp(r (t - t0)): factor at t0 + ln(factor - 1) / r."""
    expected = midpoint + math.log(factor - 1) / rate
    actual = parting_time(factor, ceiling, rate, midpoint, rate, midpoint, ceiling)
    assert pytest.approx(expected, rel=1e-12, abs=1e-9 / rate) == actual


@given(
    sigmoid_factors,
    sigmoid_rates,
    sigmoid_midpoints,
    sigmoid_rates,
    st.floats(min_value=-20, max_value=20),
    st.floats(min_value=1e-3, max_value=1.0),
)
def test_parting_time_is_the_last_crossing(
    factor: float, rate: float, midpoint: float, exp_rate: float, shift: float, share: float
) -> None:
    """At the parting time E / L equals the factor; after it E / L only grows past it."""
    ceiling, anchor_time, anchor_value = 1.0, midpoint + shift / rate, share

    def ratio(t: float) -> float:
        return exponential_value(t, exp_rate, anchor_time, anchor_value) / logistic_value(t, ceiling, rate, midpoint)

    try:
        when = parting_time(factor, ceiling, rate, midpoint, exp_rate, anchor_time, anchor_value)
    except ValueError as error:
        assert "never part" in str(error)
        grid = [midpoint + k / (4 * rate) for k in range(-200, 201)]
        assert all(ratio(t) > factor for t in grid)
        return
    assume(abs(exp_rate * (when - anchor_time)) < 600 and abs(rate * (when - midpoint)) < 600)
    assert pytest.approx(factor, rel=1e-9) == ratio(when)
    for step in (0.1, 1.0, 10.0):
        assert ratio(when + step / exp_rate) > factor * (1 - 1e-12)


@given(sigmoid_factors, sigmoid_factors, sigmoid_rates, sigmoid_midpoints, sigmoid_rates)
def test_parting_time_grows_with_the_factor(a: float, b: float, rate: float, midpoint: float, exp_rate: float) -> None:
    """A larger overshoot is reached later (or at the same time)."""
    small, large = sorted((a, b))
    # Anchored at 0.4 K at the midpoint, the exponential is below the logistic there, so it
    # crosses every factor above 1.
    args = (1.0, rate, midpoint, exp_rate, midpoint, 0.4)
    assert parting_time(small, *args) <= parting_time(large, *args)


# --- Fits -----------------------------------------------------------------------------------


@given(point_times, st.floats(min_value=-5, max_value=5), st.floats(min_value=-30, max_value=30), sigmoid_ceilings)
def test_fit_exponential_recovers_an_exact_exponential(
    times: list[float], rate: float, anchor: float, value: float
) -> None:
    """Points sampled from an exponential give back its rate and its value at the mean time."""
    assume(max(abs(rate * (t - anchor)) for t in times) < 600)
    values = [exponential_value(t, rate, anchor, value) for t in times]
    fit = fit_exponential(times, values)
    mean_time = math.fsum(times) / len(times)
    assert pytest.approx(rate, rel=REL, abs=1e-12) == fit.rate
    assert mean_time == fit.anchor_time
    assert pytest.approx(exponential_value(mean_time, rate, anchor, value), rel=1e-9) == fit.anchor_value
    assert fit.max_log_error < 1e-9


@given(
    point_times,
    st.lists(st.floats(min_value=1e-3, max_value=1e3), min_size=20, max_size=20),
    scales,
    st.floats(-100, 100),
)
def test_fit_exponential_is_unit_free(times: list[float], raw: list[float], c: float, shift: float) -> None:
    """Scaling values by c scales the anchor value by c; shifting times shifts the anchor time."""
    values = raw[: len(times)]
    fit = fit_exponential(times, values)
    scaled = fit_exponential(times, [c * v for v in values])
    shifted = fit_exponential([t + shift for t in times], values)
    assert pytest.approx(fit.rate, rel=1e-9, abs=1e-12) == scaled.rate
    assert pytest.approx(c * fit.anchor_value, rel=1e-9) == scaled.anchor_value
    assert pytest.approx(fit.rate, rel=1e-9, abs=1e-12) == shifted.rate
    assert pytest.approx(fit.anchor_time + shift, rel=1e-9, abs=1e-9) == shifted.anchor_time
    geometric_mean = math.exp(math.fsum(math.log(v) for v in values) / len(values))
    assert pytest.approx(geometric_mean, rel=1e-12) == fit.anchor_value


@given(point_times, sigmoid_ceilings, sigmoid_rates, st.floats(min_value=-30, max_value=30))
def test_fit_logistic_with_known_ceiling_recovers_rate_and_midpoint(
    times: list[float], ceiling: float, rate: float, midpoint: float
) -> None:
    """With the ceiling given, exact samples give back r and t0 (the logit is linear in t)."""
    # Keep every sample at least 4.5e-5 K below the ceiling: nearer, K - y loses its digits.
    assume(max(rate * (t - midpoint) for t in times) < 10)
    values = [logistic_value(t, ceiling, rate, midpoint) for t in times]
    fit = fit_logistic(times, values, ceiling)
    assert ceiling == fit.ceiling
    assert pytest.approx(rate, rel=1e-7) == fit.growth_rate
    assert pytest.approx(midpoint, rel=1e-7, abs=1e-7 / rate) == fit.midpoint


@given(sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints, st.integers(min_value=1, max_value=4), st.floats(-2, 2))
def test_fit_logistic_finds_the_ceiling_of_exact_samples(
    ceiling: float, rate: float, midpoint: float, half_width: int, offset: float
) -> None:
    """Samples of a logistic around its midpoint give back K, r and t0 with the ceiling unknown."""
    times = [midpoint + (offset + k) / rate for k in range(-half_width - 2, half_width + 1)]
    values = [logistic_value(t, ceiling, rate, midpoint) for t in times]
    fit = fit_logistic(times, values)
    assert pytest.approx(ceiling, rel=1e-7) == fit.ceiling
    assert pytest.approx(rate, rel=1e-7) == fit.growth_rate
    assert pytest.approx(midpoint, rel=1e-7, abs=1e-7 / rate) == fit.midpoint


def test_fit_logistic_sees_no_ceiling_in_an_exponential() -> None:
    """Points on an exact exponential show no ceiling: the fit says so instead of inventing one."""
    times = [0.0, 1.0, 2.0, 3.0, 4.0]
    with pytest.raises(ValueError, match="no sign of a ceiling"):
        fit_logistic(times, [3 * 2**t for t in times])


INVALID_POINTS = {  # id: (function, args, message pattern)
    "lengths-differ": (fit_exponential, ([1, 2, 3], [1, 2]), "times and values must have the same length, got 3 and 2"),
    "too-few": (fit_exponential, ([1], [1]), "times and values need at least 2 points, got 1"),
    "too-few-logistic": (fit_logistic, ([1, 2], [1, 2]), "times and values need at least 3 points, got 2"),
    "zero-value": (fit_exponential, ([1, 2], [1, 0]), "values[1] must be greater than 0, got 0"),
    "nan-time": (fit_exponential, ([1, math.nan], [1, 2]), "times[1] must be a finite number, got nan"),
    "text-value": (fit_exponential, ([1, 2], [1, "2"]), "values[1] must be a number, got '2'"),
    "bool-time": (fit_exponential, ([True, 2], [1, 2]), "times[0] must be a number, got True"),
    "not-a-sequence": (fit_exponential, ("12", [1, 2]), "times must be a sequence of numbers, got '12'"),
    "equal-times": (fit_exponential, ([3, 3, 3], [1, 2, 4]), "times must include at least 2 different values"),
    "ceiling-too-low": (
        fit_logistic,
        ([1, 2], [1, 5], 4),
        "ceiling must be greater than every value (the largest is 5), got 4",
    ),
    "falling": (
        fit_logistic,
        ([1, 2, 3], [3, 2, 1], 10),
        "the values do not rise over time, so no rising logistic fits them",
    ),
}


@pytest.mark.parametrize(("function", "args", "message"), list(INVALID_POINTS.values()), ids=list(INVALID_POINTS))
def test_invalid_points_raise_value_error(function, args: tuple, message: str) -> None:
    """Bad points give a ValueError whose message is exactly the expected sentence."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        function(*args)


def test_invalid_scalars_raise_value_error() -> None:
    """Out-of-range scalars name the parameter and its range."""
    with pytest.raises(ValueError, match=r"^factor must be greater than 1, got 1$"):
        parting_time(1, 1, 1, 0, 1, 0, 1)
    with pytest.raises(ValueError, match=r"^years_observed must be a whole number from 2 to 100, got 2.5$"):
        early_exponential_fit(1, 1, 0, 2.5)
    with pytest.raises(ValueError, match=r"^growth_rate must be greater than 0, got 0$"):
        logistic_value(0, 1, 0, 0)


# --- The early-data scenario ---------------------------------------------------------------

scenario = st.tuples(sigmoid_ceilings, sigmoid_rates, sigmoid_years_to_midpoint, sigmoid_years_observed)


@given(scenario)
def test_fitted_rate_lies_between_the_curves_end_slopes(args: tuple[float, float, float, float]) -> None:
    """ln L is concave, so the fitted rate lies between its slopes at the last and first points."""
    _ceiling, rate, to_midpoint, years = args
    log_slope = lambda t: rate * sigma(-rate * (t - to_midpoint))  # noqa: E731  d ln L / dt
    fitted = early_exponential_fit(*args).rate
    assert log_slope(0.0) * (1 - 1e-9) <= fitted <= log_slope(-years) * (1 + 1e-9)
    assert fitted <= rate * (1 + 1e-12)
    assert math.log(2) / rate <= early_doubling_time(*args) * (1 + 1e-12)


@given(scenario, sigmoid_ceilings)
def test_the_ceiling_changes_no_result(args: tuple[float, float, float, float], other: float) -> None:
    """Only the values scale with K: rate, overshoot years and ratios do not depend on it."""
    _, rate, to_midpoint, years = args
    first, second = (args, (other, rate, to_midpoint, years))
    assert pytest.approx(early_doubling_time(*first), rel=1e-9) == early_doubling_time(*second)
    assert pytest.approx(years_until_overshoot(2, *first), rel=1e-9, abs=1e-9) == years_until_overshoot(2, *second)
    assert pytest.approx(overshoot_ratio(3.0, *first), rel=1e-9) == overshoot_ratio(3.0, *second)


@given(scenario, sigmoid_factors, sigmoid_factors)
def test_overshoot_years_round_trip_and_order(args: tuple[float, float, float, float], a: float, b: float) -> None:
    """The ratio at years_until_overshoot(f) is f, and a larger f comes later."""
    small, large = sorted((a, b))
    when = years_until_overshoot(small, *args)
    assume(args[1] * abs(when) < 600)
    assert pytest.approx(small, rel=1e-8) == overshoot_ratio(when, *args)
    assert when <= years_until_overshoot(large, *args)


@given(
    st.tuples(sigmoid_ceilings, sigmoid_rates, st.floats(min_value=0, max_value=20), sigmoid_years_observed),
    st.floats(0, 5),
)
def test_fit_error_shrinks_as_the_data_move_before_the_bend(
    args: tuple[float, float, float, float], extra: float
) -> None:
    """The further before the midpoint the data stop, the better an exponential fits them."""
    ceiling, rate, to_midpoint, years = args
    # Deep in the tail both are at the rounding level (about 1e-14) and may swap.
    assert early_fit_error(*args) >= early_fit_error(ceiling, rate, to_midpoint + extra, years) * (1 - 1e-6) - 1e-12


@given(sigmoid_ceilings, sigmoid_rates, sigmoid_years_observed, st.floats(min_value=25, max_value=100))
def test_far_before_the_bend_the_fit_is_the_asymptote(ceiling: float, rate: float, years: float, z: float) -> None:
    """Data far before the midpoint: the fit has rate r and overshoots 2x exactly at the midpoint."""
    to_midpoint = z / rate
    assert pytest.approx(rate, rel=1e-9) == early_exponential_fit(ceiling, rate, to_midpoint, years).rate
    assert pytest.approx(to_midpoint, rel=1e-9) == years_until_overshoot(2, ceiling, rate, to_midpoint, years)
    assert pytest.approx(2.0, rel=1e-9) == overshoot_ratio(to_midpoint, ceiling, rate, to_midpoint, years)


@given(sigmoid_ceilings, sigmoid_rates, st.floats(min_value=-2, max_value=2), st.integers(min_value=4, max_value=12))
def test_early_logistic_fit_recovers_the_true_curve(ceiling: float, rate: float, z: float, years: int) -> None:
    """Exact samples near the bend give the true K, r and midpoint back, ceiling unknown."""
    to_midpoint = z / rate
    fit = early_logistic_fit(ceiling, rate, to_midpoint, float(years))
    assert pytest.approx(ceiling, rel=1e-7) == fit.ceiling
    assert pytest.approx(rate, rel=1e-7) == fit.growth_rate
    assert pytest.approx(to_midpoint, rel=1e-7, abs=1e-7 / rate) == fit.midpoint
