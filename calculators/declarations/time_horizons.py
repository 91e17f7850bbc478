"""The calculator of the time-horizon explorer page: ``time-horizons``.

The reader picks METR's release, the window of release dates and whether to keep only
frontier models; the core fits the trend of their 50% horizons
(:mod:`calculators.models.time_horizons`), converts it to the chosen success level
(:mod:`calculators.models.half_life`, :mod:`calculators.models.logistic_horizon`) and reads
off when it reaches the chosen task length. The costs combine that date with Ord's
hourly-cost model (:mod:`calculators.models.agent_costs`).
"""

from __future__ import annotations

import functools
import math
from typing import NamedTuple

from .._calendar import day_from_year, year_from_day
from .._chart import Rows, keep_drawable, sample
from .._checks import OutOfRangeError, one_of, positive
from .._declare import Axis, Calculator, Chart, Input, Output, Preset, Row, form_value
from .._format import percent_number, short_number
from ..models._numeric import exp_in_range
from ..models.agent_costs import HUMAN_HOURLY_RATE_USD, hourly_cost_growth, task_cost_at_rate
from ..models.fitting import ExponentialFit, fit_exponential
from ..models.growth import annual_factor, doubling_time, extrapolate
from ..models.half_life import horizon_ratio
from ..models.logistic_horizon import DAYS_PER_MONTH, logistic_horizon, logistic_slope
from ..models.metr_horizons import ModelHorizon, metr_horizons
from ..models.time_horizons import (
    bootstrap_fits,
    doubling_interval,
    reach_interval,
    trend_band,
    trend_year,
    window_models,
    window_reach_year,
)

__all__ = ["TIME_HORIZONS"]

_MINUTES_PER_HOUR = 60.0
_DAYS_PER_YEAR = 365.25
_CHART_POINTS = 41
#: The chart's x axis: release dates, as decimal years, drawn as a calendar.
_RELEASE_DATE = Axis(field="year", title="Release date", kind="year", dates=True, zero=False)
_BAND_STEP = 4
#: A work week of 40 hours, and a work month of 52 such weeks over 12 months (our choice).
_WORK_MONTH_HOURS = form_value(40 * 52 / 12)


class _Window(NamedTuple):
    """The models the trend is fitted to, and every model of the chosen release."""

    fitted: tuple[ModelHorizon, ...]
    shown: tuple[ModelHorizon, ...]


#: The two choices of models to fit (the function receives 1 or 0).
_MODELS = ((1.0, "Only those that set a new record"), (0.0, "All models"))
#: METR's two releases, by their numbers as the function receives them.
_REPORTS = ((1.0, "Time Horizon 1.0 (March 2025)"), (1.1, "Time Horizon 1.1 (January 2026)"))


def _window(start_year: float, end_year: float, report: float, frontier_only: float) -> _Window:
    one_of("frontier_only", frontier_only, _MODELS)
    fitted = window_models(report, start_year, end_year, frontier_only=bool(frontier_only))
    shown = tuple(row for row in metr_horizons() if row.report == fitted[0].report)
    return _Window(fitted, shown)


class _Fitted(NamedTuple):
    window: _Window
    fit: ExponentialFit
    refits: tuple[ExponentialFit, ...]


# A reader changing the success level, the shape, the target or the costs keeps the window:
# its fit and bootstrap, and the band the chart draws from them, are kept for the next run.
@functools.lru_cache(maxsize=8)
def _fitted(start_year: float, end_year: float, report: float, frontier_only: float) -> _Fitted:
    window = _window(start_year, end_year, report, frontier_only)
    days = [row.release_day for row in window.fitted]
    minutes = [row.t50_min for row in window.fitted]
    fit = fit_exponential(days, minutes)
    if not fit.rate > 0:
        raise OutOfRangeError("the horizons in this window do not grow, so they have no doubling time")
    return _Fitted(window, fit, bootstrap_fits(days, minutes))


@functools.lru_cache(maxsize=8)
def _band(window: tuple[float, float, float, float], days: tuple[float, ...]) -> tuple[tuple[float, float], ...]:
    """The 50% trend's bootstrap band (minutes) on each of ``days``."""
    return tuple(trend_band(_fitted(*window).refits, days))


class _Trend(NamedTuple):
    window: _Window
    fit: ExponentialFit
    refits: tuple[ExponentialFit, ...]
    #: T50 / T_p at the chosen success level and hazard shape.
    ratio: float


def _trend(start_year: float, end_year: float, report: float, frontier_only: float, p: float, shape: float) -> _Trend:
    return _Trend(*_fitted(start_year, end_year, report, frontier_only), horizon_ratio(p, shape))


def _hours_at(fit: ExponentialFit, day: float, ratio: float) -> float:
    """The trend's horizon at the chosen level on ``day``, in hours (worked in logarithms)."""
    log_minutes = math.log(fit.anchor_value) + fit.rate * (day - fit.anchor_time) - math.log(ratio)
    return exp_in_range("the horizon on that date", log_minutes - math.log(_MINUTES_PER_HOUR))


def _compute(
    start_year: float,
    end_year: float,
    report: float,
    frontier_only: float,
    p: float,
    shape: float,
    target_hours: float,
    as_of_year: float,
    hourly_usd: float,
    cost_growth: float,
) -> dict[str, float]:
    trend = _trend(start_year, end_year, report, frontier_only, p, shape)
    target_hours = positive("target_hours", target_hours)
    as_of = day_from_year(as_of_year, "as_of_year")
    hourly_usd = positive("hourly_usd", hourly_usd)
    fit, ratio = trend.fit, trend.ratio
    # The p horizon reaches the target when the 50% horizon reaches target × T50 / T_p.
    target_t50_min = target_hours * _MINUTES_PER_HOUR * ratio
    if not 0 < target_t50_min < math.inf:
        raise OutOfRangeError("the 50% horizon that gives the target at this success level is too extreme to compute")
    reached_year = window_reach_year(
        report, start_year, end_year, target_hours * _MINUTES_PER_HOUR, p, shape, bool(frontier_only)
    )
    earliest, latest = reach_interval(trend.refits, target_t50_min)
    shortest, longest = doubling_interval(trend.refits)
    doubling_days = math.log(2) / fit.rate
    # METR's logistic instead of a hazard shape: each model's slope from its T50 and T80,
    # the median over the window's models.
    # Imported here, not with the package: statistics brings fractions and decimal, which every
    # page's Python would otherwise load at start for this one explorer.
    import statistics

    slope = statistics.median(logistic_slope(row.t50_min, row.t80_min) for row in trend.window.fitted)
    logistic_ratio = 1.0 / logistic_horizon(p, 1.0, slope)
    # Ord's hourly cost drifts by cost growth ÷ horizon growth a year (hourly-costs essay);
    # the horizon's growth is the fitted trend's. Our combination of his two models.
    hourly_growth = hourly_cost_growth(cost_growth, annual_factor(doubling_days / _DAYS_PER_YEAR))
    years = (day_from_year(reached_year) - as_of) / _DAYS_PER_YEAR
    hourly_then = hourly_usd if hourly_growth == 1 else extrapolate(hourly_usd, doubling_time(hourly_growth), years)
    return {
        "doubling_months": doubling_days / DAYS_PER_MONTH,
        "doubling_low_months": shortest / DAYS_PER_MONTH,
        "doubling_high_months": longest / DAYS_PER_MONTH,
        "horizon_p_hours": _hours_at(fit, as_of, ratio),
        "horizon_p_logistic_hours": _hours_at(fit, as_of, logistic_ratio),
        "date_reached": reached_year,
        "date_earliest": trend_year(earliest),
        "date_latest": trend_year(latest),
        "hourly_growth": hourly_growth,
        "hourly_cost_then": hourly_then,
        "task_cost_then": task_cost_at_rate(hourly_then, target_hours),
    }


def _chart_data(
    start_year: float,
    end_year: float,
    report: float,
    frontier_only: float,
    p: float,
    shape: float,
    target_hours: float,
    as_of_year: float,
    hourly_usd: float,
    cost_growth: float,
    outputs: dict[str, float],
) -> Rows:
    trend = _trend(start_year, end_year, report, frontier_only, p, shape)
    shown = trend.window.shown
    first = year_from_day(min(row.release_day for row in shown))
    last = max(year_from_day(max(row.release_day for row in shown)), as_of_year, outputs["date_latest"])
    # From the first model to the latest date the reader asked about, at most 40 years on.
    years = sample(_RELEASE_DATE, math.floor(first), math.ceil(min(last, first + 40.0)) + 0.5, _CHART_POINTS)
    # Legend entries short enough for a phone's chart (about 30 characters at most): the
    # trend, the same trend at the chosen level and shape, the target.
    fitted = f"50% horizon, {len(trend.window.fitted)}-model fit"
    converted = f"{percent_number(p)}% horizon, k = {short_number(shape, 4)}"
    target = f"Target: {short_number(target_hours, 9)} {'hour' if target_hours == 1 else 'hours'}"
    days = [day_from_year(year) for year in years]
    lines: list[Row] = []
    # The trend is drawn from its window on: before it, it would claim what no fitted model says.
    start = year_from_day(min(row.release_day for row in trend.window.fitted)) - 0.25
    drawn = [i for i, year in enumerate(years) if year >= start]
    # The band is smooth: it is worked out at every fourth date (and where the trend starts),
    # which keeps a change of window quick; the chart joins those ends with a smooth curve.
    banded = sorted({drawn[0], *range(0, len(years), _BAND_STEP)} & set(drawn))
    bands = dict(
        zip(banded, _band((start_year, end_year, report, frontier_only), tuple(days[i] for i in banded)), strict=True)
    )
    for i, (year, day) in enumerate(zip(years, days, strict=True)):
        lines.append({"year": year, "horizon": target_hours, "series": target})
        if year < start:
            continue
        middle = _hours_at(trend.fit, day, 1.0)
        for name, ratio in ((fitted, 1.0), (converted, trend.ratio)):
            row: Row = {"year": year, "horizon": middle / ratio, "series": name}
            if i in bands:
                low, high = bands[i]
                row.update(low=low / _MINUTES_PER_HOUR / ratio, high=high / _MINUTES_PER_HOUR / ratio)
            lines.append(row)
    fitted_models = set(trend.window.fitted)
    points: list[Row] = [
        {
            "year": year_from_day(row.release_day),
            "horizon": row.t50_min / _MINUTES_PER_HOUR,
            "low": row.t50_low_min / _MINUTES_PER_HOUR,
            "high": row.t50_high_min / _MINUTES_PER_HOUR,
            "label": row.label,
            "group": "Model in the fit" if row in fitted_models else "Model outside the fit",
        }
        for row in shown
    ]
    points.append(
        {
            "year": outputs["date_reached"],
            "horizon": target_hours,
            "label": f"{percent_number(p)}% horizon reaches the target",
            "group": "Target reached",
        }
    )
    # Four decades either side of the target keep every model and the lines in view.
    return keep_drawable({"lines": lines, "points": points}, {"horizon": (target_hours, 6.0)}, {"horizon": (0.0, 0.0)})


_INPUT_NAMES = (
    "start_year",
    "end_year",
    "report",
    "frontier_only",
    "p",
    "shape",
    "target_hours",
    "as_of_year",
    "hourly_usd",
    "cost_growth",
)


def _others(*names: str) -> tuple[str, ...]:
    """The inputs a preset keeps: all but the ones it sets. The explorer's presets come in
    three groups (the data window, the success curve's shape, the target length), and each
    changes its own group only, so they combine; each says so beside the buttons."""
    return tuple(name for name in _INPUT_NAMES if name not in names)


_METR_FIT = (
    "METR fits a least-squares line to the logarithm of the frontier models' 50% horizons "
    "against their release dates; this window, release and choice of models reproduce its figure"
)

TIME_HORIZONS = Calculator(
    id="time-horizons",
    title="Time-horizon explorer",
    summary=(
        "Fit the trend of METR's measured 50% time horizons over the models and years you "
        "choose, convert it to any success level, and see when it reaches a task length, "
        "with a bootstrap interval over models, and what an agent's hourly cost would be then."
    ),
    inputs=(
        Input(
            name="start_year",
            label="Window from (year)",
            unit="decimal year",
            default=2019.0,
            minimum=2019,
            maximum=2027,
            why="2019 takes in every model METR measured, from GPT-2 on (2023 starts METR's faster recent trend).",
        ),
        Input(
            name="end_year",
            label="Window to (year)",
            unit="decimal year",
            default=2026.5,
            minimum=2019,
            maximum=2027,
            why="Mid-2026 takes in every model in METR's files; 2025.2 stops just after Claude 3.7 Sonnet, as Kwa et al. did.",
        ),
        Input(
            name="report",
            label="METR release",
            unit="",
            default=1.1,
            choices=_REPORTS,
            why="Time Horizon 1.1 (January 2026) is METR's newer, larger task suite; 1.0 is the suite of the March 2025 paper.",
        ),
        Input(
            name="frontier_only",
            label="Models fitted",
            unit="",
            default=1.0,
            choices=_MODELS,
            why=(
                "Models that set a new record are those METR flags as state of the art when released: "
                "fitted alone, they give METR's published doubling times."
            ),
        ),
        Input(
            name="p",
            label="Success level, p",
            unit="",
            default=0.8,
            minimum=0,
            maximum=1,
            why="0.8 gives METR's second measure, the 80% time horizon.",
        ),
        Input(
            name="shape",
            label="Weibull shape, k (1 = constant hazard)",
            unit="",
            default=1.0,
            minimum=0,
            why="k = 1 is Ord's constant hazard: success halves with every further 50% horizon of task length.",
        ),
        Input(
            name="target_hours",
            label="Target task length",
            unit="hours of human time",
            default=40.0,
            minimum=0,
            scale="log",
            why="40 hours is a work week: the task length in the question 'when will agents do a work week at 80%?'.",
        ),
        Input(
            name="as_of_year",
            label="Date of the horizon shown (year)",
            unit="decimal year",
            default=2026.9,
            minimum=2019,
            why="2026.9 is late November 2026, when this edition was released; type today's date as a decimal year.",
        ),
        Input(
            name="hourly_usd",
            label="Agent's hourly cost on that date",
            unit="US$ per hour",
            default=HUMAN_HOURLY_RATE_USD,
            minimum=0,
            scale="log",
            why=(
                "$120 an hour is what Ord reads off METR's chart for GPT-5 on 2-hour tasks, and also the best "
                "human rate there; replace it with the hourly cost of the agent you have in mind."
            ),
        ),
        Input(
            name="cost_growth",
            label="Growth of task cost per year",
            unit="× per year",
            default=3.0,
            minimum=0,
            why="Ord's illustration in the hourly-costs essay: the cost of a task at the horizon growing 3× a year.",
        ),
    ),
    default_preset=Preset(
        id="metr-1-1-constant-hazard-work-week",
        cites=("metr2026results", "ord2025halflife"),
        label="METR 1.1, all years; constant hazard; a work week",
        values={
            "report": 1.1,
            "frontier_only": 1.0,
            "start_year": 2019.0,
            "end_year": 2026.5,
            "shape": 1.0,
            "target_hours": 40.0,
        },
        source=(
            "METR's Time Horizon 1.1 results file gives 187.778 days for all years, with GPT-2, davinci-002 and "
            f"gpt-3.5-turbo-instruct measured on the 1.0 suite; {_METR_FIT}. Constant hazard is Ord's ('Is There a "
            "Half-Life for the Success Rates of AI Agents?', 2025): a constant chance of failure per minute of task. "
            "The target is illustrative: a work week taken as 40 hours, five work days of 8 hours."
        ),
    ),
    presets=(
        Preset(
            id="ord-7-months",
            keeps=_others("report", "frontier_only", "start_year", "end_year"),
            cites=("kwa2025metr", "ord2025halflife", "metr2026results"),
            label="Ord's 7 months: 1.0, frontier, to Feb 2025",
            values={"report": 1.0, "frontier_only": 1.0, "start_year": 2019.0, "end_year": 2025.2},
            source=(
                "Kwa et al. (2025) fitted METR's frontier models from GPT-2 to Claude 3.7 Sonnet (February 2025) "
                "and found a doubling time of 212 days, about 7 months, the figure Ord's half-life essay uses; "
                f"{_METR_FIT} (212 days, from METR's 1.0 results file)."
            ),
        ),
        Preset(
            id="metr-1-0-all-years",
            keeps=_others("report", "frontier_only", "start_year", "end_year"),
            cites=("metr2026results",),
            label="METR 1.0, all years",
            values={"report": 1.0, "frontier_only": 1.0, "start_year": 2019.0, "end_year": 2026.5},
            source=f"METR's Time Horizon 1.0 results file gives 195.823 days for all years; {_METR_FIT}.",
        ),
        Preset(
            id="metr-1-1-since-2023",
            keeps=_others("report", "frontier_only", "start_year", "end_year"),
            cites=("metr2026results", "metr2026th11"),
            label="METR 1.1, since 2023 (faster trend)",
            values={"report": 1.1, "frontier_only": 1.0, "start_year": 2023.0, "end_year": 2026.5},
            source=(
                f"METR's Time Horizon 1.1 results file gives 128.744 days, about 4.2 months, for models from 2023 on; "
                f"{_METR_FIT}."
            ),
        ),
        Preset(
            id="hamilton-agents",
            keeps=_others("shape"),
            cites=("hamilton2026peto", "ord2026weibullcomment"),
            label="AI agents, k = 0.6 (Ord's summary)",
            values={"shape": 0.6},
            source=(
                "Hamilton, 'Peto's Paradox and the Future of AI Agents' (2026): Weibull fits to METR's runs give "
                "frontier models shapes of 0.6 to 0.9; Ord's comment on his essay puts AI agents mainly at about 0.6."
            ),
        ),
        Preset(
            id="hamilton-humans",
            keeps=_others("shape"),
            cites=("hamilton2026peto",),
            label="Humans, k = 0.37 (Hamilton)",
            values={"shape": 0.37},
            source="Hamilton (2026): about 0.37 for METR's human baseliners; a hazard that falls as the task goes on.",
        ),
        Preset(
            id="hour",
            keeps=_others("target_hours"),
            label="An hour",
            values={"target_hours": 1.0},
            source="Illustrative: one hour of a skilled human's time.",
        ),
        Preset(
            id="work-day",
            keeps=_others("target_hours"),
            label="A work day (8 hours)",
            values={"target_hours": 8.0},
            source="Illustrative: a work day taken as 8 hours of a skilled human's time.",
        ),
        Preset(
            id="work-month",
            keeps=_others("target_hours"),
            label=f"A work month ({short_number(_WORK_MONTH_HOURS)} hours)",
            values={"target_hours": _WORK_MONTH_HOURS},
            source="Illustrative: a work month taken as 52 work weeks of 40 hours over 12 months (our arithmetic).",
        ),
    ),
    outputs=(
        Output(name="doubling_months", label="Doubling time of the 50% horizon", unit="months"),
        Output(name="doubling_low_months", label="Doubling time, 95% interval from", unit="months"),
        Output(name="doubling_high_months", label="Doubling time, 95% interval to", unit="months"),
        Output(name="horizon_p_hours", label="Horizon at success p on that date", unit="hours"),
        Output(
            name="horizon_p_logistic_hours",
            label="The same with METR's logistic (median slope of the fitted models)",
            unit="hours",
        ),
        Output(name="date_reached", label="Date the p horizon reaches the target", kind="year"),
        Output(name="date_earliest", label="That date, 95% interval from", kind="year"),
        Output(name="date_latest", label="That date, 95% interval to", kind="year"),
        Output(name="hourly_growth", label="Change in hourly cost per year (our combination)", kind="multiplier"),
        Output(
            name="hourly_cost_then",
            label="Hourly cost when the target is reached (our combination)",
            unit="US$ per hour",
        ),
        Output(name="task_cost_then", label="Cost of one target-length task at that rate", unit="US$"),
    ),
    compute=_compute,
    example={
        "start_year": 2023.0,
        "end_year": 2026.5,
        "report": 1.0,
        "frontier_only": 0.0,
        "p": 0.9,
        "shape": 0.6,
        "target_hours": 8.0,
        "as_of_year": 2026.0,
        "hourly_usd": 13.0,
        "cost_growth": 2.0,
    },
    chart=Chart(
        title="METR's 50% time horizons against release date, with the fitted trend",
        description=(
            "Each model's 50% time horizon in hours against its release date, with METR's 95% "
            "interval; the least-squares trend of the models in the window with its 95% bootstrap band; the "
            "same trend converted to the chosen success level; and the target task length."
        ),
        x=_RELEASE_DATE,
        y=Axis(field="horizon", title="Time horizon (hours of human time)", scale="log"),
        data=_chart_data,
        uses_outputs=True,
        interval=("low", "high"),
        point_group="group",
        label_points=False,
    ),
)
