"""Properties of the governance essay's models, and of their two calculators, with Hypothesis.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import (
    EU_AI_ACT_THRESHOLD_FLOP,
    US_EXECUTIVE_ORDER_THRESHOLD_FLOP,
    deployment_breakeven_queries,
    effective_flop,
    effective_ooms,
    effective_ooms_over_threshold,
    inference_multiplier_to_reach,
    inference_scaleup_cost_multiplier,
    lifetime_compute,
    lifetime_compute_breakdown,
    lifetime_flop,
    ooms_above_threshold,
    pretraining_scaleup_cost_multiplier,
    simultaneous_copies,
)

from strategies import (
    cost_scaleup_factors,
    cost_shares,
    effective_inference_multipliers,
    effective_pretrain_flops,
    effective_weights,
    lifetime_params,
    lifetime_queries,
    lifetime_tokens,
    lifetime_tokens_per_query,
)

REL = 1e-9
positive_weights = st.floats(min_value=0.05, max_value=1.0)
growth = st.floats(min_value=1.0, max_value=1e6)


# --- Effective compute -------------------------------------------------------------------


@given(effective_pretrain_flops, effective_inference_multipliers, effective_weights)
def test_effective_ooms_is_the_rule_of_thumb(pretrain: float, multiplier: float, weight: float) -> None:
    """Effective OOMs are log10(pre-training) plus weight times log10(inference multiplier)."""
    expected = math.log10(pretrain) + weight * math.log10(multiplier)
    assert pytest.approx(expected, rel=1e-12, abs=1e-12) == effective_ooms(pretrain, multiplier, weight)


@given(effective_pretrain_flops, effective_inference_multipliers, effective_weights, st.sampled_from([1e25, 1e26]))
def test_effective_ooms_over_threshold_is_the_distance_in_ooms(
    pretrain: float, multiplier: float, weight: float, threshold: float
) -> None:
    """Above the threshold by exactly the effective OOMs less the threshold's, and signed."""
    over = effective_ooms_over_threshold(threshold, pretrain, multiplier, weight)
    assert pytest.approx(effective_ooms(pretrain, multiplier, weight) - math.log10(threshold), abs=1e-12) == over
    assert (over > 0) == (effective_flop(pretrain, multiplier, weight) > threshold * (1 + 1e-12)) or abs(over) < 1e-9


@given(effective_pretrain_flops, effective_weights)
def test_standard_inference_adds_nothing(pretrain: float, weight: float) -> None:
    """At 1x inference, effective compute is the pre-training compute, whatever the weight."""
    assert math.log10(pretrain) == effective_ooms(pretrain, 1.0, weight)


@given(effective_pretrain_flops, effective_inference_multipliers)
def test_weight_zero_ignores_inference_and_weight_one_counts_it_fully(pretrain: float, multiplier: float) -> None:
    """Weight 0: inference counts for nothing; weight 1: an OOM of inference is an OOM of training."""
    assert math.log10(pretrain) == effective_ooms(pretrain, multiplier, 0.0)
    assert pytest.approx(math.log10(pretrain * multiplier), abs=1e-12) == effective_ooms(pretrain, multiplier, 1.0)


@given(effective_pretrain_flops, effective_inference_multipliers, effective_weights, st.integers(-5, 5))
def test_ten_times_the_pretraining_adds_one_oom(pretrain: float, multiplier: float, weight: float, k: int) -> None:
    """Multiplying pre-training compute by 10^k adds exactly k effective OOMs."""
    shifted = effective_ooms(pretrain * 10.0**k, multiplier, weight)
    assert pytest.approx(effective_ooms(pretrain, multiplier, weight) + k, abs=1e-12) == shifted


@given(effective_pretrain_flops, effective_inference_multipliers, effective_inference_multipliers, effective_weights)
def test_effective_compute_never_falls_with_inference(pretrain: float, a: float, b: float, weight: float) -> None:
    """More inference never lowers effective compute."""
    low, high = sorted((a, b))
    assert effective_ooms(pretrain, low, weight) <= effective_ooms(pretrain, high, weight)


@given(effective_pretrain_flops, growth, effective_weights, effective_weights)
def test_a_higher_weight_counts_extra_inference_for_more(
    pretrain: float, multiplier: float, a: float, b: float
) -> None:
    """With more than standard inference, a higher exchange rate never gives less effective compute."""
    low, high = sorted((a, b))
    assert effective_ooms(pretrain, multiplier, low) <= effective_ooms(pretrain, multiplier, high)


@given(effective_pretrain_flops, effective_inference_multipliers, effective_weights)
def test_effective_flop_is_ten_to_the_effective_ooms(pretrain: float, multiplier: float, weight: float) -> None:
    """effective_flop is pretrain * multiplier ** weight, which is 10 ** effective_ooms."""
    value = effective_flop(pretrain, multiplier, weight)
    assert pytest.approx(pretrain * multiplier**weight, rel=REL) == value
    assert pytest.approx(effective_ooms(pretrain, multiplier, weight), abs=1e-12) == math.log10(value)


@given(effective_pretrain_flops, effective_pretrain_flops, positive_weights)
def test_inference_multiplier_to_reach_round_trips(pretrain: float, target: float, weight: float) -> None:
    """The multiplier that reaches a target gives back that target as effective compute."""
    assume(abs(math.log10(target / pretrain)) / weight < 300)
    multiplier = inference_multiplier_to_reach(target, pretrain, weight)
    assert pytest.approx(target, rel=1e-9) == effective_flop(pretrain, multiplier, weight)


@given(effective_pretrain_flops, effective_inference_multipliers, positive_weights)
def test_reach_undoes_effective_flop(pretrain: float, multiplier: float, weight: float) -> None:
    """The multiplier needed to reach a model's effective compute is that model's multiplier."""
    target = effective_flop(pretrain, multiplier, weight)
    assert pytest.approx(multiplier, rel=1e-8) == inference_multiplier_to_reach(target, pretrain, weight)


def test_reaching_the_us_threshold_from_ords_example_model() -> None:
    """From 10^24 FLOP, reaching 10^26 takes 100x inference at weight 1, 10^4x at 0.5, 10^(2/0.7)x at 0.7."""
    assert pytest.approx(100.0, rel=1e-12) == inference_multiplier_to_reach(1e26, 1e24, 1.0)
    assert pytest.approx(1e4, rel=1e-12) == inference_multiplier_to_reach(1e26, 1e24, 0.5)
    assert pytest.approx(10 ** (2 / 0.7), rel=1e-12) == inference_multiplier_to_reach(1e26, 1e24, 0.7)


@given(st.floats(min_value=-400, max_value=400))
def test_the_two_thresholds_are_one_oom_apart(log10_flop: float) -> None:
    """Any compute level is exactly one OOM further above the EU threshold than the US one."""
    eu = ooms_above_threshold(log10_flop, EU_AI_ACT_THRESHOLD_FLOP)
    us = ooms_above_threshold(log10_flop, US_EXECUTIVE_ORDER_THRESHOLD_FLOP)
    assert pytest.approx(1.0, abs=1e-12) == eu - us
    assert pytest.approx(log10_flop - 25, abs=1e-12) == eu


@given(effective_pretrain_flops)
def test_a_threshold_is_zero_ooms_above_itself(threshold: float) -> None:
    """A model exactly at a threshold is 0 OOMs above it."""
    assert 0.0 == ooms_above_threshold(math.log10(threshold), threshold)


# --- Copies at launch ------------------------------------------------------------------------


@given(
    st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=1e12)),
    effective_inference_multipliers,
    effective_inference_multipliers,
)
def test_copies_fall_in_proportion_to_inference(copies: float, a: float, b: float) -> None:
    """Copies times inference multiplier is the fixed compute budget; more inference, fewer copies."""
    assert pytest.approx(copies, rel=1e-12) == simultaneous_copies(copies, a) * a
    low, high = sorted((a, b))
    assert simultaneous_copies(copies, low) >= simultaneous_copies(copies, high)


@given(st.floats(min_value=1e-6, max_value=1e12))
def test_standard_inference_keeps_every_copy(copies: float) -> None:
    """At 1x inference the number of copies is unchanged."""
    assert copies == simultaneous_copies(copies, 1.0)


# --- Lifetime compute --------------------------------------------------------------------------


@given(lifetime_params, lifetime_tokens, lifetime_queries, lifetime_tokens_per_query, lifetime_queries)
def test_lifetime_compute_is_the_sum_of_its_stages(n: float, d_tokens: float, d: float, i: float, post: float) -> None:
    """The total is N*D + C_post + d*N*I, the shares add to 1, and lifetime_compute is the total."""
    split = lifetime_compute_breakdown(n, d_tokens, d, i, post)
    assert pytest.approx(n * d_tokens, rel=1e-15) == split.pretraining
    assert pytest.approx(d * n * i, rel=1e-15) == split.deployment
    assert post == split.post_training
    assert pytest.approx(split.pretraining + split.post_training + split.deployment, rel=1e-15) == split.total
    assert pytest.approx(1.0, rel=1e-12) == split.pretraining_share + split.post_training_share + split.deployment_share
    assert split.total == lifetime_compute(n, d_tokens, d, i, post)


@given(lifetime_params, lifetime_tokens, lifetime_queries, lifetime_queries, lifetime_tokens_per_query)
def test_more_queries_never_cost_less(n: float, d_tokens: float, a: float, b: float, i: float) -> None:
    """Lifetime compute and deployment's share never fall as more queries are served."""
    low, high = sorted((a, b))
    assert lifetime_compute(n, d_tokens, low, i) <= lifetime_compute(n, d_tokens, high, i)
    assert (
        lifetime_compute_breakdown(n, d_tokens, low, i).deployment_share
        <= lifetime_compute_breakdown(n, d_tokens, high, i).deployment_share
    )


@given(lifetime_params, lifetime_tokens, lifetime_tokens_per_query)
def test_deployment_equals_pretraining_at_breakeven(n: float, d_tokens: float, i: float) -> None:
    """At d = D / I deployment compute equals pre-training compute, whatever the model size."""
    breakeven = deployment_breakeven_queries(d_tokens, i)
    split = lifetime_compute_breakdown(n, d_tokens, breakeven, i)
    assert pytest.approx(split.pretraining, rel=1e-12) == split.deployment
    assert pytest.approx(0.5, rel=1e-12) == split.deployment_share


@given(lifetime_params, lifetime_tokens, lifetime_tokens_per_query, st.floats(min_value=1.01, max_value=1e3))
def test_deployment_dominates_past_breakeven(n: float, d_tokens: float, i: float, beyond: float) -> None:
    """Fewer queries than D / I: pre-training is the larger stage; more: deployment is."""
    breakeven = deployment_breakeven_queries(d_tokens, i)
    before = lifetime_compute_breakdown(n, d_tokens, breakeven / beyond, i)
    after = lifetime_compute_breakdown(n, d_tokens, breakeven * beyond, i)
    assert before.pretraining > before.deployment
    assert after.deployment > after.pretraining


@given(lifetime_tokens, lifetime_tokens_per_query, st.floats(min_value=1e-3, max_value=1e3))
def test_breakeven_scales_with_tokens_and_inversely_with_tokens_per_query(d_tokens: float, i: float, c: float) -> None:
    """Doubling D doubles the breakeven; doubling I halves it."""
    assert pytest.approx(c * deployment_breakeven_queries(d_tokens, i), rel=1e-12) == deployment_breakeven_queries(
        c * d_tokens, i
    )
    assert pytest.approx(deployment_breakeven_queries(d_tokens, i) / c, rel=1e-12) == deployment_breakeven_queries(
        d_tokens, c * i
    )


@given(lifetime_params, lifetime_tokens, lifetime_queries, lifetime_tokens_per_query, lifetime_queries)
def test_lifetime_flop_restores_the_constants(n: float, d_tokens: float, d: float, i: float, post: float) -> None:
    """6ND + C + 2dNI is 6 times Ord's total with a third of the queries and a sixth of C_post."""
    expected = 6 * lifetime_compute(n, d_tokens, d / 3, i, post / 6)
    assert pytest.approx(expected, rel=1e-12) == lifetime_flop(n, d_tokens, d, i, post)


@given(lifetime_params, lifetime_tokens, lifetime_tokens_per_query)
def test_with_the_constants_breakeven_is_three_times_later(n: float, d_tokens: float, i: float) -> None:
    """With 6ND and 2dNI, lifetime FLOP at d = 3D/I is twice the pre-training FLOP."""
    d = 3 * deployment_breakeven_queries(d_tokens, i)
    assert pytest.approx(2 * 6 * n * d_tokens, rel=1e-12) == lifetime_flop(n, d_tokens, d, i)


# --- Cost of scaling up ------------------------------------------------------------------------


@st.composite
def mixes(draw: st.DrawFn) -> tuple[float, float]:
    """A deployment share and a post-training share that together are at most 1."""
    deployment = draw(cost_shares)
    post = draw(st.floats(min_value=0.0, max_value=1.0 - deployment))
    return deployment, post


@given(mixes())
def test_scaling_by_one_changes_nothing(mix: tuple[float, float]) -> None:
    """A factor of 1 leaves lifetime compute as it was, for any mix."""
    deployment, post = mix
    assert pytest.approx(1.0, rel=1e-12) == pretraining_scaleup_cost_multiplier(1.0, deployment, post)
    assert pytest.approx(1.0, rel=1e-12) == inference_scaleup_cost_multiplier(1.0, deployment, post)


@given(cost_scaleup_factors)
def test_the_limits_in_ords_appendix(factor: float) -> None:
    """Pre-training dominated: f and 1. Deployment dominated: sqrt(f) and f."""
    assert pytest.approx(factor, rel=1e-12) == pretraining_scaleup_cost_multiplier(factor, 0.0)
    assert 1.0 == inference_scaleup_cost_multiplier(factor, 0.0)
    assert pytest.approx(math.sqrt(factor), rel=1e-12) == pretraining_scaleup_cost_multiplier(factor, 1.0)
    assert pytest.approx(factor, rel=1e-12) == inference_scaleup_cost_multiplier(factor, 1.0)


@given(growth, mixes())
def test_scaling_up_lies_between_the_limits(factor: float, mix: tuple[float, float]) -> None:
    """Scaling up by f >= 1 multiplies the total by between 1 and f (at most f for either stage)."""
    deployment, post = mix
    for multiplier in (
        pretraining_scaleup_cost_multiplier(factor, deployment, post),
        inference_scaleup_cost_multiplier(factor, deployment, post),
    ):
        assert 1.0 - 1e-12 <= multiplier <= factor * (1 + 1e-12)


@given(growth, cost_shares, cost_shares)
def test_more_deployment_favours_pretraining_scaleups(factor: float, a: float, b: float) -> None:
    """As deployment's share grows, scaling pre-training gets relatively cheaper, inference dearer."""
    low, high = sorted((a, b))
    assert pretraining_scaleup_cost_multiplier(factor, low) >= pretraining_scaleup_cost_multiplier(factor, high) * (
        1 - 1e-12
    )
    assert inference_scaleup_cost_multiplier(factor, low) <= inference_scaleup_cost_multiplier(factor, high) * (
        1 + 1e-12
    )


@given(
    lifetime_params,
    lifetime_tokens,
    lifetime_queries,
    lifetime_tokens_per_query,
    lifetime_queries,
    st.sampled_from([4.0, 10.0, 100.0, 0.25]),
)
def test_multipliers_match_recomputing_the_lifetime(
    n: float, d_tokens: float, d: float, i: float, post: float, factor: float
) -> None:
    """The share formulas equal recomputing lifetime compute with N, D times sqrt(f), or I times f."""
    split = lifetime_compute_breakdown(n, d_tokens, d, i, post)
    root = math.sqrt(factor)
    pretraining = lifetime_compute(n * root, d_tokens * root, d, i, post) / split.total
    inference = lifetime_compute(n, d_tokens, d, i * factor, post) / split.total
    shares = (split.deployment_share, split.post_training_share)
    assert pytest.approx(pretraining, rel=1e-12) == pretraining_scaleup_cost_multiplier(factor, *shares)
    assert pytest.approx(inference, rel=1e-12) == inference_scaleup_cost_multiplier(factor, *shares)


@given(cost_scaleup_factors, cost_scaleup_factors, st.floats(min_value=0.0, max_value=1.0))
def test_deployment_dominated_pretraining_scaleups_compose(f: float, g: float, exponent: float) -> None:
    """When deployment dominates, scaling pre-training by f then g costs (f g) ** a: the split's power law."""
    combined = pretraining_scaleup_cost_multiplier(f * g, 1.0, params_exponent=exponent)
    parts = pretraining_scaleup_cost_multiplier(f, 1.0, params_exponent=exponent) * pretraining_scaleup_cost_multiplier(
        g, 1.0, params_exponent=exponent
    )
    assert pytest.approx(parts, rel=1e-12) == combined


# --- Invalid input --------------------------------------------------------------------------------

INVALID_CALLS = {  # test id: (function, arguments, the exact message)
    "pretrain-zero": (effective_ooms, (0, 10), "pretrain_flop must be greater than 0, got 0"),
    "multiplier-negative": (effective_ooms, (1e24, -1), "inference_multiplier must be greater than 0, got -1"),
    "weight-above-1": (effective_ooms, (1e24, 10, 1.5), "weight must be between 0 and 1, got 1.5"),
    "weight-nan": (effective_flop, (1e24, 10, math.nan), "weight must be a finite number, got nan"),
    "effective-flop-overflows": (effective_flop, (1e300, 1e300, 1), "the effective compute is too large to compute"),
    "effective-flop-underflows": (effective_flop, (1e-300, 1e-300, 1), "the effective compute is too small to compute"),
    "threshold-zero": (ooms_above_threshold, (24, 0), "threshold_flop must be greater than 0, got 0"),
    "log10-flop-inf": (ooms_above_threshold, (math.inf, 1e25), "log10_flop must be a finite number, got inf"),
    "reach-weight-zero": (
        inference_multiplier_to_reach,
        (1e26, 1e24, 0),
        "weight must be greater than 0 and at most 1, got 0",
    ),
    "reach-overflows": (
        inference_multiplier_to_reach,
        (1e26, 1e24, 0.001),
        "the inference multiplier is too large to compute",
    ),
    "copies-negative": (simultaneous_copies, (-1, 10), "copies must be 0 or more, got -1"),
    "copies-overflow": (simultaneous_copies, (1e300, 1e-300), "the number of copies is too large to compute"),
    "copies-underflow": (simultaneous_copies, (1e-300, 1e300), "the number of copies is too small to compute"),
    "params-zero": (lifetime_compute, (0, 1e13, 1e10, 1e3), "params must be greater than 0, got 0"),
    "queries-negative": (lifetime_compute, (1e12, 1e13, -5, 1e3), "queries must be 0 or more, got -5"),
    "tokens-per-query-zero": (
        lifetime_compute,
        (1e12, 1e13, 1e10, 0),
        "tokens_per_query must be greater than 0, got 0",
    ),
    "post-negative": (lifetime_compute, (1e12, 1e13, 1e10, 1e3, -1), "post_training must be 0 or more, got -1"),
    "lifetime-overflows": (lifetime_compute, (1e200, 1e200, 0, 1), "the pre-training compute is too large to compute"),
    "lifetime-underflows": (lifetime_compute, (1e-200, 1e-200, 0, 1), "the lifetime compute is too small to compute"),
    "breakeven-overflows": (
        deployment_breakeven_queries,
        (1e300, 1e-300),
        "the breakeven number of queries is too large to compute",
    ),
    "factor-zero": (pretraining_scaleup_cost_multiplier, (0, 0.5), "factor must be greater than 0, got 0"),
    "share-above-1": (
        inference_scaleup_cost_multiplier,
        (10, 1.2),
        "deployment_share must be between 0 and 1, got 1.2",
    ),
    "shares-over-1": (
        inference_scaleup_cost_multiplier,
        (10, 0.7, 0.5),
        "deployment_share + post_training_share must be at most 1, got 1.2",
    ),
    "exponent-negative": (
        pretraining_scaleup_cost_multiplier,
        (10, 0.5, 0, -0.5),
        "params_exponent must be between 0 and 1, got -0.5",
    ),
}


@pytest.mark.parametrize(("function", "args", "message"), list(INVALID_CALLS.values()), ids=list(INVALID_CALLS))
def test_invalid_input_raises_value_error(function, args: tuple, message: str) -> None:
    """The ValueError's message is exactly the expected sentence."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        function(*args)


def test_huge_products_do_not_overflow_on_the_way() -> None:
    """d * N * I is finite whenever the product is, whatever order the factors come in."""
    assert (
        pytest.approx(1e300 * 1e-300 * 1e10, rel=1e-12)
        == lifetime_compute_breakdown(1e10, 1.0, 1e300, 1e-300).deployment
    )


# --- The calculators ---------------------------------------------------------------------------------


def test_governance_table_covers_fact_base_rows_7_to_10() -> None:
    """tests/cases/governance.csv holds golden rows for each of the fact base's §6 rows 7, 8, 9 and 10."""
    from pathlib import Path

    table = Path(__file__).parent.parent / "cases" / "governance.csv"
    ids = [line.split(",", 1)[0] for line in table.read_text(encoding="utf-8").splitlines()[1:] if line]
    assert {"7", "8", "9", "10"} == {row_id.split("-")[0].removeprefix("row") for row_id in ids}
