"""Properties of the pre-training models (Scaling Paradox power law, Chinchilla fit).

Round trips, monotonicity, limits, scaling laws and identities, checked with Hypothesis.
Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import (
    accuracy_power,
    chinchilla_allocation,
    chinchilla_compute_efficiency,
    chinchilla_compute_for_loss,
    chinchilla_isoflop_loss,
    chinchilla_loss,
    chinchilla_optimal,
    chinchilla_optimal_tokens_per_param,
    chinchilla_total_loss_exponent,
    compute_multiplier_for_loss,
    compute_ooms_for_loss,
    halving_cost,
    loss_multiplier,
    optimal_loss_exponent,
    optimal_params_exponent,
    optimal_path_halving_cost,
    optimal_tokens_exponent,
    scaling_paradox_multipliers,
)
from calculators._checks import OutOfRangeError
from calculators.models.pretraining import (
    CHINCHILLA_ALPHA,
    CHINCHILLA_BETA,
    CHINCHILLA_E,
    EPOCH_A,
    EPOCH_ALPHA,
    EPOCH_B,
    EPOCH_BETA,
    EPOCH_E,
)

from strategies import (
    pretrain_alphas,
    pretrain_compute_multipliers,
    pretrain_flops,
    pretrain_ratios,
    pretrain_reductions,
    pretrain_sizes,
)

REL = 1e-9
# Besiroglu et al. (2024, Epoch AI)'s refit of the Chinchilla form.
EPOCH = {
    "irreducible_loss": EPOCH_E,
    "params_coefficient": EPOCH_A,
    "data_coefficient": EPOCH_B,
    "params_exponent": EPOCH_ALPHA,
    "data_exponent": EPOCH_BETA,
}
# N* and D* grow as C to these powers (fact base §3.3: "N ∝ C^0.45, D ∝ C^0.55").
PARAMS_POWER = CHINCHILLA_BETA / (CHINCHILLA_ALPHA + CHINCHILLA_BETA)
TOKENS_POWER = CHINCHILLA_ALPHA / (CHINCHILLA_ALPHA + CHINCHILLA_BETA)


# --- The power law: compute_multiplier_for_loss, loss_multiplier, ooms, halving_cost ---------


@given(pretrain_reductions, pretrain_alphas)
def test_loss_multiplier_undoes_compute_multiplier(reduction: float, alpha: float) -> None:
    """Buying the compute that divides reducible loss by r multiplies it by 1/r."""
    multiplier = compute_multiplier_for_loss(reduction, alpha)
    assert pytest.approx(1 / reduction, rel=REL) == loss_multiplier(multiplier, alpha)


@given(pretrain_compute_multipliers, pretrain_alphas)
def test_compute_multiplier_undoes_loss_multiplier(multiplier: float, alpha: float) -> None:
    """The compute that reproduces a loss multiplier is the multiplier that caused it."""
    factor = loss_multiplier(multiplier, alpha)
    assume(1e-250 < factor < 1e250)
    assert pytest.approx(multiplier, rel=1e-7) == compute_multiplier_for_loss(1 / factor, alpha)


@given(pretrain_reductions, pretrain_alphas)
def test_ooms_are_the_log10_of_the_multiplier(reduction: float, alpha: float) -> None:
    """compute_ooms_for_loss is log10 of compute_multiplier_for_loss."""
    expected = math.log10(compute_multiplier_for_loss(reduction, alpha))
    assert pytest.approx(expected, rel=REL, abs=1e-12) == compute_ooms_for_loss(reduction, alpha)


@given(pretrain_reductions, pretrain_reductions, st.floats(min_value=0.05, max_value=2.0))
def test_successive_cuts_multiply_their_compute(r1: float, r2: float, alpha: float) -> None:
    """Dividing the loss by r1 and then by r2 costs the product of the two compute multipliers."""
    product = compute_multiplier_for_loss(r1, alpha) * compute_multiplier_for_loss(r2, alpha)
    assert pytest.approx(product, rel=REL) == compute_multiplier_for_loss(r1 * r2, alpha)


@given(pretrain_alphas, st.integers(min_value=1, max_value=3))
def test_each_halving_costs_the_same_factor_again(alpha: float, halvings: int) -> None:
    """k halvings cost halving_cost ** k: a second million-fold for a second halving."""
    assume(halvings / alpha < 900)
    expected = halving_cost(alpha) ** halvings
    assert pytest.approx(expected, rel=REL) == compute_multiplier_for_loss(2.0**halvings, alpha)


@given(pretrain_alphas)
def test_halving_cost_is_a_cut_by_two(alpha: float) -> None:
    """halving_cost(a) is compute_multiplier_for_loss(2, a)."""
    assert compute_multiplier_for_loss(2.0, alpha) == halving_cost(alpha)


@given(pretrain_reductions, pretrain_reductions, pretrain_alphas)
def test_bigger_cuts_need_more_compute(a: float, b: float, alpha: float) -> None:
    """The compute multiplier never falls as the wanted reduction grows."""
    low, high = sorted((a, b))
    assert compute_multiplier_for_loss(low, alpha) <= compute_multiplier_for_loss(high, alpha)


@given(st.floats(min_value=1.0, max_value=100.0), pretrain_alphas, pretrain_alphas)
def test_steeper_laws_need_less_compute_for_a_cut(reduction: float, a: float, b: float) -> None:
    """For a real cut (r >= 1), a larger exponent never asks for more compute."""
    shallow, steep = sorted((a, b))
    assert compute_multiplier_for_loss(reduction, steep) <= compute_multiplier_for_loss(reduction, shallow)


@given(pretrain_compute_multipliers, pretrain_compute_multipliers, pretrain_alphas)
def test_more_compute_never_raises_the_loss(a: float, b: float, alpha: float) -> None:
    """loss_multiplier never rises with compute."""
    low, high = sorted((a, b))
    assert loss_multiplier(low, alpha) >= loss_multiplier(high, alpha)


@given(pretrain_alphas)
def test_no_change_costs_nothing(alpha: float) -> None:
    """Dividing the loss by 1 needs 1x compute, and 1x compute leaves the loss as it is."""
    assert 1.0 == compute_multiplier_for_loss(1.0, alpha)
    assert 0.0 == compute_ooms_for_loss(1.0, alpha)
    assert 1.0 == loss_multiplier(1.0, alpha)


@given(pretrain_alphas)
def test_tenfold_compute_cuts_loss_by_ten_to_the_minus_alpha(alpha: float) -> None:
    """One order of magnitude more compute multiplies reducible loss by 10 ** -alpha."""
    assert pytest.approx(10.0**-alpha, rel=REL) == loss_multiplier(10.0, alpha)


def test_kaplan_compute_halving_is_two_to_the_twentieth() -> None:
    """At alpha = 0.05 a halving costs 2 ** 20, about 6.02 orders of magnitude."""
    assert pytest.approx(2.0**20, rel=1e-12) == halving_cost()
    assert pytest.approx(20 * math.log10(2), rel=1e-12) == compute_ooms_for_loss(2.0)


# --- Ord's model: scaling_paradox_multipliers, accuracy_power -------------------------------

LOSSES = st.floats(min_value=0.5, max_value=20.0)
POWERS = st.floats(min_value=0.5, max_value=60.0)


def test_ords_example_halving_six_to_three() -> None:
    """Ord: 6 -> 3 doubles accuracy, so compute x 2^20, data x 2^11, parameters x 2^13."""
    cost = scaling_paradox_multipliers(6.0, 3.0)
    assert (2.0, 2.0**20, 2.0**11, 2.0**13) == tuple(cost)


@given(LOSSES, LOSSES, POWERS)
def test_resource_multiplier_is_the_accuracy_gain_to_the_power(current: float, target: float, power: float) -> None:
    """Each multiplier is (current / target) ** power, the same as Kaplan's form with alpha = 1 / power."""
    cost = scaling_paradox_multipliers(current, target, power, power, power)
    assert pytest.approx(current / target, rel=1e-15) == cost.accuracy_gain
    assert pytest.approx((current / target) ** power, rel=1e-9) == cost.compute
    assert pytest.approx(compute_multiplier_for_loss(current / target, 1 / power), rel=1e-9) == cost.compute


@given(LOSSES, LOSSES, LOSSES, POWERS)
def test_successive_loss_cuts_multiply(first: float, second: float, third: float, power: float) -> None:
    """Going first -> second -> third costs the product of the two steps' multipliers."""
    step1 = scaling_paradox_multipliers(first, second, power, power, power).compute
    step2 = scaling_paradox_multipliers(second, third, power, power, power).compute
    assert (
        pytest.approx(step1 * step2, rel=1e-9) == scaling_paradox_multipliers(first, third, power, power, power).compute
    )


@given(LOSSES, LOSSES)
def test_compute_needs_the_most_at_ords_powers(current: float, target: float) -> None:
    """With 20 > 13 > 11, a cut (target < current) costs compute > parameters > data."""
    assume(target < current)
    cost = scaling_paradox_multipliers(current, target)
    assert cost.compute >= cost.params >= cost.data >= 1.0


def test_accuracy_powers_are_kaplans_reciprocals() -> None:
    """1 / 0.050 = 20 exactly; 1 / 0.095 and 1 / 0.076 round to Ord's 11 and 13."""
    assert 20.0 == accuracy_power(0.05)
    assert 11 == round(accuracy_power(0.095))
    assert 13 == round(accuracy_power(0.076))


# --- optimal_loss_exponent ------------------------------------------------------------------


@given(pretrain_alphas, pretrain_alphas)
def test_optimal_exponent_is_symmetric_and_below_both(a: float, b: float) -> None:
    """a b / (a + b) is symmetric, below both exponents and at least half the smaller."""
    gamma = optimal_loss_exponent(a, b)
    assert gamma == optimal_loss_exponent(b, a)
    assert min(a, b) / 2 <= gamma < min(a, b)
    assert pytest.approx(a * b / (a + b), rel=REL) == gamma


@given(pretrain_alphas)
def test_equal_exponents_halve(a: float) -> None:
    """With equal exponents the optimal path's exponent is half of either."""
    assert pytest.approx(a / 2, rel=1e-15) == optimal_loss_exponent(a, a)


@given(pretrain_alphas, pretrain_alphas)
def test_optimal_path_halving_cost_is_two_to_one_over_gamma(a: float, b: float) -> None:
    """Halving the reducible loss on the optimal path costs 2 ** (1 / gamma), gamma unrounded."""
    expected = 2.0 ** (1.0 / optimal_loss_exponent(a, b))
    assume(expected < 1e300)
    assert pytest.approx(expected, rel=1e-12) == optimal_path_halving_cost(a, b)


@given(pretrain_alphas, pretrain_alphas)
def test_optimal_size_and_data_exponents_sum_to_one(a: float, b: float) -> None:
    """N* grows as C ** (b / (a + b)) and D* as C ** (a / (a + b)): together, all of C."""
    assert pytest.approx(1.0, rel=1e-12) == optimal_params_exponent(a, b) + optimal_tokens_exponent(a, b)
    assert pytest.approx(b / (a + b), rel=1e-12) == optimal_params_exponent(a, b)


@pytest.mark.parametrize("exponents", [(5e-324, 5e-324), (5e-324, 1.0), (1e-300, 1e-300)])
def test_exponents_too_small_to_halve_the_loss_with_any_float_say_so(exponents: tuple[float, float]) -> None:
    """Exponents of a few 1e-324 make gamma underflow to 0 (a ZeroDivisionError once, found by
    make deep): the multiplier is too large to compute, in the core's words."""
    with pytest.raises(OutOfRangeError, match="compute multiplier for these exponents is too large"):
        optimal_path_halving_cost(*exponents)


def test_rounding_the_exponents_moves_the_reducible_halving_cost() -> None:
    """Printed (0.34, 0.28) gives about 91, unrounded (0.3392, 0.2849) about 88, Epoch about 49:
    the reducible-loss arithmetic depends on the constants (content check, item 3)."""
    assert 91.3 == round(optimal_path_halving_cost(), 1)
    assert 88 == round(optimal_path_halving_cost(0.3392, 0.2849))
    assert 49 == round(optimal_path_halving_cost(EPOCH_ALPHA, EPOCH_BETA))


# --- chinchilla_loss and the isoFLOP curve --------------------------------------------------


@given(pretrain_sizes, pretrain_sizes, pretrain_sizes)
def test_chinchilla_loss_falls_with_params_and_tokens(a: float, b: float, other: float) -> None:
    """More parameters or more tokens never raise the fitted loss, which stays above E."""
    low, high = sorted((a, b))
    assert chinchilla_loss(low, other) >= chinchilla_loss(high, other)
    assert chinchilla_loss(other, low) >= chinchilla_loss(other, high)
    assert CHINCHILLA_E < chinchilla_loss(high, high)


def test_chinchilla_loss_tends_to_the_irreducible_loss() -> None:
    """With vast models and data the fitted loss approaches E = 1.69 from above."""
    assert pytest.approx(CHINCHILLA_E, abs=1e-6) == chinchilla_loss(1e250, 1e250)


@given(pretrain_flops, pretrain_sizes)
def test_isoflop_loss_is_the_loss_at_the_tokens_left(flop: float, params: float) -> None:
    """The isoFLOP loss is chinchilla_loss(N, C / (6 N))."""
    assert pytest.approx(chinchilla_loss(params, flop / (6 * params)), rel=1e-12) == chinchilla_isoflop_loss(
        flop, params
    )


# --- chinchilla_optimal -------------------------------------------------------------------


@given(pretrain_flops)
def test_optimum_spends_the_budget(flop: float) -> None:
    """6 N* D* is the budget, and tokens_per_param is D* / N*."""
    best = chinchilla_optimal(flop)
    assert pytest.approx(flop, rel=REL) == 6 * best.params * best.tokens
    assert pytest.approx(best.tokens / best.params, rel=REL) == best.tokens_per_param
    assert pytest.approx(chinchilla_loss(best.params, best.tokens), rel=1e-12) == best.loss


@given(pretrain_flops, st.floats(min_value=-3, max_value=3))
def test_optimum_beats_every_other_model_size(flop: float, decades: float) -> None:
    """No model size on the isoFLOP curve has a lower loss than the optimum."""
    best = chinchilla_optimal(flop)
    other = best.params * 10.0**decades
    assert best.loss <= chinchilla_isoflop_loss(flop, other) + 1e-12


@given(pretrain_flops, pretrain_ratios)
def test_optimum_beats_every_fixed_ratio(flop: float, ratio: float) -> None:
    """No tokens-per-parameter rule reaches a lower loss than the optimum at the same budget."""
    assert chinchilla_optimal(flop).loss <= chinchilla_allocation(flop, ratio).loss + 1e-12


@given(pretrain_flops, st.floats(min_value=1e-3, max_value=1e3))
def test_optimal_size_and_data_scale_as_powers_of_compute(flop: float, factor: float) -> None:
    """k times the compute gives k ** 0.45 the parameters and k ** 0.55 the tokens."""
    assume(flop * factor <= 1e35)
    before, after = chinchilla_optimal(flop), chinchilla_optimal(flop * factor)
    assert pytest.approx(factor**PARAMS_POWER, rel=REL) == after.params / before.params
    assert pytest.approx(factor**TOKENS_POWER, rel=REL) == after.tokens / before.tokens
    assert 0.45 == round(PARAMS_POWER, 2) and 0.55 == round(TOKENS_POWER, 2)


@given(pretrain_flops, st.floats(min_value=1e-3, max_value=1e3))
def test_optimal_reducible_loss_falls_as_a_power_of_compute(flop: float, factor: float) -> None:
    """Along the optimum, L - E scales as compute ** -(a b / (a + b))."""
    assume(flop * factor <= 1e35)
    ratio = (chinchilla_optimal(flop * factor).loss - CHINCHILLA_E) / (chinchilla_optimal(flop).loss - CHINCHILLA_E)
    assert pytest.approx(factor ** -optimal_loss_exponent(), rel=1e-8) == ratio


@given(pretrain_flops, pretrain_flops)
def test_optimal_tokens_per_param_rises_with_compute(a: float, b: float) -> None:
    """Because a > b, the fit wants ever more tokens per parameter as compute grows."""
    low, high = sorted((a, b))
    assert chinchilla_optimal_tokens_per_param(low) <= chinchilla_optimal_tokens_per_param(high)


@given(st.floats(min_value=1e23, max_value=1e26))
def test_optimal_ratio_is_80_to_150_over_1e23_to_1e26(flop: float) -> None:
    """Fact base §3.3 [DER]: over 1e23-1e26 FLOP the fit's optimum is about 80-150 tokens/param,
    far from the 20:1 rule (to the nearest ten: 75 to 155)."""
    assert 75 <= chinchilla_optimal_tokens_per_param(flop) <= 155


@given(st.floats(min_value=5.88e23, max_value=1e26))
def test_epoch_refit_gives_16_to_18_tokens_per_param(flop: float) -> None:
    """With Epoch AI's refit the optimum is about 16-18 tokens per parameter over Chinchilla's
    budget to 1e26 FLOP, close to the 20:1 rule (to the nearest integer: 15.5 to 18.5)."""
    assert 15.5 <= chinchilla_optimal_tokens_per_param(flop, **EPOCH) <= 18.5


@given(pretrain_flops, st.floats(min_value=-2, max_value=2))
def test_epoch_optimum_beats_other_sizes(flop: float, decades: float) -> None:
    """The closed form is the minimum for Epoch's constants too, and spends the budget."""
    best = chinchilla_optimal(flop, **EPOCH)
    assert pytest.approx(flop, rel=REL) == 6 * best.params * best.tokens
    assert best.loss <= chinchilla_isoflop_loss(flop, best.params * 10.0**decades, **EPOCH) + 1e-12
    assert EPOCH_E < best.loss


@given(pretrain_flops)
def test_total_loss_exponent_is_below_gamma_and_falls_with_compute(flop: float) -> None:
    """The total loss's local exponent is gamma (L - E) / L: below gamma, and smaller at bigger
    budgets (the frontier bends away from a power law, as Ord reads the Chinchilla plot)."""
    local = chinchilla_total_loss_exponent(flop)
    best = chinchilla_optimal(flop)
    assert pytest.approx(optimal_loss_exponent() * (best.loss - CHINCHILLA_E) / best.loss, rel=1e-9) == local
    assert 0 <= chinchilla_total_loss_exponent(flop * 10) <= local < optimal_loss_exponent()


def test_total_loss_exponent_at_chinchilla_budget_is_below_kaplan() -> None:
    """At 5.88e23 FLOP the fit's total loss falls locally as compute^-0.019: about the 52nd
    power of accuracy, against Kaplan's 20th."""
    local = chinchilla_total_loss_exponent(5.88e23)
    assert 0.019 == round(local, 3)
    assert 52 == round(accuracy_power(local))


# --- chinchilla_allocation, chinchilla_compute_for_loss, efficiency --------------------------


@given(pretrain_flops, pretrain_ratios)
def test_allocation_spends_the_budget_at_the_ratio(flop: float, ratio: float) -> None:
    """A fixed-ratio split uses exactly the budget, at exactly that ratio."""
    split = chinchilla_allocation(flop, ratio)
    assert pytest.approx(flop, rel=REL) == 6 * split.params * split.tokens
    assert pytest.approx(ratio, rel=REL) == split.tokens_per_param
    assert pytest.approx(chinchilla_isoflop_loss(flop, split.params), rel=1e-12) == split.loss


@given(pretrain_flops)
def test_compute_for_loss_undoes_the_optimum(flop: float) -> None:
    """The compute that reaches the optimum's loss is the budget that produced it."""
    assert pytest.approx(flop, rel=1e-8) == chinchilla_compute_for_loss(chinchilla_optimal(flop).loss)


@given(st.floats(min_value=1.75, max_value=5.0))
def test_optimum_reaches_the_loss_it_was_asked_for(loss: float) -> None:
    """chinchilla_optimal(chinchilla_compute_for_loss(L)).loss is L."""
    assert pytest.approx(loss, rel=1e-12) == chinchilla_optimal(chinchilla_compute_for_loss(loss)).loss


@given(st.floats(min_value=1.7, max_value=5.0), st.floats(min_value=1.7, max_value=5.0))
def test_lower_loss_needs_more_compute(a: float, b: float) -> None:
    """A lower target loss never needs less compute."""
    low, high = sorted((a, b))
    assert chinchilla_compute_for_loss(low) >= chinchilla_compute_for_loss(high)


@given(pretrain_flops, pretrain_ratios)
def test_efficiency_is_a_share_and_one_at_the_optimum(flop: float, ratio: float) -> None:
    """The efficiency of any split lies in [0, 1], and is 1 at the fit's own ratio."""
    assert 0.0 <= chinchilla_compute_efficiency(flop, ratio) <= 1.0
    best = chinchilla_optimal(flop).tokens_per_param
    assert pytest.approx(1.0, abs=1e-9) == chinchilla_compute_efficiency(flop, best)


@given(pretrain_flops, st.floats(min_value=0.0, max_value=3.0), st.floats(min_value=0.0, max_value=3.0))
def test_efficiency_falls_away_from_the_optimum(flop: float, near: float, far: float) -> None:
    """The further a ratio is from the optimum (on either side), the lower its efficiency."""
    near, far = sorted((near, far))
    best = chinchilla_optimal(flop).tokens_per_param
    for sign in (1, -1):
        closer = chinchilla_compute_efficiency(flop, best * 10 ** (sign * near))
        further = chinchilla_compute_efficiency(flop, best * 10 ** (sign * far))
        assert closer >= further - 1e-12


@given(pretrain_flops, pretrain_ratios)
def test_efficiency_matches_its_definition(flop: float, ratio: float) -> None:
    """Efficiency is the optimum's compute for the split's loss, over the split's compute."""
    split = chinchilla_allocation(flop, ratio)
    assume(split.loss - CHINCHILLA_E > 1e-6 * (chinchilla_optimal(flop).loss - CHINCHILLA_E))
    needed = chinchilla_compute_for_loss(split.loss)
    assert pytest.approx(min(1.0, needed / flop), rel=1e-6, abs=1e-300) == chinchilla_compute_efficiency(flop, ratio)


# --- Invalid input: the reader's messages -------------------------------------------------

INVALID = {
    "reduction-zero": (compute_multiplier_for_loss, (0.0,), "reduction must be greater than 0, got 0"),
    "alpha-negative": (compute_multiplier_for_loss, (2.0, -0.05), "alpha must be greater than 0, got -0.05"),
    "alpha-nan": (loss_multiplier, (10.0, math.nan), "alpha must be a finite number, got nan"),
    "compute-multiplier-zero": (loss_multiplier, (0.0,), "compute_multiplier must be greater than 0, got 0"),
    "halving-alpha-tiny": (halving_cost, (1e-3,), "the compute multiplier for these inputs is too large to compute"),
    "flop-negative": (chinchilla_optimal, (-1e24,), "flop must be greater than 0, got -1e+24"),
    "flop-inf": (chinchilla_allocation, (math.inf, 20.0), "flop must be a finite number, got inf"),
    "ratio-zero": (chinchilla_allocation, (1e24, 0.0), "tokens_per_param must be greater than 0, got 0"),
    "params-zero": (chinchilla_loss, (0.0, 1e12), "params must be greater than 0, got 0"),
    "tokens-negative": (chinchilla_loss, (1e9, -1.0), "tokens must be greater than 0, got -1"),
    "loss-at-floor": (
        chinchilla_compute_for_loss,
        (1.69,),
        "loss must be greater than 1.69 (the fit's irreducible loss), got 1.69",
    ),
    "exponent-zero": (optimal_loss_exponent, (0.0, 0.28), "params_exponent must be greater than 0, got 0"),
    "current-loss-zero": (scaling_paradox_multipliers, (0.0, 3.0), "current_loss must be greater than 0, got 0"),
    "target-loss-negative": (scaling_paradox_multipliers, (6.0, -3.0), "target_loss must be greater than 0, got -3"),
    "power-nan": (scaling_paradox_multipliers, (6.0, 3.0, math.nan), "compute_power must be a finite number, got nan"),
    "power-huge": (
        scaling_paradox_multipliers,
        (6.0, 3.0, 1e4),
        "the compute multiplier for these inputs is too large to compute",
    ),
    "loss-exponent-zero": (accuracy_power, (0.0,), "loss_exponent must be greater than 0, got 0"),
    "floor-negative": (chinchilla_loss, (1e9, 1e12, -1.0), "irreducible_loss must be 0 or more, got -1"),
    "coefficient-zero": (chinchilla_optimal, (1e24, 1.69, 0.0), "params_coefficient must be greater than 0, got 0"),
    "epoch-loss-at-floor": (
        chinchilla_compute_for_loss,
        (1.8172, 1.8172, 482.01, 2085.43, 0.3478, 0.3658),
        "loss must be greater than 1.8172 (the fit's irreducible loss), got 1.8172",
    ),
}


@pytest.mark.parametrize(("function", "args", "message"), list(INVALID.values()), ids=list(INVALID))
def test_invalid_input_raises_a_plain_message(function, args: tuple, message: str) -> None:
    """Invalid input raises ValueError with exactly the sentence the calculator shows."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        function(*args)


# --- The two calculators ------------------------------------------------------------------


def test_pretraining_table_covers_fact_base_rows_1_and_2() -> None:
    """tests/cases/pretraining.csv has golden rows for §6 rows 1 and 2 and the §3.3/§3.4 figures."""
    table = Path(__file__).parent.parent / "cases" / "pretraining.csv"
    with table.open(newline="", encoding="utf-8") as file:
        ids = [row["id"] for row in csv.DictReader(file)]
    prefixes = {identifier.split("-")[0] for identifier in ids}
    assert {"row1", "row2", "s3.3", "s3.4"} == prefixes
