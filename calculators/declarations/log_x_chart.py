"""The calculators of the log-x-chart page: ``log-x-reader`` (what a score gain costs on a
log-x chart) and ``cost-decline`` (how fast falling costs close a cost gap)."""

from __future__ import annotations

import math

from .._chart import sample
from .._checks import OutOfRangeError
from .._declare import Axis, Calculator, Chart, Input, Output, Preset, Row, form_value
from .._format import format_value, short_number
from ..models.growth import annual_factor, cost_decline, doubling_time, extrapolate
from ..models.logx import logx_reading, logx_score, logx_slope

__all__ = ["COST_DECLINE", "LOGX_READER"]

_CHART_POINTS = 41
_COMPUTE_AXIS = Axis(field="compute", title="Compute (× the start's)", scale="log", kind="multiplier")
_SCORE_AXIS = Axis(field="score", title="Benchmark score (%)", zero=False)
# o3 on ARC-AGI's semi-private set (ARC Prize, 20 Dec 2024): 75.7% at the high-efficiency
# setting, 87.5% at the low-efficiency one with about 172 times the compute.
_O3_LOW, _O3_HIGH, _O3_COMPUTE = 75.7, 87.5, 172.0
_O3_SLOPE = form_value(logx_slope(_O3_LOW, _O3_HIGH, _O3_COMPUTE))
# Third-party summaries of Ord's "How Well Does RL Scale?": about 100x inference lifts
# reasoning-benchmark scores from about 20% to about 80% (ainews247.org/story/53346).
_BENCHMARK_LOW, _BENCHMARK_HIGH, _BENCHMARK_COMPUTE = 20.0, 80.0, 100.0
_BENCHMARK_SLOPE = logx_slope(_BENCHMARK_LOW, _BENCHMARK_HIGH, _BENCHMARK_COMPUTE)
# Compute axis limits in orders of magnitude: inside the normal float range with room to spare.


def _compute(
    points_per_decade: float, score_start: float, score_target: float, slope_factor: float
) -> dict[str, float]:
    return logx_reading(score_start, score_target, points_per_decade, slope_factor)._asdict()


def _chart_data(
    points_per_decade: float, score_start: float, score_target: float, slope_factor: float
) -> dict[str, list[dict[str, float | str]]]:
    reading = logx_reading(score_start, score_target, points_per_decade, slope_factor)
    # One decade beyond the start and both targets on either side.
    low = min(0.0, reading.ooms, reading.steepened_ooms) - 1
    high = max(0.0, reading.ooms, reading.steepened_ooms) + 1
    slopes = [(points_per_decade, 1.0)]
    # A steeper line so steep that its slope leaves the float range is vertical: not drawn.
    if slope_factor != 1 and math.isfinite(points_per_decade * slope_factor):
        slopes.append((points_per_decade * slope_factor, slope_factor))
    lines: list[Row] = []
    for slope, factor in slopes:
        series = _series_name(points_per_decade, factor)
        for compute in sample(_COMPUTE_AXIS, low, high, _CHART_POINTS):
            try:
                score = logx_score(score_start, slope, compute)
            except OutOfRangeError:  # a score past the float range: far off the chart
                continue
            if 0 <= score <= 100:  # the straight part of the curve only
                lines.append({"compute": compute, "score": score, "series": series})
    points: list[Row] = [
        {"compute": 1.0, "score": score_start, "label": "Start"},
        {
            "compute": reading.compute_multiplier,
            "score": score_target,
            "label": format_value(reading.compute_multiplier, "multiplier"),
            "side": "right",  # the steeper slope's point, at the same score, is to its left
        },
    ]
    if slope_factor != 1:
        points.append(
            {
                "compute": reading.steepened_multiplier,
                "score": score_target,
                "label": format_value(reading.steepened_multiplier, "multiplier"),
                "side": "left",
            }
        )
    return {"lines": lines, "points": points}


def _series_name(points_per_decade: float, slope_factor: float) -> str:
    slope = format_value(points_per_decade * slope_factor, "number")
    if slope_factor == 1:
        return f"Today: {slope} points per 10×"
    return f"Slope × {short_number(slope_factor, 4)}: {slope} points per 10×"


LOGX_READER = Calculator(
    id="log-x-reader",
    title="Reading a log-x chart",
    summary=(
        "How many times more compute a straight line on a log-x chart needs to lift a score "
        "from one value to another, and how much a steeper line would save."
    ),
    inputs=(
        Input(
            name="points_per_decade",
            label="Slope, points per 10× compute",
            unit="percentage points",
            default=_O3_SLOPE,
            minimum=0,
            scale="log",
            why=(
                f"About {format_value(_O3_SLOPE, 'number', 2)} points per tenfold compute is o3's slope on "
                "ARC-AGI if its two published results lie on a straight line: 75.7% at high efficiency "
                "and 87.5% with about 172× the compute (ARC Prize report, Dec 2024; the slope is our "
                "arithmetic, not Ord's)."
            ),
        ),
        Input(
            name="score_start",
            label="Start score",
            unit="%",
            default=75.7,
            minimum=0,
            maximum=100,
            why="75.7% is o3's high-efficiency score on ARC-AGI's semi-private set (ARC Prize report, Dec 2024).",
        ),
        Input(
            name="score_target",
            label="Target score",
            unit="%",
            default=87.5,
            minimum=0,
            maximum=100,
            why="87.5% is o3's low-efficiency score with about 172× the compute (ARC Prize report, Dec 2024).",
        ),
        Input(
            name="slope_factor",
            label="Steeper slope, × today's",
            unit="",
            default=2.0,
            minimum=0,
            why=(
                "2 is Ord's example of real progress: alpha-beta pruning halves the exponent of "
                "minimax's cost, doubling the slope on a log-x chart."
            ),
        ),
    ),
    default_preset=Preset(
        id="arc-agi-o3",
        cites=("arcprize2024o3", "ord2025logx"),
        label=f"o3 on ARC-AGI ({format_value(_O3_SLOPE, 'number', 2)} points per 10×)",
        values={"points_per_decade": _O3_SLOPE, "score_start": _O3_LOW, "score_target": _O3_HIGH},
        source=(
            "ARC Prize's o3 report (Dec 2024), whose results Ord's 'Inference Scaling and the "
            "Log-x Chart' discusses: 75.7% at $20 a task, 87.5% with about 172× the compute. "
            f"A straight line through them rises {format_value(_O3_SLOPE, 'number', 2)} points per "
            "10× (our arithmetic, not Ord's). The steeper slope, twice today's, is Ord's "
            "alpha-beta pruning ('What would good progress look like on a log-x chart?'): it "
            "halves the exponent of minimax's exponential cost, which doubles the slope."
        ),
    ),
    presets=(
        Preset(
            id="aime-inference",
            cites=("ord2025rlscale", "ainews2025rlscale"),
            label=f"Benchmark, inference ({format_value(_BENCHMARK_SLOPE, 'number', 2)} points per 10×)",
            values={
                "points_per_decade": _BENCHMARK_SLOPE,
                "score_start": _BENCHMARK_LOW,
                "score_target": _BENCHMARK_HIGH,
            },
            source=(
                "Ord's 'How Well Does RL Scale?' (Oct 2025), as third-party summaries report it (not "
                "checked against the essay's full text): about 100× more inference compute lifts "
                "reasoning-benchmark scores from about 20% to about 80%, which is "
                f"{format_value(_BENCHMARK_SLOPE, 'number', 2)} points per 10× (our arithmetic)."
            ),
        ),
    ),
    outputs=(
        Output(name="compute_multiplier", label="Compute needed, today's slope", kind="multiplier"),
        Output(name="ooms", label="Orders of magnitude of compute", unit="OOMs"),
        Output(name="steepened_multiplier", label="Compute needed, steeper slope", kind="multiplier"),
        Output(name="steepened_ooms", label="Orders of magnitude, steeper slope", unit="OOMs"),
    ),
    compute=_compute,
    example={"points_per_decade": 10.0, "score_start": 40.0, "score_target": 80.0, "slope_factor": 3.0},
    chart=Chart(
        title="Score against compute on a log-x chart",
        description=(
            "Benchmark score in percent against compute relative to the start: "
            "a straight line at today's slope and one at the steeper slope, both through the start "
            "score, with the compute each needs to reach the target marked."
        ),
        x=_COMPUTE_AXIS,
        y=_SCORE_AXIS,
        data=_chart_data,
    ),
)


# --- cost-decline: how fast falling costs close a cost gap ----------------------------

_DECLINE_POINTS = 61
_YEARS_AXIS = Axis(field="years", title="Years from today")
_GAP_AXIS = Axis(field="gap", title="Remaining cost gap (× too expensive)", scale="log", kind="multiplier")
# Ho et al. (2024): compute for a fixed language-model performance halves about every 8
# months; Hobbhahn and Besiroglu (2022): ML GPUs' FLOP/s per dollar doubles every 2.07 years.
_HO_ALGORITHMS = form_value(annual_factor(8 / 12))
_ML_GPUS = form_value(annual_factor(2.07))


def _decline_compute(algorithm_gain_per_year: float, hardware_gain_per_year: float, gap: float) -> dict[str, float]:
    return cost_decline(algorithm_gain_per_year, hardware_gain_per_year, gap)._asdict()


def _decline_chart(
    algorithm_gain_per_year: float, hardware_gain_per_year: float, gap: float
) -> dict[str, list[dict[str, float | str]]]:
    decline = cost_decline(algorithm_gain_per_year, hardware_gain_per_year, gap)
    # Half as far again as the closing point (or as one order of magnitude, if the gap is
    # already closed), so the reader sees the line cross parity and its label fits.
    end = 1.5 * max(decline.years_to_close, decline.years_per_oom)
    years = sample(_YEARS_AXIS, 0.0, end, _DECLINE_POINTS)
    curves = [
        (decline.annual_factor, f"Both: {format_value(decline.annual_factor, 'multiplier')} a year"),
        (algorithm_gain_per_year, f"Algorithms: {format_value(algorithm_gain_per_year, 'multiplier')} a year"),
        (hardware_gain_per_year, f"Hardware: {format_value(hardware_gain_per_year, 'multiplier')} a year"),
    ]
    lines: list[Row] = []
    for factor, series in curves:
        for year in years:
            remaining = _remaining_gap(gap, factor, year)
            if remaining is not None:
                lines.append({"years": year, "gap": remaining, "series": series})
    points: list[Row] = [
        {"years": 0.0, "gap": gap, "label": f"Today: {format_value(gap, 'multiplier')}"},
        {"years": decline.years_to_close, "gap": 1.0, "label": "Parity"},
    ]
    return {"lines": lines, "points": points}


def _remaining_gap(gap: float, annual_factor: float, years: float) -> float | None:
    """The gap after ``years`` of shrinking by ``annual_factor`` a year; None if out of range."""
    if annual_factor == 1:
        return gap
    try:
        # Shrinking by a factor f a year is growth with a doubling time of -ln 2 / ln f.
        return extrapolate(gap, -doubling_time(annual_factor), years)
    except OutOfRangeError:  # beyond what a float holds: leave the point out of the chart
        return None


COST_DECLINE = Calculator(
    id="cost-decline",
    title="How fast a cost gap closes",
    summary=(
        "Better algorithms and cheaper hardware each cut the cost of a fixed capability by a "
        "steady factor a year; together they multiply. How many years until something that "
        "costs too much today becomes affordable?"
    ),
    inputs=(
        Input(
            name="algorithm_gain_per_year",
            label="Algorithmic efficiency gain",
            unit="× a year",
            default=3.0,
            minimum=0,
            why=(
                "About 3× a year is the figure Ord takes from Epoch AI's trends page for how fast "
                "better algorithms cut the compute needed for a given result."
            ),
        ),
        Input(
            name="hardware_gain_per_year",
            label="Hardware price-performance gain",
            unit="× a year",
            default=1.4,
            minimum=0,
            why=(
                "About 1.4× a year is how much cheaper compute gets, the figure Ord uses; Hobbhahn and "
                "Besiroglu (Epoch AI) find the FLOP/s per dollar of GPUs used in machine learning doubling "
                f"every 2.07 years, {format_value(_ML_GPUS, 'number')}× a year (our arithmetic)."
            ),
        ),
        Input(
            name="gap",
            label="Cost gap today",
            unit="× too expensive",
            default=1000.0,
            minimum=1,
            scale="log",
            why=(
                "1,000×: o3 at high compute cost about $3,000 per ARC-AGI task that an untrained "
                "person solves for about $3 (Ord, 'Inference Scaling and the Log-x Chart')."
            ),
        ),
    ),
    default_preset=Preset(
        id="ord",
        cites=("ord2025logx",),
        label="Ord's inputs (3× and 1.4× a year)",
        values={"algorithm_gain_per_year": 3.0, "hardware_gain_per_year": 1.4, "gap": 1000.0},
        source=(
            "Ord, 'Inference Scaling and the Log-x Chart' (Jan 2025): about 3× a year from "
            "algorithms (Epoch AI) and 1.4× a year from cheaper compute, about 4× a year in all; "
            "o3-high's $3,000 a task against a person's $3 is a 1,000× gap."
        ),
    ),
    presets=(
        Preset(
            id="epoch-measured",
            keeps=("gap",),
            cites=("ho2024algorithmic", "hobbhahn2022gpu"),
            label=(
                f"Epoch's measured trends ({format_value(_HO_ALGORITHMS, 'number')}× and "
                f"{format_value(_ML_GPUS, 'number')}×)"
            ),
            values={"algorithm_gain_per_year": _HO_ALGORITHMS, "hardware_gain_per_year": _ML_GPUS},
            source=(
                "Ho et al. (2024, Epoch AI): compute for a fixed language-model performance halves "
                f"about every 8 months, {format_value(_HO_ALGORITHMS, 'number')}× a year; Hobbhahn and "
                "Besiroglu (2022, Epoch AI): ML GPUs' price-performance doubles every 2.07 years, "
                f"{format_value(_ML_GPUS, 'number')}× a year (the yearly factors are our arithmetic)."
            ),
        ),
        Preset(
            id="epoch-earlier",
            keeps=("gap",),
            cites=("epoch2025trainingruns",),
            label="Epoch's earlier assumption for algorithms (1.7×)",
            values={"algorithm_gain_per_year": 1.7},
            source=(
                "Epoch AI (July 2025) says its earlier work on training-run lengths assumed "
                "algorithms improve 1.7× a year, and that it now puts the rate at about 3× a year."
            ),
        ),
    ),
    outputs=(
        Output(name="annual_factor", label="Cost falls each year by", kind="multiplier"),
        Output(name="ooms_per_year", label="Orders of magnitude a year", unit="OOMs"),
        Output(name="years_per_oom", label="Years per tenfold fall", unit="years"),
        Output(name="years_to_close", label="Years to close the gap", unit="years"),
    ),
    compute=_decline_compute,
    example={"algorithm_gain_per_year": 2.0, "hardware_gain_per_year": 1.3, "gap": 50.0},
    chart=Chart(
        title="Remaining cost gap over time",
        description=(
            "The remaining cost gap against years from today, with both gains "
            "together and with each alone; the gap is closed where a line crosses 1×."
        ),
        x=_YEARS_AXIS,
        y=_GAP_AXIS,
        data=_decline_chart,
    ),
)
