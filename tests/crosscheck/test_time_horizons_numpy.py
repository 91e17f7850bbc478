"""Cross-check the time-horizon trend against NumPy and SciPy (CPython only).

The doubling time against ``numpy.polyfit`` of log2(horizon) on the release date (METR's own
fit); percentiles against ``numpy.percentile``; each bootstrap refit against ``polyfit`` on
the same drawn models; the band against ``numpy.percentile`` of the refits' values; the date
a trend reaches a target against SciPy's root finder on the trend itself.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize

from calculators import (
    bootstrap_fits,
    day_from_year,
    day_reached,
    doubling_days,
    doubling_interval,
    percentile,
    reach_interval,
    trend_band,
    window_models,
    window_reach_year,
)

WINDOWS = [
    (1.0, 2019.0, 2025.2),
    (1.0, 2019.0, 2026.5),
    (1.0, 2023.0, 2026.5),
    (1.1, 2019.0, 2026.5),
    (1.1, 2023.0, 2026.5),
]


def points(report: float, first: float, last: float, frontier_only: bool = True) -> tuple[list[float], list[float]]:
    rows = window_models(report, first, last, frontier_only)
    return [row.release_day for row in rows], [row.t50_min for row in rows]


@pytest.mark.parametrize("window", WINDOWS, ids=str)
@pytest.mark.parametrize("frontier_only", [True, False])
def test_doubling_time_is_numpys_polyfit(window: tuple[float, float, float], frontier_only: bool) -> None:
    """1 / slope of numpy.polyfit(days, log2 T50, 1) over the same models."""
    days, t50 = points(*window, frontier_only)
    slope = np.polyfit(days, np.log2(t50), 1)[0]
    assert pytest.approx(1 / slope, rel=1e-10) == doubling_days(days, t50)


@given(
    st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=3, max_size=25, unique=True),
    st.lists(st.floats(-3, 3), min_size=25, max_size=25),
)
def test_doubling_time_of_noisy_points_is_polyfits(days: list[float], noise: list[float]) -> None:
    """Random points: the same line as numpy's least squares, whenever it rises."""
    values = [2 ** (day / 150 + e) for day, e in zip(days, noise, strict=False)]
    slope = np.polyfit(days, np.log2(values), 1)[0]
    if slope <= 1e-9:
        return
    assert pytest.approx(1 / slope, rel=1e-7) == doubling_days(days, values)


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=40), st.floats(0, 100))
def test_percentile_is_numpys_default(values: list[float], q: float) -> None:
    """numpy.percentile with its default (linear) method."""
    assert pytest.approx(float(np.percentile(values, q)), rel=1e-12, abs=1e-9) == percentile(values, q)


def test_each_refit_is_polyfit_of_the_drawn_models() -> None:
    """Redraw the models as the bootstrap does (seed 0) and fit each draw with numpy."""
    days, t50 = points(1.1, 2023.0, 2026.5)
    fits = bootstrap_fits(days, t50, resamples=200)
    draw = random.Random(0).random
    checked = 0
    for fit in fits:
        while True:
            chosen = [int(draw() * len(days)) for _ in days]
            if len({days[i] for i in chosen}) > 1:
                break
        x = np.array([days[i] for i in chosen])
        slope, intercept = np.polyfit(x, np.log([t50[i] for i in chosen]), 1)
        assert pytest.approx(slope, rel=1e-9) == fit.rate
        assert pytest.approx(math.exp(intercept + slope * fit.anchor_time), rel=1e-9) == fit.anchor_value
        checked += 1
    assert 200 == checked


@pytest.mark.parametrize("window", WINDOWS, ids=str)
def test_intervals_are_numpys_percentiles_of_the_refits(window: tuple[float, float, float]) -> None:
    """The doubling interval, the band and the date interval are numpy percentiles of the refits."""
    days, t50 = points(*window)
    fits = bootstrap_fits(days, t50)
    rates = np.array([fit.rate for fit in fits])
    low, high = doubling_interval(fits)
    assert pytest.approx(math.log(2) / np.percentile(rates, 97.5), rel=1e-12) == low
    assert pytest.approx(math.log(2) / np.percentile(rates, 2.5), rel=1e-12) == high
    day = day_from_year(2028.0)
    logs = np.array([math.log(fit.anchor_value) + fit.rate * (day - fit.anchor_time) for fit in fits])
    [(band_low, band_high)] = trend_band(fits, [day])
    assert pytest.approx(math.exp(np.percentile(logs, 2.5)), rel=1e-12) == band_low
    assert pytest.approx(math.exp(np.percentile(logs, 97.5)), rel=1e-12) == band_high
    target = 2400.0
    reached = np.array([fit.anchor_time + math.log(target / fit.anchor_value) / fit.rate for fit in fits])
    earliest, latest = reach_interval(fits, target)
    assert pytest.approx(np.percentile(reached, 2.5), rel=1e-12) == earliest
    assert pytest.approx(np.percentile(reached, 97.5), rel=1e-12) == latest


@given(st.floats(1e-2, 1e5), st.floats(1e-4, 1e-1), st.floats(-1e4, 1e4), st.floats(1e-2, 1e5))
def test_day_reached_is_brentqs_root(target: float, rate: float, anchor: float, value: float) -> None:
    """SciPy's Brent root of log(trend) - log(target) is the day the core computes."""
    expected = day_reached(target, rate, anchor, value)

    def gap(day: float) -> float:
        return math.log(value) + rate * (day - anchor) - math.log(target)

    width = 1 + abs(expected - anchor)
    root = optimize.brentq(gap, anchor - 2 * width, anchor + 2 * width, xtol=1e-12, rtol=1e-14)
    assert pytest.approx(root, rel=1e-9, abs=1e-6) == expected


@pytest.mark.parametrize("window", WINDOWS, ids=str)
def test_reach_year_is_where_polyfits_line_crosses(window: tuple[float, float, float]) -> None:
    """The 80% date: numpy's fitted line of log2 T50 meets log2(2400 min x T50/T80 at k = 1)."""
    days, t50 = points(*window)
    slope, intercept = np.polyfit(days, np.log2(t50), 1)
    needed = math.log2(2400 * math.log(2) / math.log(1 / 0.8))
    day = (needed - intercept) / slope
    year = window_reach_year(*window, target_minutes=2400, p=0.8)
    assert pytest.approx(day, abs=1e-6) == day_from_year(year)
