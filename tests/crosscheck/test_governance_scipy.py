"""Cross-check the governance models against independent numerical methods (CPython only).

Root finding (scipy's brentq) for the breakeven number of queries and for the inference
multiplier that reaches a threshold; a least-squares line (numpy) through effective compute
for the 0.7 rule; numerical optimisation of Chinchilla's loss (scipy) for the split of extra
training compute between parameters and tokens; exact rational arithmetic for lifetime compute.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize

from calculators import (
    deployment_breakeven_queries,
    effective_flop,
    effective_ooms,
    inference_multiplier_to_reach,
    inference_scaleup_cost_multiplier,
    lifetime_compute,
    lifetime_compute_breakdown,
    pretraining_scaleup_cost_multiplier,
)

from strategies import effective_pretrain_flops, lifetime_params, lifetime_tokens, lifetime_tokens_per_query

# Chinchilla's parametric fit (Hoffmann et al. 2022; fact base §3.3): L = E + A/N^a + B/D^b.
E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28


@given(lifetime_params, lifetime_tokens, lifetime_tokens_per_query)
def test_breakeven_is_the_root_of_deployment_minus_pretraining(n: float, d_tokens: float, i: float) -> None:
    """Brent's method on log(deployment / pre-training) in log10(queries) finds D / I."""

    def gap(log10_queries: float) -> float:
        split = lifetime_compute_breakdown(n, d_tokens, 10.0**log10_queries, i)
        return math.log(split.deployment / split.pretraining)

    root = optimize.brentq(gap, -20.0, 40.0, xtol=1e-14, rtol=1e-15)
    assert pytest.approx(10.0**root, rel=1e-10) == deployment_breakeven_queries(d_tokens, i)


@given(effective_pretrain_flops, effective_pretrain_flops, st.floats(min_value=0.1, max_value=1.0))
def test_reach_is_the_root_of_effective_compute_minus_target(pretrain: float, target: float, weight: float) -> None:
    """Brent's method on effective OOMs minus log10(target), in log10(multiplier), finds the same multiplier."""
    gap = lambda x: effective_ooms(pretrain, 10.0**x, weight) - math.log10(target)  # noqa: E731
    root = optimize.brentq(gap, -300.0, 300.0, xtol=1e-13, rtol=1e-15)
    assert pytest.approx(root, abs=1e-9) == math.log10(inference_multiplier_to_reach(target, pretrain, weight))


@pytest.mark.parametrize("weight", [0.0, 0.5, 0.7, 1.0])
@pytest.mark.parametrize("pretrain", [1e20, 1e24, 3.7e26])
def test_least_squares_line_recovers_the_rule_of_thumb(pretrain: float, weight: float) -> None:
    """A straight-line fit of effective OOMs on log10(multiplier) has slope = weight, intercept = log10(pre)."""
    log_multipliers = np.linspace(-2, 8, 41)
    ooms = np.array([effective_ooms(pretrain, 10.0**x, weight) for x in log_multipliers])
    slope, intercept = np.polyfit(log_multipliers, ooms, 1)
    assert pytest.approx(weight, abs=1e-10) == float(slope)
    assert pytest.approx(math.log10(pretrain), abs=1e-9) == float(intercept)


def _compute_optimal_params(flop: float, alpha: float, beta: float) -> float:
    """N minimising Chinchilla's loss at training compute 6 N D = flop, by numerical search."""

    def loss(log_n: float) -> float:
        n = math.exp(log_n)
        return E + A / n**alpha + B / (flop / (6 * n)) ** beta

    bounds = (math.log(1e3), math.log(flop / 6 / 1e3))
    found = optimize.minimize_scalar(loss, bounds=bounds, method="bounded", options={"xatol": 1e-12})
    return math.exp(found.x)


@pytest.mark.parametrize("flop", [1e21, 1e23, 1e25])
def test_equal_exponents_give_the_half_and_half_split(flop: float) -> None:
    """With equal loss exponents, 10x training compute makes compute-optimal N (and D) grow sqrt(10)x,
    so a deployment-dominated model costs sqrt(10)x more: pretraining_scaleup_cost_multiplier(10, 1)."""
    ratio = _compute_optimal_params(10 * flop, 0.3, 0.3) / _compute_optimal_params(flop, 0.3, 0.3)
    assert pytest.approx(ratio, rel=1e-5) == pretraining_scaleup_cost_multiplier(10, deployment_share=1)
    assert pytest.approx(0.5, abs=1e-5) == math.log10(ratio)


@pytest.mark.parametrize("flop", [1e23, 1e25])
def test_chinchillas_fitted_exponents_give_a_smaller_parameter_share(flop: float) -> None:
    """With Chinchilla's own fit, N grows as C ** (beta / (alpha + beta)) = C ** 0.45, and the
    deployment-dominated cost of 10x pre-training is 10 ** 0.45 with params_exponent set to that."""
    exponent = BETA / (ALPHA + BETA)
    ratio = _compute_optimal_params(10 * flop, ALPHA, BETA) / _compute_optimal_params(flop, ALPHA, BETA)
    assert pytest.approx(exponent, abs=1e-5) == math.log10(ratio)
    assert pytest.approx(ratio, rel=1e-5) == pretraining_scaleup_cost_multiplier(10, 1, params_exponent=exponent)


def test_lifetime_compute_matches_exact_rational_arithmetic() -> None:
    """N D + C_post + d N I in exact fractions, rounded once, equals the core's float total."""
    values = [1e3, 7e10, 1e12, 3.3e13]
    for n, d_tokens, d, i, post in itertools.product(values, values, [0.0, 1e10, 2.5e14], [1.0, 1e3, 4e4], [0.0, 1e22]):
        exact = Fraction(n) * Fraction(d_tokens) + Fraction(post) + Fraction(d) * Fraction(n) * Fraction(i)
        assert pytest.approx(float(exact), rel=4e-16) == lifetime_compute(n, d_tokens, d, i, post)


@pytest.mark.parametrize("factor", [0.1, 2.0, 10.0, 1e3])
def test_scaleup_multipliers_match_a_numpy_sweep_over_queries(factor: float) -> None:
    """Over a sweep of query counts, ratios of recomputed totals (numpy) match the share formulas."""
    n, d_tokens, i, post = 1e12, 1e13, 1e3, 3e23
    queries = np.logspace(6, 14, 33)
    now = n * d_tokens + post + queries * n * i
    root = np.sqrt(factor)
    after_pretraining = (n * root) * (d_tokens * root) + post + queries * (n * root) * i
    after_inference = n * d_tokens + post + queries * n * (i * factor)
    for k, d in enumerate(queries):
        split = lifetime_compute_breakdown(n, d_tokens, float(d), i, post)
        shares = (split.deployment_share, split.post_training_share)
        expected_pretraining = float(after_pretraining[k] / now[k])
        expected_inference = float(after_inference[k] / now[k])
        assert pytest.approx(expected_pretraining, rel=1e-12) == pretraining_scaleup_cost_multiplier(factor, *shares)
        assert pytest.approx(expected_inference, rel=1e-12) == inference_scaleup_cost_multiplier(factor, *shares)


def test_effective_flop_matches_numpy_power() -> None:
    """effective_flop is numpy's pre * multiplier ** weight over a grid."""
    pre = np.array([1e20, 1e24, 5e25])
    multipliers = np.logspace(-2, 6, 9)
    for p, m, w in itertools.product(pre, multipliers, [0.0, 0.5, 0.7, 1.0]):
        assert pytest.approx(float(p * np.power(m, w)), rel=1e-12) == effective_flop(float(p), float(m), w)
