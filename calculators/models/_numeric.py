"""Numeric guards the models share: one float ceiling, and arithmetic that stays inside it.

Every model works out large or small results in logarithms and turns them into numbers
here. Results must land within 10^-300 .. 10^300: far enough inside the float range that a
result can still be multiplied, summed or drawn (:mod:`calculators._chart` draws the same
range) without overflowing, and beyond any quantity a reader could mean.
"""

from __future__ import annotations

import math

from .._checks import OutOfRangeError

__all__ = ["CEILING", "LOG_CEILING", "exp_in_range", "fsum", "softplus"]

#: The largest result a model gives; its reciprocal is the smallest nonzero one.
CEILING = 1e300
#: Its natural log, for results worked out in logarithms.
LOG_CEILING = math.log(CEILING)


def exp_in_range(what: str, log_value: float) -> float:
    """``exp(log_value)``, or :class:`OutOfRangeError` saying ``what`` is too large or too
    small when that leaves 10^-300 .. 10^300.

    >>> exp_in_range("the cost", 0.0), exp_in_range("the cost", -690.0) > 0
    (1.0, True)
    >>> exp_in_range("the cost", 800.0)
    Traceback (most recent call last):
    ...
    calculators._checks.OutOfRangeError: the cost is too large to compute
    """
    if math.isnan(log_value):
        raise OutOfRangeError(f"{what} cannot be computed")
    if log_value > LOG_CEILING:
        raise OutOfRangeError(f"{what} is too large to compute")
    if log_value < -LOG_CEILING:
        raise OutOfRangeError(f"{what} is too small to compute")
    return math.exp(log_value)


def softplus(x: float) -> float:
    """``ln(1 + exp(x))`` without overflow; +inf for +inf.

    >>> softplus(0.0) == math.log(2), softplus(1000.0), softplus(-1000.0)
    (True, 1000.0, 0.0)
    """
    if x > 0:
        return x + math.log1p(math.exp(-x))
    return math.log1p(math.exp(x))


def fsum(values: list[float]) -> float:
    """``math.fsum``, giving inf on overflow and nan for a sum of both infinities, instead of
    raising: the callers check the result and say what is out of range.

    >>> fsum([1e308, 1e308]), fsum([math.inf, -math.inf])
    (inf, nan)
    """
    try:
        return math.fsum(values)
    except OverflowError:
        return math.inf
    except ValueError:  # -inf + inf
        return math.nan
