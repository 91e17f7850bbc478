"""Inference scaling and AI governance: effective compute, thresholds and lifetime compute.

Source: Toby Ord, "Inference Scaling Reshapes AI Governance" (February 2025; expanded as the
GovAI technical report "Inference Scaling and AI Governance", October 2025).

Three models from the essay, all in plain floats:

* **Effective compute.** Ord's rule of thumb counts an order of magnitude (OOM) of extra
  inference compute as about 0.7 OOM of pre-training compute (the evidence, from Jones 2021
  and Villalobos & Atkinson 2023, puts the exchange rate between 0.5 and 1)::

      EffOOM = log10(C_pretrain) + w * log10(inference multiplier)          (w = 0.7)

  and compares the result with the training-compute thresholds of the EU AI Act (10^25 FLOP)
  and the US executive order of 2023 (10^26 FLOP).
* **Simultaneous copies.** The compute that serves N copies at 1x inference serves
  N / multiplier copies when each task takes ``multiplier`` times as much inference.
* **Lifetime compute** (the essay's appendix), with Ord's constant factors dropped::

      C_total = C_pre + C_post + C_deploy = N * D + C_post + d * N * I

  N parameters, D training tokens, d queries (deployments), I tokens generated per query.
  Deployment overtakes pre-training once d > D / I. With a Chinchilla-style split, 10x more
  pre-training compute means sqrt(10)x more parameters (and tokens), so every query costs
  sqrt(10)x more; 10x more inference per query multiplies only the deployment term by 10.

Units: FLOP for compute thresholds; Ord's lifetime compute is in "parameter-tokens" (N * D),
which is FLOP without the usual factors of 6 (training) and 2 (inference); see
:func:`lifetime_flop` for the version with them.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, non_negative, positive, result, show
from ._numeric import power_in_range

__all__ = [
    "EU_AI_ACT_THRESHOLD_FLOP",
    "US_EXECUTIVE_ORDER_THRESHOLD_FLOP",
    "LifetimeCompute",
    "deployment_breakeven_queries",
    "effective_flop",
    "effective_ooms",
    "inference_multiplier_to_reach",
    "inference_scaleup_cost_multiplier",
    "lifetime_compute",
    "lifetime_compute_breakdown",
    "lifetime_flop",
    "ooms_above_threshold",
    "pretraining_scaleup_cost_multiplier",
    "simultaneous_copies",
]

#: Training compute above which the EU AI Act presumes a general-purpose model has systemic
#: risk: 10^25 FLOP (Ord 2025, citing Heim & Koessler 2024, arXiv:2405.10799).
EU_AI_ACT_THRESHOLD_FLOP = 1e25
#: Training compute above which the US executive order of October 2023 (EO 14110) required
#: reporting: 10^26 FLOP (Ord 2025, citing Heim & Koessler 2024). The order was revoked in
#: January 2025; the threshold remains a reference point.
US_EXECUTIVE_ORDER_THRESHOLD_FLOP = 1e26

#: Ord's rule of thumb: one OOM of inference is worth about 0.7 OOM of pre-training.
ORD_INFERENCE_WEIGHT = 0.7
#: A Chinchilla-optimal split puts half of each extra OOM of training compute into parameters.
CHINCHILLA_PARAMS_EXPONENT = 0.5
# Two shares that should sum to at most 1 may overshoot by rounding when computed as ratios.
_SHARE_SLACK = 1e-12


def effective_ooms(pretrain_flop: float, inference_multiplier: float, weight: float = ORD_INFERENCE_WEIGHT) -> float:
    """Effective training compute, in orders of magnitude, of a model run with more inference.

    Args:
        pretrain_flop: The model's pre-training compute in FLOP, greater than 0.
        inference_multiplier: How many times the standard inference compute per task the
            model uses, greater than 0 (10,000 is "4 OOMs more inference"; below 1 is less).
        weight: OOMs of pre-training that one OOM of inference is worth, from 0 to 1. Ord
            uses 0.7; Jones (2021) and Villalobos & Atkinson (2023) put it at 0.5 to 1.

    Returns:
        ``log10(pretrain_flop) + weight * log10(inference_multiplier)``: the log10 of the
        pre-training FLOP a model would need to match this one at standard inference.

    Raises:
        ValueError: if ``pretrain_flop`` or ``inference_multiplier`` is not greater than 0,
            ``weight`` is outside [0, 1], or any argument is not a finite number.

    Source: Ord (2025), "Inference Scaling Reshapes AI Governance", the effective-OOM rule
    of thumb and its 10^24 FLOP + 4 OOM example.

    >>> round(effective_ooms(1e24, 1e4), 6)
    26.8
    """
    pretrain_flop = positive("pretrain_flop", pretrain_flop)
    inference_multiplier = positive("inference_multiplier", inference_multiplier)
    weight = _fraction("weight", weight)
    return math.log10(pretrain_flop) + weight * math.log10(inference_multiplier)


def effective_flop(pretrain_flop: float, inference_multiplier: float, weight: float = ORD_INFERENCE_WEIGHT) -> float:
    """Effective training compute in FLOP: ``10 ** effective_ooms(...)``.

    Args:
        pretrain_flop: Pre-training compute in FLOP, greater than 0.
        inference_multiplier: Inference compute per task relative to standard use, greater
            than 0.
        weight: OOMs of pre-training per OOM of inference, from 0 to 1 (Ord: 0.7).

    Returns:
        ``pretrain_flop * inference_multiplier ** weight``, in FLOP.

    Raises:
        ValueError: as :func:`effective_ooms`, or if the result is too large or too small
            for a float.

    Source: Ord (2025), effective-OOM rule of thumb.

    >>> round(effective_flop(1e24, 1e4) / 1e26, 2)   # in units of 1e26 FLOP
    6.31
    """
    return power_in_range("the effective compute", 10.0, effective_ooms(pretrain_flop, inference_multiplier, weight))


def ooms_above_threshold(log10_flop: float, threshold_flop: float) -> float:
    """How many orders of magnitude a compute level lies above a threshold (negative: below).

    Args:
        log10_flop: The compute level as log10 of FLOP, for example
            :func:`effective_ooms` (24 means 10^24 FLOP); any finite number.
        threshold_flop: The threshold in FLOP, greater than 0, for example
            ``EU_AI_ACT_THRESHOLD_FLOP`` (10^25) or ``US_EXECUTIVE_ORDER_THRESHOLD_FLOP``
            (10^26).

    Returns:
        ``log10_flop - log10(threshold_flop)``, in OOMs.

    Raises:
        ValueError: if ``log10_flop`` is not finite or ``threshold_flop`` is not greater
            than 0.

    Source: Ord (2025) on training-compute thresholds, citing Heim & Koessler (2024).

    >>> ooms_above_threshold(24, EU_AI_ACT_THRESHOLD_FLOP)
    -1.0
    """
    log10_flop = finite("log10_flop", log10_flop)
    threshold_flop = positive("threshold_flop", threshold_flop)
    return log10_flop - math.log10(threshold_flop)


def effective_ooms_over_threshold(
    threshold_flop: float, pretrain_flop: float, inference_multiplier: float, weight: float = ORD_INFERENCE_WEIGHT
) -> float:
    """How many OOMs a model's effective compute lies above a threshold (negative: below).

    Args:
        threshold_flop: The threshold in FLOP, greater than 0 (10^25 for the EU AI Act,
            10^26 for the 2023 US executive order).
        pretrain_flop, inference_multiplier, weight: as for :func:`effective_ooms`.

    Returns:
        ``effective_ooms(...) - log10(threshold_flop)``, in OOMs.

    Raises:
        ValueError: if an argument is out of range (see :func:`effective_ooms`).

    Source: Ord (2025), effective compute and training-compute thresholds; the
    composition is ours.

    >>> round(effective_ooms_over_threshold(1e26, 1e24, 1e4), 6)   # Ord's example, 0.7 rule
    0.8
    """
    ooms = effective_ooms(pretrain_flop, inference_multiplier, weight)
    return ooms_above_threshold(ooms, threshold_flop)


def inference_multiplier_to_reach(
    target_flop: float, pretrain_flop: float, weight: float = ORD_INFERENCE_WEIGHT
) -> float:
    """The inference multiplier at which a model's effective compute reaches ``target_flop``.

    The inverse of :func:`effective_flop` in its inference multiplier.

    Args:
        target_flop: The effective compute to reach, in FLOP, greater than 0 (for example a
            regulatory threshold).
        pretrain_flop: The model's pre-training compute in FLOP, greater than 0.
        weight: OOMs of pre-training per OOM of inference, greater than 0 and at most 1
            (Ord: 0.7); with 0, inference never adds effective compute.

    Returns:
        ``(target_flop / pretrain_flop) ** (1 / weight)``; below 1 when the model is already
        past the target.

    Raises:
        ValueError: if an argument is out of its range or not finite, or the multiplier is
            too large or too small for a float.

    Source: Ord (2025), effective-OOM rule of thumb, solved for the inference multiplier.

    >>> round(inference_multiplier_to_reach(1e26, 1e24, weight=0.5))
    10000
    """
    target_flop = positive("target_flop", target_flop)
    pretrain_flop = positive("pretrain_flop", pretrain_flop)
    weight = _fraction("weight", weight)
    if weight == 0:
        raise InputError("weight", "weight must be greater than 0 and at most 1, got 0")
    ooms = (math.log10(target_flop) - math.log10(pretrain_flop)) / weight
    return power_in_range("the inference multiplier", 10.0, ooms)


def simultaneous_copies(copies: float, inference_multiplier: float) -> float:
    """How many copies (or simultaneous tasks) the same compute serves at more inference.

    Args:
        copies: Copies the deployment compute could run at standard inference, 0 or more
            (use 1 for the fraction of the standard number).
        inference_multiplier: Inference compute per task relative to standard, greater
            than 0.

    Returns:
        ``copies / inference_multiplier``.

    Raises:
        ValueError: if ``copies`` is negative, ``inference_multiplier`` is not greater than
            0, either is not finite, or the result is too large or too small for a float.

    Source: Ord (2025): 100x more inference per task means serving 1% as many tasks at
    launch.

    >>> simultaneous_copies(1, 100)
    0.01
    """
    copies = non_negative("copies", copies)
    inference_multiplier = positive("inference_multiplier", inference_multiplier)
    copies_now = result("the number of copies", copies / inference_multiplier)
    return _not_underflowed("the number of copies", copies_now, copies)


class LifetimeCompute(NamedTuple):
    """A model's lifetime compute by stage (Ord's units, parameter-tokens) and its shares."""

    pretraining: float
    post_training: float
    deployment: float
    total: float
    pretraining_share: float
    post_training_share: float
    deployment_share: float


def lifetime_compute_breakdown(
    params: float, tokens: float, queries: float, tokens_per_query: float, post_training: float = 0.0
) -> LifetimeCompute:
    """Lifetime compute of a model by stage, and each stage's share of the total.

    Args:
        params: Parameters N, greater than 0 (Ord's GPT-4-class value: 10^12).
        tokens: Pre-training tokens D, greater than 0 (Ord: 10^13).
        queries: Deployments d, the number of queries served over the model's life, 0 or
            more (Ord leaves it open).
        tokens_per_query: Tokens I generated per query, greater than 0 (Ord: 10^3).
        post_training: Post-training compute, in the same units (parameter-tokens), 0 or
            more.

    Returns:
        :class:`LifetimeCompute` with ``pretraining = N * D``, ``post_training`` as given,
        ``deployment = d * N * I``, their ``total`` and the three shares of it (summing to
        1 up to rounding). Ord drops the usual constant factors (about 6 FLOP per
        parameter-token in training, 2 in inference); :func:`lifetime_flop` keeps them.

    Raises:
        ValueError: if an argument is out of its range or not finite, or a term is too
            large or too small for a float.

    Source: Ord (2025), appendix: lifetime compute = N D + post-training compute + d N I.

    >>> lifetime_compute_breakdown(1e12, 1e13, 1e10, 1e3).deployment_share
    0.5
    """
    params = positive("params", params)
    tokens = positive("tokens", tokens)
    queries = non_negative("queries", queries)
    tokens_per_query = positive("tokens_per_query", tokens_per_query)
    post_training = non_negative("post_training", post_training)
    pretraining = result("the pre-training compute", params * tokens)
    deployment = result("the deployment compute", _product(queries, params, tokens_per_query))
    total = result("the lifetime compute", pretraining + post_training + deployment)
    if total == 0:
        raise OutOfRangeError("the lifetime compute is too small to compute")
    return LifetimeCompute(
        pretraining=pretraining,
        post_training=post_training,
        deployment=deployment,
        total=total,
        pretraining_share=pretraining / total,
        post_training_share=post_training / total,
        deployment_share=deployment / total,
    )


def lifetime_compute(
    params: float, tokens: float, queries: float, tokens_per_query: float, post_training: float = 0.0
) -> float:
    """Total compute over a model's life, in Ord's units: N D + post-training compute + d N I.

    Args:
        params: Parameters N, greater than 0.
        tokens: Pre-training tokens D, greater than 0.
        queries: Queries served d, 0 or more.
        tokens_per_query: Tokens I generated per query, greater than 0.
        post_training: Post-training compute in parameter-tokens, 0 or more.

    Returns:
        The total in parameter-tokens (FLOP without the factors 6 and 2).

    Raises:
        ValueError: as :func:`lifetime_compute_breakdown`.

    Source: Ord (2025), appendix.

    >>> lifetime_compute(1e12, 1e13, 1e10, 1e3) / 1e25   # in units of 1e25 parameter-tokens
    2.0
    """
    return lifetime_compute_breakdown(params, tokens, queries, tokens_per_query, post_training).total


def lifetime_flop(
    params: float, tokens: float, queries: float, tokens_per_query: float, post_training_flop: float = 0.0
) -> float:
    """Total lifetime compute in FLOP, keeping the usual constants: 6 N D + post-training compute + 2 d N I.

    Training costs about 6 FLOP per parameter per token (forward and backward pass) and
    generation about 2 (forward pass only); Ord's appendix drops both factors. Keeping them
    makes deployment overtake pre-training three times later, at ``d = 3 D / I``.

    Args:
        params: Parameters N, greater than 0.
        tokens: Pre-training tokens D, greater than 0.
        queries: Queries served d, 0 or more.
        tokens_per_query: Tokens I generated per query, greater than 0.
        post_training_flop: Post-training compute in FLOP, 0 or more.

    Returns:
        The total in FLOP.

    Raises:
        ValueError: if an argument is out of its range or not finite, or the total is too
            large or too small for a float.

    Source: Ord (2025), appendix, with the standard 6ND / 2NI approximations restored.

    >>> round(lifetime_flop(1e12, 1e13, 3e10, 1e3) / 1e26, 2)   # in units of 1e26 FLOP
    1.2
    """
    params = positive("params", params)
    tokens = positive("tokens", tokens)
    queries = non_negative("queries", queries)
    tokens_per_query = positive("tokens_per_query", tokens_per_query)
    post_training_flop = non_negative("post_training_flop", post_training_flop)
    pretraining = result("the pre-training compute", _product(6.0, params, tokens))
    deployment = result("the deployment compute", 2.0 * _product(queries, params, tokens_per_query))
    total = result("the lifetime compute", pretraining + post_training_flop + deployment)
    if total == 0:
        raise OutOfRangeError("the lifetime compute is too small to compute")
    return total


def deployment_breakeven_queries(tokens: float, tokens_per_query: float) -> float:
    """Number of queries at which deployment compute equals pre-training compute: ``D / I``.

    From ``d * N * I = N * D``: the model size cancels.

    Args:
        tokens: Pre-training tokens D, greater than 0.
        tokens_per_query: Tokens I generated per query, greater than 0.

    Returns:
        ``tokens / tokens_per_query`` queries; beyond it, deployment dominates.

    Raises:
        ValueError: if either argument is not greater than 0 or not finite, or the result is
            too large or too small for a float.

    Source: Ord (2025), appendix: with D = 10^13 and I = 10^3, deployment dominates once
    d > 10^10.

    >>> deployment_breakeven_queries(1e13, 1e3)
    10000000000.0
    """
    tokens = positive("tokens", tokens)
    tokens_per_query = positive("tokens_per_query", tokens_per_query)
    queries = result("the breakeven number of queries", tokens / tokens_per_query)
    return _not_underflowed("the breakeven number of queries", queries, tokens)


def pretraining_scaleup_cost_multiplier(
    factor: float,
    deployment_share: float,
    post_training_share: float = 0.0,
    params_exponent: float = CHINCHILLA_PARAMS_EXPONENT,
) -> float:
    """How many times the lifetime compute grows when pre-training compute grows ``factor``-fold.

    Pre-training compute N * D is split between parameters and tokens, N growing by
    ``factor ** params_exponent`` (Chinchilla: 0.5, so 10x compute means sqrt(10)x
    parameters and sqrt(10)x tokens). Every query then costs that much more, while
    post-training compute stays as it was.

    Args:
        factor: Multiplier on pre-training compute, greater than 0.
        deployment_share: Deployment's share of lifetime compute now, from 0 to 1.
        post_training_share: Post-training's share now, from 0 to 1; the two shares sum to
            at most 1 and pre-training has the rest.
        params_exponent: The power of pre-training compute that the parameter count N grows
            as, from 0 to 1; 0.5 is Ord's Chinchilla-optimal split.

    Returns:
        ``pre * factor + post + deploy * factor ** params_exponent`` with the three shares:
        ``factor`` when pre-training dominates, ``factor ** 0.5`` (3.16 for 10x) when
        deployment dominates.

    Raises:
        ValueError: if an argument is out of its range or not finite, the shares sum to
            more than 1, or the result is too large or too small for a float.

    Source: Ord (2025), appendix: 10x pre-training is about 10x cost when pre-training
    dominates and about 3x when deployment dominates.

    >>> round(pretraining_scaleup_cost_multiplier(10, deployment_share=1), 3)
    3.162
    """
    factor = positive("factor", factor)
    pretraining_share, post_training_share, deployment_share = _shares(deployment_share, post_training_share)
    params_exponent = _fraction("params_exponent", params_exponent)
    per_query = power_in_range("the cost multiplier", factor, params_exponent)
    multiplier = pretraining_share * factor + post_training_share + deployment_share * per_query
    return _not_underflowed("the cost multiplier", result("the cost multiplier", multiplier), factor)


def inference_scaleup_cost_multiplier(
    factor: float, deployment_share: float, post_training_share: float = 0.0
) -> float:
    """How many times the lifetime compute grows when inference per query grows ``factor``-fold.

    More tokens per query multiply the deployment term only; training is unchanged.

    Args:
        factor: Multiplier on inference compute per query, greater than 0.
        deployment_share: Deployment's share of lifetime compute now, from 0 to 1.
        post_training_share: Post-training's share now, from 0 to 1; the two shares sum to
            at most 1.

    Returns:
        ``1 + deployment_share * (factor - 1)``: about 1 (no change) when pre-training
        dominates, ``factor`` when deployment dominates.

    Raises:
        ValueError: if an argument is out of its range or not finite, the shares sum to
            more than 1, or the result is too large for a float.

    Source: Ord (2025), appendix: 10x inference is about no change in cost when
    pre-training dominates and about 10x when deployment dominates.

    >>> inference_scaleup_cost_multiplier(10, deployment_share=1)
    10.0
    """
    factor = positive("factor", factor)
    pretraining_share, post_training_share, deployment_share = _shares(deployment_share, post_training_share)
    multiplier = pretraining_share + post_training_share + deployment_share * factor
    return _not_underflowed("the cost multiplier", result("the cost multiplier", multiplier), factor)


def _fraction(name: str, value: float) -> float:
    """``value`` if it lies in [0, 1], else an InputError naming ``name``."""
    number = finite(name, value)
    if not 0 <= number <= 1:
        raise InputError(name, f"{name} must be between 0 and 1, got {show(number)}")
    return number


def _shares(deployment_share: float, post_training_share: float) -> tuple[float, float, float]:
    """Pre-training, post-training and deployment shares, checked to form a split of 1."""
    deployment_share = _fraction("deployment_share", deployment_share)
    post_training_share = _fraction("post_training_share", post_training_share)
    together = deployment_share + post_training_share
    if together > 1 + _SHARE_SLACK:
        raise InputError(
            "post_training_share",
            f"deployment_share + post_training_share must be at most 1, got {show(together)}",
        )
    return max(0.0, 1.0 - together), post_training_share, deployment_share


def _product(*factors: float) -> float:
    """Product of non-negative factors that overflows or underflows only if the result does.

    Multiplying the smallest by the largest first keeps the partial product between them.
    """
    low, *middle, high = sorted(factors)
    value = low * high
    for factor in middle:
        value *= factor
    return value


def _not_underflowed(what: str, value: float, source: float) -> float:
    """``value``, unless it rounded to 0 from a nonzero ``source``."""
    if value == 0 and source != 0:
        raise OutOfRangeError(f"{what} is too small to compute")
    return value
