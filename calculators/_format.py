"""How numbers are written on the page: one place, used at build time and in the browser."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from ._calendar import month_and_year

__all__ = [
    "LogLabels",
    "axis_in_powers",
    "axis_title",
    "dollars",
    "format_column",
    "format_value",
    "horizon_symbol",
    "log_labels",
    "log_tick_count",
    "log_tick_decimals",
    "log_tick_labelled",
    "percent_number",
    "shape_name",
    "short_number",
    "tick_label",
    "unit_after",
    "vega_axis_signals",
    "vega_log_tick_labelled",
    "vega_signal",
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
#: An exact value is written in full below a billion, where a float still has room for a
#: fraction, so a whole one is whole by its arithmetic (past 2⁵² every float is whole).
_EXACT_BELOW = _PLAIN_BELOW
#: What a negative number starts with, in values and tick labels alike (not a hyphen).
_MINUS = "−"


#: Units declared in the plural, as they read after exactly one: "1 hour", "1 OOM".
_SINGULAR = {
    "hours": "hour",
    "minutes": "minute",
    "months": "month",
    "years": "year",
    "OOMs": "OOM",
    "parameters": "parameter",
    "tokens": "token",
    "queries": "query",
    "bits": "bit",
    "nats": "nat",
    "percentage points": "percentage point",
}


def unit_after(unit: str, text: str) -> str:
    """``unit`` as it reads after the number written ``text``: singular after exactly one,
    plus or minus (the part before " per " is the counted one).

    >>> unit_after("hours", "1"), unit_after("hours", "1.5"), unit_after("nats per token", "−1")
    ('hour', 'hours', 'nat per token')
    """
    if text.removeprefix(_MINUS) != "1":
        return unit
    counted, per, rest = unit.partition(" per ")
    return _SINGULAR.get(counted, counted) + per + rest


def format_value(value: float, kind: str = "number", digits: int = 3, exact: bool = False) -> str:
    """Write ``value`` for a reader: the one rule for every derived number on the site.

    A derived number keeps ``digits`` significant figures (3 unless declared otherwise),
    whatever its size: the whole part is rounded too (166,096 is written 166,000; "1 in
    14,808,152" is "1 in 14,800,000"), and no trailing zero is written after the decimal
    point (×2, not ×2.00; 25%, not 25.0%), since the models' inputs have one to three
    figures and a zero the rounding left would claim a fourth. A column of such numbers
    shares one number of decimals (:func:`format_column`).

    Args:
        value: A finite float.
        kind: ``"number"`` (significant figures, thousands separators, powers of ten past a
            billion or below a thousandth), ``"percent"`` (a probability or share written as
            a percentage; below 0.1% as "1 in N", which reads better than a run of zeros or a
            power of ten with a per cent sign, and from 10 million per cent up as a factor)
            ``"multiplier"`` (a factor written as ``×6.61``) or ``"year"`` (a decimal year
            written as its month, ``March 2027``; ``digits`` is not used).
        digits: Significant figures to keep.
        exact: The value is exact by what it is, not measured or fitted: a count (tokens
            the reader typed) or a whole power of a whole number (2¹³ = 8,192). A whole
            number is then written in full; any other value is written as a derived one.

    >>> format_value(1159.87), format_value(166096.4), format_value(8192.0, "multiplier", exact=True)
    ('1,160', '166,000', '×8,192')
    >>> format_value(0.3497, "percent"), format_value(0.25, "percent"), format_value(2.0, "multiplier")
    ('35%', '25%', '×2')
    >>> format_value(0.0001, "percent"), format_value(9.33e-302, "percent"), format_value(5e-324, "percent")
    ('1 in 10,000', '1 in 1.07 × 10³⁰¹', '1 in 2.02 × 10³²³')
    >>> format_value(2.5e-7), format_value(1e26), format_value(-0.3)
    ('2.5 × 10⁻⁷', '10²⁶', '−0.3')
    >>> format_value(2027.2, "year"), format_value(12345.6, "year"), format_value(1e12, "year")
    ('March 2027', 'year 12,346', 'year 10¹²')
    """
    if exact and kind in ("number", "multiplier") and float(value).is_integer() and abs(value) < _EXACT_BELOW:
        return ("×" if kind == "multiplier" else "") + f"{int(value):,}".replace("-", _MINUS)
    if kind == "percent":
        if 0 < abs(value) < ONE_IN_BELOW:
            return (_MINUS if value < 0 else "") + "1 in " + _reciprocal(abs(value), digits)
        if abs(value) >= _PERCENT_AS_FACTOR_FROM:
            return "×" + _significant(value, digits)
        return _significant(value * 100, digits) + "%"
    if kind == "multiplier":
        return "×" + _significant(value, digits)
    if kind == "number":
        return _significant(value, digits)
    if kind == "year":
        # Past the calendar, the year as a number: "year 12,346", "year 10¹²".
        month = month_and_year(value)
        if month is None:
            return "year " + (f"{round(value):,}" if abs(value) < _PLAIN_BELOW else _significant(value, digits))
        return month
    raise ValueError(f"unknown number format {kind!r}")


def format_column(
    values: Sequence[float], kind: str = "number", scale: str = "linear", digits: int = 3, exact: bool = False
) -> list[str]:
    """A column of numbers (a table's, a chart's tooltips and download): each as
    :func:`format_value` writes it, and on a linear scale with one number of decimals.

    On a linear scale, a column's precision is its largest value's: the plain numbers take
    the decimals that give the largest ``digits`` significant figures (so no cell has
    more, but for a largest that rounds up to the next power of ten, 99.998% as 100.0%),
    and trailing zeros are dropped only where every cell has one: "6" and "28", or
    "0.5" and "1.0", never "+6.00" beside "+28.0". Powers of ten, "1 in N" and the whole
    column below a thousandth are written value by value. On a log scale each value keeps
    its own significant figures, as the scale does (3.16, 10, 31.6). With ``exact`` (a
    column of counts), a whole value is written in full, as :func:`format_value` does.

    >>> format_column([6.0, 28.0062]), format_column([0.5, 1.0, 1.5]), format_column([0.999, 0.5, 0.00865], "percent")
    (['6', '28'], ['0.5', '1.0', '1.5'], ['99.9%', '50.0%', '0.9%'])
    >>> format_column([0.0, 0.6021, 1.2041]), format_column([0.99998, 0.997, 0.00865], "percent")
    (['0.0', '0.6', '1.2'], ['100.0%', '99.7%', '0.9%'])
    >>> format_column([1.0, 3.1623, 10.0], "multiplier", "log")
    ['×1', '×3.16', '×10']
    """
    if exact and kind in ("number", "multiplier"):
        whole = [float(v).is_integer() and abs(v) < _EXACT_BELOW for v in values]
        if any(whole):
            rest = iter(format_column([v for v, w in zip(values, whole, strict=True) if not w], kind, scale, digits))
            return [
                format_value(v, kind, digits, exact=True) if w else next(rest)
                for v, w in zip(values, whole, strict=True)
            ]
    if scale == "log" or kind not in ("number", "multiplier", "percent"):
        return [format_value(v, kind, digits) for v in values]
    factor = 100.0 if kind == "percent" else 1.0

    def plain(v: float) -> bool:
        if kind == "percent":
            return v == 0 or ONE_IN_BELOW <= abs(v) < _PERCENT_AS_FACTOR_FROM
        return abs(v) < _PLAIN_BELOW

    largest = max((abs(v) * factor for v in values if plain(v)), default=0.0)
    if not math.isfinite(largest) or largest < _PLAIN_FROM:
        return [format_value(v, kind, digits) for v in values]
    # The largest's 3 figures before rounding: 99.998% and 99.7% read 100.0% and 99.7%.
    decimals = max(digits - 1 - math.floor(math.log10(largest)), 0)
    texts = [f"{v * factor:,.{decimals}f}".replace("-", _MINUS) if plain(v) else "" for v in values]
    texts = [t.lstrip("−") if t and not t.strip("0.,−") else t for t in texts]  # "−0.00" is "0.00"
    shown = [t for t in texts if "." in t]
    while shown and all(t.endswith("0") for t in shown):
        texts = [t[:-1] if "." in t else t for t in texts]
        shown = [t for t in texts if "." in t]
    texts = [t.rstrip(".") for t in texts]
    suffix, prefix = ("%", "") if kind == "percent" else ("", "×" if kind == "multiplier" else "")
    return [prefix + t + suffix if t else format_value(v, kind, digits) for t, v in zip(texts, values, strict=True)]


def power_of_ten(exponent: int, mantissa: str = "1") -> str:
    """``mantissa`` × 10 to the whole ``exponent``, as readers read it everywhere on the site:
    ``10²⁵`` alone when the mantissa is "1", else ``5.88 × 10⁻⁷``.

    >>> power_of_ten(25), power_of_ten(-7, "5.88"), power_of_ten(25, "1.00")
    ('10²⁵', '5.88 × 10⁻⁷', '1.00 × 10²⁵')
    """
    power = "10" + str(exponent).translate(_SUPERSCRIPT)
    return power if mantissa == "1" else f"{mantissa} × {power}"


def _reciprocal(value: float, digits: int) -> str:
    """1 / ``value`` (positive) as :func:`_significant` writes it, worked out in logarithms
    when it is past the float range (1 / 5e-324)."""
    if value >= 1e-300:
        return _significant(1 / value, digits)
    log = -math.log10(value)
    exponent = math.floor(log)
    mantissa = f"{10 ** (log - exponent):.{digits - 1}f}"
    if float(mantissa) >= 10:  # 9.996 rounds up to the next power
        mantissa, exponent = "1", exponent + 1
    return power_of_ten(exponent, _trimmed(mantissa))


def _significant(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant figures, whole part included, without trailing
    zeros; plain from a thousandth up to a billion, else as a power of ten."""
    if value == 0:
        return "0"
    rounded = float(f"{value:.{digits - 1}e}")
    magnitude = abs(rounded)
    if magnitude >= _PLAIN_BELOW or magnitude < _PLAIN_FROM:
        mantissa, exponent = f"{abs(value):.{digits - 1}e}".split("e")
        return (_MINUS if value < 0 else "") + power_of_ten(int(exponent), _trimmed(mantissa))
    decimals = max(digits - 1 - math.floor(math.log10(magnitude)), 0)
    return _trimmed(f"{rounded:,.{decimals}f}").replace("-", _MINUS)


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

    >>> dollars(1159.87), dollars(180224.0), dollars(2.5e-7)
    ('$1,160', '$180,000', '$2.5 × 10⁻⁷')
    """
    return "$" + format_value(value, "number")


def short_number(value: float, digits: int = 3) -> str:
    """A number for a label: :func:`format_value`'s rule with ``digits`` significant figures
    (a value the reader typed, echoed in a label, takes enough to read as typed: 9).

    >>> short_number(2.0), short_number(92.80), short_number(5.88e23), short_number(137.735311, 9)
    ('2', '92.8', '5.88 × 10²³', '137.735311')
    """
    return format_value(value, "number", digits)


# --- Tick labels: the same style, computed by Vega for the ticks it picks ------------------


class _TickStyle(NamedTuple):
    """How a tick label is written and which ticks carry one: the one definition both the
    Python references (:func:`tick_label`, :func:`axis_in_powers`, :func:`log_tick_labelled`)
    and the Vega expressions the charts run (:func:`vega_tick_label`,
    :func:`vega_axis_signals`, :func:`vega_log_tick_labelled`) are built from."""

    #: Plain numbers (thousands separators) from ``plain_from`` up to below ``plain_below``;
    #: powers of ten outside. An axis with any label outside writes all its labels as powers.
    plain_from: float
    plain_below: float
    #: On an axis written in powers of ten, the numbers from ``powers_plain_from`` up to
    #: below ``powers_plain_below`` still read as themselves: 1 and 10, not 10⁰ and 10¹.
    powers_plain_from: float
    powers_plain_below: float
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
    #: A log axis spanning fewer powers of ten than this asks d3 for the 2×, 3×, ... ticks of
    #: each decade (tick count 6); a wider one for one tick a power of ten, at most
    #: ``log_max_ticks`` (past that d3 ticks every 2nd, 5th, ... power).
    log_few_decades: int
    log_max_ticks: int
    #: The room a tick label takes along its axis, for choosing which ticks carry one: on a
    #: horizontal axis its characters at ``label_char_em`` of the font size each (generous:
    #: a digit of the fonts readers have is 0.55 to 0.64 em), on a vertical one a line of
    #: ``label_line_em``; plus ``label_gap_px`` between labels.
    label_font_px: float
    label_char_em: float
    label_line_em: float
    label_gap_px: float
    #: A label's width in digits: a comma, full stop or space counts ``narrow_char``, a
    #: superscript digit ``superscript_char`` (a "×" or minus sign, one).
    narrow_char: float
    superscript_char: float


#: Tick labels are short: plain up to a million, 10⁶ and up as powers of ten (an axis that
#: reads 100,000 then 10⁶ stays legible where 100,000,000 beside 10⁹ would not).
TICKS = _TickStyle(
    plain_from=_PLAIN_FROM,
    plain_below=1e6,
    powers_plain_from=1 - 1e-9,
    powers_plain_below=100 * (1 - 1e-9),
    plain_digits=6,
    mantissa_digits=3,
    percent_decimals=6,
    minus=_MINUS,
    log_nudge=1e-9,
    log_label_mantissas=(1.0, 3.0),
    log_thin_from_decades=1.0,
    log_few_decades=3,
    log_max_ticks=20,
    label_font_px=12.0,
    label_char_em=0.65,
    label_line_em=1.25,
    label_gap_px=8.0,
    narrow_char=0.5,
    superscript_char=0.7,
)


#: The exponents whose powers of ten an axis in powers still writes as themselves (1, 10).
_ITSELF_EXPONENTS = range(round(math.log10(TICKS.powers_plain_from)), round(math.log10(TICKS.powers_plain_below)))


def _log_span(low: float, high: float) -> float:
    """How many powers of ten a log axis from ``low`` to ``high`` spans."""
    return abs(math.log10(high) - math.log10(low))


def log_tick_count(decades: float) -> int:
    """The tick count a log axis spanning ``decades`` powers of ten asks d3 for: 6 under
    :data:`TICKS`'s few decades (d3 then gives the 2×, 3×, ... of each), else one a power of
    ten, at most ``log_max_ticks``; 5 when the span is not a number (a degenerate domain).

    >>> log_tick_count(2.5), log_tick_count(7.9), log_tick_count(300.0), log_tick_count(math.inf)
    (6, 7, 20, 5)
    """
    if not math.isfinite(decades):
        return 5
    whole = math.floor(decades)
    return 6 if whole < TICKS.log_few_decades else min(whole, TICKS.log_max_ticks)


def _d3_power_step(decades: float) -> float:
    """The step, in powers of ten, between d3's ticks on a log axis spanning ``decades``
    (d3-array's tickIncrement on the exponents): 1, 2, 5, 10, 20, ..."""
    if math.floor(decades) < TICKS.log_few_decades:
        return 1.0
    step = decades / log_tick_count(decades)
    power = math.floor(math.log10(step))
    error = step / 10.0**power
    factor = 10 if error >= math.sqrt(50) else 5 if error >= math.sqrt(10) else 2 if error >= math.sqrt(2) else 1
    return float(factor * 10.0**power)


def _log_end_exponents(low: float, high: float) -> tuple[int, int]:
    """The exponents of the lowest and highest power of ten on a log axis (low < high)."""
    return math.ceil(math.log10(low) - TICKS.log_nudge), math.floor(math.log10(high) + TICKS.log_nudge)


def axis_in_powers(low: float, high: float, scale: str = "log") -> bool:
    """Whether every label of an axis from ``low`` to ``high`` (its domain, either order) is
    written as a power of ten: when any label it may carry lies outside the plain range of
    :data:`TICKS`, so an axis never reads "0.001" beside "10⁻⁴", or "100,000" beside "10⁶".

    On a log axis of a decade or more, its labels lie from the lowest power of ten in view
    (under :data:`TICKS`'s few decades, the low end itself, which a 3× label may be near) to
    the highest; on a narrower log axis or a linear one, from end to end (a linear axis's
    ticks near zero are about a tenth of its largest).

    >>> axis_in_powers(0.01, 20000.0), axis_in_powers(1e-4, 1.0), axis_in_powers(1.0, 2e6)
    (False, True, True)
    >>> axis_in_powers(0.0, 9e5, "linear"), axis_in_powers(0.0, 1.5e6, "linear"), axis_in_powers(0.0, 0.005, "linear")
    (False, True, True)
    """
    low, high = min(low, high), max(low, high)
    if scale == "log" and low > 0 and _log_span(low, high) >= TICKS.log_thin_from_decades:
        e_low, e_high = _log_end_exponents(low, high)
        first = low if _log_span(low, high) < TICKS.log_few_decades else 10.0**e_low
        return first < TICKS.plain_from * (1 - 1e-9) or 10.0**e_high >= TICKS.plain_below * (1 - 1e-9)
    largest = max(abs(low), abs(high))
    if scale == "log":
        return low < TICKS.plain_from * (1 - 1e-9) or largest >= TICKS.plain_below * (1 - 1e-9)
    return largest >= TICKS.plain_below * (1 - 1e-9) or 0 < largest < 10 * TICKS.plain_from


def _label_chars(exponent: int, kind: str, powers: bool, three: bool = False) -> float:
    """How wide :func:`tick_label` writes 10^``exponent`` (3 × 10^``exponent`` with
    ``three``) in the axis's style, in digits: a comma, full stop or space counts half a
    digit, a superscript 0.7, "×" and a minus one (the widest label of a log axis is at one
    of its ends).

    >>> _label_chars(5, "number", False), _label_chars(-3, "multiplier", False), _label_chars(-4, "number", True, True)
    (6.5, 5.5, 6.4)
    """
    narrow, superscript = TICKS.narrow_char, TICKS.superscript_char
    if powers and exponent not in _ITSELF_EXPONENTS:  # "10" and its exponent, "3 × " before it
        width = 2 + superscript * len(str(exponent)) + (2 + 2 * narrow if three else 0)
    elif exponent >= 0:  # the digits and a comma every three
        width = exponent + 1 + narrow * (exponent // 3)
    else:  # "0", the full stop and the decimals
        width = 1 + narrow - exponent
    return width + (1 if kind == "multiplier" else 0)


class LogLabels(NamedTuple):
    """Which ticks of a log axis carry labels: powers of ten every ``every`` powers from the
    lowest of d3's ticks (exponent ``first``), and with ``threes`` the 3× ticks too."""

    every: float
    threes: bool
    first: float = 0.0


def log_labels(low: float, high: float, length: float, kind: str = "number", horizontal: bool = True) -> LogLabels:
    """The labels a log axis from ``low`` to ``high``, ``length`` pixels long, carries: as
    many as have room (:data:`TICKS`), at even steps. Labels at 1× and 3× each power of ten
    when half a decade has room for one (only under :data:`TICKS`'s few decades, where d3
    gives 3× ticks); otherwise at powers of ten, every one, or every 2nd, 3rd, ... of d3's
    ticks, never irregularly as dropping the labels that would touch leaves them.

    >>> log_labels(1.0, 164.0, 640), log_labels(1e-4, 1e6, 640), log_labels(1e-4, 1e6, 250)
    (LogLabels(every=1.0, threes=True, first=0.0), LogLabels(every=1.0, threes=False, first=-4.0), LogLabels(every=2.0, threes=False, first=-4.0))
    >>> log_labels(1e-4, 1e6, 250, horizontal=False)
    LogLabels(every=1.0, threes=False, first=-4.0)
    """
    low, high = min(low, high), max(low, high)
    decades = _log_span(low, high)
    if not decades >= TICKS.log_thin_from_decades or not math.isfinite(decades):
        return LogLabels(1.0, True)
    per_decade = length / decades
    step = _d3_power_step(decades)
    if horizontal:
        powers = axis_in_powers(low, high)
        e_low, e_high = _log_end_exponents(low, high)
        chars = max(_label_chars(e_low, kind, powers), _label_chars(e_high, kind, powers))
        chars_threes = max(_label_chars(e_low - 1, kind, powers, True), _label_chars(e_high, kind, powers, True))
        room = chars * TICKS.label_char_em * TICKS.label_font_px + TICKS.label_gap_px
        room_threes = chars_threes * TICKS.label_char_em * TICKS.label_font_px + TICKS.label_gap_px
    else:
        room = room_threes = TICKS.label_line_em * TICKS.label_font_px + TICKS.label_gap_px
    if math.floor(decades) < TICKS.log_few_decades and per_decade * math.log10(3) >= room_threes:
        return LogLabels(1.0, True)
    # Counted from the lowest tick, so as many labels as fit are shown (0.01, 10, 10,000
    # rather than 1 and 1,000 alone).
    first = math.ceil(math.log10(low) / step - TICKS.log_nudge) * step
    return LogLabels(step * max(1, math.ceil(room / (per_decade * step) - 1e-9)), False, first)


def log_tick_labelled(
    value: float, low: float, high: float, length: float = 640.0, kind: str = "number", horizontal: bool = True
) -> bool:
    """Whether a tick at ``value`` on a log axis from ``low`` to ``high``, ``length`` pixels
    long, carries a label (:func:`log_labels`; the Python reference of
    :func:`vega_log_tick_labelled`, from :data:`TICKS`).

    >>> [v for v in (1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 100.0) if log_tick_labelled(v, 1.0, 164.0)]
    [1.0, 3.0, 10.0, 30.0, 100.0]
    >>> log_tick_labelled(20.0, 15.0, 80.0)  # under a decade: every tick d3 labels
    True
    >>> [v for v in (1e-4, 1e-3, 0.01, 1.0, 1e3, 1e4, 1e6) if log_tick_labelled(v, 1e-4, 1e6, 250)]
    [0.0001, 0.01, 1.0, 10000.0, 1000000.0]
    """
    labels = log_labels(low, high, length, kind, horizontal)
    if _log_span(low, high) < TICKS.log_thin_from_decades:
        return True
    exponent = math.floor(math.log10(value) + TICKS.log_nudge)
    mantissa = value / 10.0**exponent
    if labels.threes:
        return any(abs(mantissa - kept) < 1e-6 for kept in TICKS.log_label_mantissas)
    multiple = (exponent - labels.first) / labels.every
    return abs(mantissa - 1) < 1e-6 and abs(multiple - round(multiple)) < 1e-6


# The Vega side: an axis's quantities (its span, style, label step) as signals the chart
# defines once (:func:`vega_axis_signals`), which its tick count and label expression read.


def vega_signal(scale: str, name: str) -> str:
    """The name of the chart's signal ``name`` for the axis of the scale ``scale``."""
    return f"axis_{scale}_{name}"


def vega_axis_signals(
    scale: str, scale_type: str = "log", kind: str = "number", horizontal: bool | None = None
) -> list[tuple[str, str]]:
    """The signals (name, Vega expression) an axis of the scale ``scale`` needs, in the
    order they depend on each other: whether it writes powers of ten (:func:`axis_in_powers`)
    and, for a log axis, its tick count (:func:`log_tick_count`) and which ticks carry labels
    (:func:`log_labels`), from the scale's domain and the plot's ``width`` (a ``horizontal``
    axis; by default when ``scale`` is "x") or ``height``. Made from the same :data:`TICKS`
    as the Python references; :func:`vega_tick_label` and :func:`vega_log_tick_labelled` read
    them."""

    def s(name: str) -> str:
        return vega_signal(scale, name)

    nudge, below, above = TICKS.log_nudge, TICKS.plain_from * (1 - 1e-9), TICKS.plain_below * (1 - 1e-9)
    signals = [
        (s("low"), f"min(domain('{scale}')[0], domain('{scale}')[1])"),
        (s("high"), f"max(domain('{scale}')[0], domain('{scale}')[1])"),
        (s("largest"), f"max(abs({s('low')}), abs({s('high')}))"),
    ]
    if scale_type != "log":
        largest = s("largest")
        return [
            *signals,
            (s("powers"), f"{largest} >= {above!r} || (0 < {largest} && {largest} < {10 * TICKS.plain_from!r})"),
        ]
    decades, e_low, e_high = s("decades"), s("e_low"), s("e_high")
    signals += [
        (decades, f"{s('low')} > 0 ? abs(log({s('high')}) - log({s('low')})) / LN10 : NaN"),
        (e_low, f"ceil(log({s('low')}) / LN10 - {nudge!r})"),
        (e_high, f"floor(log({s('high')}) / LN10 + {nudge!r})"),
    ]
    first = f"({decades} < {TICKS.log_few_decades} ? {s('low')} : pow(10, {e_low}))"
    spans = f"{s('low')} > 0 && {decades} >= {TICKS.log_thin_from_decades!r}"
    wide = f"{first} < {below!r} || pow(10, {e_high}) >= {above!r}"
    narrow = f"{s('low')} < {below!r} || {s('largest')} >= {above!r}"
    whole = f"floor({decades})"
    few = TICKS.log_few_decades
    signals += [
        (s("powers"), f"({spans}) ? ({wide}) : ({narrow})"),
        (s("count"), f"isFinite({whole}) ? ({whole} < {few} ? 6 : min({whole}, {TICKS.log_max_ticks})) : 5"),
        (s("step0"), f"{decades} / {s('count')}"),
        (s("power"), f"floor(log({s('step0')}) / LN10)"),
        (s("error"), f"{s('step0')} / pow(10, {s('power')})"),
    ]
    error = s("error")
    factor = (
        f"{error} >= {math.sqrt(50)!r} ? 10 : {error} >= {math.sqrt(10)!r} ? 5 : {error} >= {math.sqrt(2)!r} ? 2 : 1"
    )
    lerror = s("lerror")
    lfactor = (
        f"{lerror} >= {math.sqrt(50)!r} ? 10 : {lerror} >= {math.sqrt(10)!r} ? 5 : {lerror} >= {math.sqrt(2)!r} ? 2 : 1"
    )
    horizontal = scale == "x" if horizontal is None else horizontal
    font = TICKS.label_font_px
    if horizontal:
        powers = s("powers")
        chars = f"max({_vega_label_chars(e_low, kind, powers)}, {_vega_label_chars(e_high, kind, powers)})"
        chars_threes = (
            f"max({_vega_label_chars(f'({e_low} - 1)', kind, powers, True)}, "
            f"{_vega_label_chars(e_high, kind, powers, True)})"
        )
        em = TICKS.label_char_em * font
        room = f"{chars} * {em!r} + {TICKS.label_gap_px!r}"
        room_threes = f"{chars_threes} * {em!r} + {TICKS.label_gap_px!r}"
    else:
        room = room_threes = f"{TICKS.label_line_em * font + TICKS.label_gap_px!r}"
    per_decade, step = s("per_decade"), s("step")
    signals += [
        (step, f"{whole} < {few} ? 1 : ({factor}) * pow(10, {s('power')})"),
        (per_decade, f"{'width' if horizontal else 'height'} / {decades}"),
        (s("room"), room),
        (s("room_threes"), room_threes),
        (s("threes"), f"{whole} < {few} && {per_decade} * {math.log10(3)!r} >= {s('room_threes')}"),
        (s("every"), f"{step} * max(1, ceil({s('room')} / ({per_decade} * {step}) - 1e-9))"),
        (s("first"), f"ceil(log({s('low')}) / LN10 / {step} - {nudge!r}) * {step}"),
        # Under a decade d3 ticks at a linear step, whose decimals every label takes
        # (log_tick_decimals); -1 on a wider axis.
        (s("lstep0"), f"({s('high')} - {s('low')}) / {s('count')}"),
        (s("lpower"), f"floor(log({s('lstep0')}) / LN10)"),
        (s("lerror"), f"{s('lstep0')} / pow(10, {s('lpower')})"),
        (s("lstep"), f"({lfactor}) * pow(10, {s('lpower')})"),
        (
            s("decimals"),
            f"{decades} < {TICKS.log_thin_from_decades!r} ? max(0, -floor(log({s('lstep')}) / LN10 + {nudge!r})) : -1",
        ),
    ]
    return signals


def _vega_label_chars(exponent: str, kind: str, powers: str, three: bool = False) -> str:
    """A Vega expression: :func:`_label_chars` of the exponent expression ``exponent``."""
    prefix = 1 if kind == "multiplier" else 0
    narrow, superscript = TICKS.narrow_char, TICKS.superscript_char
    three_width = 2 + 2 * narrow if three else 0
    in_powers = f"2 + {superscript!r} * length(format({exponent}, 'd')) + {three_width + prefix!r}"
    plain = f"({exponent} >= 0 ? {exponent} + 1 + {narrow!r} * floor({exponent} / 3) : {1 + narrow!r} - {exponent}) + {prefix}"
    itself_low, itself_high = _ITSELF_EXPONENTS.start, _ITSELF_EXPONENTS.stop
    return f"({powers} && ({exponent} < {itself_low} || {exponent} >= {itself_high}) ? {in_powers} : {plain})"


def vega_log_tick_labelled(scale: str, value: str = "datum.value") -> str:
    """A Vega expression: whether the tick ``value`` of the log scale ``scale`` carries a
    label, as :func:`log_tick_labelled` decides (from the axis's signals,
    :func:`vega_axis_signals`)."""
    exponent = f"floor(log({value}) / LN10 + {TICKS.log_nudge!r})"
    mantissa = f"({value} / pow(10, {exponent}))"
    kept = " || ".join(f"abs({mantissa} - {m!r}) < 1e-6" for m in TICKS.log_label_mantissas)
    multiple = f"(({exponent} - {vega_signal(scale, 'first')}) / {vega_signal(scale, 'every')})"
    on_every = f"abs({mantissa} - 1) < 1e-6 && abs({multiple} - round({multiple})) < 1e-6"
    decades = vega_signal(scale, "decades")
    threes = vega_signal(scale, "threes")
    return f"(!({decades} >= {TICKS.log_thin_from_decades!r}) || ({threes} ? ({kept}) : ({on_every})))"


def tick_label(value: float, kind: str = "number", powers: bool = False, decimals: int | None = None) -> str:
    """A chart tick's label, as :func:`vega_tick_label` writes it in the browser: the style
    of :func:`format_value` without trailing zeros, from a million up (not a billion) in
    powers of ten, an exact power of ten as ``10²⁴``; on an axis written in ``powers``
    (:func:`axis_in_powers`), every number as one (``10⁻³``, ``3 × 10²``) but those from 1
    up to 100, which read as themselves (``1``, ``×1``, ``30``), never ``10⁰`` or ``3 × 10¹``.
    Both follow :data:`TICKS`. A linear axis's plain labels share the ``decimals`` of its
    tick step, as d3 writes them (0.08, 0.10, 0.12, not 0.08, 0.1, 0.12); the origin is 0.

    This is the reference the tests hold Vega's labels to; the chart itself never calls it.

    >>> tick_label(1e24), tick_label(3e-7), tick_label(25000.0), tick_label(0.8, "percent")
    ('10²⁴', '3 × 10⁻⁷', '25,000', '80%')
    >>> tick_label(100.0, "multiplier"), tick_label(1e12, "multiplier"), tick_label(0.0)
    ('×100', '×10¹²', '0')
    >>> tick_label(0.001, powers=True), tick_label(1.0, "multiplier", powers=True), tick_label(300.0, powers=True)
    ('10⁻³', '×1', '3 × 10²')
    >>> tick_label(10.0, powers=True), tick_label(30.0, powers=True), tick_label(0.3, powers=True)
    ('10', '30', '3 × 10⁻¹')
    >>> tick_label(0.1, decimals=2), tick_label(1.5, "multiplier", decimals=1), tick_label(0.0, decimals=2)
    ('0.10', '×1.5', '0')
    """
    if kind == "percent":
        return _trimmed(f"{value * 100:.{TICKS.percent_decimals}f}").replace("-", TICKS.minus) + "%"
    prefix = "×" if kind == "multiplier" else ""
    if value == 0:
        return prefix + "0"
    sign = TICKS.minus if value < 0 else ""
    magnitude = abs(value)
    as_itself = not powers or TICKS.powers_plain_from <= magnitude < TICKS.powers_plain_below
    if as_itself and TICKS.plain_from <= magnitude < TICKS.plain_below:
        rounded = float(f"{magnitude:.{TICKS.plain_digits}g}")  # as d3's ",.6~r"
        if decimals is not None:
            return prefix + sign + f"{magnitude:,.{decimals}f}"
        places = max(TICKS.plain_digits - 1 - math.floor(math.log10(rounded)), 0)
        return prefix + sign + _trimmed(f"{rounded:,.{places}f}")
    exponent = math.floor(math.log10(magnitude) + TICKS.log_nudge)
    mantissa = _trimmed(f"{magnitude / 10.0**exponent:.{TICKS.mantissa_digits}g}")
    return prefix + sign + power_of_ten(exponent, mantissa)


def _trimmed(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def vega_tick_label(
    kind: str = "number",
    value: str = "datum.value",
    powers: str = "false",
    keep_blanks: bool = True,
    decimals: str = "",
) -> str:
    """A Vega expression writing ``value`` as :func:`tick_label` does, for an axis's
    ``labelExpr``, generated from the same :data:`TICKS`: only functions Vega's expression
    interpreter offers (the site's strict Content-Security-Policy rules out compiled
    expressions), so the browser's axes, the build's static charts and the tables speak one
    number format. ``powers`` is a Vega expression: whether the axis writes every label as a
    power of ten (the axis's ``powers`` signal, :func:`vega_axis_signals`).

    With ``keep_blanks``, a tick Vega leaves unlabelled stays unlabelled; a log axis chooses
    its labelled ticks itself (:func:`vega_log_tick_labelled`), where Vega would blank some.
    ``decimals`` is a Vega expression: the decimals every plain label of the axis takes
    (:func:`tick_label`'s ``decimals``), or a negative number for none: on a linear axis
    :data:`VEGA_STEP_DECIMALS` (0.08, 0.10, 0.12), on a log axis under a decade its
    ``decimals`` signal (1.0, 1.2, ... 2.0, 2.2; :func:`vega_axis_signals`).
    """
    blank = "datum.label === '' ? '' : " if keep_blanks else ""
    if kind == "percent":
        text = f"replace(format({value}, '.{TICKS.percent_decimals}~%'), '-', '{TICKS.minus}')"
        return blank + text
    prefix = "'×' + " if kind == "multiplier" else ""
    magnitude = f"abs({value})"
    sign = f"({value} < 0 ? '{TICKS.minus}' : '')"
    plain = f"format({magnitude}, ',.{TICKS.plain_digits}~r')"
    if decimals:
        plain = f"(({decimals}) >= 0 ? format({magnitude}, ',.' + ({decimals}) + 'f') : {plain})"
    exponent = f"floor(log({magnitude}) / LN10 + {TICKS.log_nudge!r})"
    mantissa = f"format({magnitude} / pow(10, {exponent}), '.{TICKS.mantissa_digits}~r')"
    power = "'10' + " + _vega_superscript(f"format({exponent}, 'd')")
    scientific = f"({mantissa} === '1' ? {power} : {mantissa} + ' × ' + {power})"
    in_plain = f"{magnitude} >= {TICKS.plain_from!r} && {magnitude} < {TICKS.plain_below!r}"
    if powers != "false":
        itself = f"{magnitude} >= {TICKS.powers_plain_from!r} && {magnitude} < {TICKS.powers_plain_below!r}"
        in_plain = f"(!({powers}) || ({itself})) && {in_plain}"
    number = f"{value} === 0 ? '0' : {sign} + ({in_plain} ? {plain} : {scientific})"
    return f"{blank}{prefix}({number})"


#: A Vega expression: the decimals of d3's own label for a linear axis's tick (``datum.label``,
#: written to the precision of the axis's tick step), or -1 when it has none.
VEGA_STEP_DECIMALS = "(indexof(datum.label, '.') >= 0 ? length(datum.label) - indexof(datum.label, '.') - 1 : -1)"


def log_tick_decimals(low: float, high: float) -> int | None:
    """The decimals every label of a log axis from ``low`` to ``high`` spanning under a
    decade takes: d3 ticks it at a linear step there (1, 1.2, 1.4, ... 2, 2.2, for the tick
    count :func:`log_tick_count` asks), and its labels share the step's decimals (1.0, 1.2,
    ... 2.0, 2.2); None for a wider axis, whose labels are powers of ten and their 3×.

    >>> log_tick_decimals(1.0, 2.4), log_tick_decimals(1.0, 1.18), log_tick_decimals(15.0, 80.0), log_tick_decimals(1.0, 100.0)
    (1, 2, 0, None)
    """
    low, high = min(low, high), max(low, high)
    decades = _log_span(low, high) if low > 0 else math.nan
    if not decades < TICKS.log_thin_from_decades:
        return None
    step = _linear_step(low, high, log_tick_count(decades))
    return max(0, -math.floor(math.log10(step) + TICKS.log_nudge))


def _linear_step(low: float, high: float, count: int) -> float:
    """d3-array's tickStep: the step of about ``count`` ticks from ``low`` to ``high``, 1, 2
    or 5 × 10ⁿ."""
    step0 = abs(high - low) / count
    power = math.floor(math.log10(step0))
    error = step0 / 10.0**power
    factor = 10 if error >= math.sqrt(50) else 5 if error >= math.sqrt(10) else 2 if error >= math.sqrt(2) else 1
    return float(factor * 10.0**power)


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
