"""The ``cost-decline`` calculator: how fast falling costs close a cost gap."""

from __future__ import annotations

from .._declare import Axis, Calculator, Chart, Input, Output, Preset, Row, form_value
from .._format import format_value
from ..models.growth import annual_factor, cost_decline, doubling_time, extrapolate

__all__ = ["COST_DECLINE"]

_CHART_POINTS = 61
# Ho et al. (2024): compute for a fixed language-model performance halves about every 8
# months; Hobbhahn and Besiroglu (2022): ML GPUs' FLOP/s per dollar doubles every 2.07 years.
_HO_ALGORITHMS = form_value(annual_factor(8 / 12))
_ML_GPUS = form_value(annual_factor(2.07))


def _compute(algorithm_gain_per_year: float, hardware_gain_per_year: float, gap: float) -> dict[str, float]:
    return cost_decline(algorithm_gain_per_year, hardware_gain_per_year, gap)._asdict()


def _chart_data(
    algorithm_gain_per_year: float, hardware_gain_per_year: float, gap: float
) -> dict[str, list[dict[str, float | str]]]:
    decline = cost_decline(algorithm_gain_per_year, hardware_gain_per_year, gap)
    # Half as far again as the closing point (or as one order of magnitude, if the gap is
    # already closed), so the reader sees the line cross parity and its label fits.
    end = 1.5 * max(decline.years_to_close, decline.years_per_oom)
    years = [end * i / (_CHART_POINTS - 1) for i in range(_CHART_POINTS)]
    curves = [
        (decline.annual_factor, f"Both together ({_times(decline.annual_factor)} a year)"),
        (algorithm_gain_per_year, f"Algorithms only ({_times(algorithm_gain_per_year)} a year)"),
        (hardware_gain_per_year, f"Hardware only ({_times(hardware_gain_per_year)} a year)"),
    ]
    lines: list[Row] = []
    for factor, series in curves:
        for year in years:
            remaining = _remaining_gap(gap, factor, year)
            if remaining is not None:
                lines.append({"years": year, "gap": remaining, "series": series})
    points: list[Row] = [
        {"years": 0.0, "gap": gap, "label": f"Today: {_times(gap)}"},
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
    except ValueError:  # beyond what a float holds: leave the point out of the chart
        return None


def _times(factor: float) -> str:
    return format_value(factor, "multiplier")


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
    presets=(
        Preset(
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
        Preset(
            id="epoch-measured",
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
    compute=_compute,
    example={"algorithm_gain_per_year": 2.0, "hardware_gain_per_year": 1.3, "gap": 50.0},
    chart=Chart(
        title="Remaining cost gap over time",
        description=(
            "The remaining cost gap (log scale) against years from today, with both gains "
            "together and with each alone; the gap is closed where a line crosses 1×."
        ),
        x=Axis(field="years", title="Years from today"),
        y=Axis(field="gap", title="Remaining cost gap, × (log scale)", scale="log", kind="multiplier"),
        data=_chart_data,
    ),
)
