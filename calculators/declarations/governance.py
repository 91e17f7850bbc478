"""The governance essay's calculators: ``effective-compute`` and ``lifetime-compute``.

Ord's third model, copies at launch, is one division by the same inference multiplier that
drives effective compute, so it is an output of ``effective-compute`` rather than a
calculator of its own: the reader sees both sides of that one dial together.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .._chart import log_range, sample
from .._declare import Axis, Calculator, Chart, Input, Output, Preset
from .._format import format_value, short_number
from ..models._numeric import power_in_range
from ..models.governance import (
    CHINCHILLA_PARAMS_EXPONENT,
    EU_AI_ACT_THRESHOLD_FLOP,
    US_EXECUTIVE_ORDER_THRESHOLD_FLOP,
    deployment_breakeven_queries,
    effective_flop,
    effective_ooms,
    inference_multiplier_to_reach,
    inference_scaleup_cost_multiplier,
    lifetime_compute,
    lifetime_compute_breakdown,
    ooms_above_threshold,
    pretraining_scaleup_cost_multiplier,
    simultaneous_copies,
)

__all__ = ["EFFECTIVE_COMPUTE", "LIFETIME_COMPUTE"]

# Charts span whole decades of the x axis, kept inside the float range.
_THRESHOLDS = (
    # Series names sort EU first and US last, so that both threshold lines take the first
    # colour of the chart's palette and the weight lines the colours in between.
    ("EU AI Act, 10²⁵ FLOP", "EU 10²⁵", EU_AI_ACT_THRESHOLD_FLOP),
    ("US order, 10²⁶ FLOP", "US 10²⁶", US_EXECUTIVE_ORDER_THRESHOLD_FLOP),
)
_WEIGHTS = (0.5, 1.0)
# Ord's rough GPT-4-level values (appendix): N = 10^12, D = 10^13, I = 10^3.
_GPT4_PARAMS, _GPT4_TOKENS, _GPT4_TOKENS_PER_QUERY = 1e12, 1e13, 1e3
_GPT4_BREAKEVEN = deployment_breakeven_queries(_GPT4_TOKENS, _GPT4_TOKENS_PER_QUERY)
# What a chart function returns: line rows and labelled points.
_ChartData = dict[str, list[dict[str, float | str]]]
_MULTIPLIER_AXIS = Axis(
    field="multiplier", title="Inference compute per task (× standard use)", scale="log", kind="multiplier"
)
_QUERIES_AXIS = Axis(field="queries", title="Queries served", scale="log", exact=True)


def _effective_compute(pretrain_flop: float, inference_multiplier: float, weight: float) -> dict[str, float]:
    ooms = effective_ooms(pretrain_flop, inference_multiplier, weight)
    return {
        "effective_flop": effective_flop(pretrain_flop, inference_multiplier, weight),
        "effective_ooms": ooms,
        "ooms_vs_eu": ooms_above_threshold(ooms, EU_AI_ACT_THRESHOLD_FLOP),
        "ooms_vs_us": ooms_above_threshold(ooms, US_EXECUTIVE_ORDER_THRESHOLD_FLOP),
        "copies_share": simultaneous_copies(1.0, inference_multiplier),
    }


def _effective_chart(pretrain_flop: float, inference_multiplier: float, weight: float) -> _ChartData:
    here = math.log10(inference_multiplier)
    low, high = log_range(min(0, math.floor(here) - 1), max(6, math.ceil(here) + 1))
    multipliers = sample(_MULTIPLIER_AXIS, low, high, round(high - low) * 2 + 1)  # two points a decade
    weights = sorted({*_WEIGHTS, weight})
    lines: list[dict[str, float | str]] = [
        {
            "multiplier": m,
            "flop": effective_flop(pretrain_flop, m, w),
            "series": f"Inference weight {short_number(w, 4)}",
        }
        for w in weights
        for m in multipliers
    ]
    lines += [{"multiplier": m, "flop": level, "series": name} for name, _, level in _THRESHOLDS for m in multipliers]
    points: list[dict[str, float | str]] = [
        {
            "multiplier": inference_multiplier,
            "flop": effective_flop(pretrain_flop, inference_multiplier, weight),
            "label": "This model",
            # Below its point, so a threshold's label at the same place stays clear of it.
            "place": "below",
        }
    ]
    for _, short, level in _THRESHOLDS:
        reach = inference_multiplier_to_reach(level, pretrain_flop, weight) if weight > 0 else math.inf
        if multipliers[0] <= reach <= multipliers[-1]:
            at = format_value(reach, "multiplier")
            # On a phone the line's name is in the legend: "EU at ×26.8" is enough there.
            narrow = f"{short.split()[0]} at {at}"
            points.append({"multiplier": reach, "flop": level, "label": f"{short} at {at}", "short": narrow})
        else:
            points.append({"multiplier": multipliers[0], "flop": level, "label": short})
    return {"lines": lines, "points": points}


EFFECTIVE_COMPUTE = Calculator(
    id="effective-compute",
    title="Effective compute and training-compute thresholds",
    summary=(
        "Ord's rule of thumb: an order of magnitude more inference is worth about 0.7 of an "
        "order of magnitude more pre-training. How much training compute a model with extra "
        "inference is 'like', where that sits against the EU and US thresholds, and how many "
        "fewer copies the same hardware can run."
    ),
    inputs=(
        Input(
            name="pretrain_flop",
            label="Pre-training compute",
            unit="FLOP",
            default=1e24,
            minimum=0,
            scale="log",
            why=("Ord's example model: 10²⁴ FLOP, a tenth of the EU AI Act's 10²⁵ FLOP threshold (Ord 2025)."),
        ),
        Input(
            name="inference_multiplier",
            label="Inference compute per task",
            unit="× standard use",
            default=1e4,
            minimum=0,
            scale="log",
            why=(
                "Ord's example adds 4 orders of magnitude (10,000×) of inference; he notes that on "
                "ARC-AGI o3 used 10,000× the compute of OpenAI's smallest reasoning model, o1-mini."
            ),
        ),
        Input(
            name="weight",
            label="Exchange rate: orders of magnitude of pre-training one order of magnitude of inference is worth",
            unit="",
            default=0.7,
            minimum=0,
            maximum=1,
            why=(
                "0.7 is Ord's rule of thumb. He does not derive it; it lies inside the 0.5 to 1 "
                "range that he draws from Jones (2021) and Villalobos & Atkinson (Epoch AI, 2023)."
            ),
        ),
    ),
    default_preset=Preset(
        id="ord-example",
        cites=("ord2025governance",),
        label="10²⁴ FLOP + 4 OOMs (Ord)",
        values={"pretrain_flop": 1e24, "inference_multiplier": 1e4, "weight": 0.7},
        source=(
            "Ord, 'Inference Scaling Reshapes AI Governance' (2025): a 10²⁴ FLOP model with "
            "4 OOMs more inference might perform like a 10²⁷ FLOP model. Ord states the example "
            "on its own; what the 0.7 rule gives for it is our arithmetic."
        ),
    ),
    presets=(
        Preset(
            id="weight-low",
            cites=("ord2025governance", "jones2021boardgames", "villalobos2023tradeoff"),
            label="Low exchange rate (0.5)",
            values={"weight": 0.5},
            source=(
                "Ord (2025), citing Jones (2021) and Villalobos & Atkinson, 'Trading off compute "
                "in training and inference' (Epoch AI, 2023): one OOM of inference often buys as "
                "much as 0.5 to 1 OOM of pre-training; 0.5 is the low end."
            ),
        ),
        Preset(
            id="weight-high",
            cites=("ord2025governance", "jones2021boardgames", "villalobos2023tradeoff"),
            label="High exchange rate (1)",
            values={"weight": 1.0},
            source="Same sources as the low exchange rate: 1 is the high end of their range.",
        ),
        Preset(
            id="top-tier",
            cites=("ord2025governance",),
            label="Top price tier (×10, as a proxy)",
            values={"inference_multiplier": 10.0},
            source=(
                "Ord (2025): OpenAI's price for its most inference-heavy version is ten times "
                "its standard one. The preset reads that 10× price as 10× the inference "
                "compute per task, a proxy: the price ratio need not equal the compute ratio."
            ),
        ),
        Preset(
            id="hard-problem",
            cites=("ord2025governance",),
            label="Hard maths problem (×1,000)",
            values={"inference_multiplier": 1e3},
            source=(
                "Ord (2025): tailoring inference to the task could mean 1,000× the compute for "
                "a hard mathematics problem and 1× for an intuitive one."
            ),
        ),
        Preset(
            id="few-tasks",
            cites=("ord2025governance",),
            label="A few critical tasks (×100,000)",
            values={"inference_multiplier": 1e5},
            source=(
                "Ord (2025): for a small number of important tasks one could scale inference by a "
                "factor such as 100,000×; today's methods seem to plateau before they can use "
                "that much, though labs are fast finding ways past the plateaus."
            ),
        ),
    ),
    outputs=(
        Output(name="effective_flop", label="Effective training compute", unit="FLOP"),
        Output(name="effective_ooms", label="Effective compute in orders of magnitude (log₁₀ of FLOP)"),
        Output(name="ooms_vs_eu", label="Orders of magnitude above (+) or below (−) the EU AI Act's 10²⁵ FLOP"),
        Output(name="ooms_vs_us", label="Orders of magnitude above (+) or below (−) the US order's 10²⁶ FLOP"),
        Output(
            name="copies_share",
            label="Copies of the model the same hardware runs at once, compared with standard use",
            kind="percent",
        ),
    ),
    compute=_effective_compute,
    example={"pretrain_flop": 3e24, "inference_multiplier": 300.0, "weight": 0.5},
    chart=Chart(
        title="Effective training compute against inference compute per task",
        description=(
            "Effective training compute in FLOP against inference compute per task "
            "as a multiple of standard use, for inference weights 0.5, 0.7 and 1, "
            "with the EU AI Act (10²⁵ FLOP) and US executive order (10²⁶ FLOP) thresholds "
            "as flat lines, the chosen model, and where its line crosses each threshold."
        ),
        x=_MULTIPLIER_AXIS,
        y=Axis(field="flop", title="Effective compute (FLOP)", scale="log"),
        data=_effective_chart,
    ),
)


def _lifetime(
    params: float, tokens: float, queries: float, tokens_per_query: float, post_training: float, factor: float
) -> dict[str, float]:
    split = lifetime_compute_breakdown(params, tokens, queries, tokens_per_query, post_training)
    shares = {"deployment_share": split.deployment_share, "post_training_share": split.post_training_share}
    return {
        "total": split.total,
        "pretraining_share": split.pretraining_share,
        "deployment_share": split.deployment_share,
        "breakeven_queries": deployment_breakeven_queries(tokens, tokens_per_query),
        "pretraining_scaleup": pretraining_scaleup_cost_multiplier(factor, **shares),
        "inference_scaleup": inference_scaleup_cost_multiplier(factor, **shares),
    }


def _lifetime_chart(
    params: float, tokens: float, queries: float, tokens_per_query: float, post_training: float, factor: float
) -> _ChartData:
    breakeven = deployment_breakeven_queries(tokens, tokens_per_query)
    centre = math.log10(breakeven)
    low: float = math.floor(centre) - 2
    high: float = math.ceil(centre) + 2
    if queries > 0:
        low, high = min(low, math.floor(math.log10(queries)) - 1), max(high, math.ceil(math.log10(queries)) + 1)
    low, high = log_range(low, high)
    counts = sample(_QUERIES_AXIS, low, high, round(high - low) * 6 + 1)  # six points a decade
    # Chinchilla split: parameters and tokens each grow by the square root of the factor.
    grow = power_in_range("the parameter growth", factor, CHINCHILLA_PARAMS_EXPONENT)
    curves: dict[str, Callable[[float], float]] = {
        "Lifetime compute now": lambda d: lifetime_compute(params, tokens, d, tokens_per_query, post_training),
        "Training alone (pre + post)": lambda d: lifetime_compute(params, tokens, 0.0, tokens_per_query, post_training),
        f"After ×{short_number(factor, 4)} pre-training": lambda d: lifetime_compute(
            params * grow, tokens * grow, d, tokens_per_query, post_training
        ),
        f"After ×{short_number(factor, 4)} inference": lambda d: lifetime_compute(
            params, tokens, d, tokens_per_query * factor, post_training
        ),
    }
    lines: list[dict[str, float | str]] = [
        {"queries": d, "compute": curve(d), "series": name} for name, curve in curves.items() for d in counts
    ]
    total = curves["Lifetime compute now"]
    at_breakeven = math.isclose(queries, breakeven, rel_tol=1e-9)
    points: list[dict[str, float | str]] = [
        {
            "queries": breakeven,
            "compute": total(breakeven),
            "label": "Breakeven",
        }
    ]
    if queries > 0 and not at_breakeven:
        points.append({"queries": queries, "compute": total(queries), "label": "This model"})
    return {"lines": lines, "points": points}


LIFETIME_COMPUTE = Calculator(
    id="lifetime-compute",
    title="Lifetime compute: training versus deployment",
    summary=(
        "Ord's appendix: a model's lifetime compute is pre-training (N·D) plus post-training "
        "plus deployment (queries × N × tokens per query). Where deployment overtakes "
        "pre-training, and what scaling pre-training or inference does to the total."
    ),
    inputs=(
        Input(
            name="params",
            label="Parameters, N",
            unit="parameters",
            default=1e12,
            minimum=0,
            scale="log",
            why="Ord's appendix takes N = 10¹² parameters as a rough typical value for a GPT-4-level model.",
        ),
        Input(
            name="tokens",
            label="Pre-training tokens, D",
            unit="tokens",
            default=1e13,
            minimum=0,
            scale="log",
            why="Ord's GPT-4-class value: D = 10¹³ training tokens.",
        ),
        Input(
            name="queries",
            label="Queries served over the model's life, d",
            unit="queries",
            default=_GPT4_BREAKEVEN,
            minimum=0,
            scale="log",
            why=(
                "Ord leaves d open; 10¹⁰ is where deployment overtakes pre-training for these "
                "values, a point he reports that commercial frontier systems apparently usually pass."
            ),
        ),
        Input(
            name="tokens_per_query",
            label="Tokens generated per query, I",
            unit="tokens",
            default=1e3,
            minimum=0,
            scale="log",
            why="Ord's value for a GPT-4-class model: I = 10³ tokens per query.",
        ),
        Input(
            name="post_training",
            label="Post-training compute",
            unit="parameters × tokens",
            default=0.0,
            minimum=0,
            why="Ord's appendix gives no figure for post-training; 0 leaves it out.",
        ),
        Input(
            name="factor",
            label="Scale-up to compare",
            unit="×",
            default=10.0,
            minimum=0,
            scale="log",
            why="Ord's appendix compares 10× more pre-training compute with 10× more inference per query.",
        ),
    ),
    default_preset=Preset(
        id="gpt4-breakeven",
        cites=("ord2025governance",),
        label="GPT-4 class at breakeven (Ord)",
        values={
            "params": _GPT4_PARAMS,
            "tokens": _GPT4_TOKENS,
            "queries": _GPT4_BREAKEVEN,
            "tokens_per_query": _GPT4_TOKENS_PER_QUERY,
        },
        source=(
            "Ord, 'Inference Scaling Reshapes AI Governance' (2025), appendix: N = 10¹², "
            "D = 10¹³, I = 10³; deployment equals pre-training at d = 10¹⁰."
        ),
    ),
    presets=(
        Preset(
            id="pretraining-dominated",
            cites=("ord2025governance",),
            label="Pre-training dominated (d = 10⁸)",
            values={
                "params": _GPT4_PARAMS,
                "tokens": _GPT4_TOKENS,
                "queries": _GPT4_BREAKEVEN / 100,
                "tokens_per_query": _GPT4_TOKENS_PER_QUERY,
            },
            source=(
                "Our illustration of Ord's first limit: his GPT-4-class values with 100× fewer queries than breakeven."
            ),
        ),
        Preset(
            id="deployment-dominated",
            cites=("ord2025governance",),
            label="Deployment dominated (d = 10¹²)",
            values={
                "params": _GPT4_PARAMS,
                "tokens": _GPT4_TOKENS,
                "queries": _GPT4_BREAKEVEN * 100,
                "tokens_per_query": _GPT4_TOKENS_PER_QUERY,
            },
            source=(
                "Our illustration of Ord's second limit: his GPT-4-class values with 100× more queries than breakeven."
            ),
        ),
    ),
    outputs=(
        Output(name="total", label="Lifetime compute", unit="parameters × tokens"),
        Output(name="pretraining_share", label="Pre-training's share", kind="percent"),
        Output(name="deployment_share", label="Deployment's share", kind="percent"),
        Output(
            name="breakeven_queries",
            label="Queries at which deployment overtakes pre-training (D ÷ I)",
            unit="queries",
        ),
        Output(name="pretraining_scaleup", label="Lifetime compute after scaling pre-training", kind="multiplier"),
        Output(name="inference_scaleup", label="Lifetime compute after scaling inference per query", kind="multiplier"),
    ),
    compute=_lifetime,
    example={
        "params": 7e10,
        "tokens": 1.4e12,
        "queries": 1e11,
        "tokens_per_query": 2e3,
        "post_training": 1e22,
        "factor": 100.0,
    },
    chart=Chart(
        title="Lifetime compute against the number of queries served",
        description=(
            "Lifetime compute in parameter-tokens against queries served: the total now, training alone, and the totals after scaling pre-training "
            "or inference per query by the chosen factor, with the breakeven point where "
            "deployment equals pre-training."
        ),
        x=_QUERIES_AXIS,
        y=Axis(field="compute", title="Lifetime compute (parameters × tokens)", scale="log"),
        data=_lifetime_chart,
    ),
)
