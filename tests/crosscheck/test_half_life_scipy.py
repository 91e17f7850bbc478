"""Cross-check the core against SciPy's Weibull and exponential distributions (CPython only).

With T50 as the median, the model's curve is Weibull with shape k and scale
T50 / ln(2) ** (1 / k); with k = 1 it is exponential with mean T50 / ln 2. Horizons are also
checked against a numerical root of survival(t) = p.
"""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize, stats

from calculators import horizon, reliability_lag_months, survival

from strategies import probabilities, shapes, t50s

LN2 = math.log(2.0)
REL = 1e-12
SHAPES = [0.05, 0.2, 0.377, 0.6, 1.0, 2.0, 5.0, 20.0]
PS = [1e-6, 0.01, 0.1, 0.5, 0.8, 0.9, 0.99, 0.999, 1 - 1e-6]
# Exponents (t / T50) ** k: 2 ** -z is the survival. Up to 10, survival is above 1e-3.
NEAR = [0.0, 1e-6, 1e-3, 0.1, 0.5, 1.0, 2.0, 10.0]
FAR = [10.0, 50.0, 200.0, 900.0]


def weibull(t50: float, shape: float):
    """SciPy's Weibull distribution with median t50."""
    return stats.weibull_min(c=shape, scale=t50 / LN2 ** (1 / shape))


def length(t50: float, shape: float, z: float) -> float:
    """The task length at which (t / t50) ** shape equals z."""
    return t50 * z ** (1 / shape)


def test_survival_matches_weibull_sf_on_a_grid() -> None:
    """survival is Weibull's sf, to 1e-12, wherever survival is above 1e-3."""
    for t50, shape, z in itertools.product([1e-3, 59.0, 1e5], SHAPES, NEAR):
        t = length(t50, shape, z)
        assert pytest.approx(float(weibull(t50, shape).sf(t)), rel=REL) == survival(t, t50, shape)


def test_survival_matches_weibull_logsf_in_the_tail() -> None:
    """Far out in the tail, where rounding in (t / T50) ** k is magnified, log survival is logsf."""
    for t50, shape, z in itertools.product([1e-3, 59.0, 1e5], SHAPES, FAR):
        t = length(t50, shape, z)
        expected = float(weibull(t50, shape).logsf(t))
        assert pytest.approx(expected, rel=REL) == math.log(survival(t, t50, shape))


def test_horizon_matches_weibull_isf_on_a_grid() -> None:
    """horizon is Weibull's isf (inverse survival function)."""
    for t50, shape, p in itertools.product([1e-3, 59.0, 1e5], SHAPES, PS):
        assert pytest.approx(float(weibull(t50, shape).isf(p)), rel=REL) == horizon(p, t50, shape)


@given(t50s, shapes, st.floats(min_value=0, max_value=10), probabilities)
def test_weibull_agrees_on_random_draws(t50: float, shape: float, z: float, p: float) -> None:
    """Random T50, k, length and p: survival is sf and horizon is isf."""
    distribution = weibull(t50, shape)
    t = length(t50, shape, z)
    assert pytest.approx(float(distribution.sf(t)), rel=REL) == survival(t, t50, shape)
    assert pytest.approx(float(distribution.isf(p)), rel=REL) == horizon(p, t50, shape)


@given(t50s, st.floats(min_value=0, max_value=10), probabilities)
def test_shape_1_is_exponential(t50: float, z: float, p: float) -> None:
    """With k = 1 the model is the exponential distribution with mean T50 / ln 2."""
    distribution = stats.expon(scale=t50 / LN2)
    t = t50 * z
    assert pytest.approx(float(distribution.sf(t)), rel=REL) == survival(t, t50)
    assert pytest.approx(float(distribution.isf(p)), rel=REL) == horizon(p, t50)


@given(
    t50s,
    st.floats(min_value=0.1, max_value=10),
    st.floats(min_value=1e-3, max_value=0.999),
)
def test_horizon_is_the_root_of_survival_minus_p(t50: float, shape: float, p: float) -> None:
    """Brent's method on survival(t) - p finds the same task length as horizon."""
    high = t50
    while survival(high, t50, shape) >= p:
        high *= 2
    gap = lambda t: survival(t, t50, shape) - p  # noqa: E731
    root = optimize.brentq(gap, 0.0, high, xtol=1e-300, rtol=1e-15)
    assert pytest.approx(root, rel=1e-9) == horizon(p, t50, shape)


@pytest.mark.parametrize(("rate", "shape"), [(0.00716, 0.608), (0.00182, 0.376), (0.05, 1.0), (2.0, 3.0)])
def test_weibull_t50_is_scipys_median(rate: float, shape: float) -> None:
    """weibull_t50 equals the median of scipy's weibull_min with scale 1/rate."""
    from calculators import weibull_t50

    assert stats.weibull_min(c=shape, scale=1 / rate).median() == pytest.approx(weibull_t50(rate, shape), rel=1e-12)


def test_reliability_lag_matches_scipy_quantiles() -> None:
    """The lag is the doubling time times log2 of SciPy's median over its (1 - p) quantile."""
    for shape, p, months in itertools.product(SHAPES, PS, [1.0, 7.0, 4.23]):
        dist = weibull(59.0, shape)
        expected = months * math.log2(dist.median() / dist.ppf(1 - p))
        assert math.isclose(expected, reliability_lag_months(p, months, shape), rel_tol=1e-9, abs_tol=1e-9)
