"""Every exponential is a sigmoid in disguise: fitting both curves to the same early points.

Source of the question: Narayanan and Kapoor, "AI scaling myths" (AI Snake Oil, June 2024),
warn that no exponential trend continues indefinitely and that a trend line gives no warning
before it plateaus. This module makes the point concrete. A logistic
(S-shaped) curve with ceiling ``K``, growth rate ``r`` and midpoint ``t0``::

    L(t) = K / (1 + exp(-r (t - t0)))

is, long before its midpoint, almost exactly the exponential ``K exp(r (t - t0))``. An
exponential fitted to early points therefore fits them well and then overshoots the curve
by a growing factor. Since ``ln E(t) - ln L(t)`` is convex in ``t``, the factor by which an
exponential exceeds a logistic crosses any level at most twice; its last crossing is
"where they part" (:func:`parting_time`).

The fits themselves (exponential, and logistic with the ceiling known or found) are
:mod:`calculators.models.fitting`.

The scenario functions (``early_*``, :func:`years_until_overshoot`,
:func:`overshoot_ratio`) sample a logistic once a year for ``years_observed`` years up to
the last observation at ``t = 0`` and fit an exponential to those points.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, positive, result, show
from ._numeric import LOG_CEILING, exp_in_range, in_range, softplus
from .fitting import (
    ExponentialFit,
    LogisticFit,
    exponential_fit_of_logs,
    log_logistic,
    logistic_fit_of_logs,
    zero_safe_product,
)

__all__ = [
    "LogisticInflection",
    "early_doubling_time",
    "early_exponential_fit",
    "early_fit_error",
    "early_logistic_fit",
    "exponential_doubling_time",
    "exponential_rate",
    "exponential_value",
    "logistic_inflection",
    "logistic_value",
    "overshoot_ratio",
    "parting_time",
    "years_until_overshoot",
]

_LN2 = math.log(2.0)
_MAX_YEARS_OBSERVED = 100


class LogisticInflection(NamedTuple):
    """Where a logistic curve turns from speeding up to slowing down."""

    time: float
    value: float
    #: The curve's slope there, its steepest: ``ceiling * growth_rate / 4`` per unit time.
    slope: float


def logistic_value(t: float, ceiling: float, growth_rate: float, midpoint: float) -> float:
    """The logistic curve's value at time ``t``.

    Args:
        t: The time, in any unit (years on this site's pages).
        ceiling: The level the curve approaches, K; greater than 0.
        growth_rate: r per unit of time, greater than 0: long before the midpoint the curve
            grows like ``exp(r t)``.
        midpoint: The time t0 at which the curve is at half its ceiling.

    Returns:
        ``ceiling / (1 + exp(-growth_rate * (t - midpoint)))``, between 0 and ``ceiling``
        (it may round to either end far from the midpoint).

    Raises:
        ValueError: if ``ceiling`` or ``growth_rate`` is not greater than 0, or any argument
            is not a finite number.

    Source: the standard logistic (Verhulst) curve; used on this site for the point that
    exponential trends stop, often put as "every exponential is a sigmoid in disguise".

    >>> logistic_value(2030, ceiling=100, growth_rate=0.7, midpoint=2030)
    50.0
    """
    t = finite("t", t)
    ceiling = positive("ceiling", ceiling)
    growth_rate = positive("growth_rate", growth_rate)
    midpoint = finite("midpoint", midpoint)
    u = growth_rate * (t - midpoint)  # may be +-inf, never nan: both factors are finite
    if u >= 0:
        return ceiling / (1.0 + math.exp(-u))
    e = math.exp(u)
    return ceiling * e / (1.0 + e)


def exponential_value(t: float, rate: float, anchor_time: float, anchor_value: float) -> float:
    """The exponential curve's value at time ``t``.

    Args:
        t: The time, in the unit of ``rate``.
        rate: Growth rate per unit of time; any finite number (0 is constant, negative decays).
        anchor_time: A time at which the value is known.
        anchor_value: The value at ``anchor_time``; greater than 0.

    Returns:
        ``anchor_value * exp(rate * (t - anchor_time))``; it may round to 0 far in the past.

    Raises:
        ValueError: if ``anchor_value`` is not greater than 0, an argument is not a finite
            number, or the value is too large for a float.

    Source: the exponential trend the sceptics warn against extrapolating.

    >>> round(exponential_value(3, rate=math.log(2), anchor_time=0, anchor_value=5), 12)
    40.0
    """
    t = finite("t", t)
    rate = finite("rate", rate)
    anchor_time = finite("anchor_time", anchor_time)
    anchor_value = positive("anchor_value", anchor_value)
    if rate == 0:
        return anchor_value
    exponent = rate * (t - anchor_time)
    log_value = math.log(anchor_value) + exponent
    if log_value > LOG_CEILING:
        raise OutOfRangeError("the exponential's value at t is too large to compute")
    # The value is anchor_value * exp(exponent); round the product only once it is safe.
    value = anchor_value * math.exp(exponent) if exponent <= LOG_CEILING else math.exp(log_value)
    return in_range("the exponential's value at t", value)


def logistic_inflection(ceiling: float, growth_rate: float, midpoint: float) -> LogisticInflection:
    """The logistic's inflection point: its midpoint, where it grows fastest.

    Args:
        ceiling: K, greater than 0.
        growth_rate: r per unit of time, greater than 0.
        midpoint: t0, any finite time.

    Returns:
        ``LogisticInflection(time=midpoint, value=ceiling / 2, slope=ceiling * growth_rate / 4)``.
        Before it the curve is convex and looks exponential; after it the curve is concave and
        approaches its ceiling.

    Raises:
        ValueError: if ``ceiling`` or ``growth_rate`` is not greater than 0, an argument is
            not finite, or the slope is too large for a float.

    Source: the derivative of the logistic, ``L' = r L (1 - L / K)``, is largest at ``L = K/2``.

    >>> logistic_inflection(100, 0.7, 2030)
    LogisticInflection(time=2030.0, value=50.0, slope=17.5)
    """
    ceiling = positive("ceiling", ceiling)
    growth_rate = positive("growth_rate", growth_rate)
    midpoint = finite("midpoint", midpoint)
    slope = result("the slope at the inflection", ceiling / 4.0 * growth_rate)
    return LogisticInflection(midpoint, ceiling / 2.0, slope)


def exponential_doubling_time(rate: float) -> float:
    """How long an exponential growing at ``rate`` takes to double: ``ln 2 / rate``.

    Args:
        rate: Growth rate per unit of time, greater than 0.

    Returns:
        The doubling time, in the unit of time of ``rate``.

    Raises:
        ValueError: if ``rate`` is not greater than 0, not finite, or so small that the
            doubling time is too large for a float.

    Source: ``exp(rate * T) = 2``.

    >>> exponential_doubling_time(math.log(2) / 7)
    7.0
    """
    rate = positive("rate", rate)
    return result("the doubling time", _LN2 / rate)


def exponential_rate(doubling_time: float, per: float = 1.0) -> float:
    """The growth rate of an exponential that doubles every ``doubling_time``: ``ln 2 * per / doubling_time``.

    The inverse of :func:`exponential_doubling_time` (with ``per = 1``).

    Args:
        doubling_time: How long the quantity takes to double, greater than 0, in any unit
            of time.
        per: The length of the time unit the rate is wanted per, in the unit of
            ``doubling_time``; greater than 0. The default 1 gives the rate per unit of
            ``doubling_time``; a doubling time in days with ``per=365.25`` gives a rate per year.

    Returns:
        The growth rate ``r`` per ``per`` with ``exp(r * doubling_time / per) = 2``.

    Raises:
        ValueError: if ``doubling_time`` or ``per`` is not greater than 0 or not finite, or
            the rate is too large or too small for a float.

    Source: ``exp(rate * T) = 2``. On this site it turns a quoted doubling time (METR's 212
    days for the 50% time horizon, Kwa et al. 2025) into the yearly growth rate of a
    calculator preset.

    >>> exponential_rate(1.0) == math.log(2)
    True
    >>> round(exponential_rate(212, per=365.25), 6)  # METR's 212 days, as a rate per year
    1.194208
    """
    doubling_time = positive("doubling_time", doubling_time)
    per = positive("per", per)
    rate = _LN2 * (per / doubling_time)
    if rate == 0:
        raise OutOfRangeError("the growth rate for this doubling time is too small to compute")
    return result("the growth rate", rate)


def parting_time(
    factor: float,
    ceiling: float,
    growth_rate: float,
    midpoint: float,
    rate: float,
    anchor_time: float,
    anchor_value: float,
) -> float:
    """When an exponential overshoots a logistic by ``factor`` for good: where they part.

    The ratio ``E(t) / L(t)`` of the exponential to the logistic has a convex logarithm, so
    it reaches ``factor`` at most twice; this is the later time, from which on the
    exponential stays at least ``factor`` times the logistic.

    Args:
        factor: How many times the logistic the exponential has grown to; greater than 1.
        ceiling: The logistic's ceiling K, greater than 0.
        growth_rate: The logistic's growth rate r, greater than 0.
        midpoint: The logistic's midpoint t0.
        rate: The exponential's growth rate, greater than 0 (in the same unit of time).
        anchor_time: A time at which the exponential's value is known.
        anchor_value: The exponential's value at ``anchor_time``, greater than 0.

    Returns:
        The time at which ``E(t) = factor * L(t)`` for the last time.

    Raises:
        ValueError: if an argument is out of range or not finite, if the exponential is more
            than ``factor`` times the logistic at every time (they never part at that
            factor), or if the time is too extreme to compute.

    Source: our construction for the "sigmoid in disguise" point. For the
    logistic's own early asymptote ``K exp(r (t - t0))`` the answer is
    ``t0 + ln(factor - 1) / r``: a factor of 2 exactly at the midpoint.

    >>> parting_time(2, 100, 0.7, 2030, rate=0.7, anchor_time=2030, anchor_value=100)
    2030.0
    """
    log_factor = math.log(_greater_than_one("factor", factor))
    ceiling = positive("ceiling", ceiling)
    growth_rate = positive("growth_rate", growth_rate)
    midpoint = finite("midpoint", midpoint)
    rate = positive("rate", rate)
    anchor_time = finite("anchor_time", anchor_time)
    anchor_value = positive("anchor_value", anchor_value)
    return _parting(log_factor, math.log(ceiling), growth_rate, midpoint, rate, anchor_time, math.log(anchor_value))


def early_exponential_fit(
    ceiling: float, growth_rate: float, years_to_midpoint: float, years_observed: float
) -> ExponentialFit:
    """The exponential fitted to yearly points of a logistic, observed up to year 0.

    Args:
        ceiling: The true curve's ceiling K, greater than 0.
        growth_rate: Its growth rate r per year, greater than 0.
        years_to_midpoint: Years from the last observation to the curve's midpoint (negative
            if the midpoint has passed).
        years_observed: Whole years of data, 2 to 100: the points are at
            ``-years_observed, ..., -1, 0``.

    Returns:
        :func:`fit_exponential` of those points (times in years, the last one at 0).

    Raises:
        ValueError: if an argument is out of range or not finite, or the numbers are too
            extreme to compute.

    Source: our construction for the "sigmoid in disguise" point.

    >>> round(early_exponential_fit(100, 0.7, 60, 6).rate, 12)  # far before the bend: r
    0.7
    """
    return exponential_fit_of_logs(*_sample(ceiling, growth_rate, years_to_midpoint, years_observed))


def early_logistic_fit(
    ceiling: float, growth_rate: float, years_to_midpoint: float, years_observed: float
) -> LogisticFit:
    """The logistic fitted (ceiling unknown) to the same yearly points of a logistic.

    Args:
        ceiling: The true curve's ceiling K, greater than 0.
        growth_rate: Its growth rate r per year, greater than 0.
        years_to_midpoint: Years from the last observation to the midpoint.
        years_observed: Whole years of data, 2 to 100.

    Returns:
        :func:`fit_logistic` of those points, ceiling unknown. On these exact samples it
        recovers the true curve (to about 1e-9 near the bend), unless the points lie so far before the
        midpoint that no ceiling shows in them.

    Raises:
        ValueError: as :func:`early_exponential_fit`, or if the points show no sign of a
            ceiling.

    Source: our construction; the recovery is exact because the samples are.

    >>> [round(x, 9) for x in early_logistic_fit(100, 0.7, 2, 6)[:3]]
    [100.0, 0.7, 2.0]
    """
    return logistic_fit_of_logs(*_sample(ceiling, growth_rate, years_to_midpoint, years_observed))


def early_doubling_time(ceiling: float, growth_rate: float, years_to_midpoint: float, years_observed: float) -> float:
    """The doubling time, in years, of the exponential fitted to the early points.

    Args:
        ceiling: The true curve's ceiling K, greater than 0.
        growth_rate: Its growth rate r per year, greater than 0.
        years_to_midpoint: Years from the last observation to the midpoint.
        years_observed: Whole years of data, 2 to 100.

    Returns:
        ``ln 2 / g`` for the fitted rate ``g``. Never shorter than the true curve's early
        doubling time ``ln 2 / r``: the logistic's growth only slows.

    Raises:
        ValueError: as :func:`early_exponential_fit`, or if the fitted curve does not grow.

    Source: our construction.

    >>> round(early_doubling_time(100, math.log(2), 40, 6), 9)
    1.0
    """
    fit = early_exponential_fit(ceiling, growth_rate, years_to_midpoint, years_observed)
    if fit.rate <= 0:
        raise OutOfRangeError("the exponential fitted to these points does not grow, so it has no doubling time")
    return result("the doubling time", _LN2 / fit.rate)


def early_fit_error(ceiling: float, growth_rate: float, years_to_midpoint: float, years_observed: float) -> float:
    """How far the exponential fit misses its worst observed point, as a fraction.

    Args:
        ceiling: The true curve's ceiling K, greater than 0.
        growth_rate: Its growth rate r per year, greater than 0.
        years_to_midpoint: Years from the last observation to the midpoint.
        years_observed: Whole years of data, 2 to 100.

    Returns:
        ``exp(max |ln fit - ln y|) - 1``: 0.01 means every point is within 1% (a factor of
        1.01) of the fitted exponential.

    Raises:
        ValueError: as :func:`early_exponential_fit`, or if the miss is too large for a float.

    Source: our construction.

    >>> early_fit_error(100, 0.7, 60, 6) < 1e-12  # far before the bend: a perfect fit
    True
    """
    fit = early_exponential_fit(ceiling, growth_rate, years_to_midpoint, years_observed)
    if fit.max_log_error > LOG_CEILING:
        raise OutOfRangeError("the exponential fit misses these points by too much to compute")
    return math.expm1(fit.max_log_error)


def years_until_overshoot(
    factor: float, ceiling: float, growth_rate: float, years_to_midpoint: float, years_observed: float
) -> float:
    """Years after the last observation until the fitted exponential is ``factor`` times the truth.

    Args:
        factor: The overshoot, greater than 1 (2 for "twice the true value").
        ceiling: The true curve's ceiling K, greater than 0.
        growth_rate: Its growth rate r per year, greater than 0.
        years_to_midpoint: Years from the last observation to the midpoint.
        years_observed: Whole years of data, 2 to 100.

    Returns:
        :func:`parting_time` of the fitted exponential and the true logistic, in years after
        the last observation (negative if it happened within the data).

    Raises:
        ValueError: as :func:`early_exponential_fit` and :func:`parting_time`.

    Source: our construction. Far before the bend the fit is the logistic's asymptote, and
    the answer tends to ``years_to_midpoint + ln(factor - 1) / r``.

    >>> round(years_until_overshoot(2, 100, 0.7, 60, 6), 9)
    60.0
    """
    log_factor = math.log(_greater_than_one("factor", factor))
    times, logs = _sample(ceiling, growth_rate, years_to_midpoint, years_observed)
    fit = exponential_fit_of_logs(times, logs)
    if fit.rate <= 0:
        raise OutOfRangeError("the exponential fitted to these points does not grow, so it never overshoots")
    return _parting(
        log_factor,
        math.log(ceiling),
        growth_rate,
        years_to_midpoint,
        fit.rate,
        fit.anchor_time,
        math.log(fit.anchor_value),
    )


def overshoot_ratio(
    years_ahead: float, ceiling: float, growth_rate: float, years_to_midpoint: float, years_observed: float
) -> float:
    """The fitted exponential divided by the true logistic, ``years_ahead`` after the data.

    Args:
        years_ahead: Years after the last observation (any finite number).
        ceiling: The true curve's ceiling K, greater than 0.
        growth_rate: Its growth rate r per year, greater than 0.
        years_to_midpoint: Years from the last observation to the midpoint.
        years_observed: Whole years of data, 2 to 100.

    Returns:
        ``E(years_ahead) / L(years_ahead)``: 1 where extrapolation is right, 10 where it is
        ten times too high.

    Raises:
        ValueError: as :func:`early_exponential_fit`, or if the ratio is too large to compute.

    Source: our construction. Far before the bend the ratio tends to
    ``1 + exp(r (years_ahead - years_to_midpoint))``.

    >>> round(overshoot_ratio(60, 100, 0.7, 60, 6), 9)
    2.0
    """
    years_ahead = finite("years_ahead", years_ahead)
    times, logs = _sample(ceiling, growth_rate, years_to_midpoint, years_observed)
    fit = exponential_fit_of_logs(times, logs)
    log_exponential = math.log(fit.anchor_value) + zero_safe_product(fit.rate, years_ahead - fit.anchor_time)
    log_ratio = log_exponential - log_logistic(years_ahead, math.log(ceiling), growth_rate, years_to_midpoint)
    return exp_in_range("the overshoot at years_ahead", log_ratio)


# --- Private helpers ------------------------------------------------------------------


def _greater_than_one(name: str, value: float) -> float:
    number = finite(name, value)
    if number <= 1:
        raise InputError(name, f"{name} must be greater than 1, got {show(number)}")
    return number


def _sample(
    ceiling: float, growth_rate: float, years_to_midpoint: float, years_observed: float
) -> tuple[list[float], list[float]]:
    """Yearly times ``-years_observed .. 0`` and the logistic's log values there."""
    ceiling = positive("ceiling", ceiling)
    growth_rate = positive("growth_rate", growth_rate)
    years_to_midpoint = finite("years_to_midpoint", years_to_midpoint)
    years_observed = finite("years_observed", years_observed)
    if not (2 <= years_observed <= _MAX_YEARS_OBSERVED and years_observed == int(years_observed)):
        raise InputError(
            "years_observed",
            f"years_observed must be a whole number from 2 to {_MAX_YEARS_OBSERVED}, got {show(years_observed)}",
        )
    log_ceiling = math.log(ceiling)
    times = [float(year) for year in range(-int(years_observed), 1)]
    logs = [log_logistic(t, log_ceiling, growth_rate, years_to_midpoint) for t in times]
    if not all(math.isfinite(z) for z in logs):
        raise OutOfRangeError("the observed values for these inputs are too small to compute")
    return times, logs


def _parting(
    log_factor: float,
    log_ceiling: float,
    growth_rate: float,
    midpoint: float,
    rate: float,
    anchor_time: float,
    log_anchor: float,
) -> float:
    """The last root of ``h(t) = ln E(t) - ln L(t) - ln factor``, which is convex in ``t``.

    Written as ``h(t) = c + (g - r) (t - ta) + ln(1 + exp(r (t - t0)))`` with
    ``c = ln A - ln K - ln factor + r (t0 - ta)``: no term grows without bound in the
    opposite direction to another, so ``h`` can be evaluated far into either tail.
    """
    too_extreme = "the time at which the curves part is too extreme to compute"
    never = "the exponential is more than factor times the logistic at every time, so they never part"
    offset = log_anchor - log_ceiling - log_factor
    c = offset + growth_rate * (midpoint - anchor_time)
    slope_gap = rate - growth_rate
    if not math.isfinite(c):
        raise OutOfRangeError(too_extreme)

    def h(t: float) -> float:
        value = c + zero_safe_product(slope_gap, t - anchor_time) + softplus(growth_rate * (t - midpoint))
        if math.isnan(value):
            raise OutOfRangeError(too_extreme)
        return value

    if slope_gap == 0:  # h = c + ln(1 + exp(u)) rises from c: solve it directly
        if c >= 0:
            raise OutOfRangeError(never)
        when = midpoint + math.log(math.expm1(-c)) / growth_rate if -c <= LOG_CEILING else midpoint - c / growth_rate
        if not math.isfinite(when):
            raise OutOfRangeError(too_extreme)
        return when
    # Above this time ln E alone exceeds ln K + ln factor >= ln L + ln factor, so h > 0.
    high = anchor_time - offset / rate
    if not math.isfinite(high):
        raise OutOfRangeError(too_extreme)
    step = 1.0 / rate
    while not h(high) >= 0:  # rounding can leave h a hair below 0 at `high`
        high += step
        step *= 2
        if not math.isfinite(high):
            raise OutOfRangeError(too_extreme)
    # h' = (g - r) + r sigma(u) grows with t. Where g < r, h falls to a minimum at
    # sigma(u*) = 1 - g / r, then rises; where g > r it rises everywhere.
    if slope_gap < 0:
        lowest = midpoint + math.log(-slope_gap / rate) / growth_rate
        if not math.isfinite(lowest):
            raise OutOfRangeError(too_extreme)
        h_low = h(lowest)
        if h_low > 0:
            raise OutOfRangeError(never)
        if h_low == 0:
            return lowest
        low = lowest
    else:  # step back from `high` until h < 0; h falls without bound that way
        step = 1.0 / rate
        low = high - step
        while not h(low) < 0:
            step *= 2
            low = high - step
            if not math.isfinite(low):
                raise OutOfRangeError(too_extreme)
    while True:  # bisection down to adjacent doubles
        middle = low + (high - low) / 2
        if middle <= low or middle >= high:
            return high
        if h(middle) < 0:
            low = middle
        else:
            high = middle
