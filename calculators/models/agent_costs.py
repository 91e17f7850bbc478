"""What AI agents cost: Ord's hourly cost, the sweet spot and saturation point of a
cost-versus-horizon curve, and Stakenborg's expected cost per successful task.

Source: Toby Ord, "Are the Costs of AI Agents Also Rising Exponentially?" (22 Dec 2025).
An agent's *hourly cost* is what it costs to run it on a task at its 50% time horizon,
divided by that horizon in hours of human time. On METR's chart of time horizon against
dollar cost (both axes logarithmic), lines of constant hourly cost have slope 1; a model's
*sweet spot* is where the line of lowest hourly cost that still reaches its curve just
grazes it, and its *saturation point* is where the curve's slope has fallen to 0.1 (a 10% larger budget buys about 1% more
horizon). If horizons grow ``g_T`` times a year and costs ``g_C`` times, hourly costs grow
``g_C / g_T`` times a year.

Margot Stakenborg's "Agent economics: a BOTEC" (EA Forum, Feb 2026) prices reliability:
an agent that costs ``c`` per step, takes ``s`` steps per hour of human-equivalent work and
succeeds with probability ``S(t)`` must on average be run ``1 / S(t)`` times per success, so

    expected cost per success = c * s * t / S(t)        against a human's  w * t,

with ``S`` the half-life model's survival curve (:func:`calculators.survival`).

Costs are in US dollars and horizons in hours unless a docstring says otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, non_negative, positive, probability, result, show
from ._numeric import LOG_CEILING, exp_in_range
from .half_life import horizon, survival

__all__ = [
    "HUMAN_HOURLY_RATE_USD",
    "CurvePoint",
    "agent_cost_per_success",
    "break_even_task_hours",
    "cost_multiple",
    "horizon_factor",
    "hourly_cost",
    "hourly_cost_growth",
    "human_task_cost",
    "log_log_slopes",
    "saturating_horizon",
    "saturation_point",
    "stylised_curve_points",
    "sweet_spot",
    "task_cost_at_rate",
]

#: The best human rate on METR's chart, about $120 an hour (Ord 2025, hourly-costs essay).
HUMAN_HOURLY_RATE_USD = 120.0

_RUN_COST = "the cost of one attempt for these inputs"


def hourly_cost(task_cost: float, horizon_hours: float) -> float:
    """Ord's hourly cost: the cost of a task at the agent's 50% horizon per hour of that horizon.

    Args:
        task_cost: What the agent costs to run on a task at its 50% time horizon, in US
            dollars; 0 or more.
        horizon_hours: That 50% time horizon, in hours of skilled human time; greater than 0.

    Returns:
        ``task_cost / horizon_hours``, in US dollars per hour.

    Raises:
        ValueError: if ``task_cost`` is negative, ``horizon_hours`` is not greater than 0,
            either is not finite, or the rate is too large or too small for a float.

    Source: Ord (2025), hourly-costs essay: Claude 4.1 Opus has a 2-hour horizon, so its
    hourly cost is its task cost divided by 2.

    >>> hourly_cost(task_cost=525, horizon_hours=1.5)
    350.0
    """
    task_cost = non_negative("task_cost", task_cost)
    horizon_hours = positive("horizon_hours", horizon_hours)
    return _ratio(task_cost, horizon_hours, "the hourly cost for these inputs")


def task_cost_at_rate(usd_per_hour: float, horizon_hours: float) -> float:
    """The cost of one task at the 50% horizon, given an hourly cost: the inverse of :func:`hourly_cost`.

    Args:
        usd_per_hour: Hourly cost in US dollars per hour, 0 or more.
        horizon_hours: The 50% time horizon in hours, greater than 0.

    Returns:
        ``usd_per_hour * horizon_hours``, in US dollars.

    Raises:
        ValueError: if ``usd_per_hour`` is negative, ``horizon_hours`` is not greater than
            0, either is not finite, or the cost is too large for a float.

    Source: Ord (2025): o3 costs about $350 an hour at its full 1.5-hour horizon, so about
    $525 a task (our arithmetic).

    >>> task_cost_at_rate(usd_per_hour=350, horizon_hours=1.5)
    525.0
    """
    usd_per_hour = non_negative("usd_per_hour", usd_per_hour)
    horizon_hours = positive("horizon_hours", horizon_hours)
    return _product(usd_per_hour, horizon_hours, "the task cost for these inputs")


def cost_multiple(usd_per_hour: float, reference_usd_per_hour: float) -> float:
    """How many times a reference hourly rate (a human's, say) an hourly cost is.

    Args:
        usd_per_hour: The hourly cost compared, in US dollars per hour; 0 or more.
        reference_usd_per_hour: The rate it is compared with, greater than 0; Ord's human
            rate is :data:`HUMAN_HOURLY_RATE_USD`, $120 an hour.

    Returns:
        ``usd_per_hour / reference_usd_per_hour``.

    Raises:
        ValueError: if ``usd_per_hour`` is negative, the reference is not greater than 0,
            either is not finite, or the ratio is too large or too small for a float.

    Source: Ord (2025): o3 at about $350 an hour is above the best human rate of about $120
    (2.9 times, our arithmetic), though METR's prices for OpenAI's reasoning models were
    estimates from o1's costs and may be several times too high; Grok 4 costs $13 an hour at
    the start of its plateau against $0.40 at its sweet spot (32.5 times, our arithmetic).

    >>> round(cost_multiple(350, HUMAN_HOURLY_RATE_USD), 2)
    2.92
    """
    usd_per_hour = non_negative("usd_per_hour", usd_per_hour)
    reference_usd_per_hour = positive("reference_usd_per_hour", reference_usd_per_hour)
    return _ratio(usd_per_hour, reference_usd_per_hour, "the cost multiple for these inputs")


def hourly_cost_growth(cost_growth: float, horizon_growth: float) -> float:
    """Yearly growth factor of the hourly cost when task costs and horizons both grow.

    Args:
        cost_growth: Factor by which the cost of a task at the frontier horizon grows each
            year, greater than 0 (3 means three times a year; below 1, costs fall).
        horizon_growth: Factor by which the horizon grows each year, greater than 0.

    Returns:
        ``cost_growth / horizon_growth``: 1 keeps agents at a constant multiple of human
        cost; above 1 they become steadily dearer per hour of work.

    Raises:
        ValueError: if either factor is not a finite number greater than 0, or the ratio is
            too large or too small for a float.

    Source: Ord (2025): horizons 3 times longer each year at 3 times the cost leave the
    hourly cost a constant multiple of a human's.

    >>> hourly_cost_growth(cost_growth=3, horizon_growth=3)
    1.0
    """
    cost_growth = positive("cost_growth", cost_growth)
    horizon_growth = positive("horizon_growth", horizon_growth)
    return _ratio(cost_growth, horizon_growth, "the hourly cost growth for these inputs")


def horizon_factor(cost_factor: float, slope: float) -> float:
    """How much longer the horizon gets when the budget is multiplied by ``cost_factor``.

    Args:
        cost_factor: Factor by which the spend per task is multiplied, greater than 0.
        slope: The local slope ``d log T / d log C`` of the horizon-cost curve, any finite
            number (1 at the sweet spot, 0.1 at Ord's saturation point).

    Returns:
        ``cost_factor ** slope``: at slope 0.1, 10% more spend buys about 1% more horizon.

    Raises:
        ValueError: if ``cost_factor`` is not greater than 0, ``slope`` is not finite, or
            the factor is too large or too small for a float.

    Source: Ord (2025), hourly-costs essay: at the saturation point a 10% increase in cost
    buys about 1% more horizon (1.1 ** 0.1 = 1.0096, our arithmetic).

    >>> round(horizon_factor(cost_factor=1.1, slope=0.1), 4)
    1.0096
    """
    cost_factor = positive("cost_factor", cost_factor)
    slope = finite("slope", slope)
    return exp_in_range("the horizon factor for these inputs", slope * math.log(cost_factor))


class CurvePoint(NamedTuple):
    """A point on a horizon-cost curve: its cost, its horizon and their ratio."""

    #: Cost per task, in US dollars.
    cost: float
    #: The 50% time horizon at that cost, in hours.
    horizon: float
    #: ``cost / horizon``: the hourly cost there, in US dollars per hour.
    hourly_cost: float


def log_log_slopes(costs: Sequence[float], horizons: Sequence[float]) -> tuple[float, ...]:
    """The slope ``d log T / d log C`` of a horizon-cost curve at each of its points.

    Worked out in log-log space with second-order central differences for uneven spacing
    at interior points and one-sided differences at the two ends (the same rule as
    ``numpy.gradient(log T, log C)``).

    Args:
        costs: Costs per task in US dollars, at least 3, each greater than 0 and strictly
            increasing.
        horizons: The 50% time horizon at each cost, in hours (any one unit), each greater
            than 0; the same number as ``costs``. They need not increase.

    Returns:
        One slope per point. 1 means the hourly cost is not changing there; above 1 the
        horizon grows faster than cost (increasing returns), below 1 slower.

    Raises:
        ValueError: if the sequences differ in length, have fewer than 3 points, hold a
            value that is not a finite number greater than 0, or ``costs`` does not
            strictly increase (also on a log scale).

    Source: Ord (2025), hourly-costs essay: on METR's log-log chart, lines of constant
    hourly cost have slope 1; the slope of a model's curve says whether extra spend buys
    more or less than proportionally longer tasks.

    >>> log_log_slopes([1, 10, 100], [1, 10, 100])
    (1.0, 1.0, 1.0)
    """
    xs, ys = _curve(costs, horizons)
    return tuple(_slopes(xs, ys))


def sweet_spot(costs: Sequence[float], horizons: Sequence[float]) -> CurvePoint:
    """The sweet spot of a horizon-cost curve: where the lowest line of constant hourly cost touches it.

    Defined precisely: the curve is the polyline through the points in log-log space; its
    slope (:func:`log_log_slopes`) is interpolated linearly between points. Wherever that
    slope falls through 1 (from above 1 to below), the hourly cost ``C / T`` has a local
    minimum, and a line of slope 1 is tangent to the curve there. The sweet spot is the
    crossing with the lowest hourly cost (for a curve that rises steeply and then flattens,
    the only one). Its cost and horizon are interpolated in log-log space.

    Args:
        costs: Costs per task in US dollars: at least 3, greater than 0, strictly increasing.
        horizons: The 50% horizon at each cost, in hours, greater than 0.

    Returns:
        A :class:`CurvePoint`: cost, horizon and hourly cost at the sweet spot.

    Raises:
        ValueError: for invalid points (see :func:`log_log_slopes`), or if the curve's slope
            never falls through 1, so that it has no sweet spot.

    Source: Ord (2025), hourly-costs essay: each model's sweet spot is its cheapest hourly
    rate; before it the horizon grows faster than cost, after it slower.

    >>> point = sweet_spot([1, 2, 4, 8, 16], [0.25, 1, 2, 2.5, 2.6])
    >>> round(point.cost, 2), round(point.horizon, 2), round(point.hourly_cost, 2)
    (3.02, 1.51, 2.0)
    """
    xs, ys = _curve(costs, horizons)
    crossing = _sweet(xs, ys, _slopes(xs, ys))
    if crossing is None:
        raise OutOfRangeError("the curve's log-log slope never falls through 1, so it has no sweet spot")
    return _point(crossing[1], crossing[2])


def saturation_point(costs: Sequence[float], horizons: Sequence[float], slope: float = 0.1) -> CurvePoint:
    """The saturation point of a horizon-cost curve: where, past its sweet spot, its slope falls to ``slope``.

    Uses the same interpolated slope as :func:`sweet_spot` and returns the first point after
    the sweet spot where it falls through ``slope``.

    Args:
        costs: Costs per task in US dollars: at least 3, greater than 0, strictly increasing.
        horizons: The 50% horizon at each cost, in hours, greater than 0.
        slope: The slope that marks saturation, strictly between 0 and 1. Ord's choice is
            0.1, a tenth of the sweet spot's slope (he calls the choice somewhat arbitrary).

    Returns:
        A :class:`CurvePoint`: cost, horizon and hourly cost at the saturation point.

    Raises:
        ValueError: for invalid points or ``slope``, if the curve has no sweet spot, or if
            its slope does not fall to ``slope`` after the sweet spot.

    Source: Ord (2025), hourly-costs essay: past the saturation point a 10% larger budget
    buys only about 1% more horizon.

    >>> point = saturation_point([1, 2, 4, 8, 16, 32], [0.25, 1, 2, 2.5, 2.6, 2.62])
    >>> round(point.cost, 1), round(point.horizon, 2)
    (11.9, 2.56)
    """
    xs, ys = _curve(costs, horizons)
    slope = probability("slope", slope)
    slopes = _slopes(xs, ys)
    sweet = _sweet(xs, ys, slopes)
    if sweet is None:
        raise OutOfRangeError("the curve's log-log slope never falls through 1, so it has no sweet spot")
    start, x_sweet = sweet[0], sweet[1]
    for _, x, y in _crossings(xs, ys, slopes, slope, start):
        if x >= x_sweet:
            return _point(x, y)
    raise OutOfRangeError(f"the curve's log-log slope never falls to {show(slope)} after its sweet spot")


def saturating_horizon(cost: float, max_horizon_hours: float, half_cost: float, steepness: float) -> float:
    """A stylised horizon-cost curve: steep at low spend, flattening to a plateau.

    Args:
        cost: Spend per task in US dollars, 0 or more.
        max_horizon_hours: The plateau: the horizon that unlimited spend approaches, in
            hours, greater than 0.
        half_cost: The spend at which the horizon is half the plateau, in US dollars,
            greater than 0.
        steepness: The curve's log-log slope at very low spend, greater than 0. Above 1 the
            curve has a sweet spot (at ``half_cost * (steepness - 1) ** (1 / steepness)``).

    Returns:
        ``max_horizon_hours / (1 + (half_cost / cost) ** steepness)``, in hours (0 at 0
        cost). Its log-log slope is ``steepness * (1 - T / max_horizon_hours)``: it starts
        at ``steepness`` and falls steadily to 0.

    Raises:
        ValueError: if ``cost`` is negative, another argument is not greater than 0, or any
            argument is not finite.

    Source: our own illustration (a Hill curve), not a fit to METR's data; Ord (2025)
    describes the curves' shape: super-linear growth, a sweet spot, diminishing returns,
    then a plateau.

    >>> saturating_horizon(cost=20, max_horizon_hours=2, half_cost=20, steepness=2)
    1.0
    """
    cost = non_negative("cost", cost)
    max_horizon_hours = positive("max_horizon_hours", max_horizon_hours)
    half_cost = positive("half_cost", half_cost)
    steepness = positive("steepness", steepness)
    return _hill(cost, max_horizon_hours, half_cost, steepness)


def _hill(cost: float, max_horizon_hours: float, half_cost: float, steepness: float) -> float:
    """:func:`saturating_horizon` of arguments already checked (a curve samples it hundreds of
    times with the same plateau, half cost and steepness)."""
    if cost == 0:
        return 0.0
    # r = log of (half_cost / cost) ** steepness; the two branches never overflow exp.
    r = steepness * (math.log(half_cost) - math.log(cost))
    if r > 0:
        e = math.exp(-r)
        return max_horizon_hours * (e / (1.0 + e))
    return max_horizon_hours / (1.0 + math.exp(r))


def agent_cost_per_success(
    task_hours: float,
    t50_hours: float,
    cost_per_step: float,
    steps_per_hour: float,
    shape: float = 1.0,
) -> float:
    """Expected cost of one successful task by an agent that is simply re-run until it succeeds.

    Args:
        task_hours: Task length in hours of human-equivalent work, 0 or more.
        t50_hours: The agent's 50% time horizon in hours, greater than 0.
        cost_per_step: Cost of one agent step (a model call) in US dollars, 0 or more.
        steps_per_hour: Agent steps per hour of human-equivalent work, 0 or more.
        shape: Weibull shape k of the survival curve, greater than 0; 1 (the default) is
            Ord's constant hazard, 0.7 Stakenborg's Weibull case.

    Returns:
        ``cost_per_step * steps_per_hour * task_hours / S(task_hours)``, in US dollars,
        where ``S`` is :func:`calculators.survival` with T₅₀ = ``t50_hours``.

    Raises:
        ValueError: if an argument is out of its range or not finite, or the expected cost
            is too large for a float (success all but impossible).

    Source: Stakenborg (2026), "Agent economics: a BOTEC on feasibility", and her half-life
    tax calculator: defaults $0.22 a step, 80 steps an hour, T₅₀ = 5 hours, shape 0.70.

    >>> round(agent_cost_per_success(5, 5, 0.22, 80), 2)     # at T50 it takes 2 tries
    176.0
    """
    task_hours = non_negative("task_hours", task_hours)
    t50_hours = positive("t50_hours", t50_hours)
    cost_per_step = non_negative("cost_per_step", cost_per_step)
    steps_per_hour = non_negative("steps_per_hour", steps_per_hour)
    shape = positive("shape", shape)
    if cost_per_step == 0 or steps_per_hour == 0 or task_hours == 0:
        return 0.0
    run_cost = _product(_product(cost_per_step, steps_per_hour, _RUN_COST), task_hours, _RUN_COST)
    success = survival(task_hours, t50_hours, shape)
    if success == 0:
        raise OutOfRangeError("the expected cost per success for these inputs is too large to compute")
    return result("the expected cost per success for these inputs", run_cost / success)


def human_task_cost(task_hours: float, human_usd_per_hour: float) -> float:
    """What a human charges for a task: hourly rate times hours.

    Args:
        task_hours: Task length in hours, 0 or more.
        human_usd_per_hour: The human's rate in US dollars per hour, 0 or more
            (Stakenborg uses $150; Ord's best human rate is about $120).

    Returns:
        ``human_usd_per_hour * task_hours``, in US dollars.

    Raises:
        ValueError: if either argument is negative or not finite, or the cost is too large
            for a float.

    Source: Stakenborg (2026) and Ord (2025): human cost grows in proportion to task length
    (an 8-hour task costs about 8 times a 1-hour one).

    >>> human_task_cost(task_hours=8, human_usd_per_hour=150)
    1200.0
    """
    task_hours = non_negative("task_hours", task_hours)
    human_usd_per_hour = non_negative("human_usd_per_hour", human_usd_per_hour)
    return _product(human_usd_per_hour, task_hours, "the human cost for these inputs")


def break_even_task_hours(
    t50_hours: float,
    cost_per_step: float,
    steps_per_hour: float,
    human_usd_per_hour: float,
    shape: float = 1.0,
) -> float:
    """The task length beyond which the agent's expected cost per success exceeds a human's.

    Setting ``c * s * t / S(t) = w * t`` gives ``S(t) = c * s / w``: the break-even length
    is the horizon at success probability ``c * s / w`` (:func:`calculators.horizon`).

    Args:
        t50_hours: The agent's 50% time horizon in hours, greater than 0.
        cost_per_step: Cost of one agent step in US dollars, greater than 0.
        steps_per_hour: Agent steps per hour of human-equivalent work, greater than 0.
        human_usd_per_hour: The human's rate in US dollars per hour, greater than 0.
        shape: Weibull shape k, greater than 0 (1 is constant hazard).

    Returns:
        The break-even task length in hours. Shorter tasks are cheaper with the agent.

    Raises:
        ValueError: if an argument is out of its range or not finite, if the agent's running
            cost per hour is not below the human rate (it is then never cheaper), or the
            length is too large or too small for a float.

    Source: our arithmetic on Stakenborg's (2026) model.

    >>> round(break_even_task_hours(5, 0.22, 80, 150), 1)
    15.5
    """
    t50_hours = positive("t50_hours", t50_hours)
    cost_per_step = positive("cost_per_step", cost_per_step)
    steps_per_hour = positive("steps_per_hour", steps_per_hour)
    human_usd_per_hour = positive("human_usd_per_hour", human_usd_per_hour)
    shape = positive("shape", shape)
    # c * s / w, computed as (c / w) * s so that it overflows only when the answer is "never".
    success_needed = (cost_per_step / human_usd_per_hour) * steps_per_hour
    if not success_needed < 1:
        raise InputError(
            "cost_per_step",
            "the agent's running cost per hour (cost_per_step × steps_per_hour) is not below "
            "human_usd_per_hour, so it never costs less than the human",
        )
    if success_needed == 0:
        raise OutOfRangeError("the break-even task length for these inputs is too large to compute")
    try:
        return horizon(success_needed, t50_hours, shape)
    except ValueError as error:  # only out-of-range results remain; say what overflowed
        raise OutOfRangeError(str(error).replace("the task length", "the break-even task length")) from None


def _ratio(numerator: float, denominator: float, what: str) -> float:
    """numerator / denominator for numerator >= 0, denominator > 0; ValueError if out of range."""
    value = result(what, numerator / denominator)
    if value == 0 and numerator != 0:
        raise OutOfRangeError(f"{what} is too small to compute")
    return value


def _product(a: float, b: float, what: str) -> float:
    """a * b for a, b >= 0; ValueError if it overflows, or underflows to 0 from non-zero factors."""
    value = result(what, a * b)
    if value == 0 and a != 0 and b != 0:
        raise OutOfRangeError(f"{what} is too small to compute")
    return value


def _curve(costs: Sequence[float], horizons: Sequence[float]) -> tuple[list[float], list[float]]:
    """Check a curve's points and return them as natural logs (log cost, log horizon)."""
    if isinstance(costs, (str, bytes)) or isinstance(horizons, (str, bytes)):
        raise InputError("costs", "costs and horizons must be sequences of numbers")
    try:
        costs, horizons = list(costs), list(horizons)
    except TypeError:
        raise InputError("costs", "costs and horizons must be sequences of numbers") from None
    if len(costs) != len(horizons):
        raise InputError(
            "horizons", f"costs and horizons must have the same length, got {len(costs)} and {len(horizons)}"
        )
    if len(costs) < 3:
        raise InputError("costs", f"costs and horizons need at least 3 points, got {len(costs)}")
    xs = [math.log(positive(f"costs[{i}]", value)) for i, value in enumerate(costs)]
    ys = [math.log(positive(f"horizons[{i}]", value)) for i, value in enumerate(horizons)]
    for i in range(1, len(xs)):
        if not costs[i] > costs[i - 1]:
            raise InputError(
                "costs",
                f"costs must increase: costs[{i}] = {show(float(costs[i]))} is not above "
                f"costs[{i - 1}] = {show(float(costs[i - 1]))}",
            )
        if not xs[i] > xs[i - 1]:
            raise InputError("costs", f"costs[{i - 1}] and costs[{i}] are too close to tell apart on a log scale")
    return xs, ys


def _slopes(xs: list[float], ys: list[float]) -> list[float]:
    """numpy.gradient(ys, xs) with edge_order=1, in plain Python."""
    n = len(xs)
    slopes = [(ys[1] - ys[0]) / (xs[1] - xs[0])]
    for i in range(1, n - 1):
        h1, h2 = xs[i] - xs[i - 1], xs[i + 1] - xs[i]
        # Weighted one-sided differences: the second-order formula for uneven spacing.
        slopes.append((h2 / (h1 + h2)) * (ys[i] - ys[i - 1]) / h1 + (h1 / (h1 + h2)) * (ys[i + 1] - ys[i]) / h2)
    slopes.append((ys[-1] - ys[-2]) / (xs[-1] - xs[-2]))
    if not all(math.isfinite(s) for s in slopes):
        raise OutOfRangeError("the curve's points are too close together to compute its slope")
    return slopes


def _crossings(
    xs: list[float], ys: list[float], slopes: list[float], level: float, start: int = 0
) -> Iterator[tuple[int, float, float]]:
    """Yield (segment, log C, log T) wherever the interpolated slope falls through ``level``."""
    for i in range(start, len(xs) - 1):
        high, low = slopes[i], slopes[i + 1]
        if high >= level >= low and high > low:
            f = (high - level) / (high - low)
            yield i, xs[i] + f * (xs[i + 1] - xs[i]), ys[i] + f * (ys[i + 1] - ys[i])


def _sweet(xs: list[float], ys: list[float], slopes: list[float]) -> tuple[int, float, float] | None:
    """(segment, log C, log T) of the slope-1 crossing with the lowest hourly cost, or None."""
    best = None
    for crossing in _crossings(xs, ys, slopes, 1.0):
        if best is None or crossing[1] - crossing[2] < best[1] - best[2]:
            best = crossing
    return best


def _point(log_cost: float, log_horizon: float) -> CurvePoint:
    """The point at (log C, log T), each interpolated between two valid points."""
    values = []
    for what, log_value in (("cost", log_cost), ("horizon", log_horizon), ("hourly cost", log_cost - log_horizon)):
        value = exp_in_range(f"the {what} at that point", log_value)
        values.append(value)
    return CurvePoint(*values)


#: :func:`stylised_curve_points` samples the curve this many times per factor of ten in cost,
#: from 10^-4 to 10^5 times ``half_cost``, and finds both points on the samples.
_PER_DECADE = 100
_DECADES = (-4, 5)


def stylised_curve_points(
    max_horizon_hours: float, half_cost: float, steepness: float, slope: float = 0.1
) -> tuple[CurvePoint, CurvePoint]:
    """The sweet spot and the saturation point of :func:`saturating_horizon`'s curve.

    Args:
        max_horizon_hours: The curve's plateau, in hours, greater than 0.
        half_cost: The cost at which it reaches half the plateau, greater than 0.
        steepness: Its log-log slope at low cost, greater than 1 (a curve never steeper than
            slope 1 has no sweet spot).
        slope: The log-log slope that counts as saturated (see :func:`saturation_point`).

    Returns:
        ``(sweet spot, saturation point)``, found by :func:`sweet_spot` and
        :func:`saturation_point` on 100 samples per factor of ten in cost, from 10^-4 to
        10^5 times ``half_cost`` (both placed to about 2e-4).

    Raises:
        ValueError: if an argument is out of range, or ``half_cost`` is so extreme that the
            sampled costs leave 10^±300.

    Source: our construction for Ord's sweet spot and saturation point (hourly-costs essay).

    >>> sweet, saturated = stylised_curve_points(2.0, 20.0, 2.0)  # the sweet-spot calculator's defaults
    >>> round(sweet.cost, 3), round(sweet.horizon, 3), round(saturated.cost, 1)
    (20.0, 1.0, 87.2)
    """
    positive("half_cost", half_cost)  # before it is used as a cost, which is checked as "cost"
    saturating_horizon(half_cost, max_horizon_hours, half_cost, steepness)  # checks every input by name
    log10_half = math.log10(half_cost)
    limit = LOG_CEILING / math.log(10)  # the sampled costs stay within 10^±300
    if log10_half + _DECADES[1] > limit or log10_half + _DECADES[0] < -limit:
        raise InputError("half_cost", f"half_cost is too extreme to draw the curve around, got {show(half_cost)}")
    count = (_DECADES[1] - _DECADES[0]) * _PER_DECADE + 1
    costs = [10.0 ** (log10_half + _DECADES[0] + i / _PER_DECADE) for i in range(count)]
    # Every sampled cost is positive and finite (checked against 10^±300 above), the other
    # arguments were checked by the call above.
    horizons = [_hill(c, max_horizon_hours, half_cost, steepness) for c in costs]
    if steepness <= 1:
        raise InputError(
            "steepness",
            f"steepness must be greater than 1 for the curve to have a sweet spot (its slope starts at "
            f"steepness and only falls), got {show(steepness)}",
        )
    # A very steep curve rounds to 0 far below half_cost; those samples are not on the curve's
    # log-log chart and have no hourly cost.
    kept = [(c, h) for c, h in zip(costs, horizons) if h > 0]
    sampled_costs, sampled_horizons = [c for c, _ in kept], [h for _, h in kept]
    return sweet_spot(sampled_costs, sampled_horizons), saturation_point(sampled_costs, sampled_horizons, slope)
