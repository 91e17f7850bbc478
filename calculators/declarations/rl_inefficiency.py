"""The calculator of the rl-inefficiency page: ``rl-information``. Declarations only: every number comes
from :mod:`calculators.models.rl`."""

from __future__ import annotations

import math

from .._chart import sample
from .._declare import Axis, Calculator, Chart, Input, Output, Preset
from ..models.rl import (
    bits_per_token_pretraining,
    rl_bits_per_token,
    rl_information_ratio,
)

__all__ = ["RL_INFORMATION"]

_CHART_POINTS = 121
_TOKENS_AXIS = Axis(field="tokens", title="Tokens per episode", scale="log", exact=True)
_BITS_AXIS = Axis(field="bits", title="Bits per token", scale="log")

_EXAMPLE_EPISODES = (  # (label, its phone's short label, tokens per episode), from a public summary of the essay
    # On a phone's plot (165 to 240 px) "R1 chain (32k)" has room only centred on its point,
    # its own line through it; "R1 (32k)" fits beside the point, clear of the line.
    ("R1 chain (32k)", "R1 (32k)", 32_000.0),
    ("HCAST", "HCAST", 16_000_000.0),
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
    lengths = sample(_TOKENS_AXIS, min(0.0, log_episode - 1), max(9.0, log_episode + 1), _CHART_POINTS)
    # Rows the log axes cannot draw are left off by run() (calculators._chart.drawable_rows).
    lines: list[dict[str, float | str]] = []
    for label, bits in (
        ("Pre-training, upper bound", bound),
        ("Pre-training, realistic", pretrain_bits_per_token),
    ):
        lines += [{"tokens": length, "bits": bits, "series": label} for length in lengths]
    for length in lengths:
        lines.append({"tokens": length, "bits": bits_per_episode / length, "series": "RL, 1 reward per episode"})
    points: list[dict[str, float | str]] = []
    episode_bits = rl_bits_per_token(episode_tokens, bits_per_episode)
    points.append({"tokens": episode_tokens, "bits": episode_bits, "label": "This episode"})
    for label, short, length in _EXAMPLE_EPISODES:
        bits = bits_per_episode / length
        if abs(math.log10(length) - log_episode) > 0.3:
            points.append({"tokens": length, "bits": bits, "label": label, "short": short})
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
                "50,000); it sets the upper bound, log₂ of the vocabulary size: about 16 bits."
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
                "At about 1 bit per token the ratio equals the episode length (our "
                "arithmetic); a public summary of the essay puts a GPT-4-sized model's "
                "capacity at about 3 bits per training token."
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
    default_preset=Preset(
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
    presets=(
        Preset(
            id="long-horizon",
            cites=("ord2025rlinefficiency", "ainews2025inefficiency"),
            label="Long tasks, 10⁶ tokens",
            values={"episode_tokens": 1_000_000.0, "bits_per_episode": 1.0},
            source=(
                "Ord (2025), as summarised publicly (ainews247.org/story/16650): under 1 bit per "
                "10⁴ to 10⁶ tokens; 10⁶ is the high end. The essay's own factor of up to "
                "1,000,000 is per hour of training, not per token."
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
        # The episode's token count the reader typed, times whole bits: exact when whole.
        Output(
            name="ratio", label="Information per token, pre-training ÷ RL (realistic)", kind="multiplier", exact=True
        ),
        Output(
            name="ratio_at_bound", label="Information per token, pre-training ÷ RL (upper bounds)", kind="multiplier"
        ),
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
            "Bits of feedback per token against the number of tokens per RL episode: "
            "flat lines for pre-training's upper bound and realistic value, and a "
            "falling line for RL, which gets one reward per episode."
        ),
        x=_TOKENS_AXIS,
        y=_BITS_AXIS,
        data=_information_chart,
    ),
)
