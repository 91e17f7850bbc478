"""The ``half-life`` calculator: success probability against task length."""

from __future__ import annotations

import math

from .._chart import log_grid
from .._declare import Axis, Calculator, Chart, Input, Output, Preset, Row
from ..models.half_life import horizon, horizon_ratio, survival

__all__ = ["HALF_LIFE"]

_CHART_POINTS = 121


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
    lengths = log_grid(min(marked) - 3, max(marked) + 3, _CHART_POINTS)
    shapes = [1.0] if shape == 1 else [1.0, shape]
    lines: list[Row] = [
        {"t": t, "success": survival(t, t50, k), "series": _series_name(k)} for k in shapes for t in lengths
    ]
    points: list[Row] = [
        {"t": t50, "success": 0.5, "label": "T50"},
        {"t": t_p, "success": p, "label": f"T{_percent(p)}"},
    ]
    return {"lines": lines, "points": points}


def _series_name(shape: float) -> str:
    if shape == 1:
        return "Constant hazard (k = 1)"
    return f"Weibull (k = {shape:g})"


def _percent(p: float) -> str:
    return f"{p * 100:.4g}"


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
            label="50% time horizon, T50",
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
            label="Weibull shape, k",
            unit="",
            default=1.0,
            minimum=0,
            why=("k = 1 is Ord's constant hazard: the success rate halves with every further T50 of task length."),
        ),
    ),
    presets=(
        Preset(
            id="ord",
            cites=("ord2025halflife",),
            label="Constant hazard (Ord)",
            values={"shape": 1.0},
            source=(
                "Ord, 'Is There a Half-Life for the Success Rates of AI Agents?' (2025): a "
                "constant chance of failure per minute of task."
            ),
        ),
        Preset(
            id="hamilton-agents",
            cites=("hamilton2026peto", "ord2026weibullcomment"),
            label="AI agents, k = 0.6 (Hamilton)",
            values={"shape": 0.6},
            source=(
                "Hamilton, 'Peto's Paradox and the Future of AI Agents' (2026): Weibull fits to "
                "METR's runs give every model a shape below 1, 0.6 to 0.9 for frontier models; "
                "Ord's comment on his half-life essay puts AI agents mainly at about 0.6."
            ),
        ),
        Preset(
            id="hamilton-humans",
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
        Output(name="t_p", label="Task length at success p, T_p", unit="minutes"),
        Output(name="t50_over_t_p", label="T50 ÷ T_p", kind="multiplier"),
        Output(name="success_at_2x", label="Success at twice T50", kind="percent"),
    ),
    compute=_compute,
    example={"t50": 240.0, "p": 0.95, "shape": 0.6},
    chart=Chart(
        title="Success probability against task length",
        description=(
            "Success probability (linear, 0 to 1) against task length in minutes (log scale) "
            "for the constant-hazard curve and the Weibull curve with the chosen shape, both "
            "passing through 50% at T50."
        ),
        x=Axis(field="t", title="Task length (minutes, log scale)", scale="log"),
        y=Axis(field="success", title="Probability of success", format=".0%", kind="percent"),
        data=_chart_data,
    ),
)
