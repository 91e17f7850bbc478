"""The ``sigmoid-or-exponential`` calculator: extrapolate an exponential fitted to the early
part of an S-curve, and see when it goes wrong."""

from __future__ import annotations

from .._chart import sample
from .._declare import Axis, Calculator, Chart, Input, Output, Preset, Row, form_value
from .._format import format_value
from ..models.sigmoid import (
    early_doubling_time,
    early_exponential_fit,
    early_fit_error,
    exponential_doubling_time,
    exponential_rate,
    exponential_value,
    logistic_value,
    overshoot_ratio,
    years_until_overshoot,
)

__all__ = ["SIGMOID_OR_EXPONENTIAL"]

_CHART_POINTS = 121
_YEARS_AXIS = Axis(field="years", title="Years after the last data point")
_VALUE_AXIS = Axis(field="value", title="Value", scale="log")
#: The series of the observations: drawn as dots (they lie on the S-curve and the fit).
_OBSERVED = "Yearly data points"
# METR's 50% time horizon doubled about every 212 days (Kwa et al. 2025, as Ord reads them in
# "Is There a Half-Life for the Success Rates of AI Agents?"). The preset's growth rate per
# year is computed from it by the core; 365.25 days a year is only the change of unit.
_METR_DOUBLING_DAYS = 212
_DAYS_PER_YEAR = 365.25
_METR_RATE = form_value(exponential_rate(_METR_DOUBLING_DAYS, per=_DAYS_PER_YEAR))


def _compute(
    growth_rate: float, years_to_midpoint: float, ceiling: float, years_observed: float, years_ahead: float
) -> dict[str, float]:
    curve = (ceiling, growth_rate, years_to_midpoint, years_observed)
    return {
        "doubling_time": early_doubling_time(*curve),
        "fit_error": early_fit_error(*curve),
        "years_to_2x": years_until_overshoot(2, *curve),
        "years_to_10x": years_until_overshoot(10, *curve),
        "gap_at_horizon": overshoot_ratio(years_ahead, *curve),
    }


def _row(years: float, value: float, series: str) -> Row:
    return {"years": years, "value": value, "series": series}


def _chart_data(
    growth_rate: float, years_to_midpoint: float, ceiling: float, years_observed: float, years_ahead: float
) -> dict[str, list[dict[str, float | str]]]:
    curve = (ceiling, growth_rate, years_to_midpoint, years_observed)
    fit = early_exponential_fit(*curve)
    at_2x = years_until_overshoot(2, *curve)
    at_10x = years_until_overshoot(10, *curve)

    def exponential(t: float) -> float:
        return exponential_value(t, fit.rate, fit.anchor_time, fit.anchor_value)

    def logistic(t: float) -> float:
        return logistic_value(t, ceiling, growth_rate, years_to_midpoint)

    # From a year before the data to past the later of the horizon and the 10x point, with
    # room on the right for the points' labels.
    low = min(-years_observed, years_ahead) - 1
    right = max(years_ahead, at_10x, 0.0)
    high = right + max(2.0, 0.4 * (right - low))
    times = sample(_YEARS_AXIS, low, high, _CHART_POINTS)
    observed = [float(t) for t in range(-int(years_observed), 1)]
    lines: list[Row] = [
        # Series are coloured and stacked in name order: the data last, drawn on top.
        *(_row(t, exponential(t), "Exponential fitted to the data") for t in times),
        *(_row(t, logistic(t), "S-curve (the truth)") for t in times),
        *(_row(t, logistic(t), _OBSERVED) for t in observed),
    ]
    points: list[Row] = [
        {"years": 0.0, "value": logistic(0.0), "label": "last data point"},
        {"years": at_2x, "value": exponential(at_2x), "label": "2× over"},
        {"years": at_10x, "value": exponential(at_10x), "label": "10× over"},
    ]
    if low <= years_to_midpoint <= high:
        # On the S-curve, under the exponential: its label goes below, clear of theirs.
        points.append({"years": years_to_midpoint, "value": ceiling / 2, "label": "midpoint", "place": "below"})
    return {"lines": lines, "points": points}


SIGMOID_OR_EXPONENTIAL = Calculator(
    id="sigmoid-or-exponential",
    title="Sigmoid or exponential?",
    summary=(
        "Sample the early years of an S-shaped (logistic) curve, fit an exponential to them, "
        "and see how soon the extrapolation runs 2× and 10× above the truth."
    ),
    inputs=(
        Input(
            name="growth_rate",
            label="Early growth rate of the true curve, r",
            unit="per year",
            default=0.7,
            minimum=0,
            why=(
                "Illustrative: at 0.7 per year the curve first doubles every "
                f"{format_value(exponential_doubling_time(0.7))} years. The METR preset uses the "
                "rate of METR's time horizons instead."
            ),
        ),
        Input(
            name="years_to_midpoint",
            label="Years from the last data point to the curve's midpoint",
            unit="years",
            default=5.0,
            why=(
                "Illustrative: nobody knows where (or whether) a real trend bends; 5 means the "
                "data stop five years before the curve reaches half its ceiling. Negative values "
                "put the bend inside the data."
            ),
        ),
        Input(
            name="ceiling",
            label="Ceiling of the true curve, K",
            unit="",
            default=100.0,
            minimum=0,
            scale="log",
            why=(
                "Illustrative: 100, so values read as a percentage of the ceiling. The ceiling "
                "scales every value alike and changes none of the results."
            ),
        ),
        Input(
            name="years_observed",
            label="Years of data",
            unit="years",
            default=6.0,
            minimum=2,
            maximum=100,
            step=1,
            why="Illustrative: one point a year for six years before the last one (seven points).",
        ),
        Input(
            name="years_ahead",
            label="Horizon, years after the last data point",
            unit="years",
            default=10.0,
            why="Illustrative: an extrapolation ten years past the last data point.",
        ),
    ),
    default_preset=Preset(
        id="before-bend",
        label="Data end 5 years before the bend (illustrative)",
        values={"growth_rate": 0.7, "years_to_midpoint": 5.0, "years_observed": 6.0},
        source="Illustrative values chosen for this page; no source claims this curve.",
    ),
    presets=(
        Preset(
            id="at-bend",
            keeps=("ceiling", "years_ahead"),
            label="Data end at the bend (illustrative)",
            values={"growth_rate": 0.7, "years_to_midpoint": 0.0, "years_observed": 6.0},
            source=(
                "Illustrative values chosen for this page: the last data point is the midpoint, "
                "where the curve's growth rate (per cent a year) is already half its early rate."
            ),
        ),
        Preset(
            id="metr-rate",
            keeps=("ceiling", "years_ahead"),
            cites=("kwa2025metr", "ord2025halflife"),
            label="METR's doubling rate, bend in 5 years (rate sourced, bend illustrative)",
            values={"growth_rate": _METR_RATE, "years_to_midpoint": 5.0, "years_observed": 6.0},
            source=(
                f"Growth rate ln 2 / (212 days) = {format_value(_METR_RATE)} a year: METR's 50% time "
                "horizon doubled about every 212 days (Kwa et al. 2025, as read by Ord in the "
                "half-life essay). Where, or whether, that trend bends is not known; the 5 years "
                "is illustrative."
            ),
        ),
    ),
    outputs=(
        Output(name="doubling_time", label="Doubling time of the fitted exponential", unit="years"),
        Output(name="fit_error", label="Worst miss of the fit on the observed data", kind="percent"),
        Output(name="years_to_2x", label="Years after the data until the extrapolation is 2× too high", unit="years"),
        Output(name="years_to_10x", label="Years after the data until it is 10× too high", unit="years"),
        Output(name="gap_at_horizon", label="Extrapolation ÷ truth at the horizon", kind="multiplier"),
    ),
    compute=_compute,
    example={"growth_rate": 1.2, "years_to_midpoint": 3.0, "ceiling": 50.0, "years_observed": 8.0, "years_ahead": 6.0},
    chart=Chart(
        title="An S-curve and the exponential fitted to its early years",
        description=(
            "Value against years after the last data point: the true logistic "
            "curve, the yearly observations taken from it, and the exponential fitted to them. "
            "On a log scale the exponential is a straight line; the S-curve bends away from it "
            "and flattens at its ceiling. Marked: the last data point, where the exponential is "
            "2 and 10 times too high, and the S-curve's midpoint."
        ),
        x=_YEARS_AXIS,
        y=_VALUE_AXIS,
        data=_chart_data,
        dot_series=(_OBSERVED,),
    ),
)
