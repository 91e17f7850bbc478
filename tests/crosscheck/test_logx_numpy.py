"""Cross-check the log-x functions against numpy and scipy (CPython only).

A straight line on a log-x chart is y = a + b log10 x. numpy.polyfit recovers b from points
the core puts on the line; scipy.optimize.brentq solves the line for the compute that gives
a target score, which must equal the core's closed-form multiplier.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given
from scipy import optimize

from calculators import logx_cost_multiplier, logx_reading, logx_score, logx_slope, steepened_cost_multiplier

from strategies import logx_gains, logx_multipliers, logx_scores, logx_slope_factors, logx_slopes


@given(logx_scores, logx_slopes)
def test_polyfit_recovers_slope_and_intercept(start: float, slope: float) -> None:
    """A least-squares line through the core's scores against log10 compute has the core's slope."""
    multipliers = np.logspace(-2, 2, 9)
    scores = [logx_score(start, slope, float(m)) for m in multipliers]
    fitted_slope, fitted_start = np.polyfit(np.log10(multipliers), scores, 1)
    assert pytest.approx(slope, rel=1e-9) == fitted_slope
    assert pytest.approx(start, rel=1e-9, abs=1e-9 * slope) == fitted_start


@given(logx_scores, logx_scores, logx_multipliers)
def test_two_point_polyfit_is_logx_slope(low: float, high: float, multiplier: float) -> None:
    """Through two measurements, polyfit's slope is logx_slope."""
    fitted = np.polyfit([0.0, math.log10(multiplier)], [low, high], 1)[0]
    assert pytest.approx(float(fitted), rel=1e-9, abs=1e-9) == logx_slope(low, high, multiplier)


def test_arc_agi_slope_against_polyfit() -> None:
    """The ARC-AGI o3 points (75.7% and 87.5% with 172x compute) give about 5.3 points per 10x both ways."""
    fitted = np.polyfit(np.log10([1.0, 172.0]), [75.7, 87.5], 1)[0]
    assert pytest.approx(float(fitted), rel=1e-12) == logx_slope(75.7, 87.5, 172)
    assert 5.3 == round(float(fitted), 1)


@given(logx_scores, logx_gains, logx_slopes)
def test_multiplier_is_the_root_of_the_line(start: float, gain: float, slope: float) -> None:
    """Brent's method on score(x) = target, in log10 x, finds log10 of the core's multiplier."""
    target = start + gain
    assume(0 <= target <= 100)
    line = lambda log_x: start + slope * log_x - target  # noqa: E731
    bound = abs(gain / slope) + 1
    root = optimize.brentq(line, -bound, bound, xtol=1e-13, rtol=1e-14)
    assert pytest.approx(root, rel=1e-9, abs=1e-12) == math.log10(logx_cost_multiplier(gain, slope))


@given(logx_scores, logx_gains, logx_slopes, logx_slope_factors)
def test_steeper_multiplier_is_the_root_of_the_steeper_line(
    start: float, gain: float, slope: float, factor: float
) -> None:
    """Solving the steeper line numerically gives steepened_cost_multiplier."""
    target = start + gain
    assume(0 <= target <= 100 and abs(gain / slope / factor) < 300)
    steeper = slope * factor
    root = optimize.brentq(lambda log_x: start + steeper * log_x - target, -400, 400, xtol=1e-13, rtol=1e-14)
    assert pytest.approx(root, rel=1e-9, abs=1e-12) == math.log10(steepened_cost_multiplier(gain, slope, factor))
    assert pytest.approx(root, rel=1e-9, abs=1e-12) == logx_reading(start, target, slope, factor).steepened_ooms
