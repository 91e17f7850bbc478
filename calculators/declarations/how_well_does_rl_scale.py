"""The calculator of the how-well-does-rl-scale page: ``rl-exchange``. Declarations only: every number comes
from :mod:`calculators.models.rl`."""

from __future__ import annotations

import math

from .._chart import sample
from .._checks import OutOfRangeError
from .._declare import Axis, Calculator, Chart, Input, Output, Preset
from .._format import short_number
from ..models.rl import (
    rl_multiplier_for_inference,
    slope_ratio_from_gains,
)

__all__ = ["RL_EXCHANGE"]

_CHART_POINTS = 121
_INFERENCE_AXIS = Axis(field="inference", title="Inference multiplier", scale="log")
_RL_AXIS = Axis(field="rl", title="RL multiplier, same gain", scale="log")

_ORD_SLOPE_RATIO = 2.0
#: Ord's stated exchange rules, as (inference multiplier, RL multiplier, label): 3x inference
#: is worth about 10x RL and 100x about 10,000x (quoted on LessWrong); a GPT-level jump needs
#: about 10^6x RL (public summary), which the square law puts at 1,000x inference.
_RULES = (
    (3.0, 10.0, "Ord: 10×"),
    (100.0, 10_000.0, "Ord: 10⁴×"),
    (1_000.0, 1_000_000.0, "Ord: 10⁶×"),
)
_BENCHMARK_SLOPE_RATIO = round(slope_ratio_from_gains(60, 100, 33, 100), 2)


def _exchange(inference_multiplier: float, slope_ratio: float) -> dict[str, float]:
    rl_multiplier = rl_multiplier_for_inference(inference_multiplier, slope_ratio)
    return {
        "rl_multiplier": rl_multiplier,
        "rl_ooms": math.log10(rl_multiplier),
        "inference_ooms": math.log10(inference_multiplier),
    }


def _series_name(ratio: float) -> str:
    if ratio == 1:
        return "r = 1 (as good as inference)"
    if ratio == _ORD_SLOPE_RATIO:
        return "r = 2 (Ord's estimate)"
    return f"r = {short_number(ratio, 4)} (this setting)"


def _exchange_chart(inference_multiplier: float, slope_ratio: float) -> dict[str, list[dict[str, float | str]]]:
    rl_multiplier = rl_multiplier_for_inference(inference_multiplier, slope_ratio)
    log_inference = math.log10(inference_multiplier)
    # 1 to 10,000 (room for the labels right of the 1,000x rule), widened to keep the setting in view.
    grid = sample(_INFERENCE_AXIS, min(0.0, log_inference - 0.5), max(4.0, log_inference + 0.5), _CHART_POINTS)
    lines: list[dict[str, float | str]] = []
    for ratio in sorted({1.0, _ORD_SLOPE_RATIO, slope_ratio}):
        for multiplier in grid:
            # A curve steeper than the setting's can leave the float range before the grid
            # ends: the part past the models' ceiling is left off the chart.
            try:
                rl = rl_multiplier_for_inference(multiplier, ratio)
            except OutOfRangeError:
                continue
            lines.append({"inference": multiplier, "rl": rl, "series": _series_name(ratio)})
    # A rule the setting lands on is left out, so that two labels do not overprint.
    points: list[dict[str, float | str]] = [
        {"inference": inference, "rl": rl, "label": label}
        for inference, rl, label in _RULES
        if abs(math.log10(inference) - log_inference) > 0.05 or abs(math.log10(rl / rl_multiplier)) > 0.05
    ]
    points.append({"inference": inference_multiplier, "rl": rl_multiplier, "label": "This setting"})
    return {"lines": lines, "points": points}


RL_EXCHANGE = Calculator(
    id="rl-exchange",
    title="RL compute for the gain of an inference scale-up",
    summary=(
        "How much more RL training compute buys the same gain as a given increase in inference "
        "compute, when RL's gain per tenfold compute is a fraction of inference's."
    ),
    inputs=(
        Input(
            name="inference_multiplier",
            label="Inference compute multiplier",
            unit="×",
            default=100.0,
            minimum=0,
            scale="log",
            why=(
                "Ord's rule in 'How Well Does RL Scale?' (2025), as quoted on LessWrong: 10,000× RL "
                "compute gives the same boost as 100× inference compute."
            ),
        ),
        Input(
            name="slope_ratio",
            label="Slope ratio: inference's slope ÷ RL's slope",
            unit="",
            default=_ORD_SLOPE_RATIO,
            minimum=0,
            why=(
                "About 2 in Ord's reading of OpenAI's charts ('How Well Does RL Scale?', 2025): per "
                "tenfold compute, RL buys about half the gain inference does."
            ),
        ),
    ),
    default_preset=Preset(
        id="rule-100x",
        cites=("ord2025rlscalelesswrong",),
        label="100× inference (≈ 10,000× RL)",
        values={"inference_multiplier": 100.0, "slope_ratio": _ORD_SLOPE_RATIO},
        source=(
            "Ord, 'How Well Does RL Scale?' (2025), as quoted in a LessWrong comment on it: "
            "10,000× RL gives the same boost as 100× inference."
        ),
    ),
    presets=(
        Preset(
            id="rule-3x",
            cites=("ord2025rlscalelesswrong",),
            label="3× inference (≈ 10× RL)",
            values={"inference_multiplier": 3.0, "slope_ratio": _ORD_SLOPE_RATIO},
            source=(
                "Ord, 'How Well Does RL Scale?' (2025), as quoted in a LessWrong comment on it: 10× "
                "RL gives the same boost as 3× inference."
            ),
        ),
        Preset(
            id="gpt-generation",
            cites=("ainews2025rlscale",),
            label="A GPT generation, 1,000× inference",
            values={"inference_multiplier": 1_000.0, "slope_ratio": _ORD_SLOPE_RATIO},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/53346): a GPT-level jump "
                "would need about 1,000,000× RL; at slope ratio 2 that matches 1,000× inference "
                "(our arithmetic)."
            ),
        ),
        Preset(
            id="aime-illustration",
            cites=("ainews2025rlscale",),
            label=f"Benchmark illustration, ratio {_BENCHMARK_SLOPE_RATIO:g}",
            values={"inference_multiplier": 100.0, "slope_ratio": _BENCHMARK_SLOPE_RATIO},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/53346): ~100× inference "
                "lifts reasoning-benchmark scores ~20% → 80%, ~100× RL only ~33% → 66%; "
                f"(80 − 20) / (66 − 33) = {_BENCHMARK_SLOPE_RATIO:g} is our arithmetic."
            ),
        ),
    ),
    outputs=(
        Output(name="rl_multiplier", label="RL compute multiplier for the same gain", kind="multiplier"),
        Output(name="rl_ooms", label="RL compute, orders of magnitude more", unit="OOMs"),
        Output(name="inference_ooms", label="Inference compute, orders of magnitude more", unit="OOMs"),
    ),
    compute=_exchange,
    example={"inference_multiplier": 30.0, "slope_ratio": 1.5},
    chart=Chart(
        title="Equal-gain RL compute against inference compute",
        description=(
            "The RL compute multiplier that buys the same gain as an inference compute "
            "multiplier, for slope ratios 1, 2 (Ord's estimate) and the chosen one, "
            "with Ord's stated rules and this setting marked."
        ),
        x=_INFERENCE_AXIS,
        y=_RL_AXIS,
        data=_exchange_chart,
    ),
)
