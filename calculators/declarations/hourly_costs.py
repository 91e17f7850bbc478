"""The calculators of the hourly-costs page: ``hourly-cost``, ``cost-per-success`` and
``sweet-spot``.

Formulas live in :mod:`calculators.models.agent_costs` and :mod:`calculators.models.half_life`;
this module only declares inputs, outputs and charts.
"""

from __future__ import annotations

import math

from .._chart import DRAWABLE_DECADES, Rows, drawable, keep_drawable, sample
from .._checks import InputError, OutOfRangeError
from .._declare import Axis, Calculator, Chart, Input, Output, Preset
from .._format import dollars, format_value, short_number
from ..models.agent_costs import (
    HUMAN_HOURLY_RATE_USD,
    agent_cost_per_success,
    break_even_task_hours,
    cost_multiple,
    hourly_cost,
    hourly_cost_growth,
    human_task_cost,
    saturating_horizon,
    stylised_curve_points,
    task_cost_at_rate,
)

__all__ = ["COST_PER_SUCCESS", "HOURLY_COST", "SWEET_SPOT"]

_LN10 = math.log(10)
_LOG10_4 = math.log10(4)
#: hourly-cost and sweet-spot chart METR's axes: horizon against cost per task.
_TASK_COST_AXIS = Axis(field="cost", title="Cost per task (US$)", scale="log")
_HORIZON_AXIS = Axis(field="horizon", title="50% time horizon (hours)", scale="log")
_TASK_HOURS_AXIS = Axis(field="hours", title="Task length (hours)", scale="log")
_SUCCESS_COST_AXIS = Axis(field="cost", title="Cost per success (US$)", scale="log")

_ORD_COSTS = (
    "Ord, 'Are the Costs of AI Agents Also Rising Exponentially?' (22 Dec 2025), reading "
    "METR's chart of time horizon against cost"
)
_OPENAI_CAVEAT = (
    "Ord warns that METR's prices for OpenAI's reasoning models were still estimates based on "
    "o1's costs, so these curves may really be several times cheaper."
)


# --- hourly-cost ------------------------------------------------------------------------

#: Points Ord quotes as (label, task cost in dollars, horizon in hours); the cost is our
#: arithmetic from his hourly rate and horizon.
_ORD_POINTS = (
    ("o3, full horizon", task_cost_at_rate(350.0, 1.5), 1.5),
    ("GPT-5, 45 min", task_cost_at_rate(13.0, 0.75), 0.75),
    ("GPT-5, 2 h", task_cost_at_rate(120.0, 2.0), 2.0),
)
#: A phone's label for each of Ord's points, where the full one has no room: "o3, full horizon"
#: (112 px) reached from its point to beside GPT-5's, 2 h, its middle nearer that point.
_ORD_SHORT = {"o3, full horizon": "o3"}


def _hourly_compute(
    task_cost: float,
    horizon_hours: float,
    reference_usd_per_hour: float,
    cost_growth: float,
    horizon_growth: float,
) -> dict[str, float]:
    rate = hourly_cost(task_cost, horizon_hours)
    return {
        "hourly_cost": rate,
        "multiple": cost_multiple(rate, reference_usd_per_hour),
        "hourly_growth": hourly_cost_growth(cost_growth, horizon_growth),
    }


def _hourly_chart(
    task_cost: float,
    horizon_hours: float,
    reference_usd_per_hour: float,
    cost_growth: float,
    horizon_growth: float,
) -> Rows:
    rate = hourly_cost(task_cost, horizon_hours)
    others = [(label, cost, hours) for label, cost, hours in _ORD_POINTS if (cost, hours) != (task_cost, horizon_hours)]
    hours_shown = [horizon_hours] + [hours for _, _, hours in others]
    hours_grid = sample(
        _HORIZON_AXIS, min(map(math.log10, hours_shown)) - _LOG10_4, max(map(math.log10, hours_shown)) + _LOG10_4, 41
    )
    lines: list[dict[str, float | str]] = []
    for name, usd_per_hour in (
        (f"This agent: {dollars(rate)}/h", rate),
        (f"Human: {dollars(reference_usd_per_hour)}/h", reference_usd_per_hour),
    ):
        if usd_per_hour == 0:
            continue  # a cost of 0 has no place on a log axis
        for hours in hours_grid:
            try:
                cost = task_cost_at_rate(usd_per_hour, hours)
            except OutOfRangeError:
                continue  # beyond the float range: leave this stretch of line out
            lines.append({"cost": cost, "horizon": hours, "series": name})
    points: list[dict[str, float | str]] = []
    if task_cost > 0:
        # On a phone's plot the two lines are under 30 px apart across and "This agent" (70
        # px) fits on neither side of its point, so a line crosses it or it stands off: the
        # legend names the agent's line, so there it reads "Agent", which fits at its right.
        points.append({"cost": task_cost, "horizon": horizon_hours, "label": "This agent", "short": "Agent"})
    points += [
        {
            "cost": cost,
            "horizon": hours,
            "label": label,
            **({"short": _ORD_SHORT[label]} if label in _ORD_SHORT else {}),
        }
        for label, cost, hours in others
    ]
    # Centred on this agent's point; failing that (an extreme cost), on the human line, at
    # a horizon whose 6-decade window stays inside what the log axis draws.
    edge = DRAWABLE_DECADES - 6.0
    target = min(max(math.log10(horizon_hours), -edge), edge)
    human = [row for row in lines if str(row["series"]).startswith("Human")]
    nearest = min(human, key=lambda row: abs(math.log10(float(row["horizon"])) - target), default=None)
    human_centre = float(nearest["cost"]) if nearest else 0.0
    windows = [
        {"cost": (centre, 6.0), "horizon": (horizon_hours, 6.0)} for centre in (task_cost, human_centre) if centre > 0
    ]
    windows.append({"cost": (0.0, 0.0), "horizon": (0.0, 0.0)})  # last resort: the float range only
    return keep_drawable({"lines": lines, "points": points}, *windows)


HOURLY_COST = Calculator(
    id="hourly-cost",
    title="Hourly cost of an AI agent",
    summary=(
        "Ord's hourly cost: what an agent costs to run on a task at its 50% time horizon, per "
        "hour of that horizon, compared with a human's rate, and how it drifts when costs and "
        "horizons grow at different speeds."
    ),
    inputs=(
        Input(
            name="task_cost",
            label="Cost of a task at the 50% horizon",
            unit="US$",
            default=task_cost_at_rate(350.0, 1.5),
            minimum=0,
            scale="log",
            why="o3 at its full horizon: Ord's $350 an hour times 1.5 hours (the product is our arithmetic).",
        ),
        Input(
            name="horizon_hours",
            label="50% time horizon",
            unit="hours",
            default=1.5,
            minimum=0,
            scale="log",
            why="1.5 hours is o3's full 50% horizon on METR's cost chart, as Ord reads it.",
        ),
        Input(
            name="reference_usd_per_hour",
            label="Human hourly rate",
            unit="US$ per hour",
            default=HUMAN_HOURLY_RATE_USD,
            minimum=0,
            why="About $120 an hour is the best human rate on METR's chart, as Ord reads it.",
        ),
        Input(
            name="cost_growth",
            label="Growth of task cost per year",
            unit="× per year",
            default=3.0,
            minimum=0,
            why="Ord's illustration: costs growing 3× a year, as fast as the horizons.",
        ),
        Input(
            name="horizon_growth",
            label="Growth of the horizon per year",
            unit="× per year",
            default=3.0,
            minimum=0,
            why="Ord's illustration: horizons 3× longer each year, the same pace as costs.",
        ),
    ),
    default_preset=Preset(
        id="o3",
        cites=("ord2025hourlycosts",),
        label="o3 at its full horizon ($350/h)",
        values={"task_cost": task_cost_at_rate(350.0, 1.5), "horizon_hours": 1.5},
        source=f"{_ORD_COSTS}: o3 costs about $350 an hour at its full horizon of about 1.5 hours. {_OPENAI_CAVEAT}",
    ),
    presets=(
        Preset(
            id="gpt-5-short",
            keeps=("reference_usd_per_hour", "cost_growth", "horizon_growth"),
            cites=("ord2025hourlycosts",),
            label="GPT-5 on 45-minute tasks ($13/h)",
            values={"task_cost": task_cost_at_rate(13.0, 0.75), "horizon_hours": 0.75},
            source=f"{_ORD_COSTS}: GPT-5 costs about $13 an hour for tasks of about 45 minutes. {_OPENAI_CAVEAT}",
        ),
        Preset(
            id="gpt-5-long",
            keeps=("reference_usd_per_hour", "cost_growth", "horizon_growth"),
            cites=("ord2025hourlycosts",),
            label="GPT-5 on 2-hour tasks ($120/h)",
            values={"task_cost": task_cost_at_rate(120.0, 2.0), "horizon_hours": 2.0},
            source=f"{_ORD_COSTS}: GPT-5 costs about $120 an hour for 2-hour tasks. {_OPENAI_CAVEAT}",
        ),
        Preset(
            id="grok-4-sweet-spot",
            keeps=("reference_usd_per_hour", "cost_growth", "horizon_growth"),
            cites=("ord2025hourlycosts",),
            label="Grok 4 at its sweet spot ($0.40/h)",
            values={"task_cost": task_cost_at_rate(0.40, 1.0), "horizon_hours": 1.0},
            source=(
                f"{_ORD_COSTS}: Grok 4's cheapest hourly rate is about $0.40. The essay does not give "
                "the horizon at that point; the preset uses 1 hour, so only the hourly cost carries "
                "Ord's figure."
            ),
        ),
    ),
    outputs=(
        Output(name="hourly_cost", label="Hourly cost", unit="US$ per hour"),
        Output(name="multiple", label="Multiple of the human rate", kind="multiplier"),
        Output(name="hourly_growth", label="Change in hourly cost per year", kind="multiplier"),
    ),
    compute=_hourly_compute,
    example={
        "task_cost": 9.75,
        "horizon_hours": 0.75,
        "reference_usd_per_hour": 150.0,
        "cost_growth": 4.0,
        "horizon_growth": 3.3,
    },
    chart=Chart(
        title="Time horizon against cost per task",
        description=(
            "50% time horizon in hours against cost per task in US dollars, as "
            "on METR's chart. Lines of constant hourly cost have slope 1: one through this agent's "
            "point and one at the human rate. Points Ord quotes for o3 and GPT-5 are marked."
        ),
        x=_TASK_COST_AXIS,
        y=_HORIZON_AXIS,
        data=_hourly_chart,
    ),
)


# --- cost-per-success -------------------------------------------------------------------


def _success_compute(
    task_hours: float,
    t50_hours: float,
    cost_per_step: float,
    steps_per_hour: float,
    human_usd_per_hour: float,
    shape: float,
) -> dict[str, float]:
    return {
        "agent_cost": agent_cost_per_success(task_hours, t50_hours, cost_per_step, steps_per_hour, shape),
        "agent_cost_constant_hazard": agent_cost_per_success(task_hours, t50_hours, cost_per_step, steps_per_hour),
        "human_cost": human_task_cost(task_hours, human_usd_per_hour),
    }


def _break_even(
    t50_hours: float, cost_per_step: float, steps_per_hour: float, human: float, shape: float
) -> float | None:
    """The break-even length, or None where there is none (agent never cheaper, or no float)."""
    try:
        return break_even_task_hours(t50_hours, cost_per_step, steps_per_hour, human, shape)
    except (InputError, OutOfRangeError):
        return None


def _success_chart(
    task_hours: float,
    t50_hours: float,
    cost_per_step: float,
    steps_per_hour: float,
    human_usd_per_hour: float,
    shape: float,
) -> Rows:
    even = _break_even(t50_hours, cost_per_step, steps_per_hour, human_usd_per_hour, shape)
    marked = [t50_hours] + ([task_hours] if task_hours > 0 else []) + ([even] if even is not None else [])
    lengths = sample(
        _TASK_HOURS_AXIS, min(map(math.log10, marked)) - math.log10(20), max(map(math.log10, marked)) + _LOG10_4, 81
    )
    lines: list[dict[str, float | str]] = []
    human = f"Human: {dollars(human_usd_per_hour)}/h"
    for t in lengths:
        try:
            cost = human_task_cost(t, human_usd_per_hour)
        except OutOfRangeError:
            continue  # beyond the float range: leave this stretch of line out
        if drawable(_SUCCESS_COST_AXIS, cost):
            lines.append({"hours": t, "cost": cost, "series": human})
    # The agent's cost explodes past T50; its lines stop at 30 times the human's cost for the
    # longest task shown, so that the chart keeps a readable scale.
    ceiling = 30 * max((float(row["cost"]) for row in lines), default=math.inf)
    for k in [1.0] if shape == 1 else [1.0, shape]:
        name = f"Agent, k = {short_number(k, 4)}"
        for t in lengths:
            try:
                cost = agent_cost_per_success(t, t50_hours, cost_per_step, steps_per_hour, k)
            except OutOfRangeError:
                continue  # beyond the float range (success too unlikely, or a cost too small)
            if cost > ceiling:
                break
            if cost > 0:
                lines.append({"hours": t, "cost": cost, "series": name})
    points: list[dict[str, float | str]] = []
    agent_here = agent_cost_per_success(task_hours, t50_hours, cost_per_step, steps_per_hour, shape)
    if task_hours > 0 and agent_here > 0:
        points.append({"hours": task_hours, "cost": agent_here, "label": "This task"})
    if even is not None:
        try:
            points.append({"hours": even, "cost": human_task_cost(even, human_usd_per_hour), "label": "Break-even"})
        except OutOfRangeError:
            pass
    # Costs are shown within 8 powers of ten of the human's cost at T50 (or, without a human
    # line, the agent's), so that a near-zero price per step cannot stretch the axis.
    humans = [row for row in lines if row["series"] == human]
    nearest = min(humans, key=lambda row: abs(math.log(float(row["hours"])) - math.log(t50_hours)), default=None)
    if nearest is not None:
        centre = float(nearest["cost"])
    else:
        try:
            centre = agent_cost_per_success(t50_hours, t50_hours, cost_per_step, steps_per_hour, shape)
        except OutOfRangeError:
            centre = 0.0
    return keep_drawable(
        {"lines": lines, "points": points},
        {"hours": (t50_hours, 6.0), "cost": (centre, 8.0)},
        {"hours": (t50_hours, 6.0), "cost": (0.0, 0.0)},
    )


COST_PER_SUCCESS = Calculator(
    id="cost-per-success",
    title="Agent cost per successful task",
    summary=(
        "Stakenborg's back-of-the-envelope model: an agent re-run until it succeeds costs its "
        "running cost divided by its chance of success, which grows exponentially with task "
        "length (more slowly with a Weibull shape below 1), while a human's cost grows in "
        "proportion."
    ),
    inputs=(
        Input(
            name="task_hours",
            label="Task length",
            unit="hours",
            default=8.0,
            minimum=0,
            scale="log",
            why="8 hours, a working day, is our illustration; the chart shows every length.",
        ),
        Input(
            name="t50_hours",
            label="Agent's 50% time horizon, T₅₀",
            unit="hours",
            default=5.0,
            minimum=0,
            scale="log",
            why="5 hours is the default in Stakenborg's 'Agent economics: a BOTEC' (2026).",
        ),
        Input(
            name="cost_per_step",
            label="Cost per agent step",
            unit="US$",
            default=0.22,
            minimum=0,
            why="$0.22 a step is Stakenborg's default.",
        ),
        Input(
            name="steps_per_hour",
            label="Agent steps per hour of human work",
            unit="steps per hour",
            default=80.0,
            minimum=0,
            why="80 steps an hour is Stakenborg's default.",
        ),
        Input(
            name="human_usd_per_hour",
            label="Human hourly rate",
            unit="US$ per hour",
            default=150.0,
            minimum=0,
            why="$150 an hour is Stakenborg's default (Ord's best human rate on METR's chart is about $120).",
        ),
        Input(
            name="shape",
            label="Weibull shape, k (1 = constant hazard)",
            unit="",
            default=0.7,
            minimum=0,
            why=(
                "k = 0.70 is Stakenborg's Weibull case, after Hamilton's fits; k = 1 is Ord's constant "
                "hazard, always drawn for comparison."
            ),
        ),
    ),
    default_preset=Preset(
        id="stakenborg",
        cites=("stakenborg2026botec", "stakenborg2026tax"),
        label="Stakenborg's base case",
        values={
            "task_hours": 8.0,
            "t50_hours": 5.0,
            "cost_per_step": 0.22,
            "steps_per_hour": 80.0,
            "human_usd_per_hour": 150.0,
            "shape": 0.7,
        },
        source="Stakenborg, 'Agent economics: a BOTEC' (EA Forum, Feb 2026), and her half-life-tax calculator's defaults.",
    ),
    presets=(
        Preset(
            id="constant-hazard",
            cites=("ord2025halflife",),
            label="Constant hazard (Ord)",
            values={"shape": 1.0},
            source="Ord, 'Is There a Half-Life for the Success Rates of AI Agents?' (2025).",
        ),
        Preset(
            id="human-120",
            cites=("ord2025hourlycosts",),
            label="Ord's human rate ($120/h)",
            values={"human_usd_per_hour": HUMAN_HOURLY_RATE_USD},
            source=f"{_ORD_COSTS}: the best human rate is about $120 an hour.",
        ),
    ),
    outputs=(
        Output(name="agent_cost", label="Agent's expected cost per success, Weibull shape k", unit="US$"),
        Output(
            name="agent_cost_constant_hazard", label="Agent's expected cost per success, constant hazard", unit="US$"
        ),
        Output(name="human_cost", label="Human's cost", unit="US$"),
    ),
    compute=_success_compute,
    example={
        "task_hours": 2.0,
        "t50_hours": 2.5,
        "cost_per_step": 0.05,
        "steps_per_hour": 60.0,
        "human_usd_per_hour": 120.0,
        "shape": 0.6,
    },
    chart=Chart(
        title="Cost per successful task against task length",
        description=(
            "Expected cost per successful task in US dollars against task length in hours: "
            "the agent under a constant hazard and under the chosen Weibull shape, and "
            "a human at the chosen hourly rate. Where an agent line crosses the human line is the "
            "break-even task length (marked for the chosen shape); agent lines stop at 30 times the "
            "human's cost for the longest task shown."
        ),
        x=_TASK_HOURS_AXIS,
        y=_SUCCESS_COST_AXIS,
        data=_success_chart,
    ),
)


# --- sweet-spot -------------------------------------------------------------------------


# The sweet-spot calculator's defaults, named once: the inputs use them, and the half-cost
# input's reason quotes the lowest hourly cost they give.
_SWEET_DEFAULTS = {"max_horizon_hours": 2.0, "half_cost": 20.0, "steepness": 2.0, "slope": 0.1}


def _sweet_compute(max_horizon_hours: float, half_cost: float, steepness: float, slope: float) -> dict[str, float]:
    sweet, saturated = stylised_curve_points(max_horizon_hours, half_cost, steepness, slope)
    return {
        "sweet_cost": sweet.cost,
        "sweet_horizon": sweet.horizon,
        "sweet_hourly_cost": sweet.hourly_cost,
        "saturation_cost": saturated.cost,
        "saturation_horizon": saturated.horizon,
        "saturation_hourly_cost": saturated.hourly_cost,
        "hourly_cost_rise": cost_multiple(saturated.hourly_cost, sweet.hourly_cost),
    }


def _sweet_chart(
    max_horizon_hours: float, half_cost: float, steepness: float, slope: float, *, outputs: dict[str, float]
) -> Rows:
    """The curve from a tenth of the sweet spot's cost to ten times the saturation point's,
    the two points the outputs found, and their lines of constant hourly cost."""
    low, high = outputs["sweet_cost"] / 10, outputs["saturation_cost"] * 10
    shown = [
        (c, t)
        for c in sample(_TASK_COST_AXIS, math.log10(low), math.log10(high), 121)
        if (t := saturating_horizon(c, max_horizon_hours, half_cost, steepness)) > 0
    ]
    lines: list[dict[str, float | str]] = [
        {"cost": c, "horizon": t, "series": "Horizon against cost (stylised)"} for c, t in shown
    ]
    # Slope-1 lines of constant hourly cost, drawn over the curve's horizons (up to twice its
    # plateau) and clipped to the costs shown.
    for name, rate in (
        (f"Sweet spot: {dollars(outputs['sweet_hourly_cost'])}/h", outputs["sweet_hourly_cost"]),
        (f"Saturation: {dollars(outputs['saturation_hourly_cost'])}/h", outputs["saturation_hourly_cost"]),
    ):
        for hours in sample(_HORIZON_AXIS, math.log10(shown[0][1]), math.log10(max_horizon_hours) + math.log10(2), 81):
            cost = task_cost_at_rate(rate, hours)
            if low <= cost <= high:
                lines.append({"cost": cost, "horizon": hours, "series": name})
    points: list[dict[str, float | str]] = [
        {"cost": outputs["sweet_cost"], "horizon": outputs["sweet_horizon"], "label": "Sweet spot"},
        {"cost": outputs["saturation_cost"], "horizon": outputs["saturation_horizon"], "label": "Saturation"},
    ]
    return keep_drawable({"lines": lines, "points": points}, {"cost": (0.0, 0.0), "horizon": (0.0, 0.0)})


SWEET_SPOT = Calculator(
    id="sweet-spot",
    title="Sweet spot and saturation point",
    summary=(
        "A stylised horizon-cost curve that rises steeply and then levels off. The core finds, "
        "numerically, its sweet spot (its lowest hourly cost, where the slope-1 line of lowest "
        "hourly cost that still reaches the curve grazes it) "
        "and its saturation point (where 10% more spend buys only 1% more horizon)."
    ),
    inputs=(
        Input(
            name="max_horizon_hours",
            label="Plateau horizon",
            unit="hours",
            default=_SWEET_DEFAULTS["max_horizon_hours"],
            minimum=0,
            scale="log",
            why="Illustrative: Ord's worked example, Claude 4.1 Opus, has a 2-hour horizon.",
        ),
        Input(
            name="half_cost",
            label="Cost at half the plateau",
            unit="US$",
            default=_SWEET_DEFAULTS["half_cost"],
            minimum=0,
            scale="log",
            why=(
                "Illustrative: with the other defaults it puts the lowest hourly cost at "
                "$" + format_value(_sweet_compute(**_SWEET_DEFAULTS)["sweet_hourly_cost"], "number", 2) + " an hour, "
                "inside the $0.40 to $40 range of sweet spots Ord reads off METR's chart."
            ),
        ),
        Input(
            name="steepness",
            label="Slope at low cost, on log–log axes",
            unit="",
            default=_SWEET_DEFAULTS["steepness"],
            minimum=1,
            why=(
                "Illustrative: the horizon first grows as the square of spend. Ord says only that the "
                "slope is above 1 before the sweet spot."
            ),
        ),
        Input(
            name="slope",
            label="Slope that marks saturation, on log–log axes",
            unit="",
            default=_SWEET_DEFAULTS["slope"],
            minimum=0,
            maximum=1,
            why=(
                "0.1 is Ord's choice, a tenth of the slope at the sweet spot; he calls it somewhat "
                "arbitrary, as any definition of saturation would be."
            ),
        ),
    ),
    outputs=(
        Output(name="sweet_cost", label="Sweet spot: cost per task", unit="US$"),
        Output(name="sweet_horizon", label="Sweet spot: horizon", unit="hours"),
        Output(name="sweet_hourly_cost", label="Sweet spot: hourly cost (the lowest)", unit="US$ per hour"),
        Output(name="saturation_cost", label="Saturation: cost per task", unit="US$"),
        Output(name="saturation_horizon", label="Saturation: horizon", unit="hours"),
        Output(name="saturation_hourly_cost", label="Saturation: hourly cost", unit="US$ per hour"),
        Output(name="hourly_cost_rise", label="Hourly cost at saturation ÷ at the sweet spot", kind="multiplier"),
    ),
    compute=_sweet_compute,
    example={"max_horizon_hours": 1.5, "half_cost": 100.0, "steepness": 1.5, "slope": 0.05},
    chart=Chart(
        title="Where extra spend stops paying",
        description=(
            "A stylised curve of 50% time horizon (hours) against cost per task (US dollars), "
            "with its sweet spot and saturation point and the lines of constant "
            "hourly cost (slope 1) through them."
        ),
        x=_TASK_COST_AXIS,
        y=_HORIZON_AXIS,
        data=_sweet_chart,
        uses_outputs=True,
    ),
)
