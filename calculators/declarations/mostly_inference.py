"""The calculator of the mostly-inference page: ``inference-share``. Declarations only: every number comes
from :mod:`calculators.models.rl`."""

from __future__ import annotations

import math

from .._chart import log_range, sample
from .._declare import Axis, Calculator, Chart, Input, Output, Preset, form_value
from .._format import format_column, format_value
from ..models.rl import (
    decompose_gain,
    score_on_trend,
    trend_slope_from_gain,
)

__all__ = ["INFERENCE_SHARE"]

_TOKENS_AXIS = Axis(field="tokens", title="Output tokens per answer", scale="log", exact=True)
_SCORE_AXIS = Axis(field="score", title="Score (percentage points)")


# Ord's three benchmarks. His thread gives the inference shares (82%, 63%, 92%); the point
# splits below reproduce them and the MATH level 5 chains were about 30 times longer than the
# base model's ("How Well Does RL Scale?"). No token multiple is published for the other two,
# so 10 stands in. Scores and tokens are measured from the base model (score 0, tokens 1).
# The slopes are computed by the core: inference boost / log10(token multiple).
_MATH_L5_SLOPE = form_value(trend_slope_from_gain(28.0, 30.0))
_GPQA_SLOPE = form_value(trend_slope_from_gain(15.0, 10.0))
_OTIS_SLOPE = form_value(trend_slope_from_gain(45.0, 10.0))


def _share(
    base_score: float, base_tokens: float, trend_intercept: float, trend_slope: float, top_tokens: float
) -> dict[str, float]:
    split = decompose_gain(base_score, base_tokens, trend_intercept, trend_slope, top_tokens)
    return split._asdict()


def _share_chart(
    base_score: float, base_tokens: float, trend_intercept: float, trend_slope: float, top_tokens: float
) -> dict[str, list[dict[str, float | str]]]:
    split = decompose_gain(base_score, base_tokens, trend_intercept, trend_slope, top_tokens)
    # Token counts the chart shows: the part of the trend the log axis can draw.
    log_base, log_top = log_range(math.log10(base_tokens), math.log10(top_tokens))
    if log_top - log_base < 1e-9:  # no inference scaling: draw a short stretch around the point
        log_base, log_top = log_range(log_top - 0.2, log_base + 0.2)
    # The base model's level runs on past the top of the trend, as a reference for the total
    # gain and to leave room for the label of the top point.
    log_end = log_top + max(0.5, 0.5 * (log_top - log_base))
    lines: list[dict[str, float | str]] = []
    if log_top > log_base:
        for tokens in sample(_TOKENS_AXIS, log_base, log_top, 61):
            score = score_on_trend(tokens, trend_intercept, trend_slope)
            lines.append({"tokens": tokens, "score": score, "series": "Reasoning model's trend"})
        for tokens in sample(_TOKENS_AXIS, log_base, log_end, 61):
            lines.append({"tokens": tokens, "score": base_score, "series": "Base model's score"})
    trend_at_base = base_score + split.rl_gain
    # The two gains are read side by side (the chart's labels, the table's label column):
    # one column, one number of decimals ("+6" and "+28", not "+6.00" and "+28.0").
    rl_text, inference_text = format_column([split.rl_gain, split.inference_gain])
    points: list[dict[str, float | str]] = [
        {"tokens": base_tokens, "score": base_score, "label": "Base model"},
        {"tokens": base_tokens, "score": trend_at_base, "label": f"RL boost +{rl_text}"},
        {
            "tokens": top_tokens,
            "score": trend_at_base + split.inference_gain,
            "label": f"Inference +{inference_text}",
        },
    ]
    return {"lines": lines, "points": points}


def _relative_note(what: str) -> str:
    return (
        f"{what} Scores are measured from the base model's score and tokens in multiples of "
        "its token count, because the sources give the two boosts rather than raw scores."
    )


INFERENCE_SHARE = Calculator(
    id="inference-share",
    title="How much of a reasoning model's gain is inference scaling?",
    summary=(
        "Split a reasoning model's gain over its base model into the RL boost (up to the trend "
        "at the base model's token count) and the inference-scaling boost (along the trend), "
        "following Ord's method."
    ),
    inputs=(
        Input(
            name="base_score",
            label="Base model's score",
            unit="percentage points",
            default=0.0,
            why=(
                "0 because scores here are measured from the base model's own score: the presets "
                "set the boosts, not Sonnet 3.6's raw score. Enter raw scores if you have them."
            ),
        ),
        Input(
            name="base_tokens",
            label="Base model's output tokens",
            unit="tokens per answer",
            default=1.0,
            minimum=0,
            scale="log",
            why=(
                "1 because token counts here are multiples of the base model's; any unit works if "
                "the top token count uses it too."
            ),
        ),
        Input(
            name="trend_intercept",
            label="Trend intercept, a (score at 1 token)",
            unit="percentage points",
            default=6.0,
            why=(
                "With the base model at 1 token, the intercept is the trend's score there: the RL "
                "boost. 6 points of RL boost and 28 of inference boost give Ord's 82% for MATH level 5."
            ),
        ),
        Input(
            name="trend_slope",
            label="Trend slope, b (per 10× tokens)",
            unit="percentage points",
            default=_MATH_L5_SLOPE,
            minimum=0,
            why=(
                f"{format_value(_MATH_L5_SLOPE, 'number', 4)} = 28 / log10(30): a 28-point inference "
                "boost spread over chains about 30× longer, as on MATH level 5 (our arithmetic)."
            ),
        ),
        Input(
            name="top_tokens",
            label="Reasoning model's largest token count",
            unit="tokens per answer",
            default=30.0,
            minimum=0,
            scale="log",
            why=("About 30× the base model's tokens on MATH level 5, in Ord's 'How Well Does RL Scale?' (2025)."),
        ),
    ),
    default_preset=Preset(
        id="math-l5",
        cites=("ord2025mostlyinferencethread", "ord2025rlscale"),
        label="MATH level 5 (82%)",
        values={
            "base_score": 0.0,
            "base_tokens": 1.0,
            "trend_intercept": 6.0,
            "trend_slope": _MATH_L5_SLOPE,
            "top_tokens": 30.0,
        },
        source=_relative_note(
            "Ord's thread on his essay gives 82% of the gain from inference scaling; a split of "
            "6 + 28 points reproduces it. Chains about 30× longer: Ord, 'How Well Does RL "
            f"Scale?' (2025). Slope 28 / log10(30) = {format_value(_MATH_L5_SLOPE, 'number', 4)} "
            "is our arithmetic."
        ),
    ),
    presets=(
        Preset(
            id="gpqa-diamond",
            cites=("ord2025mostlyinferencethread",),
            label="GPQA Diamond (63%)",
            values={
                "base_score": 0.0,
                "base_tokens": 1.0,
                "trend_intercept": 9.0,
                "trend_slope": _GPQA_SLOPE,
                "top_tokens": 10.0,
            },
            source=_relative_note(
                "Ord's thread on his essay gives 63% of the gain from inference scaling; a split of "
                "9 + 15 points reproduces it. The 10× token multiple is our "
                "assumption, as no source gives one for this benchmark: it changes the slope drawn, "
                "not the boosts or the share."
            ),
        ),
        Preset(
            id="otis-aime",
            cites=("ord2025mostlyinferencethread",),
            label="OTIS Mock AIME (92%)",
            values={
                "base_score": 0.0,
                "base_tokens": 1.0,
                "trend_intercept": 4.0,
                "trend_slope": _OTIS_SLOPE,
                "top_tokens": 10.0,
            },
            source=_relative_note(
                "Ord's thread on his essay gives 92% of the gain from inference scaling; a split of "
                "4 + 45 points reproduces it. The 10× token multiple is our "
                "assumption, as no source gives one for this benchmark: it changes the slope drawn, "
                "not the boosts or the share."
            ),
        ),
    ),
    outputs=(
        Output(name="rl_gain", label="Boost from RL training", unit="percentage points"),
        Output(name="inference_gain", label="Boost from inference scaling", unit="percentage points"),
        Output(name="total_gain", label="Total gain", unit="percentage points"),
        Output(name="inference_share", label="Share from inference scaling", kind="percent"),
    ),
    compute=_share,
    example={
        "base_score": 40.0,
        "base_tokens": 500.0,
        "trend_intercept": 5.0,
        "trend_slope": 14.0,
        "top_tokens": 16_000.0,
    },
    chart=Chart(
        title="Score against output tokens",
        description=(
            "Benchmark score in percentage points against output tokens per answer: the "
            "reasoning model's straight-line trend, the base model's score, and points marking "
            "the base model, the RL boost up to the trend and the inference boost along it."
        ),
        x=_TOKENS_AXIS,
        y=_SCORE_AXIS,
        data=_share_chart,
    ),
)
