"""How numbers are written on the page: one place, used at build time and in the browser."""

from __future__ import annotations

import math

from ._calendar import month_and_year

__all__ = ["dollars", "format_value", "percent_number", "shape_name", "short_number"]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_value(value: float, kind: str = "number", digits: int = 3) -> str:
    """Write ``value`` for a reader.

    Args:
        value: A finite float.
        kind: ``"number"`` (significant digits, thousands separators, powers of ten past a
            billion or below a thousandth), ``"percent"`` (a probability written as a
            percentage), ``"multiplier"`` (a factor written as ``×6.61``) or ``"year"`` (a
            decimal year written as its month, ``March 2027``; ``digits`` is not used).
        digits: Significant digits to keep.

    >>> format_value(1159.87)
    '1,160'
    >>> format_value(0.3497, "percent")
    '35.0%'
    >>> format_value(2.5e-7)
    '2.50 × 10⁻⁷'
    >>> format_value(2027.2, "year")
    'March 2027'
    """
    if kind == "percent":
        return _significant(value * 100, digits) + "%"
    if kind == "multiplier":
        return "×" + _significant(value, digits)
    if kind == "number":
        return _significant(value, digits)
    if kind == "year":
        return month_and_year(value)
    raise ValueError(f"unknown number format {kind!r}")


def _significant(value: float, digits: int) -> str:
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 1e9 or magnitude < 1e-3:
        mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
        return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    decimals = max(digits - 1 - math.floor(math.log10(magnitude)), 0)
    text = f"{round(value, decimals):,.{decimals}f}"
    # Rounding can carry into a new digit (999.7 -> "1,000"); that is still 3 significant.
    return text


# --- Labels on charts: the same numbers, written to fit beside a point or a line ---------


def percent_number(p: float) -> str:
    """A probability as the number of a label like T80: up to 4 significant digits, no sign.

    >>> percent_number(0.8), percent_number(0.999), percent_number(0.12345)
    ('80', '99.9', '12.35')
    """
    return f"{p * 100:.4g}"


def shape_name(shape: float, start: bool = True) -> str:
    """A Weibull success curve by its shape, k = 1 being Ord's constant hazard; ``start``
    capitalises it for the start of a label.

    >>> shape_name(1.0), shape_name(0.6), shape_name(1.0, start=False)
    ('Constant hazard (k = 1)', 'Weibull (k = 0.6)', 'constant hazard (k = 1)')
    """
    if shape == 1:
        return f"{'C' if start else 'c'}onstant hazard (k = 1)"
    return f"Weibull (k = {shape:g})"


def dollars(value: float) -> str:
    """A sum of money in dollars, as :func:`format_value` writes numbers.

    >>> dollars(1159.87), dollars(2.5e-7)
    ('$1,160', '$2.50 × 10⁻⁷')
    """
    return "$" + format_value(value, "number")


def short_number(value: float) -> str:
    """:func:`format_value` without trailing zeros: 2, 20, 92.8, 5.88 × 10²³.

    >>> short_number(2.0), short_number(92.80), short_number(5.88e23)
    ('2', '92.8', '5.88 × 10²³')
    """
    mantissa, space, power = format_value(value).partition(" ")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return mantissa + space + power
