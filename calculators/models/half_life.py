"""Half-life of AI agent success: constant-hazard and Weibull survival curves.

Source: Toby Ord, "Is There a Half-Life for the Success Rates of AI Agents?" (May 2025,
arXiv:2505.05115): with a constant chance of failing in each minute of a task, an agent's
success probability halves with every further 50% time horizon (T50) of task length. Gus
Hamilton's re-analysis ("Peto's Paradox and the Future of AI Agents", Jan 2026) fits a
Weibull survival curve instead, whose shape ``k`` came out below 1 for every model (a hazard
that falls as a task goes on): about 0.37 for humans and 0.6 to 0.9 for frontier models in
his post. In a comment on the essay's EA Forum page Ord accepted this, summarising AI agents
as mainly k of about 0.6 and humans about 0.4.

Both are one family, written in terms of T50 so that the shape changes the curve but not
the point it passes through at 50%::

    S(t) = exp(-ln 2 * (t / T50) ** k)          (k = 1: S(t) = 2 ** (-t / T50))
    T_p  = T50 * (ln(1/p) / ln 2) ** (1 / k)
    T50 / T_p = (ln 2 / ln(1/p)) ** (1 / k)     (independent of T50)

Times are in any one unit (METR measures task length in minutes of skilled human time); the
functions only need ``t`` and ``t50`` to share it.
"""

from __future__ import annotations

import math

from .._checks import OutOfRangeError, non_negative, positive, probability, result
from ._numeric import LOG_CEILING, exp_in_range, in_range

__all__ = ["horizon", "horizon_ratio", "reliability_lag_months", "survival", "weibull_t50"]

_LN2 = math.log(2.0)
# exp(-x) underflows to 0.0 once x exceeds about 745; computing the exponent in logs keeps
# (t / t50) ** shape from overflowing on the way there.


def survival(t: float, t50: float, shape: float = 1.0) -> float:
    """Probability that an agent succeeds at a task of length ``t``.

    Args:
        t: Task length, in the same unit as ``t50`` (METR uses minutes of human time);
            0 or more.
        t50: The agent's 50% time horizon: the task length it succeeds at half the time;
            greater than 0.
        shape: Weibull shape k, greater than 0. 1 (the default) is Ord's constant hazard
            (the "half-life" model); below 1 the hazard falls over a task (Hamilton's fits:
            about 0.37 for humans, 0.6 to 0.9 for leading models, which Ord sums up as about
            0.6 for AI agents and 0.4 for humans); above 1 it rises.

    Returns:
        ``exp(-ln 2 * (t / t50) ** shape)``, between 0 and 1. Exactly 0.5 at ``t == t50``.

    Raises:
        ValueError: if ``t`` is negative, ``t50`` or ``shape`` is not greater than 0, or any
            argument is not a finite number.

    Source: Ord (2025), constant-hazard model; Hamilton (2026), Weibull form.

    >>> survival(120, 60)
    0.25
    """
    t = non_negative("t", t)
    t50 = positive("t50", t50)
    shape = positive("shape", shape)
    if t == 0:
        return 1.0
    log_exponent = shape * (math.log(t) - math.log(t50))
    if log_exponent > LOG_CEILING:
        return 0.0
    return math.exp(-_LN2 * math.exp(log_exponent))


def horizon(p: float, t50: float, shape: float = 1.0) -> float:
    """Task length at which the agent's success probability equals ``p``.

    Args:
        p: Target success probability, strictly between 0 and 1 (0.8 gives METR's 80%
            horizon, T₈₀).
        t50: The agent's 50% time horizon, greater than 0, in any time unit.
        shape: Weibull shape k, greater than 0 (1 is constant hazard).

    Returns:
        ``t50 * (ln(1/p) / ln 2) ** (1 / shape)``, in the unit of ``t50``. The inverse of
        :func:`survival`: ``survival(horizon(p, t50, k), t50, k) == p``.

    Raises:
        ValueError: if ``p`` is outside (0, 1), ``t50`` or ``shape`` is not greater than 0,
            an argument is not finite, or the horizon is too large or too small for a
            float.

    Source: Ord (2025), "T₈₀ is about T₅₀ / 3"; Hamilton (2026) for the Weibull form.

    >>> round(60 / horizon(0.8, 60), 2)
    3.11
    """
    p = probability("p", p)
    t50 = positive("t50", t50)
    shape = positive("shape", shape)
    log_ratio = math.log(_doublings(p)) / shape
    if log_ratio > LOG_CEILING:
        raise OutOfRangeError("the task length for these inputs is too large to compute")
    return in_range("the task length for these inputs", t50 * math.exp(log_ratio))


def horizon_ratio(p: float, shape: float = 1.0) -> float:
    """How many times shorter the ``p`` horizon, Tₚ, is than the 50% horizon: T₅₀ / Tₚ.

    Args:
        p: Target success probability, strictly between 0 and 1.
        shape: Weibull shape k, greater than 0 (1 is constant hazard).

    Returns:
        ``(ln 2 / ln(1/p)) ** (1 / shape)``; it does not depend on T₅₀. Above 1 for
        ``p > 0.5`` (the 80% horizon is shorter), below 1 for ``p < 0.5``.

    Raises:
        ValueError: if ``p`` is outside (0, 1), ``shape`` is not greater than 0, either is
            not finite, or the ratio is too large or too small for a float.

    Source: Ord (2025): T₈₀ is about T₅₀ / 3, T₉₉ about T₅₀ / 70 at constant hazard.

    >>> round(horizon_ratio(0.99), 1)
    69.0
    """
    p = probability("p", p)
    shape = positive("shape", shape)
    log_ratio = -math.log(_doublings(p)) / shape
    return exp_in_range("the horizon ratio for these inputs", log_ratio)


def reliability_lag_months(p: float, doubling_months: float, shape: float = 1.0) -> float:
    """How many months after T₅₀ reaches a task length the ``p`` horizon reaches it too.

    If every horizon doubles every ``doubling_months`` (METR: about 7 months for both the 50%
    and the 80% horizon), the ``p`` horizon Tₚ trails the 50% horizon T₅₀ by a fixed number
    of doublings, log₂(T₅₀ / Tₚ).

    Args:
        p: Target success probability, strictly between 0 and 1.
        doubling_months: Months per doubling of every horizon, greater than 0.
        shape: Weibull shape k, greater than 0 (1 is constant hazard).

    Returns:
        ``doubling_months * log2(horizon_ratio(p, shape))`` in months, :func:`horizon_ratio`
        being T₅₀ / Tₚ; negative for ``p`` below 0.5 (those horizons lead).

    Raises:
        ValueError: if ``p`` is outside (0, 1), ``doubling_months`` or ``shape`` is not
            greater than 0, an argument is not finite, or the result is too large for a
            float.

    Source: Ord (2025), half-life essay: with a 7-month doubling time and a constant hazard,
    T₈₀ reaches any length about 1 year after T₅₀, T₉₀ about 2 years, T₉₉ about 4 years,
    the 99.9% horizon about 6 years, and each further "nine" takes about 2 more years.

    >>> round(reliability_lag_months(0.8, doubling_months=7), 1)
    11.4
    """
    p = probability("p", p)
    doubling_months = positive("doubling_months", doubling_months)
    shape = positive("shape", shape)
    doublings = -math.log2(_doublings(p)) / shape
    return result("the number of months for these inputs", doubling_months * doublings)


def _doublings(p: float) -> float:
    """ln(1/p) / ln 2: how many halvings take success from 1 down to ``p``."""
    # Near 1, ln(1/p) = -log1p(p - 1) keeps full precision (p - 1 is exact for p >= 0.5).
    return (-math.log1p(p - 1.0) if p >= 0.5 else -math.log(p)) / _LN2


def weibull_t50(rate_per_min: float, shape: float) -> float:
    """The 50% time horizon of a Weibull fit written with a rate, ``S(t) = exp(-(rate t)^k)``.

    Hamilton publishes his fits as a rate λ (per minute of human task time) and a shape k;
    this site writes the same curve in terms of T₅₀ (see :func:`survival`).

    Args:
        rate_per_min: Weibull rate λ, greater than 0, per minute.
        shape: Weibull shape k, greater than 0.

    Returns:
        ``(ln 2) ** (1 / k) / λ`` in minutes: the task length with a 50% success rate.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the horizon
            is too large or too small for a float.

    Source: Hamilton (2026), Weibull parameterisation; solving exp(-(λ t)^k) = 1/2.

    >>> round(weibull_t50(0.01, 1.0), 2)   # constant hazard: T50 = ln 2 / rate
    69.31
    """
    rate = positive("rate_per_min", rate_per_min)
    shape = positive("shape", shape)
    log_t50 = math.log(_LN2) / shape - math.log(rate)
    return exp_in_range("the 50% horizon for these inputs", log_t50)
