"""Numeric guards the models share: one float ceiling, and arithmetic that stays inside it.

Every model works out large or small results in logarithms and turns them into numbers
here. Results must land within 10^-300 .. 10^300: far enough inside the float range that a
result can still be multiplied, summed or drawn (:mod:`calculators._chart` draws the same
range) without overflowing, and beyond any quantity a reader could mean.
"""

from __future__ import annotations

import math

from .._checks import OutOfRangeError

__all__ = ["CEILING", "LOG_CEILING", "exp_in_range", "fsum", "in_range", "power_in_range", "softplus"]

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


def in_range(what: str, value: float) -> float:
    """A positive result computed directly, or :class:`OutOfRangeError` saying ``what`` is
    too large or too small when it lies outside 10^-300 .. 10^300 (or is not a number).

    >>> in_range("the cost", 2.5)
    2.5
    >>> in_range("the cost", 1e-305)
    Traceback (most recent call last):
    ...
    calculators._checks.OutOfRangeError: the cost is too small to compute
    """
    if math.isnan(value):
        raise OutOfRangeError(f"{what} cannot be computed")
    if value > CEILING:
        raise OutOfRangeError(f"{what} is too large to compute")
    if value < 1 / CEILING:
        raise OutOfRangeError(f"{what} is too small to compute")
    return value


def power_in_range(what: str, base: float, exponent: float) -> float:
    """``base ** exponent`` for a positive finite ``base``, within 10^-300 .. 10^300, or
    :class:`OutOfRangeError` saying ``what`` is too large or too small.

    Checked in logarithms first, so no power overflows or underflows on the way; then
    computed as a power, so whole powers of exact bases stay exact.

    >>> power_in_range("the factor", 10.0, 25), power_in_range("the factor", 2.0, -3)
    (1e+25, 0.125)
    >>> power_in_range("the factor", 1e151, 2)
    Traceback (most recent call last):
    ...
    calculators._checks.OutOfRangeError: the factor is too large to compute
    """
    if base == 1:
        return 1.0
    exp_in_range(what, exponent * math.log(base))
    return in_range(what, math.pow(base, exponent))


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
