"""METR's time-horizon trend: its doubling time, a bootstrap interval over models, and the
date it reaches a task length.

Source: Kwa et al. (2025), "Measuring AI Ability to Complete Long Tasks", and METR's results
files (Time Horizon 1.0 and 1.1): METR fits an ordinary least-squares line to the logarithm
of each frontier model's 50% horizon against its release date, and reports the doubling
time in days. The same fit over the same models reproduces METR's published figures to the
last digit given: 195.823 and 165.251 days (1.0, all years and from 2023), 187.778 and 128.744
days (1.1); over the 1.0 frontier models up to Claude 3.7 Sonnet it gives the 212 days of
Kwa et al., the "7 months" of Ord's half-life essay.

Release dates are counted in days since 1 January 1970 (:mod:`calculators._calendar`
converts decimal years). The fit itself is :func:`calculators.fit_exponential`: a straight
line in ``ln T50`` against the date is the same line as in ``log2 T50``, with doubling time
``ln 2 / rate``. Horizons at other success levels follow from :func:`calculators.horizon`
(constant hazard or a Weibull shape) or :func:`calculators.logistic_horizon` (METR's
logistic curve): each is the 50% horizon divided by a ratio that does not depend on it, so
the trend at any success level is the 50% trend shifted down on a log axis.

The interval is a bootstrap over models: the models of the window are drawn with replacement
as many times as there are of them, the line refitted, many times; the interval holds the
middle 95% of what the refits give. It is seeded, so every run gives the same numbers, in
CPython and in Pyodide alike (Python's Mersenne Twister is the same everywhere). It measures
how much the trend depends on which models happen to be in the window, not METR's own
uncertainty about each horizon, which METR bootstraps over tasks and runs.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from .._calendar import day_from_year, year_from_day
from .._checks import InputError, OutOfRangeError, finite, positive, probability, result, show
from ._numeric import exp_in_range
from .fitting import ExponentialFit, fit_exponential
from .half_life import horizon_ratio
from .metr_horizons import REPORTS, ModelHorizon, metr_horizons
from .sigmoid import exponential_doubling_time

__all__ = [
    "BOOTSTRAP_RESAMPLES",
    "bootstrap_fits",
    "day_reached",
    "doubling_days",
    "doubling_interval",
    "percentile",
    "reach_interval",
    "trend_band",
    "trend_year",
    "window_doubling_days",
    "window_models",
    "window_reach_year",
]

#: Refits a bootstrap makes by default: the 2.5% and 97.5% points then rest on 25 refits each.
BOOTSTRAP_RESAMPLES = 1000
#: Fewer models than this give no interval worth drawing (two points always fit exactly).
_MINIMUM_MODELS = 3
#: METR's releases by number, as a reader names them.
_RELEASES = {1.0: REPORTS[0], 1.1: REPORTS[1]}


def window_models(
    report: float, start_year: float, end_year: float, frontier_only: bool = True
) -> tuple[ModelHorizon, ...]:
    """The models of one METR release released within a window of dates.

    Args:
        report: METR's release, 1.0 or 1.1 (Time Horizon 1.0 or 1.1).
        start_year: The window's first date, as a decimal year (2023.0 is 1 January 2023).
        end_year: Its last date, later than ``start_year``; both ends are included.
        frontier_only: Keep only the models METR marks as frontier (``is_sota``), the
            models METR's own trend fits use.

    Returns:
        The release's rows (:class:`calculators.ModelHorizon`) in the window, in the data
        file's order.

    Raises:
        ValueError: if ``report`` is not 1.0 or 1.1, a year is not a finite number from 1 to
            10000, ``end_year`` is not later than ``start_year``, or the window holds fewer
            than 3 models or only one release date (no trend to fit).

    >>> [row.model for row in window_models(1.1, 2026.0, 2026.5, frontier_only=False)]
    ['claude_opus_4_6_inspect', 'gpt_5_3_codex', 'gemini_3_1_pro', 'gpt_5_4']
    """
    report = finite("report", report)
    if report not in _RELEASES:
        raise InputError("report", f"report must be 1.0 or 1.1 (METR's two releases), got {show(report)}")
    start = day_from_year(start_year, "start_year")
    end = day_from_year(end_year, "end_year")
    if not end > start:
        raise InputError(
            "end_year", f"end_year must be later than start_year ({show(start_year)}), got {show(end_year)}"
        )
    rows = tuple(
        row
        for row in metr_horizons()
        if row.report == _RELEASES[report] and start <= row.release_day <= end and (row.frontier or not frontier_only)
    )
    if len(rows) < _MINIMUM_MODELS or len({row.release_day for row in rows}) < 2:
        raise InputError(
            "start_year",
            f"start_year: the window from {show(start_year)} to {show(end_year)} holds {len(rows)} of the chosen "
            f"models; widen it to hold at least {_MINIMUM_MODELS}, released on at least 2 dates",
        )
    return rows


def window_doubling_days(report: float, start_year: float, end_year: float, frontier_only: bool = True) -> float:
    """The doubling time, in days, of the trend of 50% horizons in a window of METR's data.

    Args:
        report, start_year, end_year, frontier_only: The window, as for :func:`window_models`.

    Returns:
        :func:`doubling_days` of the window's models' release dates and 50% horizons.

    Raises:
        ValueError: as :func:`window_models` and :func:`doubling_days` do.

    Source: METR's trend fit; with METR's windows it gives METR's published figures.

    >>> round(window_doubling_days(1.1, 2023.0, 2026.5), 3)   # METR 1.1, frontier models from 2023 on
    128.744
    """
    rows = window_models(report, start_year, end_year, frontier_only)
    return doubling_days([row.release_day for row in rows], [row.t50_min for row in rows])


def doubling_days(times: Sequence[float], values: Sequence[float]) -> float:
    """The doubling time of the least-squares trend of horizons against release dates.

    Args:
        times: Each model's release date, in days (any origin; METR's files give dates,
            :func:`calculators.metr_horizons` counts them from 1 January 1970).
        values: Each model's horizon, greater than 0, in any unit, in the same order.

    Returns:
        ``ln 2 / rate`` in days, where ``rate`` is the slope of the least-squares line of
        ``ln horizon`` against the date.

    Raises:
        ValueError: if the points are invalid (see :func:`calculators.fit_exponential`), or
            the fitted horizons do not grow (no doubling time).

    Source: METR's trend fit (Kwa et al. 2025; results files 1.0 and 1.1).

    >>> round(doubling_days([0, 212, 424], [15, 30, 60]), 9)
    212.0
    """
    fit = fit_exponential(times, values)
    if not fit.rate > 0:
        raise OutOfRangeError("the horizons in this window do not grow, so they have no doubling time")
    return exponential_doubling_time(fit.rate)


def bootstrap_fits(
    times: Sequence[float],
    values: Sequence[float],
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = 0,
) -> tuple[ExponentialFit, ...]:
    """Refits of the trend to the models drawn with replacement, ``resamples`` times.

    Args:
        times: Each model's release date in days, as for :func:`doubling_days`.
        values: Each model's horizon, greater than 0, in the same order.
        resamples: How many refits, at least 1 (default 1000).
        seed: Seeds :class:`random.Random`, so the same inputs always give the same refits.

    Returns:
        One :class:`calculators.ExponentialFit` per resample (its ``max_log_error`` over the
        drawn models). A draw in which every model has the same release date has no line
        and is drawn again.

    Raises:
        ValueError: if the points are invalid, there are fewer than 3 models, or fewer than
            2 release dates.

    Source: the nonparametric bootstrap (Efron 1979), over models.

    >>> fits = bootstrap_fits([0, 212, 424, 636], [15, 30, 60, 120], resamples=5)
    >>> [round(fit.rate * 212 / math.log(2), 9) for fit in fits]   # exact data: one doubling per 212 days
    [1.0, 1.0, 1.0, 1.0, 1.0]
    """
    exact = fit_exponential(times, values)  # checks the points, as the fit does
    if len(times) < _MINIMUM_MODELS:
        raise InputError("times", f"times and values need at least {_MINIMUM_MODELS} models, got {len(times)}")
    if isinstance(resamples, bool) or not isinstance(resamples, int) or resamples < 1:
        raise InputError("resamples", f"resamples must be a whole number of at least 1, got {resamples!r}")
    # Centred on the mean date, so the sums below lose nothing to the size of the dates.
    days = [float(day) - exact.anchor_time for day in times]
    logs = [math.log(float(value)) for value in values]
    count = len(days)
    draw = random.Random(seed).random
    fits: list[ExponentialFit] = []
    while len(fits) < resamples:
        # int(random() * n) rather than randrange: its result depends on nothing but the
        # generator's doubles, so every Python gives the same draws.
        chosen = [int(draw() * count) for _ in range(count)]
        sum_x = sum_z = sum_xx = sum_xz = 0.0
        for i in chosen:
            x, z = days[i], logs[i]
            sum_x += x
            sum_z += z
            sum_xx += x * x
            sum_xz += x * z
        mean_x, mean_z = sum_x / count, sum_z / count
        sxx = sum_xx - count * mean_x * mean_x
        if not sxx > 1e-9 * sum_xx:  # every drawn model released on one date: no line
            continue
        rate = (sum_xz - count * mean_x * mean_z) / sxx
        error = max(abs(mean_z + rate * (days[i] - mean_x) - logs[i]) for i in chosen)
        fits.append(ExponentialFit(rate, mean_x + exact.anchor_time, math.exp(mean_z), error))
    return tuple(fits)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile of ``values``, interpolating linearly between order statistics.

    Args:
        values: At least one finite number.
        q: The percentile, from 0 to 100.

    Returns:
        NumPy's default (``numpy.percentile``, method "linear"): the value at position
        ``q / 100 * (n - 1)`` of the sorted values, interpolated between its neighbours.

    Raises:
        ValueError: if ``values`` is empty or holds a value that is not a finite number, or
            ``q`` is outside 0 to 100.

    Source: Hyndman and Fan (1996), definition 7; NumPy's default.

    >>> percentile([1, 2, 3, 4], 50), percentile([10, 20], 25)
    (2.5, 12.5)
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InputError("values", f"values must be a sequence of numbers, got {values!r:.40}")
    numbers = sorted(finite(f"values[{i}]", value) for i, value in enumerate(values))
    if not numbers:
        raise InputError("values", "values needs at least one number")
    q = finite("q", q)
    if not 0 <= q <= 100:
        raise InputError("q", f"q must be from 0 to 100, got {show(q)}")
    return result("the percentile of these values", _interpolate(numbers, q))


def _interpolate(ordered: list[float], q: float) -> float:
    position = q / 100 * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    low, high = ordered[below], ordered[above]
    if low == high or position == below:  # also keeps two infinite ends from giving nan
        return low
    return low + (position - below) * (high - low)


def _middle(values: list[float], level: float, what: str) -> tuple[float, float]:
    """The central ``level`` share of ``values`` (which may hold infinities)."""
    level = probability("level", level)
    tail = (1 - level) / 2 * 100
    ordered = sorted(values)
    ends = (_interpolate(ordered, tail), _interpolate(ordered, 100 - tail))
    if not all(math.isfinite(end) for end in ends):
        raise OutOfRangeError(f"{what}: too many refits of the trend never get there")
    return ends


def doubling_interval(fits: Sequence[ExponentialFit], level: float = 0.95) -> tuple[float, float]:
    """The central ``level`` interval of the refits' doubling times, in days: (shortest, longest).

    Raises:
        ValueError: if ``fits`` is empty, ``level`` is outside (0, 1), or so many refits
            have horizons that do not grow that the interval has no upper end.

    >>> fits = bootstrap_fits([0, 212, 424, 636], [15, 30, 60, 120], resamples=20)
    >>> [round(days, 6) for days in doubling_interval(fits)]
    [212.0, 212.0]
    """
    if not fits:
        raise InputError("fits", "fits needs at least one refit")
    rates = [fit.rate for fit in fits]
    slow, fast = _middle(rates, level, "the doubling time's interval")
    if not slow > 0:
        raise OutOfRangeError("the doubling time's interval has no upper end: in many refits the horizons do not grow")
    return exponential_doubling_time(fast), exponential_doubling_time(slow)


def day_reached(target: float, rate: float, anchor_day: float, anchor_value: float) -> float:
    """The day a trend ``anchor_value * exp(rate * (day - anchor_day))`` reaches ``target``.

    Args:
        target: The value to reach, greater than 0, in the unit of ``anchor_value``.
        rate: The trend's growth rate per day, greater than 0.
        anchor_day: A day the trend passes through ``anchor_value``.
        anchor_value: The trend's value then, greater than 0.

    Returns:
        ``anchor_day + ln(target / anchor_value) / rate``: the day, on the same count as
        ``anchor_day``; earlier than it if the trend was already past the target.

    Raises:
        ValueError: if an argument is not a finite number, ``target`` or ``anchor_value``
            is not greater than 0, ``rate`` is not greater than 0 (the trend never gets
            there), or the day is too far off for a float.

    Source: solving the exponential trend for its date.

    >>> round(day_reached(target=60, rate=math.log(2) / 212, anchor_day=0, anchor_value=15), 9)
    424.0
    """
    target = positive("target", target)
    rate = finite("rate", rate)
    anchor_day = finite("anchor_day", anchor_day)
    anchor_value = positive("anchor_value", anchor_value)
    if not rate > 0:
        raise OutOfRangeError("a trend that does not grow never reaches the target")
    return result(
        "the day the trend reaches the target", anchor_day + (math.log(target) - math.log(anchor_value)) / rate
    )


def reach_interval(fits: Sequence[ExponentialFit], target: float, level: float = 0.95) -> tuple[float, float]:
    """The central ``level`` interval of the days the refits reach ``target``: (earliest, latest).

    A refit whose horizons do not grow never reaches it and counts as latest of all.

    Raises:
        ValueError: if ``fits`` is empty, ``target`` is not greater than 0, ``level`` is
            outside (0, 1), or so many refits never reach the target that the interval has
            no upper end.

    >>> fits = bootstrap_fits([0, 212, 424, 636], [15, 30, 60, 120], resamples=20)
    >>> [round(day, 6) for day in reach_interval(fits, target=240)]
    [848.0, 848.0]
    """
    if not fits:
        raise InputError("fits", "fits needs at least one refit")
    target = positive("target", target)
    # day_reached for each refit, without checking each refit's numbers again.
    log_target = math.log(target)
    days = [
        fit.anchor_time + (log_target - math.log(fit.anchor_value)) / fit.rate if fit.rate > 0 else math.inf
        for fit in fits
    ]
    return _middle(days, level, "the date's interval")


def trend_band(fits: Sequence[ExponentialFit], days: Sequence[float], level: float = 0.95) -> list[tuple[float, float]]:
    """The central ``level`` interval of the refits' values on each of ``days``: (lowest, highest).

    Worked in logarithms, so that a band far from the data never overflows on the way.

    Raises:
        ValueError: if ``fits`` is empty, a day is not finite, ``level`` is outside (0, 1),
            or a band's ends are too large or too small for a float.

    >>> fits = bootstrap_fits([0, 212, 424, 636], [15, 30, 60, 120], resamples=20)
    >>> [[round(value, 6) for value in band] for band in trend_band(fits, days=[0, 848])]
    [[15.0, 15.0], [240.0, 240.0]]
    """
    if not fits:
        raise InputError("fits", "fits needs at least one refit")
    lines = [(math.log(fit.anchor_value), fit.rate, fit.anchor_time) for fit in fits]
    bands = []
    for i, day in enumerate(days):
        day = finite(f"days[{i}]", day)
        low, high = _middle([log + rate * (day - anchor) for log, rate, anchor in lines], level, "the trend's band")
        what = "the trend's band on this date"
        bands.append((exp_in_range(what, low), exp_in_range(what, high)))
    return bands


def window_reach_year(
    report: float,
    start_year: float,
    end_year: float,
    target_minutes: float,
    p: float = 0.5,
    shape: float = 1.0,
    frontier_only: bool = True,
) -> float:
    """When the trend of a window of METR's data reaches a task length at a success level.

    Args:
        report, start_year, end_year, frontier_only: The window, as for :func:`window_models`.
        target_minutes: The task length, greater than 0, in minutes of human time.
        p: The success level, strictly between 0 and 1 (0.5 is the 50% horizon itself).
        shape: Weibull shape k of the success curve that converts the 50% horizon to level
            ``p``, greater than 0 (1 is Ord's constant hazard; see :func:`calculators.horizon`).

    Returns:
        The date, as a decimal year, at which the ``p`` horizon Tₚ reaches
        ``target_minutes``: when the fitted 50% trend divided by T₅₀ / Tₚ
        (:func:`calculators.horizon_ratio`) does.

    Raises:
        ValueError: as :func:`window_models`, :func:`calculators.horizon_ratio` and
            :func:`day_reached` do, or if the date falls outside the years 1 to 9999.

    Source: METR's trend fit, with Ord's (2025) constant hazard or Hamilton's (2026)
    Weibull conversion between success levels.

    >>> round(window_reach_year(1.1, 2023.0, 2026.5, target_minutes=2400, p=0.8), 2)   # a work week at 80%
    2027.56
    """
    rows = window_models(report, start_year, end_year, frontier_only)
    fit = fit_exponential([row.release_day for row in rows], [row.t50_min for row in rows])
    target = positive("target_minutes", target_minutes) * horizon_ratio(p, shape)
    if not 0 < target < math.inf:
        raise OutOfRangeError("the 50% horizon that gives the target at this success level is too extreme to compute")
    return trend_year(day_reached(target, fit.rate, fit.anchor_time, fit.anchor_value))


def trend_year(day: float) -> float:
    """A day the trend reaches something, as a decimal year, if the calendar has it.

    Args:
        day: Days since 1 January 1970.

    Returns:
        :func:`calculators.year_from_day` of ``day``.

    Raises:
        ValueError: if ``day`` is not finite, or falls before the year 1 or after 9999
            (a trend that gets there that far off does not get there in any calendar).

    >>> trend_year(0.0)
    1970.0
    """
    day = finite("day", day)
    if not day_from_year(1.0) <= day <= day_from_year(10000.0):
        raise OutOfRangeError("the trend does not reach the target between the years 1 and 9999")
    return year_from_day(day)
