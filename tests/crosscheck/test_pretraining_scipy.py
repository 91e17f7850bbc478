"""Cross-check the pre-training models against numpy and scipy (CPython only).

The Chinchilla loss is re-written here in numpy from Hoffmann et al.'s constants, and its
compute-optimal split found numerically (minimize_scalar in ln N along C = 6ND) rather
than from the closed form; inverses are found by root finding; the power law is evaluated
with numpy's power.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize

from calculators import (
    chinchilla_compute_efficiency,
    chinchilla_compute_for_loss,
    chinchilla_optimal,
    chinchilla_total_loss_exponent,
    compute_multiplier_for_loss,
    loss_multiplier,
    optimal_params_exponent,
    scaling_paradox_multipliers,
)

from strategies import (
    pretrain_alphas,
    pretrain_compute_multipliers,
    pretrain_flops,
    pretrain_ratios,
    pretrain_reductions,
)

# Hoffmann et al. (2022), approach 3 (fact base §3.3), typed again on purpose.
E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28
# Besiroglu et al. (2024, Epoch AI, arXiv:2404.10102) refit, typed again on purpose.
EPOCH = (1.8172, 482.01, 2085.43, 0.3478, 0.3658)
EPOCH_KW = dict(
    zip(("irreducible_loss", "params_coefficient", "data_coefficient", "params_exponent", "data_exponent"), EPOCH)
)
BUDGETS = [1e18, 1e21, 1e23, 5.88e23, 1e24, 1e25, 1e26, 1e28, 1e32]


def isoflop_loss(log_params: float, flop: float) -> float:
    """Loss of a model with e**log_params parameters trained on the tokens flop leaves."""
    params = np.exp(log_params)
    tokens = flop / (6.0 * params)
    return float(E + A * params**-ALPHA + B * tokens**-BETA)


def numerical_optimum(flop: float) -> optimize.OptimizeResult:
    """Minimise the isoFLOP loss over ln N, bracketing generously around sqrt(C / 6)."""
    centre = 0.5 * np.log(flop / 6.0)
    return optimize.minimize_scalar(
        isoflop_loss, bounds=(centre - 25.0, centre + 25.0), args=(flop,), method="bounded", options={"xatol": 1e-10}
    )


@pytest.mark.parametrize("flop", BUDGETS)
def test_closed_form_optimum_matches_minimize_scalar(flop: float) -> None:
    """chinchilla_optimal's N*, D* and loss are where scipy's bounded minimiser lands."""
    found = numerical_optimum(flop)
    assert found.success
    best = chinchilla_optimal(flop)
    params = float(np.exp(found.x))
    assert pytest.approx(params, rel=1e-6) == best.params
    assert pytest.approx(flop / (6 * params), rel=1e-6) == best.tokens
    assert pytest.approx(found.fun, rel=1e-12) == best.loss


@given(pretrain_flops)
def test_closed_form_optimum_matches_minimize_scalar_anywhere(flop: float) -> None:
    """On random budgets the closed form is never beaten by the numerical minimum."""
    found = numerical_optimum(flop)
    best = chinchilla_optimal(flop)
    assert best.loss <= found.fun + 1e-12
    assert pytest.approx(float(np.exp(found.x)), rel=1e-5) == best.params


def test_power_law_fit_of_numerical_optima() -> None:
    """A straight-line fit of ln N* and ln D* against ln C gives slopes 0.45 and 0.55 (§3.3)."""
    budgets = np.logspace(18, 30, 25)
    log_params = np.array([numerical_optimum(c).x for c in budgets])
    log_tokens = np.log(budgets / 6.0) - log_params
    params_slope = np.polyfit(np.log(budgets), log_params, 1)[0]
    tokens_slope = np.polyfit(np.log(budgets), log_tokens, 1)[0]
    assert pytest.approx(BETA / (ALPHA + BETA), rel=1e-7) == params_slope
    assert pytest.approx(ALPHA / (ALPHA + BETA), rel=1e-7) == tokens_slope
    assert (0.45, 0.55) == (round(params_slope, 2), round(tokens_slope, 2))


@given(pretrain_reductions, pretrain_alphas)
def test_compute_multiplier_matches_numpy_power(reduction: float, alpha: float) -> None:
    """compute_multiplier_for_loss(r, a) is numpy's r ** (1 / a)."""
    assert pytest.approx(float(np.power(reduction, 1.0 / alpha)), rel=1e-12) == compute_multiplier_for_loss(
        reduction, alpha
    )


@given(pretrain_compute_multipliers, pretrain_alphas)
def test_loss_multiplier_matches_numpy_power(multiplier: float, alpha: float) -> None:
    """loss_multiplier(m, a) is numpy's m ** -a."""
    expected = float(np.power(multiplier, -alpha))
    assert pytest.approx(expected, rel=1e-12) == loss_multiplier(multiplier, alpha)


@given(pretrain_reductions, pretrain_alphas)
def test_round_trip_agrees_with_numpy(reduction: float, alpha: float) -> None:
    """loss_multiplier after compute_multiplier_for_loss gives numpy's 1 / r."""
    round_trip = loss_multiplier(compute_multiplier_for_loss(reduction, alpha), alpha)
    assert pytest.approx(float(np.reciprocal(reduction)), rel=1e-9) == round_trip


@given(st.floats(min_value=1.75, max_value=4.0))
def test_compute_for_loss_is_the_root_of_the_optimal_loss(loss: float) -> None:
    """Brent's method on (numerically optimal loss at C) - target, in ln C, finds the same C."""
    gap = lambda log_flop: numerical_optimum(np.exp(log_flop)).fun - loss  # noqa: E731
    root = optimize.brentq(gap, np.log(1e3), np.log(1e60), xtol=1e-12)
    assert pytest.approx(float(np.exp(root)), rel=1e-6) == chinchilla_compute_for_loss(loss)


@given(st.floats(min_value=1e20, max_value=1e28), pretrain_ratios)
def test_efficiency_matches_a_numerical_search(flop: float, ratio: float) -> None:
    """The compute the optimum needs to match a fixed-ratio split, found by root finding."""
    params = np.sqrt(flop / (6.0 * ratio))
    target = isoflop_loss(np.log(params), flop)
    gap = lambda log_flop: numerical_optimum(np.exp(log_flop)).fun - target  # noqa: E731
    if gap(np.log(flop)) >= -1e-12:  # the split is (numerically) the optimum
        assert pytest.approx(1.0, abs=1e-6) == chinchilla_compute_efficiency(flop, ratio)
        return
    root = optimize.brentq(gap, np.log(flop) - 700.0, np.log(flop), xtol=1e-12)
    expected = float(np.exp(root - np.log(flop)))
    assert pytest.approx(expected, rel=1e-5, abs=1e-250) == chinchilla_compute_efficiency(flop, ratio)


def epoch_isoflop_loss(log_params: float, flop: float) -> float:
    """The isoFLOP loss with Epoch AI's constants, in numpy."""
    e, a, b, alpha, beta = EPOCH
    params = np.exp(log_params)
    return float(e + a * params**-alpha + b * (flop / (6.0 * params)) ** -beta)


@pytest.mark.parametrize("flop", [5.88e23, 1e24, 1e25, 1e26])
def test_epoch_closed_form_matches_minimize_scalar(flop: float) -> None:
    """With Epoch's refit, scipy's minimiser finds the closed form's N*, about 16-18 tokens per parameter."""
    centre = 0.5 * np.log(flop / 6.0)
    found = optimize.minimize_scalar(
        epoch_isoflop_loss,
        bounds=(centre - 25.0, centre + 25.0),
        args=(flop,),
        method="bounded",
        options={"xatol": 1e-10},
    )
    best = chinchilla_optimal(flop, **EPOCH_KW)
    params = float(np.exp(found.x))
    assert pytest.approx(params, rel=1e-6) == best.params
    assert 16 <= round((flop / (6 * params)) / params) <= 18


def test_epoch_power_law_fit_of_numerical_optima() -> None:
    """A straight-line fit of ln N* against ln C with Epoch's constants gives a slope of about 0.51."""
    budgets = np.logspace(20, 28, 17)
    log_params = []
    for c in budgets:
        centre = 0.5 * np.log(c / 6.0)
        log_params.append(
            optimize.minimize_scalar(
                epoch_isoflop_loss,
                bounds=(centre - 25, centre + 25),
                args=(c,),
                method="bounded",
                options={"xatol": 1e-10},
            ).x
        )
    slope = np.polyfit(np.log(budgets), np.array(log_params), 1)[0]
    assert pytest.approx(optimal_params_exponent(0.3478, 0.3658), rel=1e-6) == slope
    assert 0.51 == round(slope, 2)


@pytest.mark.parametrize("flop", [1e20, 5.88e23, 1e26, 1e30])
def test_total_loss_exponent_is_the_numerical_log_log_slope(flop: float) -> None:
    """The local exponent of the total loss is minus numpy's central difference of ln L* in ln C."""
    h = 1e-4
    up = numerical_optimum(flop * np.exp(h)).fun
    down = numerical_optimum(flop * np.exp(-h)).fun
    slope = (np.log(up) - np.log(down)) / (2 * h)
    assert pytest.approx(-slope, rel=1e-4) == chinchilla_total_loss_exponent(flop)


@given(
    st.floats(min_value=0.1, max_value=50.0),
    st.floats(min_value=0.1, max_value=50.0),
    st.floats(min_value=0.5, max_value=40.0),
)
def test_paradox_multipliers_match_numpy_power(current: float, target: float, power: float) -> None:
    """Ord's multipliers are numpy's (current / target) ** power."""
    cost = scaling_paradox_multipliers(current, target, power, power / 2, power / 3)
    ratio = np.divide(current, target)
    assert pytest.approx(float(np.power(ratio, power)), rel=1e-12) == cost.compute
    assert pytest.approx(float(np.power(ratio, power / 2)), rel=1e-12) == cost.data
    assert pytest.approx(float(np.power(ratio, power / 3)), rel=1e-12) == cost.params
