"""Reinforcement learning against inference: information, gain decomposition and exchange rates.

Three essays of Toby Ord's Scaling Series (October 2025) give the models here:

- "The Extreme Inefficiency of RL for Frontier Models": an information budget. Next-token
  pre-training can carry at most ``log2(vocabulary)`` bits of feedback per token (about 3 bits
  per token is what a GPT-4-sized model can store, in a public summary of the essay), while an RL episode of ``L`` tokens that
  ends in pass or fail carries at most 1 bit, so at most ``1 / L`` bits per token::

      ratio = b_pt * L / bits_per_episode

- "Evidence that Recent AI Gains are Mostly from Inference-Scaling": a decomposition. Fit the
  reasoning model's scores against its output tokens as ``y = a + b * log10(tokens)``. The
  RL boost lifts the base model up to that trend at the base model's token count; the
  inference boost climbs the trend to its top::

      rl_gain        = a + b * log10(base_tokens) - base_score
      inference_gain = b * log10(top_tokens / base_tokens)
      share          = inference_gain / (rl_gain + inference_gain)

- "How Well Does RL Scale?": an exchange rate. Per order of magnitude of compute, RL buys
  about half the gain that inference does (``b_inf / b_RL`` about 2), so matching an
  inference multiplier ``M_inf`` takes ``M_RL = M_inf ** (b_inf / b_RL)`` of RL compute.

Scores are in percentage points; token counts in any one unit (tokens per answer, or
multiples of the base model's count); compute multipliers are plain factors.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, non_negative, positive, result, show
from ._numeric import LOG_CEILING, exp_in_range, power_in_range

__all__ = [
    "GainSplit",
    "bits_per_token_pretraining",
    "capacity_bits_per_token",
    "decompose_gain",
    "inference_multiplier_for_rl",
    "inference_share",
    "rl_bits_per_token",
    "rl_information_ratio",
    "rl_multiplier_for_inference",
    "score_on_trend",
    "slope_ratio_from_gains",
    "training_compute_multiplier",
    "trend_slope_from_gain",
]

#: Bits per parameter implied by the capacity check in a public summary of Ord's essay
#: (ainews247.org/story/16650): about 3 bits per training token for about 10^12 parameters and
#: 10^13 tokens means about 30 bits per parameter (roughly one 32-bit number per parameter).
BITS_PER_PARAM = 30.0


class GainSplit(NamedTuple):
    """A reasoning model's gain over its base model, split as in Ord's decomposition.

    All gains are in the score's unit (percentage points on a benchmark).
    """

    #: RL boost: from the base model's score up to the trend, at the base model's tokens.
    rl_gain: float
    #: Inference boost: along the trend, from the base model's tokens to the top of the trend.
    inference_gain: float
    #: ``rl_gain + inference_gain``: the top of the trend minus the base model's score.
    total_gain: float
    #: ``inference_gain / total_gain``, between 0 and 1.
    inference_share: float


def inference_share(rl_gain: float, inference_gain: float) -> float:
    """Share of a reasoning model's gain that comes from inference scaling.

    Args:
        rl_gain: The gain from RL (the RL boost), in percentage points; 0 or more.
        inference_gain: The gain from scaling inference (the inference boost), in the same
            unit; 0 or more.

    Returns:
        ``inference_gain / (rl_gain + inference_gain)``, between 0 and 1. Computed without
        forming the sum, so gains near the float limit do not overflow.

    Raises:
        ValueError: if a gain is negative or not finite, or both are 0 (no gain to split).

    Source: Ord, "Evidence that Recent AI Gains are Mostly from Inference-Scaling" (October
    2025) and his thread on it: on MATH level 5, 82% of the gain came from inference scaling
    (a split of 6 and 28 points gives that share).

    >>> round(inference_share(6, 28), 3)
    0.824
    """
    rl_gain = non_negative("rl_gain", rl_gain)
    inference_gain = non_negative("inference_gain", inference_gain)
    if rl_gain == 0 and inference_gain == 0:
        raise InputError("rl_gain", "rl_gain and inference_gain are both 0, so there is no gain to split")
    if inference_gain >= rl_gain:
        return 1.0 / (1.0 + rl_gain / inference_gain)
    ratio = inference_gain / rl_gain
    return ratio / (1.0 + ratio)


def score_on_trend(tokens: float, trend_intercept: float, trend_slope: float) -> float:
    """The reasoning model's trend score at a token count: a straight line on a log-x chart.

    Args:
        tokens: Output tokens per answer, greater than 0 (any unit, as in
            :func:`decompose_gain`).
        trend_intercept: The trend's value at one token (one unit), in percentage points;
            any finite number.
        trend_slope: The trend's rise per tenfold increase in tokens, in percentage points;
            0 or more.

    Returns:
        ``trend_intercept + trend_slope * log10(tokens)``, in percentage points.

    Raises:
        ValueError: if an argument is not finite, ``tokens`` is not above 0,
            ``trend_slope`` is negative, or the score is too large for a float.

    Source: Ord, "Evidence that Recent AI Gains are Mostly from Inference-Scaling" (October
    2025): the reasoning model's scores lie close to such a line.

    >>> score_on_trend(1000, 10, 15)
    55.0
    """
    tokens = positive("tokens", tokens)
    trend_intercept = finite("trend_intercept", trend_intercept)
    trend_slope = non_negative("trend_slope", trend_slope)
    return result("the trend score", trend_intercept + trend_slope * math.log10(tokens))


def decompose_gain(
    base_score: float,
    base_tokens: float,
    trend_intercept: float,
    trend_slope: float,
    top_tokens: float,
) -> GainSplit:
    """Split a reasoning model's gain into an RL boost and an inference-scaling boost.

    The reasoning model's scores against its output tokens follow the trend
    ``y = trend_intercept + trend_slope * log10(tokens)`` (a straight line on a log-x chart).
    The RL boost is the gap from the base model's score up to the trend at the base model's
    token count; the inference boost is the rise along the trend from there to its top.

    Args:
        base_score: The base model's score, in percentage points (any finite number: scores
            measured from the base model's own score make this 0).
        base_tokens: The base model's output tokens per answer, greater than 0. Any unit
            will do if ``top_tokens`` uses it too (1 means "multiples of the base model's").
        trend_intercept: The trend's value at one token (one unit), in percentage points;
            any finite number.
        trend_slope: The trend's rise per tenfold increase in tokens, in percentage points;
            0 or more.
        top_tokens: The reasoning model's largest token count on the trend, at least
            ``base_tokens``.

    Returns:
        :class:`GainSplit` ``(rl_gain, inference_gain, total_gain, inference_share)``.

    Raises:
        ValueError: if an argument is not finite, ``base_tokens`` is not above 0,
            ``trend_slope`` is negative, ``top_tokens`` is below ``base_tokens``, the base
            model lies above the trend (a negative RL boost, which the share cannot split;
            a gap within rounding error, 10^-12 of the scores, counts as 0),
            the trend gives no gain at all, or a gain is too large for a float.

    Source: Ord, "Evidence that Recent AI Gains are Mostly from Inference-Scaling" (October
    2025) and his thread on it: Sonnet 3.6 (base) against Sonnet 3.7 (reasoning).

    >>> split = decompose_gain(0, 1, 6, 28, 10)
    >>> split.rl_gain, split.inference_gain, split.total_gain, round(split.inference_share, 3)
    (6.0, 28.0, 34.0, 0.824)
    """
    base_score = finite("base_score", base_score)
    base_tokens = positive("base_tokens", base_tokens)
    trend_intercept = finite("trend_intercept", trend_intercept)
    trend_slope = non_negative("trend_slope", trend_slope)
    top_tokens = positive("top_tokens", top_tokens)
    if top_tokens < base_tokens:
        raise InputError(
            "top_tokens",
            f"top_tokens must be at least base_tokens ({show(base_tokens)}), got {show(top_tokens)}",
        )
    log_base = math.log10(base_tokens)
    trend_at_base = score_on_trend(base_tokens, trend_intercept, trend_slope)
    rl_gain = result("the RL boost", trend_at_base - base_score)
    # A base model placed exactly on the trend can land a rounding error below it.
    rounding = 1e-12 * max(abs(trend_intercept), abs(trend_slope * log_base), abs(base_score))
    if -rounding <= rl_gain < 0:
        rl_gain = 0.0
    if rl_gain < 0:
        raise InputError(
            "base_score",
            "base_score must be at or below the trend at base_tokens "
            f"({show(trend_at_base, 6)}), got {show(base_score)}",
        )
    inference_gain = result("the inference boost", trend_slope * (math.log10(top_tokens) - log_base))
    total_gain = result("the total gain", rl_gain + inference_gain)
    if total_gain == 0:
        raise OutOfRangeError("the trend gives no gain over the base model, so there is no gain to split")
    return GainSplit(rl_gain, inference_gain, total_gain, inference_share(rl_gain, inference_gain))


def rl_multiplier_for_inference(inference_multiplier: float, slope_ratio: float = 2.0) -> float:
    """RL compute multiplier that buys the same gain as an inference compute multiplier.

    Args:
        inference_multiplier: Factor by which inference compute grows, greater than 0
            (above 1 for a scale-up).
        slope_ratio: The gain per tenfold inference compute over the gain per tenfold RL
            compute (the ratio of the two slopes on a log-x chart); greater than 0. Ord's
            estimate is about 2.

    Returns:
        ``inference_multiplier ** slope_ratio``: with the default, the square.

    Raises:
        ValueError: if an argument is not a finite number above 0, or the multiplier is too
            large or too small for a float.

    Source: Ord, "How Well Does RL Scale?" (October 2025), as quoted in a LessWrong comment on
    it: 10x RL is worth about 3x inference, and 10,000x RL about 100x inference.

    >>> rl_multiplier_for_inference(100)
    10000.0
    """
    inference_multiplier = positive("inference_multiplier", inference_multiplier)
    slope_ratio = positive("slope_ratio", slope_ratio)
    return power_in_range("the RL compute multiplier", inference_multiplier, slope_ratio)


def inference_multiplier_for_rl(rl_multiplier: float, slope_ratio: float = 2.0) -> float:
    """Inference compute multiplier that buys the same gain as an RL compute multiplier.

    The inverse of :func:`rl_multiplier_for_inference`.

    Args:
        rl_multiplier: Factor by which RL training compute grows, greater than 0.
        slope_ratio: The gain per tenfold inference compute over the gain per tenfold RL
            compute, greater than 0 (about 2 in Ord's estimate).

    Returns:
        ``rl_multiplier ** (1 / slope_ratio)``: with the default, the square root.

    Raises:
        ValueError: if an argument is not a finite number above 0, or the multiplier is too
            large or too small for a float.

    Source: Ord, "How Well Does RL Scale?" (October 2025).

    >>> inference_multiplier_for_rl(10_000)
    100.0
    """
    rl_multiplier = positive("rl_multiplier", rl_multiplier)
    slope_ratio = positive("slope_ratio", slope_ratio)
    return power_in_range("the inference compute multiplier", rl_multiplier, 1.0 / slope_ratio)


def slope_ratio_from_gains(
    inference_gain: float,
    inference_multiplier: float,
    rl_gain: float,
    rl_multiplier: float,
) -> float:
    """Estimate the slope ratio of inference to RL from one inference scale-up and one RL scale-up.

    Each gain is divided by the orders of magnitude of compute that bought it, giving the
    slope of a straight line on a log-x chart; the result is the ratio of those slopes,
    inference's over RL's: the ``slope_ratio`` that :func:`rl_multiplier_for_inference` and
    :func:`inference_multiplier_for_rl` take.

    Args:
        inference_gain: Score gain from scaling inference, in percentage points; above 0.
        inference_multiplier: Factor of inference compute that bought it; above 1.
        rl_gain: Score gain from scaling RL training, same unit; above 0.
        rl_multiplier: Factor of RL compute that bought it; above 1.

    Returns:
        ``(inference_gain / log10(inference_multiplier)) / (rl_gain / log10(rl_multiplier))``.

    Raises:
        ValueError: if a gain is not above 0, a multiplier is not above 1, an argument is
            not finite, or the ratio is too large or too small for a float.

    Source: Ord, "How Well Does RL Scale?" (October 2025), as summarised publicly
    (ainews247.org/story/53346): about 100x inference lifts reasoning-benchmark scores from
    about 20% to 80%, about 100x RL from about 33% to 66%.

    >>> round(slope_ratio_from_gains(60, 100, 33, 100), 2)
    1.82
    """
    inference_gain = positive("inference_gain", inference_gain)
    inference_multiplier = _above_one("inference_multiplier", inference_multiplier)
    rl_gain = positive("rl_gain", rl_gain)
    rl_multiplier = _above_one("rl_multiplier", rl_multiplier)
    # In logs: gains and ln(multiplier) are all positive, and the ratio can be extreme.
    log_ratio = (
        math.log(inference_gain)
        + math.log(math.log(rl_multiplier))
        - math.log(rl_gain)
        - math.log(math.log(inference_multiplier))
    )
    return exp_in_range("the slope ratio", log_ratio)


def training_compute_multiplier(rl_fraction: float, rl_multiplier: float) -> float:
    """How much total training compute grows when only the RL stage is scaled up.

    Args:
        rl_fraction: RL post-training compute as a fraction of pre-training compute; 0 or
            more (0.01 means RL used 1% as much compute as pre-training).
        rl_multiplier: Factor by which RL compute grows; 0 or more.

    Returns:
        ``(1 + rl_fraction * rl_multiplier) / (1 + rl_fraction)``: total (pre-training plus
        RL) compute after the scale-up, relative to before.

    Raises:
        ValueError: if an argument is negative or not finite, or the result is too large
            for a float.

    Source: Ord, "Evidence that Recent AI Gains are Mostly from Inference-Scaling" (October
    2025): RL started so small that it could grow 10 or 100 times before total training
    compute even doubled; "How Well Does RL Scale?" on the end of that headroom.

    >>> round(training_compute_multiplier(0.01, 100), 2)
    1.98
    """
    rl_fraction = non_negative("rl_fraction", rl_fraction)
    rl_multiplier = non_negative("rl_multiplier", rl_multiplier)
    if rl_fraction == 0:
        return 1.0
    # Divide through by the larger of 1 and rl_fraction so that nothing overflows on the way.
    if rl_fraction <= 1:
        return result("the training compute multiplier", (1.0 + rl_fraction * rl_multiplier) / (1.0 + rl_fraction))
    inverse = 1.0 / rl_fraction
    return result("the training compute multiplier", (inverse + rl_multiplier) / (inverse + 1.0))


def bits_per_token_pretraining(vocab_size: float) -> float:
    """Upper bound on the information one pre-training token can carry, in bits.

    Predicting the next token is a choice among ``vocab_size`` options, so its target holds
    at most ``log2(vocab_size)`` bits.

    Args:
        vocab_size: Number of distinct tokens in the vocabulary; at least 2.

    Returns:
        ``log2(vocab_size)`` bits per token.

    Raises:
        ValueError: if ``vocab_size`` is below 2 or not finite.

    Source: Ord, "The Extreme Inefficiency of RL for Frontier Models" (2025), as summarised
    publicly (ainews247.org/story/16650): at most about 16 bits per pre-training token.

    >>> round(bits_per_token_pretraining(100_000), 1)
    16.6
    """
    vocab_size = finite("vocab_size", vocab_size)
    if vocab_size < 2:
        raise InputError("vocab_size", f"vocab_size must be at least 2, got {show(vocab_size)}")
    return math.log2(vocab_size)


def capacity_bits_per_token(params: float, tokens: float, bits_per_param: float = BITS_PER_PARAM) -> float:
    """Bits of model capacity per training token: a ceiling on what pre-training can keep.

    Args:
        params: Number of parameters, above 0 (GPT-4: about 10^12).
        tokens: Number of pre-training tokens, above 0 (GPT-4: about 10^13).
        bits_per_param: Bits one parameter can hold, above 0. The default, 30, is what the
            summarised figures imply (about 3 bits per token for 10^12 parameters and 10^13
            tokens): roughly the size of a 32-bit number. It is a storage bound, not a
            measured amount of learned information.

    Returns:
        ``params * bits_per_param / tokens``, in bits per token.

    Raises:
        ValueError: if an argument is not a finite number above 0, or the result is too
            large or too small for a float.

    Source: Ord, "The Extreme Inefficiency of RL for Frontier Models" (2025), as summarised
    publicly (ainews247.org/story/16650): GPT-4 has about 3 bits of capacity per token.

    >>> capacity_bits_per_token(1e12, 1e13)
    3.0
    """
    params = positive("params", params)
    tokens = positive("tokens", tokens)
    bits_per_param = positive("bits_per_param", bits_per_param)
    log_value = math.log(params) + math.log(bits_per_param) - math.log(tokens)
    if abs(log_value) < LOG_CEILING:
        product = params * bits_per_param
        if math.isfinite(product) and product > 0:
            return _nonzero(product / tokens, "the capacity per token")
    return exp_in_range("the capacity per token", log_value)


def rl_bits_per_token(episode_tokens: float, bits_per_episode: float = 1.0) -> float:
    """Upper bound on the information RL feedback gives per token of an episode, in bits.

    Args:
        episode_tokens: Tokens in one RL episode (the reasoning chain or agent trajectory
            that earns one reward); above 0.
        bits_per_episode: Information in one reward, in bits; above 0. A pass/fail reward
            carries at most 1 bit; graded or intermediate rewards can carry more.

    Returns:
        ``bits_per_episode / episode_tokens``.

    Raises:
        ValueError: if an argument is not a finite number above 0, or the result is too
            large or too small for a float.

    Source: Ord, "The Extreme Inefficiency of RL for Frontier Models" (2025), as summarised
    publicly (ainews247.org/story/16650): under 1 bit per 10^4 to 10^6 generated tokens.

    >>> rl_bits_per_token(10_000)
    0.0001
    """
    episode_tokens = positive("episode_tokens", episode_tokens)
    bits_per_episode = positive("bits_per_episode", bits_per_episode)
    what = "the RL information per token"
    return _nonzero(result(what, bits_per_episode / episode_tokens), what)


def rl_information_ratio(pretrain_bits_per_token: float, episode_tokens: float, bits_per_episode: float = 1.0) -> float:
    """How many times more information per token pre-training gives than RL.

    Args:
        pretrain_bits_per_token: Information per pre-training token, in bits; above 0. At
            most ``log2(vocabulary)`` (about 16.6); about 3 is the capacity ceiling for a
            GPT-4-sized model; at about 1 the ratio equals the episode length.
        episode_tokens: Tokens per RL episode; above 0.
        bits_per_episode: Information per RL reward, in bits; above 0 (at most 1 for
            pass/fail).

    Returns:
        ``pretrain_bits_per_token * episode_tokens / bits_per_episode``.

    Raises:
        ValueError: if an argument is not a finite number above 0, or the ratio is too
            large or too small for a float.

    Source: our per-token formalisation of Ord, "The Extreme Inefficiency of RL for Frontier
    Models" (2025), whose headline factor, 1,000 to 1,000,000 less information to learn
    from, is counted per hour of training.

    >>> rl_information_ratio(1, 1_000_000)
    1000000.0
    """
    pretrain_bits_per_token = positive("pretrain_bits_per_token", pretrain_bits_per_token)
    episode_tokens = positive("episode_tokens", episode_tokens)
    bits_per_episode = positive("bits_per_episode", bits_per_episode)
    log_value = math.log(pretrain_bits_per_token) + math.log(episode_tokens) - math.log(bits_per_episode)
    if abs(log_value) < LOG_CEILING:
        product = pretrain_bits_per_token * episode_tokens
        if math.isfinite(product) and product > 0:
            return _nonzero(result("the information ratio", product / bits_per_episode), "the information ratio")
    return exp_in_range("the information ratio", log_value)


def trend_slope_from_gain(inference_gain: float, token_multiple: float) -> float:
    """Slope of a log-x trend that rises by ``inference_gain`` over a ``token_multiple`` of tokens.

    Rebuilds the reasoning model's trend in Ord's decomposition from its inference boost: a
    straight line on a log-x chart that climbs ``inference_gain`` points while the tokens per
    answer grow ``token_multiple``-fold rises ``inference_gain / log10(token_multiple)``
    points per tenfold increase.

    Args:
        inference_gain: The inference-scaling boost, in percentage points; 0 or more.
        token_multiple: How many times more tokens the top of the trend uses than the base
            model; greater than 1.

    Returns:
        ``inference_gain / log10(token_multiple)``, in percentage points per tenfold tokens.

    Raises:
        ValueError: if ``inference_gain`` is negative or not finite, ``token_multiple`` is
            not a finite number above 1, or the slope is too large for a float.

    Source: Ord, "How Well Does RL Scale?" (October 2025): on MATH level 5 the reasoning
    model's chains of thought were about 30 times longer than the base model's.

    >>> round(trend_slope_from_gain(28, 30), 2)
    18.96
    """
    inference_gain = non_negative("inference_gain", inference_gain)
    token_multiple = _above_one("token_multiple", token_multiple)
    return result("the trend slope", inference_gain / math.log10(token_multiple))


def _above_one(name: str, value: float) -> float:
    number = finite(name, value)
    if number <= 1:
        raise InputError(name, f"{name} must be greater than 1, got {show(number)}")
    return number


def _nonzero(value: float, what: str) -> float:
    if value == 0:
        raise OutOfRangeError(f"{what} is too small to compute")
    return value
