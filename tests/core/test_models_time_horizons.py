"""Properties of the time-horizon trend (models/time_horizons.py): the fit and its doubling
time, the seeded bootstrap over models, percentiles, the date a trend reaches a target and
its band. Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide;
METR's published doubling times are golden cases in tests/cases/time_horizons.csv, and
NumPy and SciPy check the arithmetic in tests/crosscheck/test_time_horizons_numpy.py."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import (
    ExponentialFit,
    bootstrap_fits,
    day_from_year,
    day_reached,
    doubling_days,
    doubling_interval,
    exponential_value,
    horizon_ratio,
    percentile,
    reach_interval,
    trend_band,
    window_models,
    window_reach_year,
)
from calculators._checks import InputError, OutOfRangeError

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
years = st.floats(min_value=1.0, max_value=9999.99, allow_nan=False)
doubling = st.floats(min_value=10.0, max_value=2000.0)
start = st.floats(min_value=0.01, max_value=1e4)
#: Release dates 0 to 3000 days apart, at least three of them and not all on one day.
dates = st.lists(st.integers(min_value=0, max_value=3000).map(float), min_size=3, max_size=12, unique=True)


def exact_trend(days: list[float], doubling_days_: float, first: float) -> list[float]:
    """Horizons exactly on an exponential trend through ``first`` at day 0."""
    return [first * 2.0 ** (day / doubling_days_) for day in days]


# --- The fit and its doubling time --------------------------------------------------------


@given(dates, doubling, start)
def test_exact_exponential_data_give_their_doubling_time(days: list[float], tau: float, first: float) -> None:
    """Points exactly on a trend that doubles every tau days give tau back."""
    assert pytest.approx(tau, rel=1e-9) == doubling_days(days, exact_trend(days, tau, first))


@given(dates, doubling, start, finite, st.floats(1e-3, 1e3))
def test_doubling_time_ignores_the_origin_and_the_unit(
    days: list[float], tau: float, first: float, shift: float, unit: float
) -> None:
    """Shifting every date, or measuring horizons in another unit, leaves the doubling time."""
    rng = random.Random(len(days))
    noisy = [value * 2 ** rng.uniform(-1, 1) for value in exact_trend(days, tau, first)]
    try:
        expected = doubling_days(days, noisy)
    except OutOfRangeError:
        return  # the noise made this sample shrink: no doubling time either way
    assert pytest.approx(expected, rel=1e-6) == doubling_days([d + shift for d in days], [v * unit for v in noisy])


def test_horizons_that_shrink_have_no_doubling_time() -> None:
    """A falling trend is an OutOfRangeError that says so."""
    with pytest.raises(OutOfRangeError, match="do not grow"):
        doubling_days([0, 100, 200], [8, 4, 2])


# --- The bootstrap ------------------------------------------------------------------------

WINDOW = window_models(1.1, 2023.0, 2026.5)
DAYS = [row.release_day for row in WINDOW]
T50 = [row.t50_min for row in WINDOW]


def test_bootstrap_is_deterministic_for_a_seed() -> None:
    """The same seed gives the same refits; another seed gives other refits."""
    assert bootstrap_fits(DAYS, T50, resamples=50, seed=7) == bootstrap_fits(DAYS, T50, resamples=50, seed=7)
    assert bootstrap_fits(DAYS, T50, resamples=50, seed=7) != bootstrap_fits(DAYS, T50, resamples=50, seed=8)
    assert 1000 == len(bootstrap_fits(DAYS, T50))


def test_bootstrap_draws_are_fixed_for_every_python() -> None:
    """The first refit of seed 0 is a known number, so a Python whose generator or draws
    differ (another random, another way of picking indices) fails here, in CPython and Pyodide."""
    first = bootstrap_fits(DAYS, T50, resamples=1)[0]
    rng = random.Random(0)
    chosen = [int(rng.random() * len(DAYS)) for _ in DAYS]
    assert [11, 10, 5, 3, 7, 5, 10, 4, 6, 8, 12, 7, 3, 10] == chosen
    refit = doubling_days([DAYS[i] for i in chosen], [T50[i] for i in chosen])
    assert pytest.approx(refit, rel=1e-12) == math.log(2) / first.rate


@given(dates, doubling, start, st.integers(0, 10**6))
def test_refits_of_exact_data_are_exact(days: list[float], tau: float, first: float, seed: int) -> None:
    """Every refit of points on one exponential is that exponential; so are the intervals."""
    values = exact_trend(days, tau, first)
    fits = bootstrap_fits(days, values, resamples=20, seed=seed)
    low, high = doubling_interval(fits)
    assert pytest.approx(tau, rel=1e-6) == low
    assert pytest.approx(tau, rel=1e-6) == high
    target = first * 8
    earliest, latest = reach_interval(fits, target)
    assert pytest.approx(3 * tau, rel=1e-6, abs=1e-6) == earliest
    assert pytest.approx(3 * tau, rel=1e-6, abs=1e-6) == latest


def test_bootstrap_needs_three_models() -> None:
    """Two models always fit exactly: the bootstrap refuses them by name."""
    with pytest.raises(InputError, match="at least 3 models") as error:
        bootstrap_fits([0, 1], [1, 2])
    assert "times" == error.value.parameter


@pytest.mark.parametrize(("report", "first"), [(1.0, 2019.0), (1.0, 2023.0), (1.1, 2019.0), (1.1, 2023.0)])
def test_intervals_hold_the_estimates_on_metr_windows(report: float, first: float) -> None:
    """On METR's windows the bootstrap interval holds the point estimate, and dates come in order."""
    rows = window_models(report, first, 2026.5)
    days, t50 = [row.release_day for row in rows], [row.t50_min for row in rows]
    fits = bootstrap_fits(days, t50)
    low, high = doubling_interval(fits)
    assert low < doubling_days(days, t50) < high
    reached = day_from_year(window_reach_year(report, first, 2026.5, target_minutes=2400, p=0.8))
    earliest, latest = reach_interval(fits, 2400 * horizon_ratio(0.8))
    assert earliest < reached < latest
    (band_low, band_high), *_ = trend_band(fits, [reached])
    assert band_low < 2400 * horizon_ratio(0.8) < band_high


# --- Percentiles, dates and bands ---------------------------------------------------------


@given(st.lists(finite, min_size=1, max_size=30), st.floats(0, 100), st.floats(0, 100))
def test_percentile_is_monotone_and_bounded(values: list[float], q1: float, q2: float) -> None:
    """Percentiles lie within the data and never fall as q rises; 0 and 100 are the ends."""
    low, high = sorted((q1, q2))
    assert min(values) <= percentile(values, low) <= percentile(values, high) <= max(values)
    assert min(values) == percentile(values, 0)
    assert max(values) == percentile(values, 100)


@given(st.floats(1e-3, 1e6), st.floats(1e-5, 1.0), finite, st.floats(1e-3, 1e6))
def test_day_reached_undoes_the_trend(target: float, rate: float, anchor: float, value: float) -> None:
    """The trend, evaluated on the day it reaches the target, is the target."""
    day = day_reached(target, rate, anchor, value)
    assert pytest.approx(target, rel=1e-6) == exponential_value(day, rate, anchor, value)


def test_a_flat_trend_never_reaches_the_target() -> None:
    """A rate of 0 never gets there, and says so."""
    with pytest.raises(OutOfRangeError, match="never reaches"):
        day_reached(10, 0.0, 0.0, 1.0)


@given(st.floats(0.51, 0.999), st.floats(0.51, 0.999), st.floats(1.0, 500.0))
def test_a_higher_success_level_or_a_longer_task_comes_later(p1: float, p2: float, hours: float) -> None:
    """The date the trend reaches a task rises with the success level and with the task's length."""
    low, high = sorted((p1, p2))
    minutes = hours * 60
    assert window_reach_year(1.1, 2019, 2026.5, minutes, low) <= window_reach_year(1.1, 2019, 2026.5, minutes, high)
    assert window_reach_year(1.1, 2019, 2026.5, minutes, high) < window_reach_year(1.1, 2019, 2026.5, 2 * minutes, high)


@given(st.floats(0.2, 3.0))
def test_the_50_percent_date_does_not_depend_on_the_shape(shape: float) -> None:
    """At p = 0.5 every success curve passes through T50, so the hazard shape changes nothing."""
    assert pytest.approx(window_reach_year(1.0, 2019, 2026.5, 480), abs=1e-9) == window_reach_year(
        1.0, 2019, 2026.5, 480, p=0.5, shape=shape
    )


def test_trend_band_refuses_no_refits() -> None:
    """An empty set of refits is an error naming it."""
    with pytest.raises(InputError, match="fits needs at least one refit"):
        trend_band([], [0.0])
    assert trend_band([ExponentialFit(0.01, 0.0, 2.0, 0.0)], [0.0]) == [(2.0, 2.0)]
