"""Steady exponential growth and decline: annual factors, doubling times and cost gaps.

Source: Toby Ord, "Inference Scaling and the Log-x Chart" (Jan 2025), section "What about
o3?": the compute needed for a fixed capability falls about 3x a year from better
algorithms (Epoch AI) and compute gets about 1.4x cheaper a year, so the cost of a fixed
capability falls about 4x a year, and a 1,000x cost gap closes in about five years.

Everything here is one model, a quantity multiplied by the same factor ``f`` every year::

    f          = f_1 * f_2 * ...                (independent gains multiply)
    T_double   = ln 2 / ln f                    (years per doubling)
    f          = 2 ** (1 / T_double)
    years/OOM  = 1 / log10 f                    (years per factor of ten)
    t_close    = ln G / ln f                    (years for a gap G to shrink to 1)
    x(t)       = x0 * 2 ** (t / T_double)

Time is in years wherever an annual factor appears. :func:`extrapolate` and
:func:`time_to_reach` need only that ``doubling_time`` and ``elapsed`` share a unit.

Decline: an annual factor below 1 is a quantity that shrinks (a price falling by 4x a
year is a factor of 0.25). Its doubling time and years per OOM come out negative: a
doubling time of -0.5 means the quantity halves every half year. A factor of exactly 1
never grows, so it has no doubling time; those functions raise ``ValueError`` saying so.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, positive, show
from ._numeric import CEILING, exp_in_range, power_in_range

__all__ = [
    "CostDecline",
    "annual_factor",
    "cost_decline",
    "doubling_time",
    "extrapolate",
    "growth_per_year",
    "ooms_per_year",
    "time_to_reach",
    "years_per_oom",
    "years_to_close",
]

_LN2 = math.log(2.0)
_LN10 = math.log(10.0)
# A ratio computed directly is used when it is a normal float; below that it keeps too few
# digits, and its logarithm is taken from the two numbers instead.
_TINY = 2.2250738585072014e-308


class CostDecline(NamedTuple):
    """How fast a cost gap closes when two independent annual gains combine."""

    #: Combined factor by which the cost of a fixed capability falls each year.
    annual_factor: float
    #: Orders of magnitude (factors of ten) the cost falls each year.
    ooms_per_year: float
    #: Years for the cost to fall tenfold.
    years_per_oom: float
    #: Years until the cost gap has shrunk to 1 (parity).
    years_to_close: float


def growth_per_year(*factors: float) -> float:
    """Combined annual factor of several independent gains: their product.

    Args:
        *factors: One or more annual factors, each greater than 0 (3 for "3x a year";
            below 1 for a quantity that shrinks).

    Returns:
        The product of the factors, e.g. 3 x 1.4 = 4.2 a year.

    Raises:
        ValueError: if no factor is given, a factor is not a finite number greater than
            0, or the product is too large or too small for a float.

    Source: Ord, "Inference Scaling and the Log-x Chart", "What about o3?": about 3x a
    year from algorithms times about 1.4x a year from cheaper compute is about 4x a year.

    >>> round(growth_per_year(3, 1.4), 12)
    4.2
    """
    if not factors:
        raise InputError("factors", "growth_per_year needs at least one annual factor")
    numbers = [finite("factors", factor) for factor in factors]
    for number in numbers:
        if number <= 0:
            raise InputError("factors", f"factors must each be greater than 0, got {show(number)}")
    product = math.prod(numbers)
    if 1 / CEILING <= product <= CEILING:
        return product
    # The direct product overflowed or underflowed (perhaps only on the way): go by logs.
    return exp_in_range("the combined annual factor", math.fsum(math.log(number) for number in numbers))


def years_per_oom(annual_factor: float) -> float:
    """Years for a quantity growing by ``annual_factor`` a year to grow tenfold.

    Args:
        annual_factor: Factor per year, greater than 0 and not 1. Below 1 (decline), the
            result is negative: minus the years for a tenfold fall.

    Returns:
        ``1 / log10(annual_factor)``, in years per order of magnitude (OOM).

    Raises:
        ValueError: if ``annual_factor`` is not a finite number greater than 0, or is
            exactly 1 (no growth, so it never gains an order of magnitude).

    Source: arithmetic on the Log-x essay's inputs: 3 x 1.4 = 4.2x a year is 0.623
    orders of magnitude a year, or 1.60 years per order of magnitude.

    >>> round(years_per_oom(4.2), 2)
    1.6
    """
    log_factor = _log_of_factor(annual_factor, "grows by an order of magnitude")
    return _LN10 / log_factor


def ooms_per_year(annual_factor: float) -> float:
    """Orders of magnitude (factors of ten) a quantity grows each year.

    Args:
        annual_factor: Factor per year, greater than 0; below 1 the result is negative
            (orders of magnitude lost a year), and 1 gives 0.

    Returns:
        ``log10(annual_factor)``, in orders of magnitude (OOMs) a year; the reciprocal of
        :func:`years_per_oom`.

    Raises:
        ValueError: if ``annual_factor`` is not a finite number greater than 0.

    Source: arithmetic on the Log-x essay's inputs: 3 x 1.4 = 4.2x a year is 0.623
    orders of magnitude a year.

    >>> round(ooms_per_year(4.2), 3)
    0.623
    """
    return math.log10(positive("annual_factor", annual_factor))


def doubling_time(annual_factor: float) -> float:
    """Years for a quantity growing by ``annual_factor`` a year to double.

    Args:
        annual_factor: Factor per year, greater than 0 and not 1. Below 1 (decline), the
            result is negative: minus the halving time.

    Returns:
        ``ln 2 / ln(annual_factor)``, in years. The inverse of :func:`annual_factor`.

    Raises:
        ValueError: if ``annual_factor`` is not a finite number greater than 0, or is
            exactly 1 (no growth, so it never doubles).

    Source: Hobbhahn and Besiroglu (Epoch AI), "Trends in GPU price-performance": ML
    GPUs' price-performance doubles every 2.07 years, which is 1.40x a year.

    >>> round(doubling_time(2 ** 0.5), 12)
    2.0
    """
    log_factor = _log_of_factor(annual_factor, "doubles")
    return _LN2 / log_factor


def annual_factor(doubling_time: float) -> float:
    """Factor per year of a quantity that doubles every ``doubling_time`` years.

    Args:
        doubling_time: Years per doubling, any finite number but 0. Negative values are
            halving times: -0.5 is a quantity that halves every six months (a factor of
            0.25 a year).

    Returns:
        ``2 ** (1 / doubling_time)``. The inverse of :func:`doubling_time`.

    Raises:
        ValueError: if ``doubling_time`` is 0 or not finite, or the factor is too large
            or too small for a float (a doubling time within about 1/1000 of a year of 0).

    Source: Ho et al. (2024, Epoch AI): the compute needed for a fixed performance halves
    about every 8 months, a 2.83x efficiency gain a year; Hobbhahn and Besiroglu: GPU
    price-performance doubles every 2.07 years, 1.40x a year.

    >>> round(annual_factor(8 / 12), 2)
    2.83
    """
    doubling_time = _nonzero_time(doubling_time)
    exponent = 1.0 / doubling_time  # doublings a year; infinite for a subnormal doubling time
    return power_in_range("the annual factor", 2.0, exponent)


def years_to_close(gap: float, annual_factor: float) -> float:
    """Years until a cost ``gap`` times too high falls to parity, shrinking ``annual_factor`` a year.

    Args:
        gap: How many times too high the cost is today (3,000 dollars against 3 is a gap
            of 1,000); 1 or more. A gap of 1 is already closed (0 years).
        annual_factor: Factor by which the gap shrinks each year, greater than 1. At 1
            nothing changes and below 1 the gap widens, so it never closes.

    Returns:
        ``ln(gap) / ln(annual_factor)``, in years.

    Raises:
        ValueError: if ``gap`` is below 1, ``annual_factor`` is not above 1, or either is
            not a finite number.

    Source: Ord, "Inference Scaling and the Log-x Chart": o3's 1,000x cost gap on ARC-AGI
    closes in about five years at about 4x a year.

    >>> round(years_to_close(1000, 4), 2)
    4.98
    """
    gap = finite("gap", gap)
    if gap < 1:
        raise InputError("gap", f"gap must be 1 or more (how many times too high the cost is now), got {show(gap)}")
    annual_factor = finite("annual_factor", annual_factor)
    if annual_factor <= 1:
        raise InputError(
            "annual_factor",
            "annual_factor must be greater than 1 for the gap to close (at 1 nothing changes, "
            f"below 1 the gap widens), got {show(annual_factor)}",
        )
    return math.log(gap) / math.log(annual_factor)


def extrapolate(value: float, doubling_time: float, elapsed: float) -> float:
    """The value after ``elapsed`` time of steady growth with the given doubling time.

    Args:
        value: Today's value, greater than 0.
        doubling_time: Time per doubling, any finite number but 0; negative for a
            halving time (a quantity in decline). Same unit as ``elapsed``.
        elapsed: Time from today, any finite number; negative looks back.

    Returns:
        ``value * 2 ** (elapsed / doubling_time)``, in the unit of ``value``.

    Raises:
        ValueError: if an argument is out of its range or not finite, or the result is too
            large or too small for a float.

    Source: the steady-growth model behind the Log-x essay's "about 4x a year": a cost
    falling 4x a year halves every half year.

    >>> extrapolate(3000, -0.5, 5)  # 3,000 dollars, halving every six months, 5 years on
    2.9296875
    """
    value = positive("value", value)
    doubling_time = _nonzero_time(doubling_time)
    elapsed = finite("elapsed", elapsed)
    doublings = elapsed / doubling_time
    what = "the extrapolated value"
    # Past about 2,100 doublings either way every positive float overflows or vanishes.
    if doublings > 2200 or doublings < -2200:
        if doublings > 0:
            raise OutOfRangeError(f"{what} is too large to compute")
        raise OutOfRangeError(f"{what} is too small to compute")
    whole = math.floor(doublings)
    try:
        extrapolated = math.ldexp(value * 2.0 ** (doublings - whole), whole)
    except OverflowError:
        raise OutOfRangeError(f"{what} is too large to compute") from None
    if not extrapolated <= CEILING:
        raise OutOfRangeError(f"{what} is too large to compute")
    if extrapolated < 1 / CEILING:
        raise OutOfRangeError(f"{what} is too small to compute")
    return extrapolated


def time_to_reach(target: float, current: float, doubling_time: float) -> float:
    """Time until steady growth takes ``current`` to ``target``.

    Args:
        target: The value to reach, greater than 0.
        current: Today's value, greater than 0.
        doubling_time: Time per doubling, any finite number but 0; negative for a
            halving time.

    Returns:
        ``doubling_time * log2(target / current)``, in the unit of ``doubling_time``.
        Negative when the trend passed ``target`` in the past (a target below ``current``
        for a growing quantity, or above it for a shrinking one). The inverse of
        :func:`extrapolate`.

    Raises:
        ValueError: if an argument is out of its range or not finite, or the time is too
            large for a float.

    Source: the same steady-growth model; a 3,000-dollar task whose cost halves every
    half year (4x a year) reaches 3 dollars in about five years, as in the Log-x essay's
    "What about o3?".

    >>> round(time_to_reach(3, 3000, -0.5), 2)
    4.98
    """
    target = positive("target", target)
    current = positive("current", current)
    doubling_time = _nonzero_time(doubling_time)
    ratio = target / current
    if math.isfinite(ratio) and ratio >= _TINY:
        doublings = math.log2(ratio)
    else:  # the ratio itself is out of range; its logarithm is not
        doublings = math.log2(target) - math.log2(current)
    time = doubling_time * doublings
    if not math.isfinite(time):
        raise OutOfRangeError("the time to reach the target is too large to compute")
    return time


def cost_decline(algorithm_gain_per_year: float, hardware_gain_per_year: float, gap: float) -> CostDecline:
    """How fast the cost of a fixed capability falls, and when a cost gap closes.

    Args:
        algorithm_gain_per_year: Factor per year by which better algorithms cut the
            compute needed for a fixed capability, greater than 0 (Epoch: about 3).
        hardware_gain_per_year: Factor per year by which compute gets cheaper (price
            performance), greater than 0 (about 1.4).
        gap: How many times more the capability costs today than the price it must reach
            (o3-high on ARC-AGI: about 1,000); 1 or more.

    Returns:
        A :class:`CostDecline`: the combined factor per year (the product of the two
        gains), the orders of magnitude per year, years per order of magnitude, and the
        years to close ``gap`` (:func:`years_to_close`).

    Raises:
        ValueError: if an argument is out of its range or not finite, or the two gains
            together do not make costs fall (a combined factor of 1 or less).

    Source: Ord, "Inference Scaling and the Log-x Chart", "What about o3?": 3x and 1.4x
    a year, about 4x together, and about five years for a 1,000x gap.

    >>> decline = cost_decline(3, 1.4, 1000)
    >>> round(decline.annual_factor, 2), round(decline.years_per_oom, 2), round(decline.years_to_close, 2)
    (4.2, 1.6, 4.81)
    """
    algorithm = positive("algorithm_gain_per_year", algorithm_gain_per_year)
    hardware = positive("hardware_gain_per_year", hardware_gain_per_year)
    gap = finite("gap", gap)
    if gap < 1:
        raise InputError("gap", f"gap must be 1 or more (how many times too high the cost is now), got {show(gap)}")
    combined = growth_per_year(algorithm, hardware)
    if combined <= 1:
        raise InputError(
            "algorithm_gain_per_year",
            "algorithm_gain_per_year × hardware_gain_per_year must be greater than 1 for costs to fall "
            f"and the gap to close, got {show(combined, 3)}",
        )
    return CostDecline(
        annual_factor=combined,
        ooms_per_year=ooms_per_year(combined),
        years_per_oom=years_per_oom(combined),
        years_to_close=years_to_close(gap, combined),
    )


def _log_of_factor(annual_factor: float, verb: str) -> float:
    """ln(annual_factor), checked to be a positive finite number other than 1."""
    annual_factor = positive("annual_factor", annual_factor)
    if annual_factor == 1:
        raise InputError("annual_factor", f"annual_factor must not be 1: a quantity that does not grow never {verb}")
    return math.log(annual_factor)


def _nonzero_time(doubling_time: float) -> float:
    doubling_time = finite("doubling_time", doubling_time)
    if doubling_time == 0:
        raise InputError("doubling_time", "doubling_time must not be 0 (a quantity cannot double in no time)")
    return doubling_time
