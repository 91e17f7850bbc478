"""How numbers are written on the page: one place, used at build time and in the browser."""

from __future__ import annotations

import math

__all__ = ["format_value"]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_value(value: float, kind: str = "number", digits: int = 3) -> str:
    """Write ``value`` for a reader.

    Args:
        value: A finite float.
        kind: ``"number"`` (significant digits, thousands separators, powers of ten past a
            billion or below a thousandth), ``"percent"`` (a probability written as a
            percentage) or ``"multiplier"`` (a factor written as ``×6.61``).
        digits: Significant digits to keep.

    >>> format_value(1159.87)
    '1,160'
    >>> format_value(0.3497, "percent")
    '35.0%'
    >>> format_value(2.5e-7)
    '2.50 × 10⁻⁷'
    """
    if kind == "percent":
        return _significant(value * 100, digits) + "%"
    if kind == "multiplier":
        return "×" + _significant(value, digits)
    if kind == "number":
        return _significant(value, digits)
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
