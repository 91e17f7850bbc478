"""Cross-check the steady-growth functions against numpy and scipy (CPython only).

Doubling times and annual factors are recovered by least-squares fits (numpy.polyfit) of
the logarithm of values the core extrapolates; times to close a gap or reach a target are
found by Brent's root finder (scipy.optimize.brentq) on the growth curve itself.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize

from calculators import (
    annual_factor,
    cost_decline,
    doubling_time,
    extrapolate,
    growth_per_year,
    time_to_reach,
    years_per_oom,
    years_to_close,
)

from strategies import growth_doubling_times, growth_factors, growth_gaps, growth_rising_factors, growth_values


@given(st.lists(growth_factors, min_size=1, max_size=6))
def test_growth_per_year_matches_numpy_prod(factors: list[float]) -> None:
    """The combined factor is numpy's product of the factors."""
    assert pytest.approx(float(np.prod(factors)), rel=1e-13) == growth_per_year(*factors)


@given(growth_doubling_times, growth_values)
def test_polyfit_of_log2_recovers_the_doubling_time(years: float, value: float) -> None:
    """A straight-line fit of log2(value) against time, over points the core extrapolates, has slope 1/T."""
    times = np.linspace(-2 * abs(years), 3 * abs(years), 11)
    values = [extrapolate(value, years, float(t)) for t in times]
    slope, intercept = np.polyfit(times, np.log2(values), 1)
    assert pytest.approx(years, rel=1e-9) == 1 / slope
    assert pytest.approx(math.log2(value), rel=1e-9, abs=1e-9) == intercept


@given(growth_doubling_times)
def test_polyfit_of_ln_gives_the_annual_factor(years: float) -> None:
    """Fitting ln(value) against time in years gives ln of annual_factor(T) as the slope."""
    times = np.arange(0.0, 6.0)
    values = [extrapolate(1.0, years, float(t)) for t in times]
    slope = np.polyfit(times, np.log(values), 1)[0]
    assert pytest.approx(math.exp(slope), rel=1e-9) == annual_factor(years)
    assert pytest.approx(years, rel=1e-9) == doubling_time(math.exp(slope))


@given(growth_factors)
def test_years_per_oom_is_where_the_curve_crosses_ten(factor: float) -> None:
    """Brent's method on f**t = 10 (or 1/10 for decline) finds years_per_oom's magnitude."""
    target = 10.0 if factor > 1 else 0.1
    span = abs(years_per_oom(factor)) * 2
    root = optimize.brentq(lambda t: factor**t - target, 0.0, span, xtol=1e-14, rtol=1e-14)
    assert pytest.approx(abs(years_per_oom(factor)), rel=1e-9) == root


@given(growth_gaps, growth_rising_factors)
def test_years_to_close_is_the_root_of_the_remaining_gap(gap: float, factor: float) -> None:
    """Brent's method on log(gap / f**t) = 0 finds the same number of years."""
    high = 1.0
    while gap / factor**high > 1:
        high *= 2
    root = optimize.brentq(lambda t: math.log(gap) - t * math.log(factor), 0.0, high, xtol=1e-14, rtol=1e-14)
    assert pytest.approx(root, rel=1e-9, abs=1e-12) == years_to_close(gap, factor)


@given(growth_values, growth_values, growth_doubling_times)
def test_time_to_reach_is_the_root_of_extrapolate(target: float, current: float, years: float) -> None:
    """Brent's method on log(extrapolate(current, T, t) / target) finds time_to_reach."""
    bound = abs(years) * 2 * (abs(math.log2(target / current)) + 1)
    gap = lambda t: math.log(extrapolate(current, years, t) / target)  # noqa: E731
    root = optimize.brentq(gap, -bound, bound, xtol=1e-12, rtol=1e-14)
    assert pytest.approx(root, rel=1e-8, abs=1e-9 * abs(years)) == time_to_reach(target, current, years)


def test_cost_decline_simulated_year_by_year() -> None:
    """Cutting a 1,000x gap by 3 and by 1.4 each year, the gap first drops below 1 in year 5."""
    decline = cost_decline(3, 1.4, 1000)
    gaps = 1000.0 / np.cumprod(np.full(10, 3 * 1.4))
    first_year_below_parity = int(np.argmax(gaps < 1)) + 1
    assert 5 == first_year_below_parity
    assert first_year_below_parity - 1 < decline.years_to_close < first_year_below_parity
