"""Cross-check the sigmoid-or-exponential core against NumPy and SciPy (CPython only).

* The exponential fit is ``numpy.polyfit`` of ``ln y`` on ``t`` (same estimator, another
  implementation): agreement to 1e-10.
* The logistic with its ceiling unknown, on exact samples, against ``scipy.optimize.curve_fit``
  (Levenberg-Marquardt on all three parameters at once): both must find the true curve. With
  ``xtol = ftol = 1e-12`` curve_fit stops within about 1e-9 of it, so 1e-7 leaves room.
* On noisy samples the two solve slightly different problems (we fit the logit for each
  ceiling, curve_fit minimises the log errors over all three parameters), so they agree only
  to within the noise: our ceiling must lie within 3 of curve_fit's standard errors of its
  own. The same estimator as ours, rebuilt from ``numpy.polyfit`` and SciPy's bounded Brent
  minimiser, must agree to 1e-6.
* Where the curves part, and the scenario's overshoot years, against ``scipy.optimize.brentq``.
* The growth rate for a doubling time ``T`` against the root of ``exp(r T) - 2 = 0`` found by
  ``scipy.optimize.brentq`` (with NumPy's ``expm1``).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize, special

from calculators import (
    early_exponential_fit,
    exponential_rate,
    exponential_value,
    fit_exponential,
    fit_logistic,
    logistic_value,
    parting_time,
    years_until_overshoot,
)

from strategies import sigmoid_ceilings, sigmoid_factors, sigmoid_midpoints, sigmoid_rates, sigmoid_times

SEEDS = range(20)


def log_logistic(t: np.ndarray, log_ceiling: float, rate: float, midpoint: float) -> np.ndarray:
    """ln L(t) with NumPy: ln K - ln(1 + exp(-r (t - t0)))."""
    return log_ceiling - np.logaddexp(0.0, -rate * (t - midpoint))


def noisy_logistic(seed: int) -> tuple[np.ndarray, np.ndarray, tuple[float, float, float]]:
    """15 points around the midpoint of a random logistic, with 1% log-normal noise."""
    rng = np.random.default_rng(seed)
    ceiling, rate, midpoint = 10 ** rng.uniform(-2, 3), rng.uniform(0.2, 3.0), rng.uniform(-50, 50)
    t = midpoint + np.linspace(-4.0, 3.0, 15) / rate
    y = np.exp(log_logistic(t, math.log(ceiling), rate, midpoint) + rng.normal(0, 0.01, t.size))
    return t, y, (ceiling, rate, midpoint)


@pytest.mark.parametrize("seed", SEEDS)
def test_exponential_fit_is_polyfit_on_logs(seed: int) -> None:
    """Noisy positive data: rate and log anchor equal numpy.polyfit's slope and its line at the mean time."""
    rng = np.random.default_rng(seed)
    t = np.sort(rng.uniform(-20, 20, rng.integers(2, 40)))
    y = np.exp(rng.uniform(-3, 3) + rng.uniform(-1, 1) * t + rng.normal(0, 0.3, t.size))
    slope, intercept = np.polyfit(t, np.log(y), 1)
    fit = fit_exponential(t.tolist(), y.tolist())
    assert pytest.approx(float(slope), rel=1e-10, abs=1e-12) == fit.rate
    assert pytest.approx(float(intercept + slope * t.mean()), rel=1e-10, abs=1e-12) == math.log(fit.anchor_value)
    residuals = np.abs(intercept + slope * t - np.log(y))
    assert pytest.approx(float(residuals.max()), rel=1e-8) == fit.max_log_error


@given(sigmoid_times, sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints)
def test_logistic_value_is_scipy_expit(t: float, ceiling: float, rate: float, midpoint: float) -> None:
    """L(t) = K expit(r (t - t0)), SciPy's logistic function."""
    expected = ceiling * float(special.expit(rate * (t - midpoint)))
    assert pytest.approx(expected, rel=1e-13, abs=1e-300) == logistic_value(t, ceiling, rate, midpoint)


@pytest.mark.parametrize("seed", SEEDS)
def test_logistic_fit_matches_curve_fit_on_exact_samples(seed: int) -> None:
    """Exact samples, ceiling unknown: our profile search and curve_fit both return the true curve."""
    rng = np.random.default_rng(seed)
    ceiling, rate, midpoint = 10 ** rng.uniform(-2, 3), rng.uniform(0.2, 3.0), rng.uniform(-50, 50)
    t = midpoint + np.linspace(-4.0, rng.uniform(-1.0, 3.0), 9) / rate
    z = log_logistic(t, math.log(ceiling), rate, midpoint)
    start = (math.log(ceiling) + 0.3, rate * 1.3, midpoint + 0.5 / rate)
    (log_k, r, t0), _ = optimize.curve_fit(log_logistic, t, z, p0=start, xtol=1e-12, ftol=1e-12)
    ours = fit_logistic(t.tolist(), np.exp(z).tolist())
    assert pytest.approx(math.exp(log_k), rel=1e-7) == ours.ceiling
    assert pytest.approx(r, rel=1e-7) == ours.growth_rate
    assert pytest.approx(t0, rel=1e-7, abs=1e-7 / rate) == ours.midpoint
    assert pytest.approx(ceiling, rel=1e-7) == ours.ceiling


@pytest.mark.parametrize("seed", SEEDS)
def test_logistic_fit_agrees_with_curve_fit_within_its_standard_errors(seed: int) -> None:
    """Noisy samples: our ceiling, rate and midpoint lie within 3 of curve_fit's standard errors."""
    t, y, (ceiling, rate, midpoint) = noisy_logistic(seed)
    start = (math.log(ceiling), rate, midpoint)
    params, covariance = optimize.curve_fit(log_logistic, t, np.log(y), p0=start)
    errors = np.sqrt(np.diag(covariance))
    ours = fit_logistic(t.tolist(), y.tolist())
    assert abs(math.log(ours.ceiling) - params[0]) <= 3 * errors[0]
    assert abs(ours.growth_rate - params[1]) <= 3 * errors[1]
    assert abs(ours.midpoint - params[2]) <= 3 * errors[2]


@pytest.mark.parametrize("seed", SEEDS)
def test_logistic_fit_is_the_profile_minimum_found_by_brent(seed: int) -> None:
    """The same estimator rebuilt with numpy.polyfit (logit fit per ceiling) and SciPy's bounded Brent."""
    t, y, _ = noisy_logistic(seed)
    z = np.log(y)

    def profile(log_ceiling: float) -> float:
        share = y / math.exp(log_ceiling)
        slope, intercept = np.polyfit(t, np.log(share / (1 - share)), 1)
        fitted = log_logistic(t, log_ceiling, slope, -intercept / slope)
        return float(np.sum((fitted - z) ** 2))

    low = math.log(y.max()) + 1e-9
    found = optimize.minimize_scalar(profile, bounds=(low, low + 10), method="bounded", options={"xatol": 1e-12})
    ours = fit_logistic(t.tolist(), y.tolist())
    assert pytest.approx(math.exp(found.x), rel=1e-6) == ours.ceiling


@given(sigmoid_factors, sigmoid_ceilings, sigmoid_rates, sigmoid_midpoints, sigmoid_rates, st.floats(-5, 5))
def test_parting_time_is_brents_root(
    factor: float, ceiling: float, rate: float, midpoint: float, exp_rate: float, shift: float
) -> None:
    """Brent's method on ln E - ln L - ln factor, bracketed after the ratio's minimum, finds the same time."""
    # Anchored so that E(t0) = 0.4 K, below L(t0) = K / 2: the curves part at every factor.
    anchor_time, anchor_value = midpoint + shift / rate, 0.4 * ceiling * math.exp(exp_rate * shift / rate)

    def gap(t: float) -> float:
        log_e = math.log(anchor_value) + exp_rate * (t - anchor_time)
        return log_e - float(log_logistic(np.array(t), math.log(ceiling), rate, midpoint)) - math.log(factor)

    # The ratio's minimum is at sigma(u) = 1 - g / r (or at -inf when g >= r).
    low = midpoint + math.log((rate - exp_rate) / exp_rate) / rate if exp_rate < rate else midpoint - 1000 / rate
    high = low + 1.0 / exp_rate
    while gap(high) < 0:
        high += high - low
    root = optimize.brentq(gap, low, high, xtol=1e-14, rtol=1e-15)
    actual = parting_time(factor, ceiling, rate, midpoint, exp_rate, anchor_time, anchor_value)
    assert pytest.approx(root, rel=1e-10, abs=1e-10 / min(rate, exp_rate)) == actual


@given(sigmoid_factors, sigmoid_rates, st.floats(-3, 15), st.integers(2, 30))
def test_years_until_overshoot_from_polyfit_and_brentq(
    factor: float, rate: float, to_midpoint: float, years: int
) -> None:
    """Sample yearly, fit with numpy.polyfit, find the crossing with brentq: the same year."""
    t = np.arange(-years, 1, dtype=float)
    slope, intercept = np.polyfit(t, log_logistic(t, 0.0, rate, to_midpoint), 1)

    def gap(x: float) -> float:
        return intercept + slope * x - float(log_logistic(np.array(x), 0.0, rate, to_midpoint)) - math.log(factor)

    # The ratio's minimum (where slope < rate); deep in the tail the slope rounds to the rate
    # and the ratio only falls towards 1 going back, so any early time brackets the root.
    low = to_midpoint + math.log((rate - slope) / slope) / rate if slope < rate else to_midpoint - 50 / rate
    high = low + 1.0 / slope
    while gap(high) < 0:
        high += high - low
    root = optimize.brentq(gap, low, high, xtol=1e-13, rtol=1e-15)
    assert pytest.approx(root, rel=1e-8, abs=1e-8) == years_until_overshoot(
        factor, 1.0, rate, to_midpoint, float(years)
    )
    fit = early_exponential_fit(1.0, rate, to_midpoint, float(years))
    assert pytest.approx(float(slope), rel=1e-9) == fit.rate
    assert pytest.approx(math.exp(intercept), rel=1e-9) == exponential_value(
        0.0, fit.rate, fit.anchor_time, fit.anchor_value
    )


@given(st.floats(min_value=1e-3, max_value=1e3))
def test_rate_matches_root_of_doubling_equation(doubling: float) -> None:
    """The rate solves exp(r T) = 2, found independently by brentq."""
    root = optimize.brentq(lambda r: np.expm1(r * doubling) - 1.0, 1e-12, 10.0 / doubling, xtol=1e-15, rtol=1e-14)
    assert exponential_rate(doubling) == pytest.approx(root, rel=1e-12)
