"""How numbers are written on the page: one place, used at build time and in the browser."""

from __future__ import annotations

import math
from typing import NamedTuple

from ._calendar import month_and_year

__all__ = [
    "axis_title",
    "dollars",
    "format_value",
    "horizon_symbol",
    "log_tick_labelled",
    "percent_number",
    "shape_name",
    "short_number",
    "tick_label",
    "vega_log_tick_labelled",
    "vega_tick_label",
]

_SUPERSCRIPT_PAIRS = tuple(zip("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))
_SUPERSCRIPT = str.maketrans(dict(_SUPERSCRIPT_PAIRS))
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
#: Shares smaller than this (0.1%) are written "1 in N".
ONE_IN_BELOW = 1e-3
#: Shares from this up (10 million per cent) are written as a factor, "×N".
_PERCENT_AS_FACTOR_FROM = 1e5
#: Plain numbers from a thousandth up to a billion; powers of ten outside.
_PLAIN_FROM, _PLAIN_BELOW = 1e-3, 1e9


def format_value(value: float, kind: str = "number", digits: int = 3) -> str:
    """Write ``value`` for a reader.

    Args:
        value: A finite float.
        kind: ``"number"`` (significant digits, thousands separators, powers of ten past a
            billion or below a thousandth), ``"percent"`` (a probability or share written as
            a percentage; below 0.1% as "1 in N", which reads better than a run of zeros or a
            power of ten with a per cent sign, and from 10 million per cent up as a factor)
            ``"multiplier"`` (a factor written as ``×6.61``) or ``"year"`` (a decimal year
            written as its month, ``March 2027``; ``digits`` is not used).
        digits: Significant digits to keep.

    >>> format_value(1159.87)
    '1,160'
    >>> format_value(0.3497, "percent")
    '35.0%'
    >>> format_value(0.0001, "percent"), format_value(9.33e-302, "percent"), format_value(5e-324, "percent")
    ('1 in 10,000', '1 in 1.07 × 10³⁰¹', '1 in 2.02 × 10³²³')
    >>> format_value(2.5e-7)
    '2.50 × 10⁻⁷'
    >>> format_value(2027.2, "year"), format_value(12345.6, "year"), format_value(1e12, "year")
    ('March 2027', 'year 12,346', 'year 1.00 × 10¹²')
    """
    if kind == "percent":
        if 0 < abs(value) < ONE_IN_BELOW:
            return ("−" if value < 0 else "") + "1 in " + _reciprocal(abs(value), digits)
        if abs(value) >= _PERCENT_AS_FACTOR_FROM:
            return "×" + _significant(value, digits)
        return _significant(value * 100, digits) + "%"
    if kind == "multiplier":
        return "×" + _significant(value, digits)
    if kind == "number":
        return _significant(value, digits)
    if kind == "year":
        # Past the calendar, the year as a number: "year 12,346", "year 1.00 × 10¹²".
        month = month_and_year(value)
        if month is None:
            return "year " + (f"{round(value):,}" if abs(value) < _PLAIN_BELOW else _significant(value, digits))
        return month
    raise ValueError(f"unknown number format {kind!r}")


def _reciprocal(value: float, digits: int) -> str:
    """1 / ``value`` (positive) as :func:`_significant` writes it, worked out in logarithms
    when it is past the float range (1 / 5e-324)."""
    if value >= 1e-300:
        return _significant(1 / value, digits)
    log = -math.log10(value)
    exponent = math.floor(log)
    mantissa = f"{10 ** (log - exponent):.{digits - 1}f}"
    if float(mantissa) >= 10:  # 9.996 rounds up to the next power
        mantissa, exponent = f"{1:.{digits - 1}f}", exponent + 1
    return f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def _significant(value: float, digits: int) -> str:
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= _PLAIN_BELOW or magnitude < _PLAIN_FROM:
        mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
        return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    decimals = max(digits - 1 - math.floor(math.log10(magnitude)), 0)
    text = f"{round(value, decimals):,.{decimals}f}"
    # Rounding can carry into a new digit (999.7 -> "1,000"); that is still 3 significant.
    return text


# --- Labels on charts: the same numbers, written to fit beside a point or a line ---------


def percent_number(p: float) -> str:
    """A probability as the number of a label like T80: up to 4 significant digits, no sign.

    >>> percent_number(0.8), percent_number(0.999), percent_number(0.12345), percent_number(1e-12)
    ('80', '99.9', '12.35', '≈0')
    """
    if 0 < p * 100 < _PLAIN_FROM:  # a label has no room for 10⁻¹⁰; the outputs give it exactly
        return "≈0"
    return short_number(p * 100, 4)


def horizon_symbol(p: float) -> str:
    """The task length completed with probability ``p``, named as the pages write it: T with
    the percentage as a subscript (T₅₀, T₈₀), or in words where a subscript cannot write it.

    >>> horizon_symbol(0.5), horizon_symbol(0.8), horizon_symbol(0.999), horizon_symbol(1e-12)
    ('T₅₀', 'T₈₀', '99.9% horizon', '≈0% horizon')
    """
    number = percent_number(p)
    return "T" + number.translate(_SUBSCRIPT) if number.isdigit() else f"{number}% horizon"


def shape_name(shape: float, start: bool = True) -> str:
    """A Weibull success curve by its shape, k = 1 being Ord's constant hazard; ``start``
    capitalises it for the start of a label.

    >>> shape_name(1.0), shape_name(0.6), shape_name(1.0, start=False)
    ('Constant hazard (k = 1)', 'Weibull (k = 0.6)', 'constant hazard (k = 1)')
    """
    if shape == 1:
        return f"{'C' if start else 'c'}onstant hazard (k = 1)"
    return f"Weibull (k = {short_number(shape, 4)})"


def dollars(value: float) -> str:
    """A sum of money in dollars, as :func:`format_value` writes numbers.

    >>> dollars(1159.87), dollars(2.5e-7)
    ('$1,160', '$2.50 × 10⁻⁷')
    """
    return "$" + format_value(value, "number")


def short_number(value: float, digits: int = 3) -> str:
    """:func:`format_value` without trailing zeros: 2, 20, 92.8, 5.88 × 10²³.

    >>> short_number(2.0), short_number(92.80), short_number(5.88e23), short_number(137.735311, 9)
    ('2', '92.8', '5.88 × 10²³', '137.735311')
    """
    mantissa, space, power = format_value(value, "number", digits).partition(" ")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return mantissa + space + power


# --- Tick labels: the same style, computed by Vega for the ticks it picks ------------------


class _TickStyle(NamedTuple):
    """How a tick label is written: the one definition both :func:`tick_label` (Python) and
    :func:`vega_tick_label` (the Vega expression the charts run) are built from."""

    #: Plain numbers (thousands separators) from ``plain_from`` up to below ``plain_below``;
    #: powers of ten outside.
    plain_from: float
    plain_below: float
    #: Significant digits of a plain number and of a power's mantissa (trailing zeros dropped).
    plain_digits: int
    mantissa_digits: int
    #: Decimals of a percentage (trailing zeros dropped).
    percent_decimals: int
    #: What a negative number starts with (the minus sign, not a hyphen).
    minus: str
    #: Added to log10 before flooring, so that 1000 (log10 2.9999999999999996) is 10³.
    log_nudge: float
    #: On a log axis spanning at least ``log_thin_from_decades`` powers of ten, only ticks
    #: whose mantissa is one of ``log_label_mantissas`` carry a label: 1, 3, 10, 30, 100 are
    #: evenly spaced on the page (about half a decade apart), where d3's own choice on a
    #: narrow chart, the 1s and 2s of each decade, reads "1 2 10 20 100" (a gap of 0.3 decade,
    #: then 0.7). The other ticks stay as unlabelled marks. A narrower axis keeps d3's labels.
    log_label_mantissas: tuple[float, ...]
    log_thin_from_decades: float


#: Tick labels are short: plain up to a million, 10⁶ and up as powers of ten (an axis that
#: reads 100,000 then 10⁶ stays legible where 100,000,000 beside 10⁹ would not).
TICKS = _TickStyle(
    plain_from=_PLAIN_FROM,
    plain_below=1e6,
    plain_digits=6,
    mantissa_digits=3,
    percent_decimals=6,
    minus="−",
    log_nudge=1e-9,
    log_label_mantissas=(1.0, 3.0),
    log_thin_from_decades=1.0,
)


def log_tick_labelled(value: float, low: float, high: float) -> bool:
    """Whether a tick at ``value`` on a log axis from ``low`` to ``high`` carries a label
    (the Python reference of :func:`vega_log_tick_labelled`, from :data:`TICKS`).

    >>> [v for v in (1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 100.0) if log_tick_labelled(v, 1.0, 164.0)]
    [1.0, 3.0, 10.0, 30.0, 100.0]
    >>> log_tick_labelled(20.0, 15.0, 80.0)  # under a decade: every tick d3 labels
    True
    """
    if abs(math.log10(high / low)) < TICKS.log_thin_from_decades:
        return True
    mantissa = value / 10.0 ** math.floor(math.log10(value) + TICKS.log_nudge)
    return any(abs(mantissa - kept) < 1e-6 for kept in TICKS.log_label_mantissas)


def vega_log_tick_labelled(scale: str, value: str = "datum.value") -> str:
    """A Vega expression: whether the tick ``value`` of the log scale ``scale`` ("x" or "y")
    carries a label, as :func:`log_tick_labelled` decides, from the same :data:`TICKS`."""
    decades = f"abs(log(domain('{scale}')[1] / domain('{scale}')[0]) / LN10)"
    mantissa = f"({value} / pow(10, floor(log({value}) / LN10 + {TICKS.log_nudge!r})))"
    kept = " || ".join(f"abs({mantissa} - {m!r}) < 1e-6" for m in TICKS.log_label_mantissas)
    return f"({decades} < {TICKS.log_thin_from_decades!r} || {kept})"


def tick_label(value: float, kind: str = "number") -> str:
    """A chart tick's label, as :func:`vega_tick_label` writes it in the browser: the style
    of :func:`format_value` without trailing zeros, from a million up (not a billion) in
    powers of ten, an exact power of ten as ``10²⁴``. Both follow :data:`TICKS`.

    This is the reference the tests hold Vega's labels to; the chart itself never calls it.

    >>> tick_label(1e24), tick_label(3e-7), tick_label(25000.0), tick_label(0.8, "percent")
    ('10²⁴', '3 × 10⁻⁷', '25,000', '80%')
    >>> tick_label(100.0, "multiplier"), tick_label(1e12, "multiplier"), tick_label(0.0)
    ('×100', '×10¹²', '0')
    """
    if kind == "percent":
        return _trimmed(f"{value * 100:.{TICKS.percent_decimals}f}").replace("-", TICKS.minus) + "%"
    prefix = "×" if kind == "multiplier" else ""
    if value == 0:
        return prefix + "0"
    sign = TICKS.minus if value < 0 else ""
    magnitude = abs(value)
    if TICKS.plain_from <= magnitude < TICKS.plain_below:
        rounded = float(f"{magnitude:.{TICKS.plain_digits}g}")  # as d3's ",.6~r"
        decimals = max(TICKS.plain_digits - 1 - math.floor(math.log10(rounded)), 0)
        return prefix + sign + _trimmed(f"{rounded:,.{decimals}f}")
    exponent = math.floor(math.log10(magnitude) + TICKS.log_nudge)
    mantissa = _trimmed(f"{magnitude / 10.0**exponent:.{TICKS.mantissa_digits}g}")
    power = "10" + str(exponent).translate(_SUPERSCRIPT)
    return prefix + sign + (power if mantissa == "1" else f"{mantissa} × {power}")


def _trimmed(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def vega_tick_label(kind: str = "number", value: str = "datum.value") -> str:
    """A Vega expression writing ``value`` as :func:`tick_label` does, for an axis's
    ``labelExpr``, generated from the same :data:`TICKS`: only functions Vega's expression
    interpreter offers (the site's strict Content-Security-Policy rules out compiled
    expressions), so the browser's axes, the build's static charts and the tables speak one
    number format.

    A tick Vega leaves unlabelled (a crowded log axis) stays unlabelled.
    """
    if kind == "percent":
        text = f"replace(format({value}, '.{TICKS.percent_decimals}~%'), '-', '{TICKS.minus}')"
        return f"datum.label === '' ? '' : {text}"
    prefix = "'×' + " if kind == "multiplier" else ""
    magnitude = f"abs({value})"
    sign = f"({value} < 0 ? '{TICKS.minus}' : '')"
    plain = f"format({magnitude}, ',.{TICKS.plain_digits}~r')"
    exponent = f"floor(log({magnitude}) / LN10 + {TICKS.log_nudge!r})"
    mantissa = f"format({magnitude} / pow(10, {exponent}), '.{TICKS.mantissa_digits}~r')"
    power = "'10' + " + _vega_superscript(f"format({exponent}, 'd')")
    scientific = f"({mantissa} === '1' ? {power} : {mantissa} + ' × ' + {power})"
    in_plain = f"{magnitude} >= {TICKS.plain_from!r} && {magnitude} < {TICKS.plain_below!r}"
    number = f"{value} === 0 ? '0' : {sign} + ({in_plain} ? {plain} : {scientific})"
    return f"datum.label === '' ? '' : {prefix}({number})"


def _vega_superscript(text: str) -> str:
    """A Vega expression: the digits and minus sign of ``text`` as superscripts, by the same
    table :func:`tick_label` translates with."""
    for plain, superscript in _SUPERSCRIPT_PAIRS:
        # d3's format writes a minus as U+2212; either way it becomes a superscript minus.
        pattern = "/[-−]/g" if plain == "-" else f"/{plain}/g"
        text = f"replace({text}, {pattern}, '{superscript}')"
    return text


def axis_title(title: str, scale: str) -> str:
    """An axis's title as the chart prints it: a log axis says so, inside the title's
    brackets when it has them ("Task length (minutes, log scale)"). Tables and tooltips use
    the title alone.

    >>> axis_title("Task length (minutes)", "log"), axis_title("Queries served", "log")
    ('Task length (minutes, log scale)', 'Queries served (log scale)')
    """
    if scale != "log":
        return title
    if title.endswith(")"):
        return title[:-1] + ", log scale)"
    return title + " (log scale)"
