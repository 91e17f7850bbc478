"""The calculators of the half-life page: ``half-life`` (success probability against task
length under a constant hazard or a Weibull shape) and ``metr-logistic`` (METR's logistic
curve through T50 and T80)."""

from __future__ import annotations

import math

from .._chart import Rows, keep_drawable, sample
from .._declare import Axis, Calculator, Chart, Input, Output, Preset, Row, form_value
from .._format import horizon_symbol, shape_name
from ..models.half_life import horizon, horizon_ratio, survival
from ..models.logistic_horizon import (
    logistic_horizon,
    logistic_slope,
    logistic_success,
    months_from_days,
    months_to_reach,
)

__all__ = ["HALF_LIFE", "METR_LOGISTIC"]

_CHART_POINTS = 121
#: Both calculators chart success against task length.
_T_AXIS = Axis(field="t", title="Task length (minutes)", scale="log")
_SUCCESS_AXIS = Axis(field="success", title="Probability of success", kind="percent")


def _compute(t50: float, p: float, shape: float) -> dict[str, float]:
    return {
        "t_p": horizon(p, t50, shape),
        "t50_over_t_p": horizon_ratio(p, shape),
        # Success depends on t / T50 only; so 2 × T50 need not fit in a float.
        "success_at_2x": survival(2.0, 1.0, shape),
    }


def _chart_data(t50: float, p: float, shape: float) -> dict[str, list[dict[str, float | str]]]:
    t_p = horizon(p, t50, shape)
    # Three decades either side of T50, widened to keep the target point in view.
    marked = (math.log10(t50), math.log10(t_p))
    lengths = sample(_T_AXIS, min(marked) - 3, max(marked) + 3, _CHART_POINTS)
    shapes = [1.0] if shape == 1 else [1.0, shape]
    lines: list[Row] = [
        {"t": t, "success": survival(t, t50, k), "series": shape_name(k)} for k in shapes for t in lengths
    ]
    points: list[Row] = [
        {"t": t50, "success": 0.5, "label": horizon_symbol(0.5)},
        {"t": t_p, "success": p, "label": horizon_symbol(p)},
    ]
    return {"lines": lines, "points": points}


HALF_LIFE = Calculator(
    id="half-life",
    title="Half-life of agent success",
    summary=(
        "How an agent's chance of success falls with the length of a task, and the task "
        "length it completes with a chosen probability."
    ),
    inputs=(
        Input(
            name="t50",
            label="50% time horizon, T₅₀",
            unit="minutes",
            default=59.0,
            minimum=0,
            scale="log",
            why=(
                "59 minutes is Claude 3.7 Sonnet's 50% horizon as Ord quotes it from METR's March "
                "2025 paper (Kwa et al. 2025), whose abstract gives about 50 minutes."
            ),
        ),
        Input(
            name="p",
            label="Target success probability, p",
            unit="",
            default=0.8,
            minimum=0,
            maximum=1,
            why="0.8 gives METR's second headline measure, the 80% time horizon.",
        ),
        Input(
            name="shape",
            label="Weibull shape, k (1 = constant hazard)",
            unit="",
            default=1.0,
            minimum=0,
            why=("k = 1 is Ord's constant hazard: the success rate halves with every further T₅₀ of task length."),
        ),
    ),
    default_preset=Preset(
        id="ord",
        cites=("ord2025halflife",),
        label="Constant hazard (Ord)",
        values={"shape": 1.0},
        source=(
            "Ord, 'Is There a Half-Life for the Success Rates of AI Agents?' (2025): a "
            "constant chance of failure per minute of task."
        ),
    ),
    presets=(
        Preset(
            id="hamilton-agents",
            keeps=("t50", "p"),
            cites=("hamilton2026peto", "ord2026weibullcomment"),
            label="AI agents, k = 0.6 (Ord's summary)",
            values={"shape": 0.6},
            source=(
                "Hamilton, 'Peto's Paradox and the Future of AI Agents' (2026): Weibull fits to "
                "METR's runs give every model a shape below 1, 0.6 to 0.9 for frontier models; "
                "Ord's comment on his half-life essay puts AI agents mainly at about 0.6."
            ),
        ),
        Preset(
            id="hamilton-humans",
            keeps=("t50", "p"),
            cites=("hamilton2026peto", "hamilton2026weibull"),
            label="Humans, k = 0.37 (Hamilton)",
            values={"shape": 0.37},
            source=(
                "Hamilton (2026): about 0.37 for METR's human baseliners in his post (0.377 and "
                "0.376 in his repository's January and February fits); Ord rounds it to 0.4."
            ),
        ),
    ),
    outputs=(
        Output(name="t_p", label="Task length with success probability p, Tₚ", unit="minutes"),
        Output(name="t50_over_t_p", label="T₅₀ ÷ Tₚ (times shorter than the 50% horizon)", kind="multiplier"),
        Output(name="success_at_2x", label="Success probability at twice T₅₀", kind="percent"),
    ),
    compute=_compute,
    example={"t50": 240.0, "p": 0.95, "shape": 0.6},
    chart=Chart(
        title="Success probability against task length",
        description=(
            "Success probability against task length in minutes "
            "for the constant-hazard curve and the Weibull curve with the chosen shape, both "
            "passing through 50% at T₅₀."
        ),
        x=_T_AXIS,
        y=_SUCCESS_AXIS,
        data=_chart_data,
    ),
)


# --- metr-logistic ----------------------------------------------------------------------


def _metr_compute(t50: float, t80: float, p: float, doubling_months: float) -> dict[str, float]:
    slope = logistic_slope(t50, t80)
    t_p = logistic_horizon(p, t50, slope)
    return {
        "slope": slope,
        "t_p": t_p,
        "t_p_constant_hazard": horizon(p, t50),
        "months_to_p": months_to_reach(t_p, t50, doubling_months),
    }


def _metr_chart(t50: float, t80: float, p: float, doubling_months: float) -> Rows:
    slope = logistic_slope(t50, t80)
    t_p = logistic_horizon(p, t50, slope)
    t_p_hazard = horizon(p, t50)
    # Two decades beyond the marked lengths on either side (a phone's axis stays legible).
    marked = [math.log10(t) for t in (t50, t80, t_p, t_p_hazard)]
    lengths = sample(_T_AXIS, min(marked) - 2, max(marked) + 2, 121)
    logistic = f"METR logistic, slope {slope:.2f}".replace("-", "−")
    hazard = f"Constant hazard, same {horizon_symbol(0.5)}"
    lines: list[Row] = [{"t": t, "success": logistic_success(t, t50, slope), "series": logistic} for t in lengths]
    lines += [{"t": t, "success": survival(t, t50), "series": hazard} for t in lengths]
    points: list[dict[str, float | str]] = [
        {"t": t50, "success": 0.5, "label": horizon_symbol(0.5)},
        {"t": t80, "success": 0.8, "label": horizon_symbol(0.8)},
    ]
    # The logistic's own T_p is marked; the constant hazard's is an output (two labels at one
    # height would overlap), and its curve shows where it crosses p.
    if p not in (0.5, 0.8):
        points.append({"t": t_p, "success": p, "label": horizon_symbol(p)})
    return keep_drawable({"lines": lines, "points": points}, {"t": (t50, 20.0)})


METR_LOGISTIC = Calculator(
    id="metr-logistic",
    title="METR's logistic success curve",
    summary=(
        "The slope of METR's logistic curve implied by a model's 50% and 80% horizons, the task "
        "length it completes with a chosen probability, the same under a constant hazard, and "
        "how many months of steady progress close the gap."
    ),
    inputs=(
        Input(
            name="t50",
            label="50% time horizon, T₅₀",
            unit="minutes",
            default=59.0,
            minimum=0,
            scale="log",
            why=(
                "59 minutes is Claude 3.7 Sonnet's 50% horizon as Ord quotes it from METR's March 2025 "
                "paper (Kwa et al. 2025), whose abstract gives about 50 minutes."
            ),
        ),
        Input(
            name="t80",
            label="80% time horizon, T₈₀",
            unit="minutes",
            default=15.0,
            minimum=0,
            scale="log",
            why="15 minutes is the same model's 80% horizon in METR's paper, as Ord quotes it: about a quarter of T₅₀.",
        ),
        Input(
            name="p",
            label="Target success probability, p",
            unit="",
            default=0.9,
            minimum=0,
            maximum=1,
            why="0.9 is one step past METR's two measures; Ord's constant-hazard table puts T₉₀ near T₅₀ / 7.",
        ),
        Input(
            name="doubling_months",
            label="Horizon doubling time",
            unit="months",
            default=7.0,
            minimum=0,
            why=(
                "METR found 50% horizons doubling about every 7 months since 2019 (212 days; 213 "
                "for the 80% horizon), the rate Ord uses."
            ),
        ),
    ),
    default_preset=Preset(
        id="claude-3-7-ord",
        cites=("ord2025halflife", "kwa2025metr"),
        label="Claude 3.7 Sonnet, as Ord reads it",
        values={"t50": 59.0, "t80": 15.0},
        source="Ord, half-life essay (2025), quoting METR (Kwa et al. 2025): 59 minutes at 50%, 15 minutes at 80%.",
    ),
    presets=(
        Preset(
            id="claude-3-7-metr",
            keeps=("p",),
            cites=("metr2026results",),
            label="Claude 3.7 Sonnet, METR 1.0 file",
            values={"t50": 56.09162, "t80": 15.226294},
            source="METR's Time Horizon 1.0 results for Claude 3.7 Sonnet (the entry claude_3_7_sonnet of the file benchmark_results_1_0.yaml).",
        ),
        Preset(
            id="gpt-5-metr",
            keeps=("p",),
            cites=("metr2026results",),
            label="GPT-5, METR 1.0 file",
            values={"t50": 137.735311, "t80": 26.566128},
            source="METR's Time Horizon 1.0 results for GPT-5 (the entry gpt_5 of the file benchmark_results_1_0.yaml).",
        ),
        Preset(
            id="doubling-2023",
            keeps=("p",),
            cites=("metr2026results",),
            label="Faster trend since 2023 (1.1 results)",
            values={"doubling_months": form_value(months_from_days(128.744))},
            source=(
                "METR's Time Horizon 1.1 results file: doubling time 128.744 days for models from "
                "2023 on, converted to months of 365.25 / 12 days."
            ),
        ),
    ),
    outputs=(
        Output(name="slope", label="Logistic slope, β₁", unit="log-odds per doubling of task length", digits=2),
        Output(name="t_p", label="Task length with success probability p, logistic curve", unit="minutes"),
        Output(
            name="t_p_constant_hazard", label="Task length with success probability p, constant hazard", unit="minutes"
        ),
        Output(name="months_to_p", label="Months until tasks of today's T₅₀ succeed with probability p", unit="months"),
    ),
    compute=_metr_compute,
    example={"t50": 137.7, "t80": 26.6, "p": 0.95, "doubling_months": 4.2},
    chart=Chart(
        title="Success probability against task length",
        description=(
            "Success probability against task length in minutes for "
            "METR's logistic curve through the given T₅₀ and T₈₀, and for a constant hazard with "
            "the same T₅₀."
        ),
        x=_T_AXIS,
        y=_SUCCESS_AXIS,
        data=_metr_chart,
    ),
)
