"""Fitting an exponential or a logistic curve to points: the engine behind
:mod:`calculators.models.sigmoid`.

Fits (standard library only, all in logarithms so that no value overflows):

* exponential: ordinary least squares of ``ln y`` on ``t`` (closed form), centred on the
  mean time, so the fit is reported as a rate and the geometric mean of the values at the
  mean time;
* logistic, ceiling known: the logit ``ln(y / (K - y))`` is linear in ``t`` with slope
  ``r``, so ordinary least squares again;
* logistic, ceiling unknown: a one-dimensional search over the ceiling, each candidate
  fitted as above and scored by the sum of squared errors in ``ln y``; the search runs over
  ``v = logit(max(y) / K)`` on a grid from -36 to 36 and then by golden-section search
  around the best grid point. Exact logistic data near the midpoint are recovered to about 1e-9;
  data with no sign of a ceiling (an exponential fits as well) are reported as such.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, positive, show
from ._numeric import LOG_CEILING, fsum, softplus

__all__ = [
    "ExponentialFit",
    "LogisticFit",
    "exponential_fit_of_logs",
    "fit_exponential",
    "fit_logistic",
    "log_logistic",
    "logistic_fit_of_logs",
    "zero_safe_product",
]

# The ceiling search runs over v = logit(max(y) / K): -36 puts K at about 4e15 times the
# largest value (an exponential, as far as doubles can tell), +36 at 1 + 2e-16 times it.
_V_LIMIT = 36.0
_V_STEP = 1.0
_GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0


def log_logistic(t: float, log_ceiling: float, growth_rate: float, midpoint: float) -> float:
    """``ln L(t) = ln K - ln(1 + exp(-r (t - t0)))``, valid far into either tail.

    >>> math.isclose(log_logistic(3.0, math.log(10.0), 1.5, 3.0), math.log(5.0))  # half of K at t0
    True
    """
    return log_ceiling - softplus(-growth_rate * (t - midpoint))


def zero_safe_product(a: float, b: float) -> float:
    """``a * b`` where an infinite factor times 0 counts as 0 (never nan).

    >>> zero_safe_product(0.0, math.inf), zero_safe_product(2.0, 3.0)
    (0.0, 6.0)
    """
    return 0.0 if a == 0 or b == 0 else a * b


class ExponentialFit(NamedTuple):
    """An exponential ``y = anchor_value * exp(rate * (t - anchor_time))`` fitted to points."""

    #: Growth rate per unit of time (negative for decay).
    rate: float
    #: The mean of the points' times.
    anchor_time: float
    #: The fitted value at ``anchor_time``: the geometric mean of the values.
    anchor_value: float
    #: The largest ``|ln fit - ln y|`` over the points (0 for a perfect fit).
    max_log_error: float


class LogisticFit(NamedTuple):
    """A logistic ``y = ceiling / (1 + exp(-growth_rate * (t - midpoint)))`` fitted to points."""

    ceiling: float
    growth_rate: float
    midpoint: float
    #: The largest ``|ln fit - ln y|`` over the points (0 for a perfect fit).
    max_log_error: float


def fit_exponential(times: Sequence[float], values: Sequence[float]) -> ExponentialFit:
    """Fit ``y = A exp(g t)`` to points by least squares on ``ln y``.

    Args:
        times: The points' times: finite numbers, at least two of them different.
        values: The points' values, in the same order: finite and greater than 0.

    Returns:
        An :class:`ExponentialFit`: the rate ``g``, anchored at the mean time with the
        geometric mean of the values there (the least-squares line passes through that
        point), and the largest error in ``ln y``.

    Raises:
        ValueError: if the sequences differ in length, have fewer than 2 points, hold a
            value that is not a finite number (or a value not greater than 0), have all
            times equal, or are too spread out to compute with.

    Source: ordinary least squares on the logarithm, the usual way to fit an exponential
    trend (the straight line on a log-y chart).

    >>> fit = fit_exponential([0, 1, 2, 3], [3, 6, 12, 24])
    >>> fit.rate == math.log(2), fit.anchor_time, round(fit.anchor_value, 12)
    (True, 1.5, 8.485281374239)
    """
    t, logs = _points(times, values, minimum=2)
    return exponential_fit_of_logs(t, logs)


def fit_logistic(times: Sequence[float], values: Sequence[float], ceiling: float | None = None) -> LogisticFit:
    """Fit a rising logistic curve to points, with its ceiling given or found.

    Args:
        times: The points' times: finite numbers.
        values: The points' values, finite and greater than 0 (and below ``ceiling``).
        ceiling: The ceiling K if known (greater than every value): the fit is then least
            squares on the logit ``ln(y / (K - y))``, which is linear in time. If ``None``
            (the default) the ceiling is found by a one-dimensional search (grid, then
            golden section) minimising the squared errors in ``ln y`` of those fits.

    Returns:
        A :class:`LogisticFit`: ceiling, growth rate, midpoint and largest error in ``ln y``.

    Raises:
        ValueError: if the points are invalid (see :func:`fit_exponential`; 3 points are
            needed when the ceiling is to be found), a value is not below ``ceiling``, the
            values do not rise over time, the points show no sign of a ceiling (an
            exponential fits them at least as well), or the numbers are too extreme.

    Source: the logit linearisation of the logistic, with the ceiling profiled out.

    >>> points = [1, 2, 3, 4, 5]
    >>> fit = fit_logistic(points, [10 / (1 + math.exp(-1.5 * (t - 3))) for t in points])
    >>> [round(x, 9) for x in fit[:3]]
    [10.0, 1.5, 3.0]
    """
    t, logs = _points(times, values, minimum=2 if ceiling is not None else 3)
    if ceiling is None:
        return logistic_fit_of_logs(t, logs)
    ceiling = positive("ceiling", ceiling)
    largest = max(values)
    if largest >= ceiling:
        raise InputError(
            "ceiling",
            f"ceiling must be greater than every value (the largest is {show(float(largest))}), got {show(ceiling)}",
        )
    return _fit_logistic_logs(t, logs, math.log(ceiling), ceiling)


# --- The engine: checked points, least squares in logarithms, the search for a ceiling ------


def _points(times: Sequence[float], values: Sequence[float], minimum: int) -> tuple[list[float], list[float]]:
    """Validate points; return the times and the logarithms of the values."""
    t = _numbers("times", times)
    y = _numbers("values", values)
    if len(t) != len(y):
        raise InputError("values", f"times and values must have the same length, got {len(t)} and {len(y)}")
    if len(t) < minimum:
        raise InputError("times", f"times and values need at least {minimum} points, got {len(t)}")
    for i, value in enumerate(y):
        if value <= 0:
            raise InputError("values", f"values[{i}] must be greater than 0, got {show(value)}")
    if min(t) == max(t):
        raise InputError("times", "times must include at least 2 different values")
    return t, [math.log(value) for value in y]


def _numbers(name: str, sequence: Sequence[float]) -> list[float]:
    if isinstance(sequence, (str, bytes)) or not isinstance(sequence, Sequence):
        raise InputError(name, f"{name} must be a sequence of numbers, got {sequence!r:.40}")
    numbers = []
    for i, value in enumerate(sequence):
        try:
            numbers.append(finite(f"{name}[{i}]", value))
        except InputError as error:
            raise InputError(name, str(error)) from None
    return numbers


def _line(x: list[float], z: list[float], what: str) -> tuple[float, float, float]:
    """Least squares ``z = z_mean + slope * (x - x_mean)``: returns slope, x_mean, z_mean."""
    n = len(x)
    x_mean = fsum(x) / n
    z_mean = fsum(z) / n
    dx = [xi - x_mean for xi in x]
    sxx = fsum([d * d for d in dx])
    sxz = fsum([d * (zi - z_mean) for d, zi in zip(dx, z, strict=True)])
    slope = sxz / sxx if 0 < sxx < math.inf else math.nan
    if not all(math.isfinite(v) for v in (x_mean, z_mean, slope)):
        raise OutOfRangeError(f"the {what} for these points is too extreme to compute")
    return slope, x_mean, z_mean


def exponential_fit_of_logs(times: list[float], logs: list[float]) -> ExponentialFit:
    """:func:`fit_exponential` of checked points given as times and ``ln y``."""
    rate, anchor_time, log_anchor = _line(times, logs, "exponential fit")
    errors = [abs(log_anchor + zero_safe_product(rate, t - anchor_time) - z) for t, z in zip(times, logs, strict=True)]
    anchor_value = math.exp(log_anchor) if log_anchor <= LOG_CEILING else math.inf
    max_error = max(errors)
    if not (math.isfinite(max_error) and 0 < anchor_value < math.inf):
        raise OutOfRangeError("the exponential fit for these points is too extreme to compute")
    return ExponentialFit(rate, anchor_time, anchor_value, max_error)


def _logit_fit(times: list[float], logs: list[float], log_ceiling: float) -> tuple[float, float, float]:
    """Least squares on the logit for a given ceiling: growth rate, midpoint, squared error.

    The squared error is measured in ``ln y``, so candidate ceilings compare fairly.
    Returns an infinite error for a ceiling that the points do not rise towards.
    """
    # logit(y / K) = ln(y / K) - ln(1 - y / K), with y / K < 1 computed from logarithms.
    shares = [z - log_ceiling for z in logs]
    if not max(shares) < 0:  # K rounds to the largest value (or below): no logit
        return math.nan, math.nan, math.inf
    logits = [d - math.log1p(-math.exp(d)) for d in shares]
    try:
        rate, t_mean, logit_mean = _line(times, logits, "logistic fit")
    except ValueError:
        return math.nan, math.nan, math.inf
    if rate <= 0:
        return rate, math.nan, math.inf
    midpoint = t_mean - logit_mean / rate
    if not math.isfinite(midpoint):
        return rate, midpoint, math.inf
    residuals = [log_logistic(t, log_ceiling, rate, midpoint) - z for t, z in zip(times, logs, strict=True)]
    return rate, midpoint, fsum([e * e for e in residuals])


def _fit_logistic_logs(
    times: list[float], logs: list[float], log_ceiling: float, ceiling: float | None = None
) -> LogisticFit:
    rate, midpoint, squared_error = _logit_fit(times, logs, log_ceiling)
    if not rate > 0:
        raise OutOfRangeError("the values do not rise over time, so no rising logistic fits them")
    if not math.isfinite(squared_error):
        raise OutOfRangeError("the logistic fit for these points is too extreme to compute")
    errors = [abs(log_logistic(t, log_ceiling, rate, midpoint) - z) for t, z in zip(times, logs, strict=True)]
    if ceiling is None:
        ceiling = math.exp(log_ceiling) if log_ceiling <= LOG_CEILING else math.inf
    max_error = max(errors)
    if not (math.isfinite(max_error) and 0 < ceiling < math.inf):
        raise OutOfRangeError("the logistic fit for these points is too extreme to compute")
    return LogisticFit(ceiling, rate, midpoint, max_error)


def logistic_fit_of_logs(times: list[float], logs: list[float]) -> LogisticFit:
    """:func:`fit_logistic`, ceiling unknown, of checked points given as times and ``ln y``.

    Profiles the ceiling out: grid over v = logit(max y / K), then golden-section search."""
    largest = max(logs)

    def log_ceiling(v: float) -> float:  # K = max(y) * (1 + exp(-v))
        return largest + softplus(-v)

    def cost(v: float) -> float:
        return _logit_fit(times, logs, log_ceiling(v))[2]

    steps = round(2 * _V_LIMIT / _V_STEP)
    grid = [-_V_LIMIT + i * _V_STEP for i in range(steps + 1)]
    costs = [cost(v) for v in grid]
    best = min(range(len(grid)), key=costs.__getitem__)
    if not math.isfinite(costs[best]):
        raise OutOfRangeError("no rising logistic fits these points")
    # The v -> -inf end of the profile is the exponential fit. A ceiling is only reported if
    # it fits clearly better than that, by more than rounding in the logarithms could explain.
    exponential = exponential_fit_of_logs(times, logs)
    exponential_cost = fsum(
        [
            (math.log(exponential.anchor_value) + exponential.rate * (t - exponential.anchor_time) - z) ** 2
            for t, z in zip(times, logs, strict=True)
        ]
    )
    rounding = len(logs) * (8 * sys.float_info.epsilon * max(1.0, *(abs(z) for z in logs))) ** 2
    no_ceiling = "these points show no sign of a ceiling: an exponential fits them as well as any logistic"
    if best == 0 or exponential_cost <= rounding or costs[best] >= exponential_cost * (1 - 1e-9):
        raise OutOfRangeError(no_ceiling)
    if best == len(grid) - 1:
        raise OutOfRangeError("these points do not pin down a ceiling: the best fit puts it at their largest value")
    v = _golden_section(cost, grid[best - 1], grid[best + 1])
    if cost(v) >= exponential_cost * (1 - 1e-9):
        raise OutOfRangeError(no_ceiling)
    return _fit_logistic_logs(times, logs, log_ceiling(v))


def _golden_section(f: Callable[[float], float], low: float, high: float) -> float:
    """The minimiser of a unimodal ``f`` on ``[low, high]``, to the resolution of doubles."""
    a, b = low, high
    c = b - _GOLDEN * (b - a)
    d = a + _GOLDEN * (b - a)
    fc, fd = f(c), f(d)
    for _ in range(200):  # each step keeps 0.618 of the bracket: 2 -> 1e-16 in about 80
        if not a < c < d < b:
            break
        if fc <= fd:
            b, d, fd = d, c, fc
            c = b - _GOLDEN * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + _GOLDEN * (b - a)
            fd = f(d)
    return c if fc <= fd else d
