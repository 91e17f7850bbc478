"""METR's logistic time-horizon curve, and converting success levels into months of progress.

Source: Kwa et al. (2025), "Measuring AI Ability to Complete Long Tasks" (arXiv:2503.14499),
and METR's public analysis code (``METR/eval-analysis-public``, ``utils/logistic.py``): for
each model METR fits a logistic regression of success on the base-2 logarithm of the task's
length in minutes of skilled human time,

    P(success | t) = sigma(beta0 + beta1 * log2 t),        sigma(z) = 1 / (1 + e**-z),

with ``beta1 < 0``, and reads off the task lengths where the curve crosses 50% (T50) and
80% (T80). Written in terms of T50 (``beta0 = -beta1 * log2 T50``) the curve and its
horizons are::

    P(t)  = sigma(beta1 * log2(t / T50))
    T_p   = T50 * 2 ** (logit(p) / beta1)                   logit(p) = ln(p / (1 - p))
    beta1 = ln 4 / log2(T80 / T50)                           since logit(0.8) = ln 4

Ord's half-life essay (2025) converts a success level into a delay: if every horizon doubles
every ``tau`` months, tasks an agent now completes at 50% are completed at level ``p`` after
``log2(T50 / T_p)`` doublings (with T80 = T50 / 4, two doublings: 14 months at 7 months each).
"""

from __future__ import annotations

import math

from .._checks import InputError, OutOfRangeError, finite, non_negative, positive, probability, result, show
from ._numeric import LOG_CEILING, in_range

__all__ = [
    "doublings_to_reach",
    "logistic_horizon",
    "logistic_slope",
    "logistic_success",
    "logistic_t50",
    "metr_horizon",
    "months_from_days",
    "months_to_reach",
]

_LN4 = math.log(4.0)
#: Days in an average month of the Gregorian calendar (365.25 / 12).
DAYS_PER_MONTH = 365.25 / 12
# 2.0 ** x overflows past x = 1024; stay well inside so that products cannot overflow.
_LOG2_MAX = LOG_CEILING / math.log(2)


def logistic_slope(t50: float, t80: float) -> float:
    """METR's logistic slope beta1 from a model's 50% and 80% time horizons.

    Args:
        t50: The 50% time horizon, greater than 0 (METR uses minutes of human time).
        t80: The 80% time horizon, in the same unit, greater than 0 and shorter than ``t50``.

    Returns:
        ``beta1 = ln 4 / log2(t80 / t50)``, in units of log-odds per doubling of task length;
        always negative. Its size says how sharply success falls: at ``-ln 2`` (T₈₀ = T₅₀ / 4)
        the odds of success halve with every doubling of task length.

    Raises:
        ValueError: if either horizon is not a finite number greater than 0, if ``t80`` is
            not shorter than ``t50``, or if the two are too close for the slope to fit in a
            float.

    Source: METR's logistic fit (Kwa et al. 2025; ``METR/eval-analysis-public``); with
    Ord's reading of Claude 3.7 Sonnet (T₅₀ = 59 min, T₈₀ = 15 min) it gives -0.70.

    >>> round(logistic_slope(59, 15), 2)
    -0.7
    """
    t50 = positive("t50", t50)
    t80 = positive("t80", t80)
    if not t80 < t50:
        raise InputError("t80", f"t80 must be shorter than t50 ({show(t50)}), got {show(t80)}")
    doublings = math.log2(t80) - math.log2(t50)
    if doublings == 0:  # t80 and t50 one float apart: no slope a float can hold
        raise InputError("t80", "t80 is too close to t50 for the slope to be computed")
    return result("the logistic slope for these horizons", _LN4 / doublings)


def logistic_success(t: float, t50: float, slope: float) -> float:
    """Probability that the agent succeeds at a task of length ``t``, on METR's logistic curve.

    Args:
        t: Task length, 0 or more, in the unit of ``t50`` (METR: minutes of human time).
        t50: The 50% time horizon, greater than 0.
        slope: The logistic slope beta1 per doubling of task length, less than 0 (see
            :func:`logistic_slope`).

    Returns:
        ``sigma(slope * log2(t / t50))``, between 0 and 1; exactly 0.5 at ``t == t50`` and
        1 at ``t == 0``.

    Raises:
        ValueError: if ``t`` is negative, ``t50`` is not greater than 0, ``slope`` is not
            less than 0, or any argument is not a finite number.

    Source: METR's fit ``P(success | t) = sigma(beta0 + beta1 * log2 t)`` with
    ``beta0 = -beta1 * log2(t50)`` (Kwa et al. 2025; ``METR/eval-analysis-public``).

    >>> logistic_success(60, 15, -math.log(2))    # T80 = T50 / 4: odds halve per doubling
    0.2
    """
    t = non_negative("t", t)
    t50 = positive("t50", t50)
    slope = _negative("slope", slope)
    if t == 0:
        return 1.0
    return _sigmoid(slope * (math.log2(t) - math.log2(t50)))


def logistic_horizon(p: float, t50: float, slope: float) -> float:
    """Task length at which METR's logistic curve gives success probability ``p``.

    Args:
        p: Target success probability, strictly between 0 and 1.
        t50: The 50% time horizon, greater than 0, in any time unit.
        slope: The logistic slope beta1 per doubling of task length, less than 0.

    Returns:
        The ``p`` horizon Tₚ = ``t50 * 2 ** (logit(p) / slope)``, in the unit of ``t50``;
        the inverse of :func:`logistic_success`. With ``slope = logistic_slope(t50, t80)``,
        ``logistic_horizon(0.8, t50, slope)`` gives back ``t80``.

    Raises:
        ValueError: if ``p`` is outside (0, 1), ``t50`` is not greater than 0, ``slope`` is
            not less than 0, an argument is not finite, or the horizon is too large or too
            small for a float.

    Source: METR's horizon formula Tₚ = ``2 ** ((logit(p) - beta0) / beta1)`` (Kwa et al.
    2025; ``METR/eval-analysis-public``), rewritten with ``beta0 = -beta1 * log2(t50)``.

    >>> round(logistic_horizon(0.8, 60, -math.log(2)), 9)
    15.0
    """
    p = probability("p", p)
    t50 = positive("t50", t50)
    slope = _negative("slope", slope)
    return _scaled(t50, _logit(p) / slope, "the task length for these inputs")


def metr_horizon(p: float, t50: float, t80: float) -> float:
    """Task length at success ``p`` on the logistic curve through a model's T₅₀ and T₈₀.

    Args:
        p: Target success probability, strictly between 0 and 1.
        t50: The 50% time horizon, greater than 0 (METR: minutes of human time).
        t80: The 80% time horizon, in the same unit, greater than 0 and shorter than ``t50``.

    Returns:
        ``logistic_horizon(p, t50, logistic_slope(t50, t80))``, in the unit of ``t50``: the
        horizon at any success level implied by METR's two published ones.

    Raises:
        ValueError: as :func:`logistic_slope` and :func:`logistic_horizon` do.

    Source: METR's logistic fit (Kwa et al. 2025; ``METR/eval-analysis-public``).

    >>> round(metr_horizon(0.99, 60, 15), 3)     # odds 99:1 need log2(99) doublings: 60 / 99
    0.606
    """
    p = probability("p", p)
    return logistic_horizon(p, t50, logistic_slope(t50, t80))


def logistic_t50(intercept: float, slope: float) -> float:
    """The 50% time horizon from METR's raw regression coefficients beta0 and beta1.

    Args:
        intercept: beta0, the fitted log-odds of success at a task of 1 minute (log2 t = 0);
            any finite number.
        slope: beta1 per doubling of task length, less than 0.

    Returns:
        T₅₀ = ``2 ** (-intercept / slope)``, in minutes (METR's unit for ``t``).

    Raises:
        ValueError: if ``slope`` is not less than 0, either argument is not finite, or the
            horizon is too large or too small for a float.

    Source: METR's logistic fit (Kwa et al. 2025; ``METR/eval-analysis-public``): the 50%
    point is where ``beta0 + beta1 * log2 t = 0``.

    >>> logistic_t50(intercept=4.0, slope=-1.0)
    16.0
    """
    intercept = finite("intercept", intercept)
    slope = _negative("slope", slope)
    return _scaled(1.0, -intercept / slope, "the 50% horizon for these coefficients")


def doublings_to_reach(t_p: float, t_target: float) -> float:
    """How many doublings take a horizon from ``t_p`` to ``t_target``: ``log2(t_target / t_p)``.

    Read with Ord's half-life essay: if ``t_p`` is today's horizon at some success level
    (T₈₀, say) and ``t_target`` is today's 50% horizon, this is how many doublings of the
    horizons it takes before tasks done half the time today are done at that level.

    Args:
        t_p: The horizon that grows, greater than 0, in any time unit.
        t_target: The task length it must reach, greater than 0, in the same unit.

    Returns:
        ``log2(t_target / t_p)``: positive when the target is longer, negative when the
        horizon is already past it (by that many doublings).

    Raises:
        ValueError: if either length is not a finite number greater than 0.

    Source: Ord (2025), half-life essay: T₈₀ = T₅₀ / 4 for Claude 3.7 Sonnet means 2
    doublings.

    >>> doublings_to_reach(t_p=15, t_target=60)
    2.0
    """
    t_p = positive("t_p", t_p)
    t_target = positive("t_target", t_target)
    ratio = t_target / t_p
    if 0 < ratio < math.inf:  # one rounding, then log2: exact for whole powers of two
        return math.log2(ratio)
    return math.log2(t_target) - math.log2(t_p)


def months_to_reach(t_p: float, t_target: float, doubling_months: float) -> float:
    """Months until a horizon growing from ``t_p`` reaches ``t_target`` at a steady doubling time.

    Args:
        t_p: The horizon that grows (for example today's T₈₀), greater than 0.
        t_target: The task length it must reach (for example today's T₅₀), greater than 0,
            in the same unit as ``t_p``.
        doubling_months: Months per doubling of the horizon, greater than 0 (METR: about 7
            for both the 50% and the 80% horizon, 2019 to Claude 3.7 Sonnet in 2025).

    Returns:
        ``doubling_months * log2(t_target / t_p)``; negative if the horizon is already past
        the target.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the result is
            too large for a float.

    Source: Ord (2025), half-life essay: what is doable with a 50% success rate now is
    doable with an 80% success rate in 14 months (2 doubling times of 7 months).

    >>> months_to_reach(t_p=15, t_target=60, doubling_months=7)
    14.0
    """
    doublings = doublings_to_reach(t_p, t_target)
    doubling_months = positive("doubling_months", doubling_months)
    return result("the number of months for these inputs", doubling_months * doublings)


def months_from_days(days: float) -> float:
    """A span of days as months of average length (365.25 / 12 days).

    Args:
        days: The span in days, 0 or more (METR reports doubling times in days).

    Returns:
        ``days / (365.25 / 12)`` months.

    Raises:
        ValueError: if ``days`` is negative or not a finite number.

    Source: calendar arithmetic; METR's doubling times (212 days in Kwa et al. 2025, 128.744
    days for models from 2023 on in the Time Horizon 1.1 results) are given in days.

    >>> round(months_from_days(212), 2)
    6.97
    """
    days = non_negative("days", days)
    return days / DAYS_PER_MONTH


def _negative(name: str, value: float) -> float:
    """Return ``value`` if it is finite and strictly less than 0."""
    number = finite(name, value)
    if number >= 0:
        raise InputError(name, f"{name} must be less than 0 (success falls with task length), got {show(number)}")
    return number


def _logit(p: float) -> float:
    """ln(p / (1 - p)), accurate near both 0 and 1."""
    return math.log(p) - math.log1p(-p)


def _sigmoid(z: float) -> float:
    """1 / (1 + e**-z) without overflow for any z, including +-inf."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _scaled(base: float, log2_factor: float, what: str) -> float:
    """``base * 2 ** log2_factor``, or a ValueError if no float can hold it.

    Worked in base 2 so that whole numbers of doublings stay exact (60 / 4 is 15.0).
    """
    log2_value = math.log2(base) + log2_factor
    if log2_value > _LOG2_MAX:
        raise OutOfRangeError(f"{what} is too large to compute")
    if abs(log2_factor) < 1000:  # the factor itself is a normal float: multiply, losing nothing
        value = base * 2.0**log2_factor
    else:
        value = 2.0**log2_value
    return in_range(what, value)
