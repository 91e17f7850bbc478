"""Properties of the RL models (calculators/models/rl.py) that hold for every input, checked with Hypothesis.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import (
    CALCULATORS,
    bits_per_token_pretraining,
    capacity_bits_per_token,
    decompose_gain,
    inference_multiplier_for_rl,
    inference_share,
    rl_bits_per_token,
    rl_information_ratio,
    rl_multiplier_for_inference,
    run,
    score_on_trend,
    slope_ratio_from_gains,
    training_compute_multiplier,
    trend_slope_from_gain,
)

from strategies import (
    any_floats,
    rl_bits,
    rl_fractions,
    rl_gains,
    rl_multipliers,
    rl_scores,
    rl_slope_ratios,
    rl_slopes,
    rl_token_counts,
    rl_vocab_sizes,
)

REL = 1e-9
ABS = 1e-9  # percentage points: far below any score a benchmark reports
CASES = Path(__file__).parent.parent / "cases" / "rl.csv"

positive_gains = st.floats(min_value=1e-3, max_value=100.0)
scaleups = st.floats(min_value=1.001, max_value=1e6)


# --- inference_share ---------------------------------------------------------------------


@given(rl_gains, rl_gains)
def test_share_is_a_fraction(rl_gain: float, inference_gain: float) -> None:
    """The inference share lies in [0, 1] whenever there is a gain to split."""
    assume(rl_gain + inference_gain > 0)
    assert 0.0 <= inference_share(rl_gain, inference_gain) <= 1.0


@given(rl_gains, rl_gains)
def test_share_closed_form(rl_gain: float, inference_gain: float) -> None:
    """The share is Δ_inf / (Δ_RL + Δ_inf)."""
    assume(rl_gain + inference_gain > 0)
    expected = inference_gain / (rl_gain + inference_gain)
    assert pytest.approx(expected, rel=REL, abs=1e-300) == inference_share(rl_gain, inference_gain)


@given(rl_gains, rl_gains)
def test_swapping_the_gains_gives_the_complement(rl_gain: float, inference_gain: float) -> None:
    """Swapping the two boosts gives the RL share: the two shares add up to 1."""
    assume(rl_gain + inference_gain > 0)
    assert pytest.approx(1.0, rel=1e-15) == inference_share(rl_gain, inference_gain) + inference_share(
        inference_gain, rl_gain
    )


@given(rl_gains, rl_gains, st.floats(min_value=1e-6, max_value=1e6))
def test_share_ignores_the_score_unit(rl_gain: float, inference_gain: float, c: float) -> None:
    """Measuring both gains in another unit (both times c) leaves the share unchanged."""
    assume(rl_gain + inference_gain > 1e-200)  # clear of underflow when rescaled
    assert pytest.approx(inference_share(rl_gain, inference_gain), rel=REL) == inference_share(
        c * rl_gain, c * inference_gain
    )


@given(positive_gains, rl_gains, rl_gains)
def test_share_rises_with_inference_gain_and_falls_with_rl_gain(rl_gain: float, a: float, b: float) -> None:
    """More inference boost never lowers the share; more RL boost never raises it."""
    low, high = sorted((a, b))
    assert inference_share(rl_gain, low) <= inference_share(rl_gain, high)
    assume(low > 0)
    assert inference_share(low, rl_gain) >= inference_share(high, rl_gain)


def test_share_limits() -> None:
    """All from inference gives 1, all from RL gives 0, equal boosts give a half."""
    assert 1.0 == inference_share(0, 5)
    assert 0.0 == inference_share(5, 0)
    assert 0.5 == inference_share(7, 7)
    assert 0.5 == inference_share(1.7e308, 1.7e308)


@given(any_floats, any_floats)
def test_share_with_any_floats(rl_gain: float, inference_gain: float) -> None:
    """Any floats: a share in [0, 1] if both gains are finite, 0 or more and not both 0; else ValueError."""
    valid = all(math.isfinite(x) and x >= 0 for x in (rl_gain, inference_gain)) and (rl_gain > 0 or inference_gain > 0)
    try:
        share = inference_share(rl_gain, inference_gain)
    except ValueError:
        assert not valid
    else:
        assert valid
        assert 0.0 <= share <= 1.0


# --- decompose_gain and score_on_trend ------------------------------------------------------


@given(rl_gains, rl_token_counts, st.floats(min_value=1.0, max_value=1e6), rl_scores, rl_slopes)
def test_decomposition_recovers_the_boosts_it_was_built_from(
    rl_gain: float, base_tokens: float, token_multiple: float, base_score: float, slope: float
) -> None:
    """Put the base model rl_gain below a trend: the split gives back rl_gain and slope * log10(multiple)."""
    top_tokens = base_tokens * token_multiple
    intercept = base_score + rl_gain - slope * math.log10(base_tokens)
    assume(rl_gain + slope * math.log10(token_multiple) > 1e-6)
    split = decompose_gain(base_score, base_tokens, intercept, slope, top_tokens)
    assert pytest.approx(rl_gain, abs=ABS) == split.rl_gain
    assert pytest.approx(slope * math.log10(token_multiple), rel=REL, abs=ABS) == split.inference_gain


@given(rl_scores, rl_token_counts, st.floats(min_value=1.0, max_value=1e6), rl_gains, rl_slopes)
def test_decomposition_identities(
    base_score: float, base_tokens: float, token_multiple: float, rl_gain: float, slope: float
) -> None:
    """The boosts add up to the total, which is the top of the trend minus the base score."""
    top_tokens = base_tokens * token_multiple
    intercept = base_score + rl_gain - slope * math.log10(base_tokens)
    assume(rl_gain + slope * math.log10(token_multiple) > 1e-6)
    split = decompose_gain(base_score, base_tokens, intercept, slope, top_tokens)
    assert split.rl_gain + split.inference_gain == split.total_gain
    assert inference_share(split.rl_gain, split.inference_gain) == split.inference_share
    top = score_on_trend(top_tokens, intercept, slope)
    assert pytest.approx(top - base_score, abs=ABS) == split.total_gain


@given(
    rl_gains,
    rl_slopes,
    rl_token_counts,
    st.floats(min_value=1.0, max_value=1e4),
    st.floats(min_value=1e-4, max_value=1e4),
)
def test_decomposition_ignores_the_token_unit(
    rl_gain: float, slope: float, base_tokens: float, token_multiple: float, c: float
) -> None:
    """Counting tokens in another unit (times c), with the intercept refitted, changes no boost."""
    assume(rl_gain + slope * math.log10(token_multiple) > 1e-6)
    intercept = rl_gain - slope * math.log10(base_tokens)
    split = decompose_gain(0.0, base_tokens, intercept, slope, base_tokens * token_multiple)
    rescaled = decompose_gain(
        0.0, c * base_tokens, intercept - slope * math.log10(c), slope, c * base_tokens * token_multiple
    )
    assert pytest.approx(split.rl_gain, abs=ABS) == rescaled.rl_gain
    assert pytest.approx(split.inference_gain, rel=REL, abs=ABS) == rescaled.inference_gain


@given(rl_gains, rl_slopes, rl_token_counts, st.floats(min_value=1.0, max_value=1e4), rl_scores)
def test_decomposition_ignores_a_shift_of_all_scores(
    rl_gain: float, slope: float, base_tokens: float, token_multiple: float, shift: float
) -> None:
    """Adding the same number to every score (base and trend) changes no boost."""
    assume(rl_gain + slope * math.log10(token_multiple) > 1e-6)
    intercept = rl_gain - slope * math.log10(base_tokens)
    split = decompose_gain(0.0, base_tokens, intercept, slope, base_tokens * token_multiple)
    shifted = decompose_gain(shift, base_tokens, intercept + shift, slope, base_tokens * token_multiple)
    assert pytest.approx(split.rl_gain, abs=ABS) == shifted.rl_gain
    assert split.inference_gain == shifted.inference_gain


@given(positive_gains, st.floats(min_value=1e-3, max_value=100.0), rl_token_counts, scaleups, scaleups)
def test_longer_chains_raise_the_inference_share(
    rl_gain: float, slope: float, base_tokens: float, a: float, b: float
) -> None:
    """Climbing further along the trend never lowers the inference boost or its share."""
    low, high = sorted((a, b))
    intercept = rl_gain - slope * math.log10(base_tokens)
    short = decompose_gain(0.0, base_tokens, intercept, slope, base_tokens * low)
    long = decompose_gain(0.0, base_tokens, intercept, slope, base_tokens * high)
    assert short.inference_gain <= long.inference_gain
    assert short.inference_share <= long.inference_share
    assert short.rl_gain == long.rl_gain


@given(st.floats(min_value=1e-3, max_value=1e8), rl_scores, rl_slopes)
def test_trend_rises_by_the_slope_per_tenfold_tokens(tokens: float, intercept: float, slope: float) -> None:
    """Ten times the tokens adds exactly the slope to the trend score."""
    rise = score_on_trend(10 * tokens, intercept, slope) - score_on_trend(tokens, intercept, slope)
    assert pytest.approx(slope, rel=1e-6, abs=1e-9) == rise


def test_decomposition_rejects_a_base_model_above_the_trend() -> None:
    """A base model above the trend would need a negative RL boost: the error names base_score."""
    with pytest.raises(ValueError, match=r"^base_score must be at or below the trend at base_tokens \(10\), got 12$"):
        decompose_gain(12, 1, 10, 5, 10)


def test_decomposition_rejects_a_top_below_the_base() -> None:
    """The top of the trend cannot use fewer tokens than the base model."""
    with pytest.raises(ValueError, match=r"^top_tokens must be at least base_tokens \(100\), got 50$"):
        decompose_gain(0, 100, 10, 5, 50)


def test_decomposition_with_no_gain_says_so() -> None:
    """On the trend, with no room to climb, there is nothing to split."""
    with pytest.raises(ValueError, match="no gain to split"):
        decompose_gain(10, 1, 10, 5, 1)


# --- RL <-> inference exchange ------------------------------------------------------------


@given(rl_multipliers, rl_slope_ratios)
def test_inference_to_rl_round_trip(multiplier: float, ratio: float) -> None:
    """inference_multiplier_for_rl undoes rl_multiplier_for_inference."""
    rl = rl_multiplier_for_inference(multiplier, ratio)
    assert pytest.approx(multiplier, rel=1e-9) == inference_multiplier_for_rl(rl, ratio)


@given(rl_multipliers, rl_slope_ratios)
def test_rl_to_inference_round_trip(multiplier: float, ratio: float) -> None:
    """rl_multiplier_for_inference undoes inference_multiplier_for_rl."""
    inference = inference_multiplier_for_rl(multiplier, ratio)
    assert pytest.approx(multiplier, rel=1e-9) == rl_multiplier_for_inference(inference, ratio)


@given(rl_multipliers, rl_multipliers, rl_slope_ratios)
def test_rl_multiplier_rises_with_the_inference_multiplier(a: float, b: float, ratio: float) -> None:
    """A bigger inference scale-up never needs less RL compute to match."""
    low, high = sorted((a, b))
    assert rl_multiplier_for_inference(low, ratio) <= rl_multiplier_for_inference(high, ratio)


@given(scaleups, rl_slope_ratios, rl_slope_ratios)
def test_a_steeper_ratio_needs_more_rl(multiplier: float, a: float, b: float) -> None:
    """For a scale-up, the worse RL scales relative to inference, the more RL compute it takes."""
    low, high = sorted((a, b))
    assert rl_multiplier_for_inference(multiplier, low) <= rl_multiplier_for_inference(multiplier, high)


@given(st.floats(min_value=1e-3, max_value=1e3), st.floats(min_value=1e-3, max_value=1e3), rl_slope_ratios)
def test_exchange_respects_products(a: float, b: float, ratio: float) -> None:
    """Two inference scale-ups in a row need the product of their RL multipliers (OOMs add)."""
    expected = rl_multiplier_for_inference(a, ratio) * rl_multiplier_for_inference(b, ratio)
    assert pytest.approx(expected, rel=1e-9) == rl_multiplier_for_inference(a * b, ratio)


@given(rl_multipliers)
def test_exchange_special_cases(multiplier: float) -> None:
    """Ratio 2 squares, ratio 1 is the identity, and no scale-up needs no RL scale-up."""
    assert pytest.approx(multiplier * multiplier, rel=1e-15) == rl_multiplier_for_inference(multiplier)
    assert multiplier == rl_multiplier_for_inference(multiplier, 1.0)
    assert pytest.approx(math.sqrt(multiplier), rel=1e-15) == inference_multiplier_for_rl(multiplier)
    assert 1.0 == rl_multiplier_for_inference(1.0, 7.5)


@given(positive_gains, scaleups, rl_slope_ratios)
def test_slope_ratio_recovers_the_exchange_rate(gain: float, multiplier: float, ratio: float) -> None:
    """Equal gains from M_inf of inference and rl_multiplier_for_inference(M_inf) of RL imply the ratio."""
    rl = rl_multiplier_for_inference(multiplier, ratio)
    assert pytest.approx(ratio, rel=1e-6) == slope_ratio_from_gains(gain, multiplier, gain, rl)


@given(positive_gains, positive_gains, scaleups, scaleups)
def test_slope_ratio_is_a_ratio_of_slopes(gain_inf: float, gain_rl: float, m_inf: float, m_rl: float) -> None:
    """The estimate is (gain per OOM of inference) / (gain per OOM of RL)."""
    expected = (gain_inf / math.log10(m_inf)) / (gain_rl / math.log10(m_rl))
    assert pytest.approx(expected, rel=1e-9) == slope_ratio_from_gains(gain_inf, m_inf, gain_rl, m_rl)


@given(rl_fractions, rl_multipliers)
def test_training_compute_lies_between_no_change_and_the_rl_multiplier(fraction: float, multiplier: float) -> None:
    """Scaling only RL moves total training compute part of the way from 1 towards the RL multiplier."""
    total = training_compute_multiplier(fraction, multiplier)
    assert min(1.0, multiplier) * (1 - 1e-12) <= total <= max(1.0, multiplier) * (1 + 1e-12)


@given(rl_fractions, rl_multipliers, rl_multipliers)
def test_training_compute_rises_with_rl(fraction: float, a: float, b: float) -> None:
    """More RL scale-up never lowers total training compute."""
    low, high = sorted((a, b))
    assert training_compute_multiplier(fraction, low) <= training_compute_multiplier(fraction, high)


@given(st.floats(min_value=1e-6, max_value=1.0))
def test_rl_headroom_doubles_training_compute(fraction: float) -> None:
    """Scaling RL until it matches pre-training (times 1 / fraction) brings the total to 2 / (1 + fraction)."""
    assert pytest.approx(2 / (1 + fraction), rel=1e-12) == training_compute_multiplier(fraction, 1 / fraction)


# --- Information budget ----------------------------------------------------------------------


@given(rl_vocab_sizes)
def test_bits_per_token_is_log2_of_vocabulary(vocab_size: float) -> None:
    """2 ** bits gives back the vocabulary size."""
    assert pytest.approx(vocab_size, rel=1e-12) == 2 ** bits_per_token_pretraining(vocab_size)


@given(st.floats(min_value=2.0, max_value=1e6), st.floats(min_value=2.0, max_value=1e6))
def test_bits_per_token_adds_over_product_vocabularies(a: float, b: float) -> None:
    """Choosing from a * b tokens is choosing from a and then from b: the bits add."""
    expected = bits_per_token_pretraining(a) + bits_per_token_pretraining(b)
    assert pytest.approx(expected, rel=1e-12) == bits_per_token_pretraining(a * b)


@given(rl_vocab_sizes, rl_vocab_sizes)
def test_bits_per_token_rises_with_vocabulary(a: float, b: float) -> None:
    """A bigger vocabulary never carries fewer bits per token."""
    low, high = sorted((a, b))
    assert bits_per_token_pretraining(low) <= bits_per_token_pretraining(high)


def test_bits_per_token_rejects_a_one_token_vocabulary() -> None:
    """A single-token vocabulary carries no information: below 2 is refused by name."""
    with pytest.raises(ValueError, match=r"^vocab_size must be at least 2, got 1$"):
        bits_per_token_pretraining(1)


@given(
    st.floats(min_value=1e3, max_value=1e15),
    st.floats(min_value=1e3, max_value=1e16),
    rl_bits,
    st.floats(min_value=1e-3, max_value=1e3),
)
def test_capacity_scales_with_params_and_against_tokens(params: float, tokens: float, bits: float, c: float) -> None:
    """Capacity per token is params * bits / tokens: c times the parameters or 1/c the tokens give c times."""
    base = capacity_bits_per_token(params, tokens, bits)
    assert pytest.approx(params * bits / tokens, rel=1e-12) == base
    assert pytest.approx(c * base, rel=1e-12) == capacity_bits_per_token(c * params, tokens, bits)
    assert pytest.approx(c * base, rel=1e-12) == capacity_bits_per_token(params, tokens / c, bits)


@given(rl_token_counts, rl_bits)
def test_rl_bits_times_episode_length_is_the_reward(episode_tokens: float, bits: float) -> None:
    """Spread over the episode, the bits per token add back up to the bits of one reward."""
    assert pytest.approx(bits, rel=1e-12) == rl_bits_per_token(episode_tokens, bits) * episode_tokens


@given(rl_token_counts, rl_token_counts, rl_bits)
def test_longer_episodes_give_less_information_per_token(a: float, b: float, bits: float) -> None:
    """A longer episode never gives more bits per token, and never a smaller ratio."""
    short, long = sorted((a, b))
    assert rl_bits_per_token(short, bits) >= rl_bits_per_token(long, bits)
    assert rl_information_ratio(1.0, short, bits) <= rl_information_ratio(1.0, long, bits)


@given(rl_bits, rl_token_counts, rl_bits)
def test_ratio_is_pretraining_over_rl(pretrain: float, episode_tokens: float, bits: float) -> None:
    """The ratio is pre-training's bits per token over RL's."""
    expected = pretrain / rl_bits_per_token(episode_tokens, bits)
    assert pytest.approx(expected, rel=1e-12) == rl_information_ratio(pretrain, episode_tokens, bits)


@given(rl_bits)
def test_a_one_token_episode_with_equal_bits_is_no_worse(bits: float) -> None:
    """A reward of b bits for a single token matches pre-training at b bits per token: ratio 1."""
    assert pytest.approx(1.0, rel=1e-15) == rl_information_ratio(bits, 1.0, bits)


def test_extreme_inputs_are_out_of_range_not_inf() -> None:
    """Results beyond the float range are ValueErrors, not inf or 0."""
    with pytest.raises(ValueError, match="too large to compute"):
        rl_information_ratio(1e300, 1e300, 1)
    with pytest.raises(ValueError, match="too small to compute"):
        rl_bits_per_token(1e300, 1e-300)
    with pytest.raises(ValueError, match="too large to compute"):
        rl_multiplier_for_inference(1e300, 2)
    with pytest.raises(ValueError, match="too small to compute"):
        inference_multiplier_for_rl(1e-300, 1e-3)
    # params * bits_per_param overflows on the way, but the result itself is an ordinary number.
    assert pytest.approx(1e10, rel=1e-12) == capacity_bits_per_token(1e300, 1e300, 1e10)


# --- The calculators and the golden table --------------------------------------------------


@pytest.mark.parametrize("calculator_id", ["rl-information", "inference-share", "rl-exchange"])
def test_every_preset_gives_a_result(calculator_id: str) -> None:
    """Each preset, applied over the defaults, gives a valid result."""
    calculator = CALCULATORS[calculator_id]
    for preset in calculator.presets:
        outcome = run(calculator_id, {**calculator.defaults(), **preset.values})
        assert outcome["ok"], (preset.id, outcome)


def test_rl_table_covers_fact_base_rows_26_to_30() -> None:
    """The RL golden table holds cases for each of the fact base's §6 rows 26 to 30."""
    with CASES.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert {"26", "27", "28", "29", "30"} == {row["id"].split("-")[0].removeprefix("row") for row in rows}


# --- trend_slope_from_gain ---------------------------------------------------------------


@given(rl_gains, scaleups)
def test_rebuilt_trend_climbs_the_inference_gain(gain: float, multiple: float) -> None:
    """A trend rebuilt from a gain and a token multiple gives that gain back in the decomposition."""
    slope = trend_slope_from_gain(gain, multiple)
    split = decompose_gain(0.0, 1.0, 1.0, slope, multiple)
    assert split.inference_gain == pytest.approx(gain, rel=1e-9, abs=ABS)
    assert split.rl_gain == pytest.approx(1.0, rel=REL)


@given(positive_gains, scaleups, st.floats(min_value=1.001, max_value=1e3))
def test_slope_halves_when_the_token_multiple_is_squared(gain: float, multiple: float, c: float) -> None:
    """Squaring the token multiple doubles its orders of magnitude, so the slope halves."""
    assert trend_slope_from_gain(gain, multiple**2) == pytest.approx(
        trend_slope_from_gain(gain, multiple) / 2, rel=1e-9
    )


def test_slope_over_one_decade_is_the_gain() -> None:
    assert trend_slope_from_gain(28, 10) == 28.0
    assert trend_slope_from_gain(0, 30) == 0.0


@pytest.mark.parametrize("multiple", [1.0, 0.5, 0.0, -3.0, math.inf, math.nan])
def test_slope_rejects_a_token_multiple_not_above_one(multiple: float) -> None:
    with pytest.raises(ValueError, match="token_multiple"):
        trend_slope_from_gain(10, multiple)


@pytest.mark.parametrize("gain", [-1.0, math.inf, math.nan])
def test_slope_rejects_a_bad_gain(gain: float) -> None:
    with pytest.raises(ValueError, match="inference_gain"):
        trend_slope_from_gain(gain, 30)
