"""Properties of METR's logistic curve and of the agent-cost models, checked with Hypothesis.

Round trips, monotonicity, limits, scaling laws and identities for every public function of
``calculators/models/logistic_horizon.py`` and ``calculators/models/agent_costs.py``, plus how their
calculators report bad input. Standard library, pytest and Hypothesis only, so this runs
unchanged in Pyodide.
"""

from __future__ import annotations

import itertools
import math
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import (
    HUMAN_HOURLY_RATE_USD,
    CurvePoint,
    agent_cost_per_success,
    break_even_task_hours,
    cost_multiple,
    doublings_to_reach,
    horizon,
    horizon_factor,
    hourly_cost,
    hourly_cost_growth,
    human_task_cost,
    log_log_slopes,
    logistic_horizon,
    logistic_slope,
    logistic_success,
    logistic_t50,
    metr_horizon,
    months_from_days,
    months_to_reach,
    saturating_horizon,
    saturation_point,
    survival,
    sweet_spot,
    task_cost_at_rate,
)

from strategies import (
    agent_costs,
    agent_curves,
    agent_growth,
    agent_hours,
    agent_logistic_slopes,
    agent_rates,
    probabilities,
    scales,
    shapes,
    t50s,
)

REL = 1e-9


# --- METR's logistic curve ------------------------------------------------------------------


@given(probabilities, t50s, agent_logistic_slopes)
def test_logistic_success_undoes_logistic_horizon(p: float, t50: float, slope: float) -> None:
    """logistic_success(logistic_horizon(p)) gives back p."""
    assert pytest.approx(p, rel=REL) == logistic_success(logistic_horizon(p, t50, slope), t50, slope)


@given(t50s, st.floats(min_value=0.01, max_value=0.99))
def test_slope_from_t50_t80_gives_back_t80(t50: float, fraction: float) -> None:
    """The curve through T50 and T80 crosses 80% at T80: the slope round-trips."""
    t80 = t50 * fraction
    slope = logistic_slope(t50, t80)
    assert slope < 0
    assert pytest.approx(t80, rel=REL) == logistic_horizon(0.8, t50, slope)
    assert pytest.approx(0.8, rel=REL) == logistic_success(t80, t50, slope)


@given(t50s, agent_logistic_slopes)
def test_logistic_fixed_points(t50: float, slope: float) -> None:
    """Every logistic curve starts at 1 and passes through 0.5 at T50."""
    assert 1.0 == logistic_success(0.0, t50, slope)
    assert 0.5 == logistic_success(t50, t50, slope)
    assert pytest.approx(t50, rel=1e-15) == logistic_horizon(0.5, t50, slope)


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e6), t50s, agent_logistic_slopes)
def test_logistic_success_never_increases_with_length(a: float, b: float, t50: float, slope: float) -> None:
    """A longer task is never more likely to succeed."""
    short, long = sorted((a, b))
    assert logistic_success(short, t50, slope) >= logistic_success(long, t50, slope)


@given(probabilities, probabilities, t50s, agent_logistic_slopes)
def test_logistic_horizon_falls_as_p_rises(a: float, b: float, t50: float, slope: float) -> None:
    """Demanding a higher success rate never allows a longer task."""
    low, high = sorted((a, b))
    assert logistic_horizon(low, t50, slope) >= logistic_horizon(high, t50, slope)


@given(st.floats(min_value=-20, max_value=20), t50s, agent_logistic_slopes)
def test_logistic_is_symmetric_about_t50(doublings: float, t50: float, slope: float) -> None:
    """Success d doublings above T50 and failure d doublings below it are equal: sigma(-z) = 1 - sigma(z)."""
    above = logistic_success(t50 * 2.0**doublings, t50, slope)
    below = logistic_success(t50 * 2.0**-doublings, t50, slope)
    assert pytest.approx(1.0, rel=1e-12) == above + below


@given(st.floats(min_value=1e-3, max_value=1e3), t50s, agent_logistic_slopes)
def test_odds_change_by_e_to_the_slope_per_doubling(t: float, t50: float, slope: float) -> None:
    """Doubling the task length multiplies the odds of success by e ** slope (a half at slope -ln 2)."""
    odds = lambda p: p / (1 - p)  # noqa: E731
    before = logistic_success(t50 * t, t50, slope)
    after = logistic_success(2 * t50 * t, t50, slope)
    assume(1e-6 < after and before < 1 - 1e-6)  # odds lose digits as p nears 0 or 1
    assert pytest.approx(math.exp(slope), rel=1e-6) == odds(after) / odds(before)


@given(st.floats(min_value=0, max_value=1e6), t50s, agent_logistic_slopes, scales)
def test_logistic_ignores_the_time_unit(t: float, t50: float, slope: float, c: float) -> None:
    """Measuring t and T50 in another unit leaves success unchanged; horizons scale with T50."""
    assert pytest.approx(logistic_success(t, t50, slope), rel=1e-9, abs=1e-300) == logistic_success(
        c * t, c * t50, slope
    )
    assert pytest.approx(c * logistic_horizon(0.9, t50, slope), rel=REL) == logistic_horizon(0.9, c * t50, slope)


@given(probabilities, t50s, st.floats(min_value=0.01, max_value=0.99))
def test_metr_horizon_passes_through_both_horizons(p: float, t50: float, fraction: float) -> None:
    """metr_horizon is the logistic horizon through T50 and T80: it gives back both."""
    t80 = t50 * fraction
    assert pytest.approx(logistic_horizon(p, t50, logistic_slope(t50, t80)), rel=1e-15) == metr_horizon(p, t50, t80)
    assert pytest.approx(t80, rel=REL) == metr_horizon(0.8, t50, t80)
    assert pytest.approx(t50, rel=1e-15) == metr_horizon(0.5, t50, t80)


def test_slope_of_quarter_ratio_is_minus_ln2() -> None:
    """T80 = T50 / 4 gives slope -ln 2: the odds of success halve with every doubling."""
    assert pytest.approx(-math.log(2), rel=1e-15) == logistic_slope(60, 15)


@given(t50s, agent_logistic_slopes)
def test_logistic_t50_from_intercept(t50: float, slope: float) -> None:
    """METR's intercept beta0 = -beta1 * log2 T50 converts back to T50."""
    assert pytest.approx(t50, rel=REL) == logistic_t50(-slope * math.log2(t50), slope)


@given(probabilities, t50s, agent_logistic_slopes)
def test_doublings_from_the_logistic_are_minus_logit_over_slope(p: float, t50: float, slope: float) -> None:
    """From T_p to T50 takes -logit(p) / slope doublings."""
    t_p = logistic_horizon(p, t50, slope)
    expected = -(math.log(p) - math.log1p(-p)) / slope
    assert pytest.approx(expected, rel=1e-9, abs=1e-9) == doublings_to_reach(t_p, t50)


def test_logistic_is_steeper_than_constant_hazard_for_claude_3_7() -> None:
    """With Ord's 59 and 15 minutes, the logistic's T80 is below the constant-hazard T80 (19 minutes)."""
    slope = logistic_slope(59, 15)
    assert logistic_horizon(0.8, 59, slope) < horizon(0.8, 59)


# --- Doublings and months ---------------------------------------------------------------------


@given(agent_hours, agent_hours, agent_hours)
def test_doublings_add_up(a: float, b: float, c: float) -> None:
    """Doublings from a to b plus b to c are doublings from a to c; reversing flips the sign."""
    assert pytest.approx(doublings_to_reach(a, c), abs=1e-9) == doublings_to_reach(a, b) + doublings_to_reach(b, c)
    assert pytest.approx(-doublings_to_reach(b, a), rel=1e-15, abs=1e-15) == doublings_to_reach(a, b)


@given(agent_hours, st.integers(min_value=-40, max_value=40))
def test_whole_doublings_are_exact(t: float, n: int) -> None:
    """A length 2 ** n times another is exactly n doublings away."""
    assert n == doublings_to_reach(t, t * 2.0**n)


@given(agent_hours, agent_hours, st.floats(min_value=0.1, max_value=120))
def test_months_are_doublings_times_doubling_time(a: float, b: float, months: float) -> None:
    """months_to_reach is the doubling time times the number of doublings."""
    assert pytest.approx(months * doublings_to_reach(a, b), rel=1e-12, abs=1e-12) == months_to_reach(a, b, months)


# --- Hourly cost --------------------------------------------------------------------------


@given(agent_rates, agent_hours)
def test_hourly_cost_undoes_task_cost_at_rate(rate: float, hours: float) -> None:
    """The hourly cost of a task priced at a rate is that rate."""
    assert pytest.approx(rate, rel=1e-15) == hourly_cost(task_cost_at_rate(rate, hours), hours)


@given(agent_costs, agent_hours, scales)
def test_hourly_cost_scales(cost: float, hours: float, c: float) -> None:
    """Doubling the cost doubles the hourly rate; doubling the horizon halves it."""
    assert pytest.approx(c * hourly_cost(cost, hours), rel=1e-15) == hourly_cost(c * cost, hours)
    assert pytest.approx(hourly_cost(cost, hours) / c, rel=1e-15) == hourly_cost(cost, c * hours)


@given(agent_rates, agent_rates, agent_rates)
def test_cost_multiples_chain(a: float, b: float, c: float) -> None:
    """a / b times b / c is a / c; anything is once itself."""
    assert 1.0 == cost_multiple(a, a)
    assert pytest.approx(cost_multiple(a, c), rel=1e-14) == cost_multiple(a, b) * cost_multiple(b, c)


def test_human_rate_is_ords() -> None:
    """The default human rate is Ord's best human rate, about $120 an hour."""
    assert 120.0 == HUMAN_HOURLY_RATE_USD


@given(agent_growth, agent_growth)
def test_hourly_cost_growth_identities(cost_growth: float, horizon_growth: float) -> None:
    """Equal growth keeps the hourly cost flat; faster cost growth makes it rise, slower fall."""
    assert 1.0 == hourly_cost_growth(horizon_growth, horizon_growth)
    growth = hourly_cost_growth(cost_growth, horizon_growth)
    assert (growth > 1) == (cost_growth > horizon_growth)
    assert pytest.approx(cost_growth, rel=1e-15) == growth * horizon_growth


@given(agent_growth, agent_growth, agent_growth, st.integers(min_value=1, max_value=10))
def test_hourly_cost_growth_compounds(cost_growth: float, horizon_growth: float, hours: float, years: int) -> None:
    """Hourly cost after n years is today's times (g_C / g_T) ** n, whatever the horizon."""
    cost = task_cost_at_rate(50.0, hours) * cost_growth**years
    later = hourly_cost(cost, hours * horizon_growth**years)
    assert pytest.approx(50.0 * hourly_cost_growth(cost_growth, horizon_growth) ** years, rel=1e-9) == later


# --- Horizon factor -------------------------------------------------------------------------


@given(
    st.floats(min_value=1e-3, max_value=1e3),
    st.floats(min_value=1e-3, max_value=1e3),
    st.floats(min_value=-3, max_value=3),
)
def test_horizon_factor_is_a_power(a: float, b: float, slope: float) -> None:
    """Spending a then b times more is spending a * b times more; slope 1 is proportional, 0 flat."""
    assert pytest.approx(horizon_factor(a * b, slope), rel=1e-9) == horizon_factor(a, slope) * horizon_factor(b, slope)
    assert pytest.approx(a, rel=1e-15) == horizon_factor(a, 1.0)
    assert 1.0 == horizon_factor(a, 0.0)


def test_saturation_means_ten_percent_buys_one_percent() -> None:
    """At slope 0.1, 10% more spend buys just under 1% more horizon."""
    assert 1.009 < horizon_factor(1.1, 0.1) < 1.01


# --- Slopes, sweet spot and saturation on curves -----------------------------------------------


def sampled(curve: tuple[float, float, float], per_decade: int = 200) -> tuple[list[float], list[float]]:
    """The stylised curve sampled from 10^-3 to 10^4 times its half-plateau cost."""
    top, half, steep = curve
    costs = [half * 10.0 ** (k / per_decade) for k in range(-3 * per_decade, 4 * per_decade + 1)]
    return costs, [saturating_horizon(c, top, half, steep) for c in costs]


def local_slope(cost: float, curve: tuple[float, float, float], h: float = 1e-4) -> float:
    """d log T / d log C of the stylised curve at ``cost``, by a central difference."""
    top, half, steep = curve
    up = saturating_horizon(cost * math.exp(h), top, half, steep)
    down = saturating_horizon(cost * math.exp(-h), top, half, steep)
    return (math.log(up) - math.log(down)) / (2 * h)


@given(
    st.lists(st.floats(min_value=-5, max_value=5), min_size=3, max_size=30, unique=True),
    st.floats(min_value=-3, max_value=3),
    st.floats(min_value=1e-3, max_value=1e3),
)
def test_power_law_has_constant_slope(log_costs: list[float], exponent: float, scale: float) -> None:
    """A power law T = a * C ** b has slope b at every point, however unevenly spaced."""
    costs = [10.0**x for x in sorted(log_costs)]
    assume(all(b / a > 1 + 1e-9 for a, b in itertools.pairwise(costs)))
    horizons = [scale * c**exponent for c in costs]
    assert all(pytest.approx(exponent, abs=1e-6) == s for s in log_log_slopes(costs, horizons))


@given(agent_curves)
def test_slope_of_the_stylised_curve(curve: tuple[float, float, float]) -> None:
    """The stylised curve's log-log slope is steepness * (1 - T / plateau)."""
    top, half, steep = curve
    for cost in (half / 3, half, 3 * half):
        t = saturating_horizon(cost, top, half, steep)
        assert pytest.approx(steep * (1 - t / top), rel=1e-6) == local_slope(cost, curve)


@given(agent_curves, agent_costs, agent_costs)
def test_stylised_curve_rises_to_its_plateau(curve: tuple[float, float, float], a: float, b: float) -> None:
    """More spend never shortens the horizon, which stays below the plateau and is half of it at half_cost."""
    top, half, steep = curve
    low, high = sorted((a, b))
    assert saturating_horizon(low, top, half, steep) <= saturating_horizon(high, top, half, steep) <= top
    assert pytest.approx(top / 2, rel=1e-15) == saturating_horizon(half, top, half, steep)
    assert 0.0 == saturating_horizon(0.0, top, half, steep)


@given(agent_curves)
def test_sweet_spot_is_where_the_slope_is_one(curve: tuple[float, float, float]) -> None:
    """On a densely sampled curve the sweet spot has slope 1 and the lowest hourly cost of any sample."""
    costs, horizons = sampled(curve)
    point = sweet_spot(costs, horizons)
    assert isinstance(point, CurvePoint)
    assert pytest.approx(1.0, abs=2e-3) == local_slope(point.cost, curve)
    lowest = min(c / t for c, t in zip(costs, horizons))
    assert pytest.approx(lowest, rel=1e-4) == point.hourly_cost
    assert pytest.approx(point.cost / point.horizon, rel=1e-12) == point.hourly_cost


@given(agent_curves, st.floats(min_value=0.02, max_value=0.5))
def test_saturation_is_where_the_slope_falls_to_the_level(curve: tuple[float, float, float], level: float) -> None:
    """The saturation point has the chosen slope, lies past the sweet spot and costs more per hour."""
    costs, horizons = sampled(curve)
    point = saturation_point(costs, horizons, level)
    sweet = sweet_spot(costs, horizons)
    assert pytest.approx(level, rel=1e-2) == local_slope(point.cost, curve)
    assert sweet.cost < point.cost and sweet.horizon < point.horizon
    assert sweet.hourly_cost < point.hourly_cost


@given(agent_curves, scales, scales)
def test_sweet_spot_follows_the_units(curve: tuple[float, float, float], c: float, h: float) -> None:
    """Costs times c and horizons times h move the sweet spot and saturation point the same way."""
    costs, horizons = sampled(curve, per_decade=20)
    before, after = sweet_spot(costs, horizons), sweet_spot([c * x for x in costs], [h * y for y in horizons])
    assert pytest.approx((c * before.cost, h * before.horizon), rel=1e-9) == (after.cost, after.horizon)
    before = saturation_point(costs, horizons)
    after = saturation_point([c * x for x in costs], [h * y for y in horizons])
    assert pytest.approx((c * before.cost, h * before.horizon), rel=1e-9) == (after.cost, after.horizon)


def test_curve_with_two_dips_takes_the_lower_hourly_cost() -> None:
    """Of two places where the slope falls through 1, the sweet spot is the one with the lower hourly cost."""
    costs = [1, 2, 4, 8, 16, 32, 64, 128, 256]
    horizons = [0.1, 0.4, 0.5, 0.55, 2.5, 12, 13, 13.5, 13.6]
    point = sweet_spot(costs, horizons)
    assert point.cost > 16
    assert point.hourly_cost < min(c / t for c, t in zip(costs[:4], horizons[:4]))


def test_saturation_default_is_ords_tenth() -> None:
    """saturation_point's default slope is Ord's 0.1."""
    costs, horizons = sampled((2.0, 20.0, 2.0))
    assert saturation_point(costs, horizons, 0.1) == saturation_point(costs, horizons)


CURVE_ERRORS = {  # test id: (costs, horizons, the start of the message)
    "lengths-differ": ([1, 2, 3], [1, 2], "costs and horizons must have the same length, got 3 and 2"),
    "too-few": ([1, 2], [1, 2], "costs and horizons need at least 3 points, got 2"),
    "cost-zero": ([0, 1, 2], [1, 2, 3], "costs[0] must be greater than 0, got 0"),
    "horizon-negative": ([1, 2, 3], [1, -2, 3], "horizons[1] must be greater than 0, got -2"),
    "cost-nan": ([1, math.nan, 3], [1, 2, 3], "costs[1] must be a finite number, got nan"),
    "cost-text": ([1, "2", 3], [1, 2, 3], "costs[1] must be a number, got '2'"),
    "not-increasing": ([1, 3, 3], [1, 2, 3], "costs must increase: costs[2] = 3 is not above costs[1] = 3"),
    "decreasing": ([1, 3, 2], [1, 2, 3], "costs must increase: costs[2] = 2 is not above costs[1] = 3"),
    "not-a-sequence": (5, [1, 2, 3], "costs and horizons must be sequences of numbers"),
    "a-string": ("123", [1, 2, 3], "costs and horizons must be sequences of numbers"),
}


@pytest.mark.parametrize(("costs", "horizons", "message"), list(CURVE_ERRORS.values()), ids=list(CURVE_ERRORS))
def test_bad_curves_are_rejected_in_words(costs: object, horizons: object, message: str) -> None:
    """Every curve tool rejects malformed points with the same plain message."""
    for tool in (log_log_slopes, sweet_spot, saturation_point):
        with pytest.raises(ValueError, match=f"^{re.escape(message)}"):
            tool(costs, horizons)


def test_curve_without_a_sweet_spot_is_rejected() -> None:
    """A curve that is never steeper than slope 1, or never flattens below it, has no sweet spot."""
    for horizons in ([1, 1.5, 2, 2.2], [1, 4, 16, 64]):
        with pytest.raises(ValueError, match="never falls through 1, so it has no sweet spot"):
            sweet_spot([1, 2, 4, 8], horizons)


def test_curve_that_never_saturates_is_rejected() -> None:
    """A curve whose slope stays above the level after its sweet spot has no saturation point."""
    with pytest.raises(ValueError, match=r"never falls to 0\.1 after its sweet spot"):
        saturation_point([1, 2, 4, 8, 16], [0.25, 1, 2, 3, 4])
    with pytest.raises(ValueError, match="slope must be strictly between 0 and 1, got 1"):
        saturation_point([1, 2, 4, 8, 16], [0.25, 1, 2, 3, 4], slope=1.0)


# --- Stakenborg's cost per success ---------------------------------------------------------------


@given(agent_hours, st.floats(min_value=1e-3, max_value=10), st.floats(min_value=1, max_value=1e3), shapes)
def test_at_t50_a_success_costs_two_runs(t50: float, per_step: float, steps: float, shape: float) -> None:
    """At the 50% horizon an agent needs two attempts on average, whatever the shape."""
    run_cost = per_step * steps * t50
    assert pytest.approx(2 * run_cost, rel=1e-12) == agent_cost_per_success(t50, t50, per_step, steps, shape)


@given(agent_hours, st.integers(min_value=0, max_value=30))
def test_constant_hazard_doubles_cost_per_t50(t50: float, n: int) -> None:
    """With a constant hazard each further T50 of task doubles the cost per unit of work."""
    t = n * t50
    expected = 0.22 * 80 * t * 2.0**n
    assert pytest.approx(expected, rel=1e-9) == agent_cost_per_success(t, t50, 0.22, 80)


@given(agent_hours, agent_hours, agent_hours, shapes)
def test_cost_per_success_grows_with_length(a: float, b: float, t50: float, shape: float) -> None:
    """A longer task never costs less per success, and never less than one run."""
    short, long = sorted((a, b))
    try:
        cheap = agent_cost_per_success(short, t50, 0.22, 80, shape)
        dear = agent_cost_per_success(long, t50, 0.22, 80, shape)
    except ValueError as error:  # success too unlikely for a float: only far beyond T50
        assert "too large to compute" in str(error)
        assert survival(long, t50, shape) < 1e-300
        return
    assert 0.22 * 80 * short * (1 - 1e-12) <= cheap <= dear


@given(agent_hours, agent_rates)
def test_human_cost_is_proportional(hours: float, rate: float) -> None:
    """A human's cost is rate times hours: twice the task, twice the cost."""
    assert pytest.approx(2 * human_task_cost(hours, rate), rel=1e-15) == human_task_cost(2 * hours, rate)


@given(agent_hours, st.floats(min_value=1e-3, max_value=1), st.floats(min_value=1, max_value=200), shapes)
def test_break_even_is_where_the_costs_meet(t50: float, per_step: float, steps: float, shape: float) -> None:
    """At the break-even length agent and human cost the same; shorter favours the agent, longer the human."""
    human = 150.0
    assume(per_step * steps < 0.9 * human)
    t = break_even_task_hours(t50, per_step, steps, human, shape)
    assert pytest.approx(human_task_cost(t, human), rel=1e-8) == agent_cost_per_success(t, t50, per_step, steps, shape)
    assert agent_cost_per_success(t / 2, t50, per_step, steps, shape) < human_task_cost(t / 2, human)
    assert survival(2 * t, t50, shape) < survival(t, t50, shape)


@given(agent_hours, shapes)
def test_break_even_needs_an_agent_cheaper_than_the_human(t50: float, shape: float) -> None:
    """If running the agent costs at least the human rate, there is no break-even length."""
    with pytest.raises(ValueError, match="never costs less than the human"):
        break_even_task_hours(t50, 2.0, 80, 150, shape)


def test_stakenborg_defaults() -> None:
    """Stakenborg's defaults: an 8-hour task is cheaper with the agent, and break-even is later under k = 0.7."""
    agent = agent_cost_per_success(8, 5, 0.22, 80, 0.7)
    assert agent < human_task_cost(8, 150)
    assert break_even_task_hours(5, 0.22, 80, 150) < break_even_task_hours(5, 0.22, 80, 150, 0.7)


# --- The calculators report bad input next to the right field --------------------------------


def test_agents_table_covers_fact_base_rows() -> None:
    """tests/cases/agent_costs.csv has golden rows for fact-base §6 rows 15, 20, 21, 23, 24 and 25."""
    import csv
    from pathlib import Path

    with (Path(__file__).parent.parent / "cases" / "agent_costs.csv").open(newline="", encoding="utf-8") as file:
        ids = [row["id"] for row in csv.DictReader(file)]
    rows = {cell.split("-")[0].removeprefix("row") for cell in ids if cell.startswith("row")}
    assert {"15", "20", "21", "23", "24", "25"} == rows


# --- months_from_days ------------------------------------------------------------------------


@given(st.floats(min_value=0, max_value=1e300), st.floats(min_value=0, max_value=1e300))
def test_months_from_days_is_linear(a: float, b: float) -> None:
    """Days convert to months in proportion, 365.25 days making 12 months."""
    assert pytest.approx(months_from_days(a) + months_from_days(b), rel=1e-12, abs=1e-300) == months_from_days(a + b)
    assert pytest.approx(12.0, rel=1e-15) == months_from_days(365.25)
    assert months_from_days(0) == 0


def test_metr_doubling_times_in_months() -> None:
    """METR's 212 days is Ord's "every 7 months"; 128.744 days is about 4.2 months."""
    assert round(months_from_days(212)) == 7
    assert round(months_from_days(128.744), 1) == 4.2
