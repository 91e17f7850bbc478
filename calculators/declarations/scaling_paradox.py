"""The ``scaling-paradox`` and ``chinchilla`` calculators: what more pre-training buys."""

from __future__ import annotations

import math

from .._chart import DRAWABLE_DECADES, sample
from .._checks import OutOfRangeError
from .._declare import Axis, Calculator, Chart, Input, Output, Preset, Row, form_value
from .._format import format_value, short_number
from ..models.pretraining import (
    CHINCHILLA_A,
    CHINCHILLA_ALPHA,
    CHINCHILLA_B,
    CHINCHILLA_BETA,
    CHINCHILLA_E,
    EPOCH_A,
    EPOCH_ALPHA,
    EPOCH_B,
    EPOCH_BETA,
    EPOCH_E,
    KAPLAN_COMPUTE_EXPONENT,
    KAPLAN_DATA_EXPONENT,
    KAPLAN_PARAMS_EXPONENT,
    ORD_COMPUTE_POWER,
    ORD_DATA_POWER,
    ORD_PARAMS_POWER,
    accuracy_power,
    chinchilla_allocation,
    chinchilla_compute_efficiency,
    chinchilla_isoflop_loss,
    chinchilla_optimal,
    chinchilla_total_loss_exponent,
    scaling_paradox_multipliers,
)

__all__ = ["CHINCHILLA", "SCALING_PARADOX"]

_CHART_POINTS = 121
_GAIN_AXIS = Axis(field="gain", title="Accuracy gain (× today's)", scale="log")
_PARAMS_AXIS = Axis(field="params", title="Parameters, N", scale="log")
_KAPLAN = "Kaplan et al., 'Scaling Laws for Neural Language Models' (2020), Fig. 1"
_ORD = "Ord, 'The Scaling Paradox' (2025)"

# Chinchilla's own run, 70B parameters on 1.4T tokens, at C = 6ND.
_CHINCHILLA_FLOP = 6 * 70e9 * 1.4e12

# --- scaling-paradox -------------------------------------------------------------------

_RESOURCES = (("compute", "Compute"), ("data", "Data"), ("params", "Parameters"))


def _paradox_compute(
    current_loss: float, target_loss: float, compute_power: float, data_power: float, params_power: float
) -> dict[str, float]:
    cost = scaling_paradox_multipliers(current_loss, target_loss, compute_power, data_power, params_power)
    return {
        "accuracy_gain": cost.accuracy_gain,
        "compute_multiplier": cost.compute,
        "compute_ooms": math.log10(cost.compute),
        "data_multiplier": cost.data,
        "params_multiplier": cost.params,
    }


def _paradox_chart(
    current_loss: float, target_loss: float, compute_power: float, data_power: float, params_power: float
) -> dict[str, list[dict[str, float | str]]]:
    cost = scaling_paradox_multipliers(current_loss, target_loss, compute_power, data_power, params_power)
    powers = (compute_power, data_power, params_power)
    # Accuracy gains from 1 (today) to a quarter past the chosen one (or down past it, if the
    # target loss is higher), kept to where every multiplier stays within 1e-300 .. 1e300.
    decades = math.log10(cost.accuracy_gain)
    if decades == 0.0:
        low, high = -0.1, 0.1
    else:
        low, high = min(1.25 * decades, 0.0), max(1.25 * decades, 0.0)
    limit = DRAWABLE_DECADES / max(powers)
    low, high = max(low, min(-limit, decades)), min(high, max(limit, decades))
    lines = []
    for gain in sample(_GAIN_AXIS, low, high, _CHART_POINTS):
        try:
            row = scaling_paradox_multipliers(gain, 1.0, *powers)
        except OutOfRangeError:  # a rounding step past the range at the chart's edge
            continue
        lines += [
            {
                "gain": gain,
                "multiplier": getattr(row, key),
                "series": f"{label}, power {short_number(power, 4)}",
            }
            for (key, label), power in zip(_RESOURCES, powers)
        ]
    points = [
        {
            "gain": cost.accuracy_gain,
            "multiplier": getattr(cost, key),
            "label": f"{label} {format_value(getattr(cost, key), 'multiplier', exact=True)}",
            # On a phone's plot (165 to 240 px) "Compute ×1,048,576" is most of its width, and
            # no place by the three close points is clear of the lines: the legend names each
            # line, so the point's label there is its multiple alone.
            "short": format_value(getattr(cost, key), "multiplier", exact=True),
            # Three points at one gain, data's and parameters' close: data's label goes
            # below its point, the others' above.
            "place": place,
        }
        for (key, label), place in zip(_RESOURCES, ("above", "below", "above"), strict=True)
    ]
    return {"lines": lines, "points": points}


SCALING_PARADOX = Calculator(
    id="scaling-paradox",
    title="What it takes to cut the total test loss",
    summary=(
        "On Ord's model, accuracy is the reciprocal of the total test loss and compute, data "
        "and parameters must grow as the 20th, 11th and 13th powers of it: set today's loss "
        "and the loss you want, and see the multipliers."
    ),
    inputs=(
        Input(
            name="current_loss",
            label="Total test loss today",
            unit="nats per token",
            default=6.0,
            minimum=0,
            why=f"6 is where Ord's example starts, read off the compute plot of {_KAPLAN} ({_ORD}).",
        ),
        Input(
            name="target_loss",
            label="Total test loss wanted",
            unit="nats per token",
            default=3.0,
            minimum=0,
            why=f"3 halves the loss, Ord's example: it needs about a million times the compute ({_ORD}).",
        ),
        Input(
            name="compute_power",
            label="Compute grows as accuracy to the power",
            unit="",
            default=ORD_COMPUTE_POWER,
            minimum=0,
            why=f"20: Ord's C ∝ a²⁰ ({_ORD}), the reciprocal of Kaplan et al.'s compute exponent 0.050.",
        ),
        Input(
            name="data_power",
            label="Data grows as accuracy to the power",
            unit="",
            default=ORD_DATA_POWER,
            minimum=0,
            why=f"11: Ord's D ∝ a¹¹ ({_ORD}), his rounding of 1 / 0.095, Kaplan et al.'s data exponent.",
        ),
        Input(
            name="params_power",
            label="Parameters grow as accuracy to the power",
            unit="",
            default=ORD_PARAMS_POWER,
            minimum=0,
            why=f"13: Ord's N ∝ a¹³ ({_ORD}), his rounding of 1 / 0.076, Kaplan et al.'s parameter exponent.",
        ),
    ),
    default_preset=Preset(
        id="ord-halving",
        cites=("ord2025paradox",),
        label="Ord's example: 6 → 3",
        values={
            "current_loss": 6.0,
            "target_loss": 3.0,
            "compute_power": ORD_COMPUTE_POWER,
            "data_power": ORD_DATA_POWER,
            "params_power": ORD_PARAMS_POWER,
        },
        source=f"{_ORD}: halving the test loss from 6 to 3 needs the compute doubled 20 times; C ∝ a^20, D ∝ a^11, N ∝ a^13.",
    ),
    presets=(
        Preset(
            id="kaplan-unrounded",
            cites=("kaplan2020", "ord2025paradox"),
            label="Kaplan's exponents, unrounded",
            values={
                "compute_power": form_value(accuracy_power(KAPLAN_COMPUTE_EXPONENT)),
                "data_power": form_value(accuracy_power(KAPLAN_DATA_EXPONENT)),
                "params_power": form_value(accuracy_power(KAPLAN_PARAMS_EXPONENT)),
            },
            source=(
                f"{_KAPLAN}: total loss falls as compute^−0.050, data^−0.095 and parameters^−0.076; "
                "the powers here are their reciprocals (our arithmetic), which Ord rounds to 20, 11 and 13."
            ),
        ),
        Preset(
            id="second-halving",
            cites=("ord2025podcast",),
            label="A second halving: 3 → 1.5",
            values={"current_loss": 3.0, "target_loss": 1.5},
            source=(
                "Ord on the 80,000 Hours podcast (2025): the labs have bought one halving of the error "
                "with a million times the compute; halving it again needs another million-fold."
            ),
        ),
        Preset(
            id="chinchilla-local",
            cites=("hoffmann2022",),
            label="Chinchilla fit at Chinchilla's budget",
            values={
                "current_loss": 6.0,
                "target_loss": 3.0,
                "compute_power": form_value(accuracy_power(chinchilla_total_loss_exponent(_CHINCHILLA_FLOP))),
            },
            source=(
                "Our arithmetic on Hoffmann et al. (2022)'s fit: along its compute-optimal path at "
                "5.88 × 10²³ FLOP the total loss falls locally as compute to a far smaller power than "
                "Kaplan's 0.050, so compute grows as a much higher power of accuracy (data and "
                "parameter powers left at Ord's). It only holds near that budget."
            ),
        ),
    ),
    outputs=(
        Output(name="accuracy_gain", label="Accuracy (1 / loss) grows by", kind="multiplier"),
        # 2 ** 20, 2 ** 11, 2 ** 13 at Ord's inputs: whole powers of a whole gain, exact.
        Output(name="compute_multiplier", label="Compute needed", kind="multiplier", exact=True),
        Output(name="compute_ooms", label="Orders of magnitude of compute", unit="OOMs"),
        Output(name="data_multiplier", label="Data needed", kind="multiplier", exact=True),
        Output(name="params_multiplier", label="Parameters needed", kind="multiplier", exact=True),
    ),
    compute=_paradox_compute,
    example={"current_loss": 4.0, "target_loss": 3.5, "compute_power": 20.0, "data_power": 10.5, "params_power": 13.2},
    chart=Chart(
        title="Resources needed against the gain in accuracy",
        description=(
            "How many times more compute, data and parameters Ord's model asks for against the "
            "factor by which accuracy, the reciprocal of the total test loss, grows; the points mark the chosen cut."
        ),
        x=_GAIN_AXIS,
        y=Axis(
            field="multiplier",
            title="Compute, data or parameters needed (× today's)",
            scale="log",
            kind="multiplier",
            exact=True,  # the points at Ord's inputs are whole powers of 2, as the outputs say
        ),
        data=_paradox_chart,
    ),
)

# --- chinchilla --------------------------------------------------------------------------

_FIT_NAMES = ("irreducible_loss", "params_coefficient", "data_coefficient", "params_exponent", "data_exponent")


def _chinchilla_compute(flop: float, tokens_per_param: float, **fit: float) -> dict[str, float]:
    best = chinchilla_optimal(flop, **fit)
    return {
        "params": best.params,
        "tokens": best.tokens,
        "optimal_tokens_per_param": best.tokens_per_param,
        "loss": best.loss,
        "ratio_loss": chinchilla_allocation(flop, tokens_per_param, **fit).loss,
        "compute_efficiency": chinchilla_compute_efficiency(flop, tokens_per_param, **fit),
    }


def _chinchilla_chart(flop: float, tokens_per_param: float, **fit: float) -> dict[str, list[dict[str, float | str]]]:
    best = chinchilla_optimal(flop, **fit)
    fixed = chinchilla_allocation(flop, tokens_per_param, **fit)
    # Whole decades of model size around the optimum and the reader's split (a log axis
    # rounds out to them anyway), at least half a decade beyond either.
    sizes = sorted((math.log10(best.params), math.log10(fixed.params)))
    low, high = math.floor(sizes[0] - 0.5), math.ceil(sizes[1] + 0.5)
    name = f"{short_number(flop, 9)} FLOP"  # the budget as typed
    # Loss above the budget's optimum: zero at the optimum, so the axis (which starts at 0)
    # shows the valley's shape rather than a flat line near 2 nats.
    lines: list[Row] = []
    for n in sample(_PARAMS_AXIS, low, high, _CHART_POINTS):
        try:
            excess = chinchilla_isoflop_loss(flop, n, **fit) - best.loss
        except OutOfRangeError:  # a model size whose token count leaves the float range
            continue
        lines.append({"params": n, "excess_loss": excess, "series": name})
    # The reader's split is labelled where the chart puts labels (left of a point in the
    # plot's right part); the optimum's label goes the other way when the two are close.
    where = (math.log10(fixed.params) - low) / (high - low)
    fixed_side = "left" if where > 0.65 else "right"
    close = abs(math.log10(fixed.params) - math.log10(best.params)) < 0.3 * (high - low)
    optimum: Row = {"params": best.params, "excess_loss": 0.0, "label": "N*"}
    if close:
        optimum["side"] = "right" if fixed_side == "left" else "left"
    points: list[Row] = [
        optimum,
        {
            "params": fixed.params,
            "excess_loss": fixed.loss - best.loss,
            "label": f"{short_number(tokens_per_param, 9)} tokens/param",
            # A phone's plot (under 400 px wide, where a row's short label is drawn) may have no room
            # beside the optimum for the full label (at 320 px it went under the axis).
            "short": f"{short_number(tokens_per_param, 9)} per param",
        },
    ]
    return {"lines": lines, "points": points}


CHINCHILLA = Calculator(
    id="chinchilla",
    title="Compute-optimal model size (Chinchilla fit)",
    summary=(
        "How Hoffmann et al.'s fitted scaling law (or Epoch AI's refit of it) splits a training "
        "budget between model size and data, the loss it predicts, and what a fixed "
        "tokens-per-parameter rule gives up."
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
            unit="tokens per parameter",
            default=20.0,
            minimum=0,
            scale="log",
            why="20 tokens per parameter is the Chinchilla rule of thumb (Hoffmann et al. 2022).",
        ),
        Input(
            name="irreducible_loss",
            label="Fit's floor, E",
            unit="nats per token",
            default=CHINCHILLA_E,
            minimum=0,
            why="1.69 is the floor of Hoffmann et al.'s (2022) parametric fit, as printed in the paper.",
        ),
        Input(
            name="params_coefficient",
            label="Fit's parameter coefficient, A",
            unit="",
            default=CHINCHILLA_A,
            minimum=0,
            why="406.4 is A in Hoffmann et al.'s (2022) parametric fit, as printed in the paper.",
        ),
        Input(
            name="data_coefficient",
            label="Fit's data coefficient, B",
            unit="",
            default=CHINCHILLA_B,
            minimum=0,
            why="410.7 is B in Hoffmann et al.'s (2022) parametric fit, as printed in the paper.",
        ),
        Input(
            name="params_exponent",
            label="Fit's parameter exponent, α",
            unit="",
            default=CHINCHILLA_ALPHA,
            minimum=0,
            why="0.34 is α in Hoffmann et al.'s (2022) parametric fit, as printed (rounded) in the paper.",
        ),
        Input(
            name="data_exponent",
            label="Fit's data exponent, β",
            unit="",
            default=CHINCHILLA_BETA,
            minimum=0,
            why="0.28 is β in Hoffmann et al.'s (2022) parametric fit, as printed (rounded) in the paper.",
        ),
    ),
    default_preset=Preset(
        id="chinchilla",
        cites=("hoffmann2022",),
        label="Chinchilla's budget and fit",
        values={
            "flop": _CHINCHILLA_FLOP,
            **dict(zip(_FIT_NAMES, (CHINCHILLA_E, CHINCHILLA_A, CHINCHILLA_B, CHINCHILLA_ALPHA, CHINCHILLA_BETA))),
        },
        source=(
            "Hoffmann et al. (2022): Chinchilla, 70B parameters on 1.4T tokens, C = 6ND; their "
            "parametric fit (approach 3) as printed: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28."
        ),
    ),
    presets=(
        Preset(
            id="eu-threshold",
            keeps=("tokens_per_param",),
            cites=("ord2025governance", "heim2024thresholds"),
            label="10²⁵ FLOP (EU AI Act)",
            values={"flop": 1e25},
            source="EU AI Act threshold for general-purpose models with systemic risk, as cited in Ord's governance essay.",
        ),
        Preset(
            id="us-threshold",
            keeps=("tokens_per_param",),
            cites=("ord2025governance", "heim2024thresholds"),
            label="10²⁶ FLOP (US order)",
            values={"flop": 1e26},
            source="US executive order reporting threshold (2023), as cited in Ord's governance essay.",
        ),
        Preset(
            id="epoch-replication",
            keeps=("tokens_per_param",),
            cites=("besiroglu2024",),
            label="Epoch replication",
            values=dict(zip(_FIT_NAMES, (EPOCH_E, EPOCH_A, EPOCH_B, EPOCH_ALPHA, EPOCH_BETA))),
            source=(
                "Besiroglu, Erdil, Barnett and You (2024), 'Chinchilla Scaling: A Replication Attempt' "
                "(Epoch AI, arXiv:2404.10102): the same fit redone on data reconstructed from the "
                "paper's plots, E = 1.8172, A = 482.01, B = 2085.43, α = 0.3478, β = 0.3658."
            ),
        ),
    ),
    outputs=(
        Output(name="params", label="Optimal parameters, N*", unit="parameters"),
        Output(name="tokens", label="Optimal training tokens, D*", unit="tokens"),
        Output(name="optimal_tokens_per_param", label="Optimal tokens per parameter", unit="tokens per parameter"),
        Output(name="loss", label="Loss at the optimum", unit="nats per token", digits=4),
        Output(name="ratio_loss", label="Loss at your tokens per parameter", unit="nats per token", digits=4),
        Output(
            name="compute_efficiency",
            label="Compute the optimum needs for that loss",
            unit="of C",
            kind="percent",
        ),
    ),
    compute=_chinchilla_compute,
    example={
        "flop": 1e25,
        "tokens_per_param": 40.0,
        **dict(zip(_FIT_NAMES, (EPOCH_E, EPOCH_A, EPOCH_B, EPOCH_ALPHA, EPOCH_BETA))),
    },
    chart=Chart(
        title="Extra loss from the wrong model size at a fixed budget (isoFLOP curve)",
        description=(
            "How far the Chinchilla fit's loss rises above its minimum (nats per token) "
            "when the budget is fixed and spent on a model of N parameters with tokens = C / (6 N); "
            "points mark the fit's optimum N* and the chosen tokens-per-"
            "parameter split."
        ),
        x=_PARAMS_AXIS,
        y=Axis(field="excess_loss", title="Loss above the optimum (nats per token)"),
        data=_chinchilla_chart,
    ),
)
