"""Cross-check METR's logistic curve and the agent-cost tools against NumPy and SciPy (CPython only).

The logistic formulas are compared with ``scipy.special.expit``/``logit`` and with Brent's
method; the log-log slope finder with ``numpy.gradient``; the sweet spot and saturation
point of the stylised curve with ``scipy.optimize`` on the continuous curve; Stakenborg's
cost per success with ``scipy.stats.weibull_min``.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize, special, stats

from calculators import (
    agent_cost_per_success,
    break_even_task_hours,
    human_task_cost,
    log_log_slopes,
    logistic_horizon,
    logistic_slope,
    logistic_success,
    saturating_horizon,
    saturation_point,
    sweet_spot,
)

from strategies import agent_curves, agent_hours, agent_logistic_slopes, probabilities, shapes, t50s

LN2 = math.log(2.0)
SLOPES = [-3.0, -1.0, -math.log(4) / 2, -0.70165, -0.3, -0.05]

# METR's published 50% and 80% horizons in minutes, digit for digit from its Time Horizon
# 1.0 results file (benchmark_results_1_0.yaml, via IAPS-AI/METR-Time-Horizons@ca2bedb;
# the project's shared/data/metr_horizons.csv). Caveats in that file's notes: METR revises
# these numbers, and the 1.0 and 1.1 releases are not on one scale.
METR_1_0 = {
    "gpt_4": (5.35186, 0.965652),
    "claude_3_5_sonnet_20241022": (29.575983, 4.595975),
    "o1_elicited": (41.05291, 6.071816),
    "claude_3_7_sonnet": (56.09162, 15.226294),
    "o3": (94.005541, 21.431305),
    "claude_4_opus": (85.556627, 20.879157),
    "grok_4": (109.172956, 15.296487),
    "claude_4_1_opus": (113.68507, 21.891731),
    "gpt_5": (137.735311, 26.566128),
}


def test_logistic_success_is_expit_on_a_grid() -> None:
    """P(t) = expit(slope * log2(t / T50)), to 1e-13, across lengths, horizons and slopes."""
    for t50, slope, doublings in itertools.product([1e-3, 59.0, 1e5], SLOPES, np.linspace(-30, 30, 61)):
        t = t50 * 2.0**doublings
        expected = float(special.expit(slope * math.log2(t / t50)))
        assert pytest.approx(expected, rel=1e-13, abs=1e-300) == logistic_success(t, t50, slope)


@given(probabilities, t50s, agent_logistic_slopes)
def test_logistic_horizon_is_scipy_logit(p: float, t50: float, slope: float) -> None:
    """T_p = T50 * 2 ** (logit(p) / slope) with SciPy's logit."""
    assert pytest.approx(t50 * 2.0 ** (float(special.logit(p)) / slope), rel=1e-12) == logistic_horizon(p, t50, slope)


@given(t50s, agent_logistic_slopes, st.floats(min_value=1e-3, max_value=0.999))
def test_logistic_horizon_is_the_root_of_success_minus_p(t50: float, slope: float, p: float) -> None:
    """Brent's method on log2 t finds the same horizon as the closed form."""
    gap = lambda z: logistic_success(t50 * 2.0**z, t50, slope) - p  # noqa: E731
    reach = 10 / -slope  # |logit(p)| < 7 here, so the root lies within this many doublings
    root = optimize.brentq(gap, -reach, reach, xtol=1e-14, rtol=1e-15)
    assert pytest.approx(t50 * 2.0**root, rel=1e-9) == logistic_horizon(p, t50, slope)


@given(t50s, st.floats(min_value=1e-4, max_value=0.9999))
def test_logistic_slope_is_the_root_through_t80(t50: float, fraction: float) -> None:
    """Brent's method finds the slope whose logistic passes through (T80, 80%)."""
    t80 = t50 * fraction
    gap = lambda b: special.expit(b * math.log2(t80 / t50)) - 0.8  # noqa: E731
    root = optimize.brentq(gap, -1e6, -1e-12, xtol=1e-15, rtol=1e-14)
    assert pytest.approx(root, rel=1e-9) == logistic_slope(t50, t80)


@pytest.mark.parametrize(("t50", "t80"), list(METR_1_0.values()), ids=list(METR_1_0))
def test_metr_published_horizons(t50: float, t80: float) -> None:
    """For METR's own horizons, the slope found by root finding reproduces both horizons."""
    slope = logistic_slope(t50, t80)
    root = optimize.brentq(lambda b: special.expit(b * math.log2(t80 / t50)) - 0.8, -50, -1e-6, xtol=1e-15)
    assert pytest.approx(root, rel=1e-10) == slope
    assert pytest.approx(t80, rel=1e-12) == logistic_horizon(0.8, t50, slope)
    assert pytest.approx(0.5, rel=1e-15) == logistic_success(t50, t50, slope)
    # METR's curves fall faster than a constant hazard predicts at 80% (T50 / T80 above 3.11).
    assert t50 / t80 > 3.11


@given(
    st.lists(st.floats(min_value=-6, max_value=6), min_size=3, max_size=40, unique=True),
    st.lists(st.floats(min_value=-6, max_value=6), min_size=40, max_size=40),
)
def test_log_log_slopes_match_numpy_gradient(log_costs: list[float], log_horizons: list[float]) -> None:
    """Our slopes are numpy.gradient(log T, log C) on any uneven, wiggly curve."""
    x = np.log(10.0 ** np.array(sorted(log_costs)))
    if np.any(np.diff(x) <= 1e-9):
        return
    y = np.log(10.0 ** np.array(log_horizons[: len(x)]))
    expected = np.gradient(y, x)
    actual = log_log_slopes(np.exp(x).tolist(), np.exp(y).tolist())
    assert pytest.approx(expected.tolist(), rel=1e-7, abs=1e-7) == list(actual)


def test_stylised_curve_is_expit_in_log_cost() -> None:
    """The stylised curve is the plateau times expit(steepness * ln(cost / half_cost))."""
    for top, half, steep, ratio in itertools.product([0.5, 2.0], [1.0, 20.0], [1.2, 2.0, 6.0], np.logspace(-4, 4, 17)):
        expected = top * float(special.expit(steep * math.log(ratio)))
        assert pytest.approx(expected, rel=1e-13) == saturating_horizon(half * ratio, top, half, steep)


def sampled(curve: tuple[float, float, float]) -> tuple[list[float], list[float]]:
    """The stylised curve at 200 costs per decade, 10^-3 to 10^4 times its half-plateau cost."""
    top, half, steep = curve
    costs = [half * 10.0 ** (k / 200) for k in range(-600, 801)]
    return costs, [saturating_horizon(c, top, half, steep) for c in costs]


@given(agent_curves)
def test_sweet_spot_is_the_minimum_hourly_cost(curve: tuple[float, float, float]) -> None:
    """SciPy's bounded minimiser of log(cost / horizon) over the continuous curve finds the same point."""
    top, half, steep = curve
    log_hourly = lambda u: u - math.log(saturating_horizon(math.exp(u), top, half, steep))  # noqa: E731
    best = optimize.minimize_scalar(
        log_hourly, bounds=(math.log(half) - 7, math.log(half) + 7), method="bounded", options={"xatol": 1e-10}
    )
    point = sweet_spot(*sampled(curve))
    assert pytest.approx(math.exp(best.x), rel=2e-4) == point.cost
    # Linear interpolation in log-log space overstates the convex log(cost / horizon) between
    # samples by at most spacing ** 2 / 8 times its curvature, which is steepness - 1 there.
    spacing = math.log(10) / 200
    assert pytest.approx(math.exp(best.fun), rel=1.5 * spacing**2 / 8 * (steep - 1)) == point.hourly_cost


@given(agent_curves, st.floats(min_value=0.01, max_value=0.5))
def test_saturation_is_the_root_of_slope_minus_level(curve: tuple[float, float, float], level: float) -> None:
    """Brent's method on a finite-difference slope of the continuous curve finds the same saturation cost."""
    top, half, steep = curve

    def slope(u: float, h: float = 1e-5) -> float:
        up = saturating_horizon(math.exp(u + h), top, half, steep)
        down = saturating_horizon(math.exp(u - h), top, half, steep)
        return (math.log(up) - math.log(down)) / (2 * h)

    # Past the sweet spot the slope only falls, so the root is unique there.
    sweet = math.log(sweet_spot(*sampled(curve)).cost)
    root = optimize.brentq(lambda u: slope(u) - level, sweet, math.log(half) + 9.2, xtol=1e-12)
    assert pytest.approx(math.exp(root), rel=5e-4) == saturation_point(*sampled(curve), level).cost


@given(agent_hours, agent_hours, shapes)
def test_cost_per_success_uses_weibull_sf(task: float, t50: float, shape: float) -> None:
    """Cost per success is running cost over SciPy's Weibull survival function (median T50)."""
    survival = float(stats.weibull_min(c=shape, scale=t50 / LN2 ** (1 / shape)).sf(task))
    if survival < 1e-250:
        return
    assert pytest.approx(0.22 * 80 * task / survival, rel=1e-10) == agent_cost_per_success(task, t50, 0.22, 80, shape)


@given(agent_hours, st.floats(min_value=1e-3, max_value=1.0), st.floats(min_value=1, max_value=200), shapes)
def test_break_even_is_the_root_of_agent_minus_human(t50: float, per_step: float, steps: float, shape: float) -> None:
    """Brent's method on the cost difference (in logs) finds the same break-even length."""
    human = 150.0
    if per_step * steps >= 0.9 * human:
        return

    def gap(t: float) -> float:
        return math.log(agent_cost_per_success(t, t50, per_step, steps, shape)) - math.log(human_task_cost(t, human))

    high = t50
    while gap(high) < 0:  # small steps, so that a steep Weibull cannot jump past the float range
        high *= 1.1
    low = high
    while gap(low) >= 0:  # a very flat Weibull (small k) can put the root far below T50
        low /= 2
    root = optimize.brentq(gap, low, high, xtol=1e-300, rtol=1e-13)
    assert pytest.approx(root, rel=1e-9) == break_even_task_hours(t50, per_step, steps, human, shape)
