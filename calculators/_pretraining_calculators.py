"""The ``scaling-paradox`` and ``chinchilla`` calculators: what more pre-training buys."""

from __future__ import annotations

import math

from ._declare import Axis, Calculator, Chart, Input, Output, Preset
from ._format import format_value
from .pretraining import (
    KAPLAN_COMPUTE_EXPONENT,
    KAPLAN_DATA_EXPONENT,
    KAPLAN_PARAMS_EXPONENT,
    chinchilla_allocation,
    chinchilla_compute_efficiency,
    chinchilla_isoflop_loss,
    chinchilla_optimal,
    compute_multiplier_for_loss,
    compute_ooms_for_loss,
    loss_multiplier,
    optimal_loss_exponent,
)

__all__ = ["CHINCHILLA", "SCALING_PARADOX"]

_CHART_POINTS = 121
_LN10 = math.log(10.0)
_MAX_DECADES = 300  # charts stay within 1e-300 .. 1e300
_KAPLAN = "Kaplan et al., 'Scaling Laws for Neural Language Models' (2020)"

# --- scaling-paradox -------------------------------------------------------------------

# Kaplan et al.'s three exponents, drawn beside the reader's own alpha for comparison.
_REFERENCE_LINES = (
    ("Kaplan, compute", KAPLAN_COMPUTE_EXPONENT),
    ("Kaplan, parameters", KAPLAN_PARAMS_EXPONENT),
    ("Kaplan, data", KAPLAN_DATA_EXPONENT),
)


def _paradox_compute(reduction: float, alpha: float) -> dict[str, float]:
    return {
        "compute_multiplier": compute_multiplier_for_loss(reduction, alpha),
        "compute_ooms": compute_ooms_for_loss(reduction, alpha),
        "loss_after_10x": loss_multiplier(10.0, alpha),
    }


def _paradox_chart(reduction: float, alpha: float) -> dict[str, list[dict[str, float | str]]]:
    target = compute_multiplier_for_loss(reduction, alpha)
    decades = compute_ooms_for_loss(reduction, alpha)  # log10 of the target
    if alpha <= 1:
        # Whole decades (a log axis rounds out to them anyway), from today (1) to well past
        # the target, so that it sits at most half way across and its label fits on a phone.
        low = math.floor(min(decades, 0.0)) - (1 if decades < 0 else 0)
        high = max(1, math.ceil(max(decades, 0.0) / 0.5))
    else:
        # A steep law: pad by the scale-up that moves the curve tenfold, under a decade.
        low = min(decades, 0.0) - 1 / alpha
        high = max(decades, 0.0) + 1 / alpha
    low, high = max(low, -_MAX_DECADES), min(high, _MAX_DECADES)
    step = (high - low) / (_CHART_POINTS - 1)
    xs = [10.0 ** (low + i * step) for i in range(_CHART_POINTS)]
    curves = [(f"Chosen, α = {alpha:g}", alpha)]  # sorts first, so it takes the first colour
    curves += [(f"{name}, α = {value:.3f}", value) for name, value in _REFERENCE_LINES if value != alpha]
    lines = [
        {"multiplier": x, "remaining": _remaining(x, value), "series": name}
        for name, value in curves
        for x in xs
    ]
    label = f"×{_short(target)}"  # the compute multiplier; its height is 1 / reduction
    points = [{"multiplier": target, "remaining": loss_multiplier(target, alpha), "label": label}]
    return {"lines": lines, "points": points}


def _remaining(multiplier: float, alpha: float) -> float:
    """The share of reducible loss left, or 0 where it is below a float's reach."""
    try:
        return loss_multiplier(multiplier, alpha)
    except ValueError:
        if multiplier > 1:  # only a vanishing share can be out of range here
            return 0.0
        raise


SCALING_PARADOX = Calculator(
    id="scaling-paradox",
    title="Compute needed to cut the loss",
    summary=(
        "How many times more compute a power-law scaling law asks for to divide the "
        "reducible loss (the part above the irreducible floor) by a chosen factor."
    ),
    inputs=(
        Input(
            name="reduction",
            label="Divide the reducible loss by",
            unit="×",
            default=2.0,
            minimum=0,
            scale="log",
            why=(
                "2 is one halving of the remaining error, the step Ord prices at about a million "
                "times more compute (80,000 Hours podcast, 2025)."
            ),
        ),
        Input(
            name="alpha",
            label="Scaling exponent, α",
            unit="",
            default=KAPLAN_COMPUTE_EXPONENT,
            minimum=0,
            why=(
                "0.05 is Kaplan et al.'s (2020) exponent for loss against compute, the one behind "
                "Ord's reading of the scaling laws."
            ),
        ),
    ),
    presets=(
        Preset(
            id="kaplan-compute",
            label="Compute, α = 0.050",
            values={"alpha": KAPLAN_COMPUTE_EXPONENT},
            source=f"{_KAPLAN}: loss falls as compute to the power −0.050.",
        ),
        Preset(
            id="kaplan-params",
            label="Parameters, α = 0.076",
            values={"alpha": KAPLAN_PARAMS_EXPONENT},
            source=(
                f"{_KAPLAN}: loss falls as parameter count to the power −0.076 when data is not "
                "the limit (read the result as a multiplier on parameters)."
            ),
        ),
        Preset(
            id="kaplan-data",
            label="Data, α = 0.095",
            values={"alpha": KAPLAN_DATA_EXPONENT},
            source=(
                f"{_KAPLAN}: loss falls as dataset size to the power −0.095 when the model is not "
                "the limit (read the result as a multiplier on training tokens)."
            ),
        ),
        Preset(
            id="chinchilla-path",
            label="Chinchilla fit, optimal path",
            values={"alpha": optimal_loss_exponent()},
            source=(
                "Our arithmetic on Hoffmann et al. (2022)'s parametric fit: with parameters and "
                "data split optimally, its reducible loss falls as compute to the power "
                "−0.34 × 0.28 / (0.34 + 0.28) ≈ −0.154."
            ),
        ),
        Preset(
            id="two-halvings",
            label="Two halvings (÷4)",
            values={"reduction": 4.0, "alpha": KAPLAN_COMPUTE_EXPONENT},
            source=(
                "Ord on the 80,000 Hours podcast (2025): labs have bought one halving of the "
                "remaining error; a second would take another million-fold increase."
            ),
        ),
    ),
    outputs=(
        Output(name="compute_multiplier", label="Compute needed", kind="multiplier"),
        Output(name="compute_ooms", label="Orders of magnitude of compute", unit="OOM"),
        Output(name="loss_after_10x", label="Reducible loss after 10× compute", kind="multiplier"),
    ),
    compute=_paradox_compute,
    example={"reduction": 4.0, "alpha": KAPLAN_PARAMS_EXPONENT},
    chart=Chart(
        title="Reducible loss left against the scale-up",
        description=(
            "Share of today's reducible loss that remains (linear) against the factor by which "
            "compute grows (log scale) for the chosen exponent, and against the factor by which "
            "compute, parameters or data grow for Kaplan et al.'s three exponents; the point "
            "marks the compute multiplier that gives the chosen reduction."
        ),
        x=Axis(field="multiplier", title="Scale-up (log scale)", scale="log", format="~e"),
        y=Axis(field="remaining", title="Reducible loss left", format=".0%", kind="percent"),
        data=_paradox_chart,
    ),
)

# --- chinchilla --------------------------------------------------------------------------

# Chinchilla's own run, 70B parameters on 1.4T tokens, at C = 6ND.
_CHINCHILLA_FLOP = 6 * 70e9 * 1.4e12


def _chinchilla_compute(flop: float, tokens_per_param: float) -> dict[str, float]:
    best = chinchilla_optimal(flop)
    return {
        "params": best.params,
        "tokens": best.tokens,
        "optimal_tokens_per_param": best.tokens_per_param,
        "loss": best.loss,
        "ratio_loss": chinchilla_allocation(flop, tokens_per_param).loss,
        "compute_efficiency": chinchilla_compute_efficiency(flop, tokens_per_param),
    }


def _chinchilla_chart(flop: float, tokens_per_param: float) -> dict[str, list[dict[str, float | str]]]:
    best = chinchilla_optimal(flop)
    fixed = chinchilla_allocation(flop, tokens_per_param)
    # Whole decades of model size around the optimum and the reader's split (a log axis
    # rounds out to them anyway), at least half a decade beyond either.
    sizes = sorted((math.log10(best.params), math.log10(fixed.params)))
    low = max(math.floor(sizes[0] - 0.5), -_MAX_DECADES)
    high = min(math.ceil(sizes[1] + 0.5), _MAX_DECADES)
    step = (high - low) / (_CHART_POINTS - 1)
    name = f"{_short(flop)} FLOP"
    # Loss above the budget's optimum: zero at the optimum, so the axis (which starts at 0)
    # shows the valley's shape rather than a flat line near 2 nats.
    lines = [
        {"params": n, "excess_loss": chinchilla_isoflop_loss(flop, n) - best.loss, "series": name}
        for n in (10.0 ** (low + i * step) for i in range(_CHART_POINTS))
    ]
    points = [
        {"params": best.params, "excess_loss": 0.0, "label": "N*"},  # short: 20:1 sits close by
        {"params": fixed.params, "excess_loss": fixed.loss - best.loss, "label": f"{_short(tokens_per_param)} tokens/param"},
    ]
    return {"lines": lines, "points": points}


def _short(value: float) -> str:
    """``format_value`` without trailing zeros, for labels: 2, 20, 92.8, 5.88 × 10²³."""
    mantissa, space, power = format_value(value).partition(" ")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return mantissa + space + power


CHINCHILLA = Calculator(
    id="chinchilla",
    title="Compute-optimal model size (Chinchilla fit)",
    summary=(
        "How Hoffmann et al.'s fitted scaling law splits a training budget between model size "
        "and data, the loss it predicts, and what a fixed tokens-per-parameter rule gives up."
    ),
    inputs=(
        Input(
            name="flop",
            label="Training compute, C",
            unit="FLOP",
            default=_CHINCHILLA_FLOP,
            minimum=0,
            scale="log",
            why=(
                "5.88 × 10²³ FLOP is Chinchilla's own run, 70B parameters on 1.4T tokens, at "
                "C = 6ND (Hoffmann et al. 2022)."
            ),
        ),
        Input(
            name="tokens_per_param",
            label="Compare with tokens per parameter",
            unit="tokens/param",
            default=20.0,
            minimum=0,
            scale="log",
            why="20 tokens per parameter is the Chinchilla rule of thumb (Hoffmann et al. 2022).",
        ),
    ),
    presets=(
        Preset(
            id="chinchilla-run",
            label="Chinchilla's budget",
            values={"flop": _CHINCHILLA_FLOP},
            source="Hoffmann et al. (2022): Chinchilla, 70B parameters on 1.4T tokens; C = 6ND.",
        ),
        Preset(
            id="eu-threshold",
            label="10²⁵ FLOP (EU AI Act)",
            values={"flop": 1e25},
            source="EU AI Act threshold for general-purpose models with systemic risk, as cited in Ord's governance essay.",
        ),
        Preset(
            id="us-threshold",
            label="10²⁶ FLOP (US order)",
            values={"flop": 1e26},
            source="US executive order reporting threshold (2023), as cited in Ord's governance essay.",
        ),
    ),
    outputs=(
        Output(name="params", label="Optimal parameters, N*", unit="parameters"),
        Output(name="tokens", label="Optimal training tokens, D*", unit="tokens"),
        Output(name="optimal_tokens_per_param", label="Optimal tokens per parameter", unit="tokens/param"),
        Output(name="loss", label="Loss at the optimum", unit="nats/token", digits=4),
        Output(name="ratio_loss", label="Loss at your tokens per parameter", unit="nats/token", digits=4),
        Output(
            name="compute_efficiency",
            label="Compute the optimum needs for that loss",
            unit="of C",
            kind="percent",
        ),
    ),
    compute=_chinchilla_compute,
    example={"flop": 1e25, "tokens_per_param": 40.0},
    chart=Chart(
        title="Extra loss from the wrong model size at a fixed budget (isoFLOP curve)",
        description=(
            "How far the Chinchilla fit's loss rises above its minimum (nats per token, linear) "
            "when the budget is fixed and spent on a model of N parameters with tokens = C / (6 N) "
            "(N on a log scale); points mark the fit's optimum N* and the chosen tokens-per-"
            "parameter split."
        ),
        x=Axis(field="params", title="Parameters, N (log scale)", scale="log", format="~e"),
        y=Axis(field="excess_loss", title="Loss above the optimum (nats/token)", format=".2f"),
        data=_chinchilla_chart,
    ),
)
