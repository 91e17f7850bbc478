"""Tests of the scaling-paradox page's calculators, scaling-paradox and chinchilla (calculators/declarations/scaling_paradox.py):
their defaults, presets, messages and charts.

The models they call are tested in tests/core/test_models_*.py. Standard library, pytest
and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import (
    CALCULATORS,
    chinchilla_compute_efficiency,
    chinchilla_loss,
    run,
)

from strategies import (
    any_floats,
)

POWERS = st.floats(min_value=0.5, max_value=60.0)
POSITIVE = st.floats(min_value=0.0, exclude_min=True, allow_nan=False, allow_infinity=False)
EXTREMES = st.sampled_from([5e-324, 1e-320, 1e-300, 1e-100, 1.0, 1e100, 1e300, 1e308, 1.7976931348623157e308])


def test_scaling_paradox_defaults_give_ords_example() -> None:
    """The default calculator is Ord's 6 -> 3: compute x 2^20 (6.02 OOM), data x 2^11, parameters x 2^13."""
    result = run("scaling-paradox", {})
    assert result["ok"]
    outputs = result["outputs"]
    assert 2.0**20 == outputs["compute_multiplier"]["value"]
    assert "6.02" == outputs["compute_ooms"]["text"]
    assert 2.0**11 == outputs["data_multiplier"]["value"]
    assert 2.0**13 == outputs["params_multiplier"]["value"]
    assert 2.0 == outputs["accuracy_gain"]["value"]


def test_epoch_preset_gives_about_20_tokens_per_param() -> None:
    """The Epoch-replication preset at Chinchilla's budget puts the optimum near 20:1, not 93."""
    calculator = run("chinchilla", {})
    preset = next(p for p in CALCULATORS["chinchilla"].presets if p.id == "epoch-replication")
    epoch = run("chinchilla", dict(preset.values))
    assert 18 == round(epoch["outputs"]["optimal_tokens_per_param"]["value"])
    assert 93 == round(calculator["outputs"]["optimal_tokens_per_param"]["value"])


def test_chinchilla_defaults_compare_the_optimum_with_chinchilla_itself() -> None:
    """At Chinchilla's budget the 20:1 point is Chinchilla (70B, 1.4T), a bit worse than the fit's optimum."""
    result = run("chinchilla", {})
    assert result["ok"]
    points = {point["label"]: point for point in result["chart"]["points"]}
    assert pytest.approx(70e9, rel=1e-12) == points["20 tokens/param"]["params"]
    assert 0.0 == points["N*"]["excess_loss"] < points["20 tokens/param"]["excess_loss"]
    assert pytest.approx(chinchilla_loss(70e9, 1.4e12), rel=1e-12) == result["outputs"]["ratio_loss"]["value"]


@pytest.mark.parametrize(
    ("calculator_id", "name", "raw", "message"),
    [
        pytest.param(
            "scaling-paradox", "target_loss", "0", "Total test loss wanted must be greater than 0, got 0", id="target-0"
        ),
        pytest.param(
            "scaling-paradox",
            "data_power",
            "-1",
            "Data grows as accuracy to the power must be greater than 0, got -1",
            id="power-negative",
        ),
        pytest.param(
            "chinchilla", "data_exponent", "0", "Fit's data exponent, β must be greater than 0, got 0", id="beta-0"
        ),
        pytest.param("chinchilla", "flop", "abc", "Training compute, C must be a number, got 'abc'", id="flop-text"),
        pytest.param(
            "chinchilla",
            "tokens_per_param",
            "0",
            "Compare with tokens per parameter must be greater than 0, got 0",
            id="ratio-0",
        ),
    ],
)
def test_calculators_put_the_message_by_the_input(calculator_id: str, name: str, raw: str, message: str) -> None:
    """A bad input comes back as {name: message}, so the page shows it next to that input."""
    assert {"ok": False, "errors": {name: message}} == run(calculator_id, {name: raw})


@given(any_floats, any_floats, any_floats)
def test_scaling_paradox_never_raises(current: float, target: float, power: float) -> None:
    """Any floats: the calculator returns a result with finite chart data, or messages."""
    result = run("scaling-paradox", {"current_loss": current, "target_loss": target, "compute_power": power})
    assert result["ok"] or result["errors"]


@given(any_floats, any_floats)
def test_chinchilla_never_raises(flop: float, ratio: float) -> None:
    """Any floats: the calculator returns a result with finite chart data, or messages."""
    result = run("chinchilla", {"flop": flop, "tokens_per_param": ratio})
    assert result["ok"] or result["errors"]


@pytest.mark.parametrize("calculator_id", ["scaling-paradox", "chinchilla"])
@given(data=st.data())
def test_valid_inputs_give_results_or_a_plain_range_message(calculator_id: str, data: st.DataObject) -> None:
    """Positive finite inputs (subnormal to the largest float) give a result, or say what is
    out of range: never a bare message from the math library."""
    names = {
        "scaling-paradox": ("current_loss", "target_loss", "compute_power"),
        "chinchilla": ("flop", "tokens_per_param", "params_exponent"),
    }[calculator_id]
    inputs = {name: data.draw(st.one_of(POSITIVE, EXTREMES)) for name in names}
    result = run(calculator_id, inputs)
    if not result["ok"]:
        [message] = result["errors"].values()
        assert message.endswith(("too large to compute", "too small to compute")), message


def test_chinchilla_works_at_the_largest_budgets() -> None:
    """At 1e308 FLOP L - E is below 1.69's last digit; the efficiency is still computed."""
    assert run("chinchilla", {"flop": 1e308, "tokens_per_param": 40})["ok"]
    assert 0.0 < chinchilla_compute_efficiency(1e308, 40) < 1e-20


@given(st.floats(min_value=1e-2, max_value=1e2), st.floats(min_value=1e-2, max_value=1e2), POWERS)
def test_scaling_paradox_points_sit_on_their_lines(current: float, target: float, power: float) -> None:
    """Each marked point is on its resource's curve, at the chosen accuracy gain, inside the chart."""
    result = run("scaling-paradox", {"current_loss": current, "target_loss": target, "compute_power": power})
    assume(result["ok"])
    xs = [row["gain"] for row in result["chart"]["lines"]]
    for point in result["chart"]["points"]:
        assert pytest.approx(current / target, rel=1e-12) == point["gain"]
        assert min(xs) <= point["gain"] * (1 + 1e-9) and point["gain"] <= max(xs) * (1 + 1e-9)
    compute_point = result["chart"]["points"][0]
    assert pytest.approx((current / target) ** power, rel=1e-9) == compute_point["multiplier"]
