"""Cross-check the RL models against independent numpy/scipy computations (CPython only).

The decomposition is checked the way Ord did it: fit a straight line to synthetic reasoning-
model scores against log10(tokens) with numpy's least squares, then split the gain by
evaluating that fitted line. The exchange rate is checked by root finding on the two
log-linear gain curves, and the information budget against numpy's log2 and exact fractions.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from scipy import optimize, stats

from calculators import (
    bits_per_token_pretraining,
    capacity_bits_per_token,
    decompose_gain,
    inference_multiplier_for_rl,
    rl_information_ratio,
    rl_multiplier_for_inference,
    slope_ratio_from_gains,
    training_compute_multiplier,
    trend_slope_from_gain,
)

from strategies import rl_fractions, rl_multipliers, rl_slope_ratios

SEEDS = range(20)


def test_bits_per_token_matches_numpy_log2() -> None:
    """log2 of the vocabulary, against numpy over vocabularies from 2 to 10^12."""
    sizes = np.geomspace(2, 1e12, 200)
    expected = np.log2(sizes)
    actual = np.array([bits_per_token_pretraining(float(n)) for n in sizes])
    np.testing.assert_allclose(actual, expected, rtol=1e-15)


def synthetic_trend(rng: np.random.Generator, noise: float) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Reasoning-model points on y = a + b log10(tokens), plus Gaussian noise of sd ``noise``."""
    a = rng.uniform(-40, 40)
    b = rng.uniform(0.5, 30)
    tokens = np.geomspace(rng.uniform(100, 2_000), rng.uniform(10_000, 100_000), 8)
    scores = a + b * np.log10(tokens) + rng.normal(0.0, noise, tokens.size)
    return tokens, scores, a, b


@pytest.mark.parametrize("seed", SEEDS)
def test_polyfit_then_split_matches_decompose_gain(seed: int) -> None:
    """Fit the noisy trend with numpy.polyfit; numpy's split of the gain equals decompose_gain's."""
    rng = np.random.default_rng(seed)
    tokens, scores, _, _ = synthetic_trend(rng, noise=1.5)
    slope, intercept = np.polyfit(np.log10(tokens), scores, 1)
    base_tokens = float(tokens[0] / rng.uniform(1.5, 10))
    trend_at_base = float(np.polyval([slope, intercept], np.log10(base_tokens)))
    base_score = trend_at_base - rng.uniform(0, 10)
    top_tokens = float(tokens.max())

    rl_expected = trend_at_base - base_score
    inference_expected = float(np.polyval([slope, intercept], np.log10(top_tokens))) - trend_at_base
    split = decompose_gain(base_score, base_tokens, float(intercept), float(slope), top_tokens)
    assert pytest.approx(rl_expected, rel=1e-9, abs=1e-9) == split.rl_gain
    assert pytest.approx(inference_expected, rel=1e-9) == split.inference_gain
    assert pytest.approx(inference_expected / (rl_expected + inference_expected), rel=1e-9) == split.inference_share


@pytest.mark.parametrize("seed", SEEDS)
def test_scipy_linregress_on_exact_points_recovers_the_built_in_boosts(seed: int) -> None:
    """Noise-free points: scipy's regression gives back the line, and the split the boosts built in."""
    rng = np.random.default_rng(seed)
    tokens, scores, a, b = synthetic_trend(rng, noise=0.0)
    fit = stats.linregress(np.log10(tokens), scores)
    assert pytest.approx(b, rel=1e-9) == fit.slope
    base_tokens = float(tokens[0])
    rl_gain = rng.uniform(0.5, 10)
    base_score = a + b * math.log10(base_tokens) - rl_gain
    split = decompose_gain(base_score, base_tokens, float(fit.intercept), float(fit.slope), float(tokens[-1]))
    assert pytest.approx(rl_gain, rel=1e-8) == split.rl_gain
    assert pytest.approx(b * math.log10(tokens[-1] / tokens[0]), rel=1e-8) == split.inference_gain


@given(rl_multipliers, rl_slope_ratios)
def test_rl_multiplier_is_the_root_of_equal_gains(multiplier: float, ratio: float) -> None:
    """Brent's method on b_RL log10(M_RL) - b_inf log10(M_inf) = 0 finds the same RL multiplier."""
    b_rl = 10.0
    b_inf = ratio * b_rl
    target = b_inf * math.log10(multiplier)
    gap = lambda log_m: b_rl * log_m - target  # noqa: E731
    root = optimize.brentq(gap, -200, 200, xtol=1e-14, rtol=1e-15)
    assert pytest.approx(10.0**root, rel=1e-9) == rl_multiplier_for_inference(multiplier, ratio)
    assert pytest.approx(multiplier, rel=1e-9) == inference_multiplier_for_rl(10.0**root, ratio)


@pytest.mark.parametrize("seed", SEEDS)
def test_slope_ratio_matches_the_ratio_of_fitted_slopes(seed: int) -> None:
    """Fit inference and RL scaling lines separately with numpy; the ratio of slopes is the estimate."""
    rng = np.random.default_rng(seed)
    b_inf, b_rl = rng.uniform(5, 30), rng.uniform(2, 15)
    m_inf, m_rl = rng.uniform(3, 1e4), rng.uniform(3, 1e6)
    x_inf = np.linspace(0, np.log10(m_inf), 7)
    x_rl = np.linspace(0, np.log10(m_rl), 7)
    slope_inf = np.polyfit(x_inf, 20 + b_inf * x_inf, 1)[0]
    slope_rl = np.polyfit(x_rl, 33 + b_rl * x_rl, 1)[0]
    gain_inf, gain_rl = b_inf * math.log10(m_inf), b_rl * math.log10(m_rl)
    assert pytest.approx(slope_inf / slope_rl, rel=1e-9) == slope_ratio_from_gains(gain_inf, m_inf, gain_rl, m_rl)


def test_information_budget_against_exact_fractions() -> None:
    """Capacity and ratio on a grid agree with exact rational arithmetic."""
    grid = [1e-3, 0.5, 1.0, 3.0, 16.6, 1e4, 3.2e4, 1e6, 1.6e7, 1e12, 1e13]
    for x, y, z in itertools.product(grid, repeat=3):
        exact_capacity = Fraction(x) * Fraction(z) / Fraction(y)
        assert pytest.approx(float(exact_capacity), rel=1e-15) == capacity_bits_per_token(x, y, z)
        exact_ratio = Fraction(x) * Fraction(y) / Fraction(z)
        assert pytest.approx(float(exact_ratio), rel=1e-15) == rl_information_ratio(x, y, z)


@given(rl_fractions, rl_multipliers)
def test_training_compute_multiplier_against_exact_fractions(fraction: float, multiplier: float) -> None:
    """(1 + f M) / (1 + f) against exact rational arithmetic."""
    f, m = Fraction(fraction), Fraction(multiplier)
    assert pytest.approx(float((1 + f * m) / (1 + f)), rel=1e-14) == training_compute_multiplier(fraction, multiplier)


@pytest.mark.parametrize("seed", range(20))
def test_trend_slope_matches_a_polyfit_through_the_two_ends(seed: int) -> None:
    """The rebuilt slope equals numpy's straight-line fit through (1, 0) and (multiple, gain) on log10 tokens."""
    rng = np.random.default_rng(seed)
    gain = float(rng.uniform(0.1, 80))
    multiple = float(10 ** rng.uniform(0.05, 4))
    fitted_slope, _ = np.polyfit(np.log10([1.0, multiple]), [0.0, gain], 1)
    assert trend_slope_from_gain(gain, multiple) == pytest.approx(float(fitted_slope), rel=1e-9)
