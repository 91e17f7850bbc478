"""Numbers as a reader types them into a field: how a field writes a value, how any text a
reader types is read back, and the compact text of permalinks and file names.

A field shows powers of ten with a caret, ``10^24`` and ``5.88 × 10^23``: it reads at a
glance like the outputs' ``10²⁴``, yet every character of the power is on a keyboard, so the
reader can change the exponent where it stands (superscript digits cannot be typed on most
keyboards). Plain numbers keep every digit the value has, with thousands separators from
10,000 (a four-digit number, such as a year, reads better without one). Whatever a field
shows reads back as exactly the same float, and the parser accepts every way the site
writes a number and the ways a reader would type one (``1e24``, ``10**24``, ``1 x 10^24``,
``1×10²⁴``, ``1,000,000``, ``−5``).
"""

from __future__ import annotations

import re

__all__ = ["form_text", "key_text", "read_number"]

#: Plain numbers from a thousandth (10^-3) up to below a billion (10^9), as the outputs
#: write them (:func:`calculators.format_value`); powers of ten outside. Powers of ten here
#: are of a number's first digit.
_PLAIN_FROM, _PLAIN_BELOW = -3, 9
#: Thousands separators from 10^4 up: 2027 stays 2027, 25000 is 25,000.
_GROUPS_FROM = 4

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789-+")
_MINUSES = str.maketrans({"−": "-", "–": "-", "‒": "-", "﹣": "-", "－": "-"})
#: Spaces a reader or a copied number may carry: space, no-break, thin and narrow no-break.
_SPACES = re.compile(r"[ \u00a0\u2009\u202f\t]+")
_DECIMAL = r"(?:\d+\.?\d*|\.\d+)"
_PLAIN = re.compile(rf"[+-]?{_DECIMAL}(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
#: ``10^24``, ``-10^24``, ``5.88×10^23``, ``5.88x10**23``, ``2*10^(-7)`` (spaces removed).
_POWER = re.compile(
    rf"(?P<sign>[+-]?)(?:(?P<mantissa>{_DECIMAL})[×xX*·⋅])?10(?:\^|\*\*)"
    r"(?P<open>\()?(?P<exponent>[+-]?\d+)(?(open)\))"
)


def form_text(value: float) -> str:
    """``value`` as a field shows it: read at a glance, typed back unchanged, and read by
    :func:`read_number` as exactly the same float (every digit of the shortest text that
    does so, no float noise).

    >>> form_text(1e24), form_text(5.88e23), form_text(1e-7), form_text(-2.5e-12)
    ('10^24', '5.88 × 10^23', '10^-7', '-2.5 × 10^-12')
    >>> form_text(59.0), form_text(0.37), form_text(2027.5), form_text(1e6), form_text(137.735311)
    ('59', '0.37', '2027.5', '1,000,000', '137.735311')
    """
    sign, digits, exponent = _digits(value)
    if not digits:
        return "0"
    if _PLAIN_FROM <= exponent < _PLAIN_BELOW:
        point = exponent + 1  # digits before the decimal point
        whole = digits[:point].ljust(point, "0") if point > 0 else "0"
        fraction = digits[point:] if point > 0 else "0" * -point + digits
        if exponent >= _GROUPS_FROM:
            whole = f"{int(whole):,}"
        return sign + whole + ("." + fraction if fraction else "")
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    power = f"10^{exponent}"
    return sign + (power if mantissa == "1" else f"{mantissa} × {power}")


def key_text(value: float) -> str:
    """``value`` in a permalink or a file name: as JavaScript's ``String(number)`` writes it
    (the browser writes the same text for the same float), without the exponent's ``+``,
    which a URL would escape.

    >>> key_text(1e24), key_text(5.88e23), key_text(59.0), key_text(1e7), key_text(1e-7), key_text(0.0001)
    ('1e24', '5.88e23', '59', '10000000', '1e-7', '0.0001')
    """
    sign, digits, exponent = _digits(value)
    if not digits:
        return "0"
    point = exponent + 1  # digits before the decimal point (ECMAScript's n)
    if len(digits) <= point <= 21:
        return sign + digits + "0" * (point - len(digits))
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * -point + digits
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{mantissa}e{exponent}"


def read_number(text: str) -> float | None:
    """The number a reader typed, in any form the site shows or a reader would plausibly
    type; ``None`` for text that is none of them (the caller says so, naming the input).

    The result is exactly the float of the decimal written: ``5.88 × 10^23`` is
    ``float("5.88e23")``. Infinite and not-a-number values are returned for the caller's
    finiteness check to name.

    >>> read_number("10^24"), read_number("1 × 10²⁴"), read_number("1,000,000"), read_number("−2.5e-3")
    (1e+24, 1e+24, 1000000.0, -0.0025)
    >>> read_number("10**-7"), read_number("3x10^(−7)"), read_number("ten") is None
    (1e-07, 3e-07, True)
    """
    compact = _SPACES.sub("", _superscripts_as_powers(text.translate(_MINUSES)))
    if _GROUPED.fullmatch(compact):
        compact = compact.replace(",", "")
    if _PLAIN.fullmatch(compact):
        return float(compact)
    power = _POWER.fullmatch(compact)
    if power:
        return float(f"{power['sign']}{power['mantissa'] or '1'}e{power['exponent']}")
    try:  # Python's own spellings, which the messages name: "inf", "nan", "1_000"
        return float(compact)
    except ValueError:
        return None


def _superscripts_as_powers(text: str) -> str:
    """``10²⁴`` as ``10^24``: a run of superscript digits is an exponent."""
    return re.sub(f"[{_SUPERSCRIPTS}]+", lambda run: "^" + run.group().translate(_FROM_SUPERSCRIPT), text)


def _digits(value: float) -> tuple[str, str, int]:
    """The sign, significant digits (no leading or trailing zeros) and the power of ten of
    the first digit of the shortest text that reads back as ``value`` (Python's ``repr``):
    5.88e23 is ``("", "588", 23)``, -0.0037 is ``("-", "37", -3)``; zero has no digits."""
    text = repr(float(value))
    sign = "-" if text.startswith("-") else ""
    mantissa, _, power = text.lstrip("-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    joined = whole + fraction
    digits = joined.lstrip("0")
    # The first digit's place: len(whole) - 1 for the first character, less leading zeros.
    exponent = int(power or 0) + len(whole) - 1 - (len(joined) - len(digits))
    return sign, digits.rstrip("0"), exponent
