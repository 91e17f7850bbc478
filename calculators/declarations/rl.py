"""The RL calculators: information per token, the inference share of a gain, RL <-> inference.

Declarations only: every number comes from :mod:`calculators.rl`.
"""

from __future__ import annotations

import math

from .._declare import Axis, Calculator, Chart, Input, Output, Preset, form_value
from .._format import format_value
from ..models.rl import (
    bits_per_token_pretraining,
    decompose_gain,
    rl_bits_per_token,
    rl_information_ratio,
    rl_multiplier_for_inference,
    score_on_trend,
    slope_ratio_from_gains,
    trend_slope_from_gain,
)

__all__ = ["INFERENCE_SHARE", "RL_EXCHANGE", "RL_INFORMATION"]

_CHART_POINTS = 121
# Chart values stay within 10^±120: Vega cannot draw a log axis spanning about 300 decades
# or more, and no reader needs to see one.
_LOG10_LIMIT = 120.0


def _drawable(*values: float) -> bool:
    """Whether the chart shows these values: within 10^±120 (see ``_LOG10_LIMIT``)."""
    return all(10.0**-_LOG10_LIMIT <= value <= 10.0**_LOG10_LIMIT for value in values)


def _log_grid(log10_low: float, log10_high: float, count: int = _CHART_POINTS) -> list[float]:
    """``count`` values evenly spaced in log10 between the two limits, both included."""
    step = (log10_high - log10_low) / (count - 1)
    return [10.0 ** (log10_low + i * step) for i in range(count)]


# --- rl-information: "The Extreme Inefficiency of RL for Frontier Models" ----------------

_EXAMPLE_EPISODES = (  # (label, tokens per episode), from a public summary of the essay
    ("R1 chain (32k)", 32_000.0),
    ("HCAST", 16_000_000.0),
)


def _information(
    vocab_size: float, pretrain_bits_per_token: float, episode_tokens: float, bits_per_episode: float
) -> dict[str, float]:
    bound = bits_per_token_pretraining(vocab_size)
    return {
        "bound_bits_per_token": bound,
        "rl_bits_per_token": rl_bits_per_token(episode_tokens, bits_per_episode),
        "ratio": rl_information_ratio(pretrain_bits_per_token, episode_tokens, bits_per_episode),
        "ratio_at_bound": rl_information_ratio(bound, episode_tokens, bits_per_episode),
    }


def _information_chart(
    vocab_size: float, pretrain_bits_per_token: float, episode_tokens: float, bits_per_episode: float
) -> dict[str, list[dict[str, float | str]]]:
    bound = bits_per_token_pretraining(vocab_size)
    log_episode = math.log10(episode_tokens)
    # One token to a billion (room for the labels right of HCAST's 16M), widened to keep the
    # reader's episode in view.
    low = max(min(0.0, log_episode - 1), -_LOG10_LIMIT)
    high = min(max(9.0, log_episode + 1), _LOG10_LIMIT)
    lengths = _log_grid(low, high)
    # Anything beyond 10^±120 is left out rather than drawn wrongly.
    lines: list[dict[str, float | str]] = []
    for label, bits in (
        ("Pre-training, upper bound", bound),
        ("Pre-training, realistic", pretrain_bits_per_token),
    ):
        if _drawable(bits):
            lines += [{"tokens": length, "bits": bits, "series": label} for length in lengths]
    for length in lengths:
        bits = bits_per_episode / length
        if _drawable(bits):
            lines.append({"tokens": length, "bits": bits, "series": "RL, 1 reward per episode"})
    points: list[dict[str, float | str]] = []
    episode_bits = rl_bits_per_token(episode_tokens, bits_per_episode)
    if _drawable(episode_tokens, episode_bits):
        points.append({"tokens": episode_tokens, "bits": episode_bits, "label": "This episode"})
    for label, length in _EXAMPLE_EPISODES:
        bits = bits_per_episode / length
        if _drawable(bits) and abs(math.log10(length) - log_episode) > 0.3:
            points.append({"tokens": length, "bits": bits, "label": label})
    return {"lines": lines, "points": points}


RL_INFORMATION = Calculator(
    id="rl-information",
    title="Information per token: pre-training against RL",
    summary=(
        "How many bits of feedback a model can get per token from next-token pre-training and "
        "from an RL reward at the end of a long episode, and the ratio between them."
    ),
    inputs=(
        Input(
            name="vocab_size",
            label="Vocabulary size",
            unit="tokens",
            default=100_000.0,
            minimum=2,
            scale="log",
            why=(
                "About 100,000 tokens, roughly the size of GPT-4's vocabulary (GPT-3's is about "
                "50,000); it sets the upper bound log2(vocabulary), about 16 bits."
            ),
        ),
        Input(
            name="pretrain_bits_per_token",
            label="Realistic pre-training information",
            unit="bits per token",
            default=1.0,
            minimum=0,
            scale="log",
            why=(
                "About 1 bit per token is the round figure that turns Ord's 10³ to 10⁶ "
                "headline into episode lengths (our arithmetic); a public summary of the essay "
                "puts a GPT-4-sized model's capacity at about 3 bits per training token."
            ),
        ),
        Input(
            name="episode_tokens",
            label="Tokens per RL episode, L",
            unit="tokens",
            default=10_000.0,
            minimum=0,
            scale="log",
            why=(
                "The low end of the range in a public summary of Ord's essay: under 1 bit of "
                "feedback per 10,000 to 1,000,000 generated tokens."
            ),
        ),
        Input(
            name="bits_per_episode",
            label="Information per reward",
            unit="bits",
            default=1.0,
            minimum=0,
            why="A pass/fail reward carries at most 1 bit; graded or intermediate rewards can carry more.",
        ),
    ),
    presets=(
        Preset(
            id="frontier",
            cites=("ord2025rlinefficiency", "ainews2025inefficiency"),
            label="Frontier RL, 10⁴ tokens",
            values={"episode_tokens": 10_000.0, "bits_per_episode": 1.0},
            source=(
                "Ord, 'The Extreme Inefficiency of RL for Frontier Models' (2025), as summarised "
                "publicly (ainews247.org/story/16650): under 1 bit per 10⁴ to 10⁶ tokens; 10⁴ is "
                "the low end."
            ),
        ),
        Preset(
            id="long-horizon",
            cites=("ord2025rlinefficiency", "ainews2025inefficiency"),
            label="Long tasks, 10⁶ tokens",
            values={"episode_tokens": 1_000_000.0, "bits_per_episode": 1.0},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/16650): under 1 bit per "
                "10⁴ to 10⁶ tokens; 10⁶ is the high end, matching the essay's factor of up to "
                "1,000,000."
            ),
        ),
        Preset(
            id="deepseek-r1",
            cites=("ainews2025inefficiency",),
            label="DeepSeek-R1 chain, 32k tokens",
            values={"episode_tokens": 32_000.0},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/16650): DeepSeek-R1's "
                "reasoning episodes run from about 12,000 to about 32,000 tokens; 32,000 is the top."
            ),
        ),
        Preset(
            id="hcast",
            cites=("ainews2025inefficiency",),
            label="METR HCAST task, 16M tokens",
            values={"episode_tokens": 16_000_000.0},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/16650): METR's HCAST "
                "tasks take about 16 million tokens each."
            ),
        ),
        Preset(
            id="capacity",
            cites=("ainews2025inefficiency",),
            label="Capacity ceiling, 3 bits/token",
            values={"pretrain_bits_per_token": 3.0},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/16650): GPT-4's scale "
                "(~10¹² parameters, ~10¹³ tokens) gives about 3 bits of capacity per token."
            ),
        ),
    ),
    outputs=(
        Output(name="bound_bits_per_token", label="Pre-training, upper bound", unit="bits per token"),
        Output(name="rl_bits_per_token", label="RL, upper bound", unit="bits per token"),
        Output(name="ratio", label="Pre-training ÷ RL (realistic)", kind="multiplier"),
        Output(name="ratio_at_bound", label="Pre-training ÷ RL (upper bounds)", kind="multiplier"),
    ),
    compute=_information,
    example={
        "vocab_size": 50_000.0,
        "pretrain_bits_per_token": 3.0,
        "episode_tokens": 32_000.0,
        "bits_per_episode": 1.0,
    },
    chart=Chart(
        title="Information per token against episode length",
        description=(
            "Bits of feedback per token (log scale) against the number of tokens per RL episode "
            "(log scale): flat lines for pre-training's upper bound and realistic value, and a "
            "falling line for RL, which gets one reward per episode."
        ),
        x=Axis(field="tokens", title="Tokens per episode (log scale)", scale="log", format="~s"),
        y=Axis(field="bits", title="Bits per token (log scale)", scale="log", format="~g"),
        data=_information_chart,
    ),
)


# --- inference-share: "Evidence that Recent AI Gains are Mostly from Inference-Scaling" --

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
    # Token counts the chart shows: within 10^±120.
    log_base = max(math.log10(base_tokens), -_LOG10_LIMIT)
    log_top = min(math.log10(top_tokens), _LOG10_LIMIT)
    if log_top - log_base < 1e-9:  # no inference scaling: draw a short stretch around the point
        log_base, log_top = max(log_top - 0.2, -_LOG10_LIMIT), min(log_base + 0.2, _LOG10_LIMIT)
    # The base model's level runs on past the top of the trend, as a reference for the total
    # gain and to leave room for the label of the top point.
    log_end = min(log_top + max(0.5, 0.5 * (log_top - log_base)), _LOG10_LIMIT)
    lines: list[dict[str, float | str]] = []
    if log_top > log_base:
        for tokens in _log_grid(log_base, log_top, 61):
            score = score_on_trend(tokens, trend_intercept, trend_slope)
            lines.append({"tokens": tokens, "score": score, "series": "Reasoning model's trend"})
        for tokens in _log_grid(log_base, log_end, 61):
            lines.append({"tokens": tokens, "score": base_score, "series": "Base model's score"})
    trend_at_base = base_score + split.rl_gain
    points: list[dict[str, float | str]] = [
        {"tokens": base_tokens, "score": base_score, "label": "Base model"},
        {"tokens": base_tokens, "score": trend_at_base, "label": f"RL boost +{format_value(split.rl_gain)}"},
        {
            "tokens": top_tokens,
            "score": trend_at_base + split.inference_gain,
            "label": f"Inference +{format_value(split.inference_gain)}",
        },
    ]
    return {"lines": lines, "points": [point for point in points if _drawable(float(point["tokens"]))]}


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
            unit="per answer",
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
            unit="per answer",
            default=30.0,
            minimum=0,
            scale="log",
            why=("About 30× the base model's tokens on MATH level 5, in Ord's 'How Well Does RL Scale?' (2025)."),
        ),
    ),
    presets=(
        Preset(
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
                "9 + 15 points reproduces it. The 10× token multiple is a placeholder that changes "
                "the slope drawn but not the boosts or the share."
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
                "4 + 45 points reproduces it. The 10× token multiple is a placeholder that changes "
                "the slope drawn but not the boosts or the share."
            ),
        ),
    ),
    outputs=(
        Output(name="rl_gain", label="RL boost, Δ_RL", unit="points"),
        Output(name="inference_gain", label="Inference-scaling boost, Δ_inf", unit="points"),
        Output(name="total_gain", label="Total gain", unit="points"),
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
            "Benchmark score (percentage points) against output tokens per answer (log scale): the "
            "reasoning model's straight-line trend, the base model's score, and points marking "
            "the base model, the RL boost up to the trend and the inference boost along it."
        ),
        x=Axis(field="tokens", title="Output tokens per answer (log scale)", scale="log", format="~s"),
        y=Axis(field="score", title="Score (percentage points)"),
        data=_share_chart,
    ),
)


# --- rl-exchange: "How Well Does RL Scale?" --------------------------------------------

_ORD_SLOPE_RATIO = 2.0
#: Ord's stated exchange rules, as (inference multiplier, RL multiplier, label): 3x inference
#: is worth about 10x RL and 100x about 10,000x (quoted on LessWrong); a GPT-level jump needs
#: about 10^6x RL (public summary), which the square law puts at 1,000x inference.
_RULES = (
    (3.0, 10.0, "Ord: 10×"),
    (100.0, 10_000.0, "Ord: 10⁴×"),
    (1_000.0, 1_000_000.0, "Ord: 10⁶×"),
)
_AIME_SLOPE_RATIO = round(slope_ratio_from_gains(60, 100, 33, 100), 2)


def _exchange(inference_multiplier: float, slope_ratio: float) -> dict[str, float]:
    rl_multiplier = rl_multiplier_for_inference(inference_multiplier, slope_ratio)
    return {
        "rl_multiplier": rl_multiplier,
        "rl_ooms": math.log10(rl_multiplier),
        "inference_ooms": math.log10(inference_multiplier),
    }


def _series_name(ratio: float) -> str:
    if ratio == 1:
        return "r = 1 (RL as good as inference)"
    if ratio == _ORD_SLOPE_RATIO:
        return "r = 2 (Ord's estimate)"
    return f"r = {ratio:.4g} (this setting)"


def _exchange_chart(inference_multiplier: float, slope_ratio: float) -> dict[str, list[dict[str, float | str]]]:
    rl_multiplier = rl_multiplier_for_inference(inference_multiplier, slope_ratio)
    log_inference = math.log10(inference_multiplier)
    # 1 to 10,000 (room for the labels right of the 1,000x rule), widened to keep the setting in view.
    low = max(min(0.0, log_inference - 0.5), -_LOG10_LIMIT)
    high = min(max(4.0, log_inference + 0.5), _LOG10_LIMIT)
    grid = _log_grid(low, high)
    lines: list[dict[str, float | str]] = []
    for ratio in sorted({1.0, _ORD_SLOPE_RATIO, slope_ratio}):
        for multiplier in grid:
            # Keep each curve inside 10^±120 so the log axis can draw it (checked on the value
            # itself: 10^120 computed as a power can land a rounding error past the limit).
            if abs(ratio * math.log10(multiplier)) <= _LOG10_LIMIT + 1:
                rl = rl_multiplier_for_inference(multiplier, ratio)
                if _drawable(multiplier, rl):
                    lines.append({"inference": multiplier, "rl": rl, "series": _series_name(ratio)})
    # A rule the setting lands on is left out, so that two labels do not overprint.
    points: list[dict[str, float | str]] = [
        {"inference": inference, "rl": rl, "label": label}
        for inference, rl, label in _RULES
        if abs(math.log10(inference) - log_inference) > 0.05 or abs(math.log10(rl / rl_multiplier)) > 0.05
    ]
    if _drawable(inference_multiplier, rl_multiplier):
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
            label="Slope ratio, b_inf / b_RL",
            unit="",
            default=_ORD_SLOPE_RATIO,
            minimum=0,
            why=(
                "About 2 in Ord's reading of OpenAI's charts ('How Well Does RL Scale?', 2025): per "
                "tenfold compute, RL buys about half the gain inference does."
            ),
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
            id="rule-100x",
            cites=("ord2025rlscalelesswrong",),
            label="100× inference (≈ 10,000× RL)",
            values={"inference_multiplier": 100.0, "slope_ratio": _ORD_SLOPE_RATIO},
            source=(
                "Ord, 'How Well Does RL Scale?' (2025), as quoted in a LessWrong comment on it: "
                "10,000× RL gives the same boost as 100× inference."
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
            label=f"AIME illustration, ratio {_AIME_SLOPE_RATIO:g}",
            values={"inference_multiplier": 100.0, "slope_ratio": _AIME_SLOPE_RATIO},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/53346): ~100× inference "
                "lifts reasoning-benchmark scores ~20% → 80%, ~100× RL only ~33% → 66%; "
                f"(80 − 20) / (66 − 33) = {_AIME_SLOPE_RATIO:g} is our arithmetic."
            ),
        ),
    ),
    outputs=(
        Output(name="rl_multiplier", label="RL compute multiplier for the same gain", kind="multiplier"),
        Output(name="rl_ooms", label="RL compute, orders of magnitude", unit="OOM"),
        Output(name="inference_ooms", label="Inference compute, orders of magnitude", unit="OOM"),
    ),
    compute=_exchange,
    example={"inference_multiplier": 30.0, "slope_ratio": 1.5},
    chart=Chart(
        title="Equal-gain RL compute against inference compute",
        description=(
            "The RL compute multiplier (log scale) that buys the same gain as an inference compute "
            "multiplier (log scale), for slope ratios 1, 2 (Ord's estimate) and the chosen one, "
            "with Ord's stated rules and this setting marked."
        ),
        x=Axis(field="inference", title="Inference multiplier (log scale)", scale="log", format="~s"),
        y=Axis(field="rl", title="RL multiplier, same gain (log scale)", scale="log", format="~s"),
        data=_exchange_chart,
    ),
)
