"""Reading a log-x chart: what a straight line on a logarithmic compute axis costs.

Source: Toby Ord, "Inference Scaling and the Log-x Chart" (Jan 2025). Inference-scaling
results are plotted with compute (or cost) on a logarithmic x-axis and a benchmark score on
a linear y-axis. A straight line there means the score grows with the *logarithm* of
compute::

    score(x) = a + b * log10(x)              (b: points per 10x compute)
    x2 / x1  = 10 ** ((score2 - score1) / b)  (compute multiplier for a score gain)

so each further point of score costs a constant *factor* more compute: exponential cost,
the signature of brute force. Steepening the line (a slope ``k`` times larger) divides the
orders of magnitude needed by ``k``, which takes the ``k``-th root of the multiplier. Ord's
example is alpha-beta pruning, which halves the exponent of minimax search's exponential
cost and so doubles the slope on a log-x chart.

Scores are benchmark percentages, 0 to 100; score gains are in percentage points (pp).
Real curves bend into an S below 0% and above 100%; these formulas describe the straight
middle part that the charts show.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, positive, show
from ._numeric import power_in_range

__all__ = [
    "LogxReading",
    "logx_cost_multiplier",
    "logx_ooms",
    "logx_reading",
    "logx_score",
    "logx_slope",
    "steepened_cost_multiplier",
]

_TINY = 2.2250738585072014e-308  # the smallest normal float


class LogxReading(NamedTuple):
    """What moving between two scores costs on a log-x chart, now and with a steeper slope."""

    #: Orders of magnitude (factors of ten) of compute the move needs.
    ooms: float
    #: Factor by which compute must grow: ``10 ** ooms``.
    compute_multiplier: float
    #: Orders of magnitude needed if the slope were ``slope_factor`` times steeper.
    steepened_ooms: float
    #: Compute factor needed with the steeper slope.
    steepened_multiplier: float


def logx_cost_multiplier(score_gain: float, points_per_decade: float) -> float:
    """Factor by which compute must grow to gain ``score_gain`` points on a straight log-x line.

    Args:
        score_gain: Score gain in percentage points, from -100 to 100 (negative: the
            factor by which compute could shrink for that loss).
        points_per_decade: Slope of the line: points gained per tenfold compute,
            greater than 0.

    Returns:
        ``10 ** (score_gain / points_per_decade)``, a pure number (the same factor
        applies to cost at a fixed price per unit of compute).

    Raises:
        ValueError: if an argument is out of its range or not finite, or the multiplier
            is too large or too small for a float.

    Source: Ord, "Inference Scaling and the Log-x Chart": on a log-x chart a straight line
    means constant points per tenfold compute, so cost grows exponentially with score.

    >>> logx_cost_multiplier(10, 5)  # 10 points at 5 points per 10x: two OOMs
    100.0
    """
    return power_in_range("the compute multiplier", 10.0, logx_ooms(score_gain, points_per_decade))


def logx_ooms(score_gain: float, points_per_decade: float, slope_factor: float = 1.0) -> float:
    """Orders of magnitude of compute a straight log-x line needs for ``score_gain`` points.

    Args:
        score_gain: Score gain in percentage points, from -100 to 100.
        points_per_decade: Slope, points per tenfold compute, greater than 0.
        slope_factor: How many times steeper the line is made, greater than 0 (1, the
            default, leaves it as it is; 2 for alpha-beta pruning).

    Returns:
        ``score_gain / (points_per_decade * slope_factor)``: the base-10 logarithm of
        :func:`steepened_cost_multiplier` (of :func:`logx_cost_multiplier` when
        ``slope_factor`` is 1).

    Raises:
        ValueError: if an argument is out of its range or not finite, or the result is too
            large for a float.

    Source: Ord, "Inference Scaling and the Log-x Chart": each slope's worth of points
    costs one more order of magnitude; doubling the slope halves the orders of magnitude.

    >>> logx_ooms(10, 5), logx_ooms(10, 5, 2)
    (2.0, 1.0)
    """
    score_gain = _gain("score_gain", score_gain)
    points_per_decade = positive("points_per_decade", points_per_decade)
    slope_factor = positive("slope_factor", slope_factor)
    ooms = score_gain / points_per_decade / slope_factor
    if not math.isfinite(ooms):
        raise OutOfRangeError("the orders of magnitude for these inputs are too many to compute")
    return ooms


def steepened_cost_multiplier(score_gain: float, points_per_decade: float, slope_factor: float) -> float:
    """The compute multiplier for ``score_gain`` if the slope were ``slope_factor`` times steeper.

    Args:
        score_gain: Score gain in percentage points, from -100 to 100.
        points_per_decade: Today's slope, points per tenfold compute, greater than 0.
        slope_factor: How many times steeper the line becomes, greater than 0 (2 for
            alpha-beta pruning; 1 leaves it as it is; below 1 flattens it).

    Returns:
        ``10 ** (score_gain / (points_per_decade * slope_factor))``: the
        ``slope_factor``-th root of :func:`logx_cost_multiplier`.

    Raises:
        ValueError: if an argument is out of its range or not finite, or the multiplier
            is too large or too small for a float.

    Source: Ord, "Inference Scaling and the Log-x Chart", "What would good progress look
    like?": alpha-beta pruning halves the exponent of minimax's exponential cost, which
    doubles the slope on a log-x chart and halves the orders of magnitude needed.

    >>> steepened_cost_multiplier(10, 5, 2)  # a hundredfold becomes tenfold
    10.0
    """
    return power_in_range("the compute multiplier", 10.0, logx_ooms(score_gain, points_per_decade, slope_factor))


def logx_slope(score_low: float, score_high: float, compute_multiplier: float) -> float:
    """Slope of a log-x line through two measurements, in points per tenfold compute.

    Args:
        score_low: Score (percent, 0 to 100) at the lower compute.
        score_high: Score (percent, 0 to 100) with ``compute_multiplier`` times the
            compute.
        compute_multiplier: How many times more compute the second measurement used,
            greater than 1.

    Returns:
        ``(score_high - score_low) / log10(compute_multiplier)``, in percentage points per
        tenfold compute; negative if the score fell.

    Raises:
        ValueError: if a score is outside 0 to 100, ``compute_multiplier`` is not above 1,
            or an argument is not finite.

    Source: ARC Prize's o3 report (20 Dec 2024), whose results Ord's essay discusses:
    75.7% at high efficiency and 87.5% with about 172x the compute on ARC-AGI's
    semi-private set, about 5.3 points per tenfold compute (our arithmetic, not Ord's).

    >>> round(logx_slope(75.7, 87.5, 172), 1)
    5.3
    """
    score_low = _score("score_low", score_low)
    score_high = _score("score_high", score_high)
    compute_multiplier = finite("compute_multiplier", compute_multiplier)
    if compute_multiplier <= 1:
        raise InputError(
            "compute_multiplier", f"compute_multiplier must be greater than 1, got {show(compute_multiplier)}"
        )
    return (score_high - score_low) / math.log10(compute_multiplier)


def logx_score(score_start: float, points_per_decade: float, compute_multiplier: float) -> float:
    """The score a straight log-x line reaches with ``compute_multiplier`` times the compute.

    Args:
        score_start: Score today, percent from 0 to 100.
        points_per_decade: Slope, points per tenfold compute, greater than 0.
        compute_multiplier: Factor by which compute changes, greater than 0 (below 1:
            less compute).

    Returns:
        ``score_start + points_per_decade * log10(compute_multiplier)``, in percent. The
        straight line does not stop at 0% or 100%; real curves flatten out there.

    Raises:
        ValueError: if an argument is out of its range or not finite, or the score is too
            large for a float.

    Source: Ord, "Inference Scaling and the Log-x Chart": y = a + b log10 x is the
    straight line of a log-x chart.

    >>> logx_score(75.7, 5.3, 100)
    86.3
    """
    score_start = _score("score_start", score_start)
    points_per_decade = positive("points_per_decade", points_per_decade)
    compute_multiplier = positive("compute_multiplier", compute_multiplier)
    score = score_start + points_per_decade * math.log10(compute_multiplier)
    if not math.isfinite(score):
        raise OutOfRangeError("the score for these inputs is too large to compute")
    return score


def logx_reading(score_start: float, score_target: float, points_per_decade: float, slope_factor: float) -> LogxReading:
    """Compute needed to move from one score to another, now and with a steeper slope.

    Args:
        score_start: Score today, percent from 0 to 100.
        score_target: Score wanted, percent from 0 to 100 (below ``score_start``: how
            much less compute a lower score needs).
        points_per_decade: Today's slope, points per tenfold compute, greater than 0.
        slope_factor: How many times steeper the improved line is, greater than 0 (2 for
            alpha-beta pruning).

    Returns:
        A :class:`LogxReading`: orders of magnitude and compute multiplier for the move
        (:func:`logx_cost_multiplier`), and the same with the slope times
        ``slope_factor`` (:func:`steepened_cost_multiplier`).

    Raises:
        ValueError: if an argument is out of its range or not finite, or a multiplier is
            too large or too small for a float.

    Source: Ord, "Inference Scaling and the Log-x Chart"; the slope of about 5.3 points
    per tenfold compute is our arithmetic on ARC Prize's o3 results.

    >>> reading = logx_reading(75.7, 87.5, 5.3, 2)
    >>> round(reading.ooms, 2), round(reading.compute_multiplier), round(reading.steepened_multiplier, 1)
    (2.23, 168, 13.0)
    """
    score_start = _score("score_start", score_start)
    score_target = _score("score_target", score_target)
    points_per_decade = positive("points_per_decade", points_per_decade)
    slope_factor = positive("slope_factor", slope_factor)
    gain = score_target - score_start
    return LogxReading(
        ooms=logx_ooms(gain, points_per_decade),
        compute_multiplier=logx_cost_multiplier(gain, points_per_decade),
        steepened_ooms=logx_ooms(gain, points_per_decade, slope_factor),
        steepened_multiplier=steepened_cost_multiplier(gain, points_per_decade, slope_factor),
    )


def _score(name: str, value: float) -> float:
    """A benchmark score in percent: a finite number from 0 to 100."""
    number = finite(name, value)
    if not 0 <= number <= 100:
        raise InputError(name, f"{name} must be a score from 0 to 100 (percent), got {show(number)}")
    return number


def _gain(name: str, value: float) -> float:
    """A change of score in percentage points: a finite number from -100 to 100."""
    number = finite(name, value)
    if not -100 <= number <= 100:
        raise InputError(name, f"{name} must be from -100 to 100 (percentage points), got {show(number)}")
    return number
