"""Tests of the hourly-costs page's calculators, hourly-cost, cost-per-success and sweet-spot (calculators/declarations/hourly_costs.py):
their defaults, presets, messages and charts.

The models they call are tested in tests/core/test_models_*.py. Standard library, pytest
and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import pytest

from calculators import (
    run,
)


@pytest.mark.parametrize(
    ("calculator_id", "inputs", "name", "message"),
    [
        pytest.param(
            "metr-logistic",
            {"t80": "70"},
            "t80",
            "80% time horizon, T80 must be shorter than 50% time horizon, T50 (59), got 70",
            id="t80-too-long",
        ),
        pytest.param(
            "metr-logistic",
            {"p": "1"},
            "p",
            "Target success probability, p must be strictly between 0 and 1, got 1",
            id="p-is-1",
        ),
        pytest.param(
            "hourly-cost",
            {"horizon_hours": "0"},
            "horizon_hours",
            "50% time horizon must be greater than 0, got 0",
            id="horizon-0",
        ),
        pytest.param(
            "hourly-cost",
            {"reference_usd_per_hour": "-1"},
            "reference_usd_per_hour",
            "Human hourly rate must be greater than 0, got -1",
            id="rate-negative",
        ),
        pytest.param(
            "cost-per-success",
            {"t50_hours": "0"},
            "t50_hours",
            "Agent's 50% time horizon, T50 must be greater than 0, got 0",
            id="t50-0",
        ),
        pytest.param(
            "cost-per-success",
            {"shape": "-1"},
            "shape",
            "Weibull shape, k must be greater than 0, got -1",
            id="shape-negative",
        ),
        pytest.param(
            "sweet-spot",
            {"slope": "2"},
            "slope",
            "Slope that marks saturation must be strictly between 0 and 1, got 2",
            id="slope-2",
        ),
        pytest.param(
            "sweet-spot",
            {"half_cost": "0"},
            "half_cost",
            "Cost at half the plateau must be greater than 0, got 0",
            id="half-cost-0",
        ),
    ],
)
def test_calculators_blame_the_right_input(calculator_id: str, inputs: dict, name: str, message: str) -> None:
    """A bad value comes back as that input's own message, naming it by its label."""
    assert {"ok": False, "errors": {name: message}} == run(calculator_id, inputs)


def test_sweet_spot_calculator_needs_a_steep_curve() -> None:
    """A curve never steeper than slope 1 has no sweet spot, and the message sits on steepness."""
    result = run("sweet-spot", {"steepness": "0.8"})
    assert ["steepness"] == list(result["errors"])
    assert result["errors"]["steepness"].startswith("Slope at low cost must be greater than 1")


def test_sweet_spot_calculator_matches_the_closed_form() -> None:
    """The numerical sweet spot of the default curve is at half_cost * (a - 1) ** (1 / a) = $20, 1 hour."""
    outputs = run("sweet-spot", {})["outputs"]
    # 100 samples per factor of ten place both points to about 2e-4, inside the 3 digits shown.
    assert pytest.approx(20.0, rel=5e-4) == outputs["sweet_cost"]["value"]
    assert pytest.approx(1.0, rel=5e-4) == outputs["sweet_horizon"]["value"]
    assert pytest.approx(20.0 * 19**0.5, rel=5e-4) == outputs["saturation_cost"]["value"]
    assert "87.2" == outputs["saturation_cost"]["text"]


def test_sweet_spot_is_searched_once_and_the_chart_marks_the_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chart is given the computed outputs (Chart.uses_outputs): one run searches the
    curve once, and the chart marks exactly the points the outputs report."""
    import calculators.models.agent_costs as model

    calls: list[int] = []
    real = model.sweet_spot
    monkeypatch.setattr(model, "sweet_spot", lambda *args: calls.append(1) or real(*args))
    result = run("sweet-spot", {"steepness": "3.5"})
    assert 1 == len(calls)
    outputs = {name: output["value"] for name, output in result["outputs"].items()}
    marked = {point["label"]: (point["cost"], point["horizon"]) for point in result["chart"]["points"]}
    assert (outputs["sweet_cost"], outputs["sweet_horizon"]) == marked["Sweet spot"]
    assert (outputs["saturation_cost"], outputs["saturation_horizon"]) == marked["Saturation"]
    curve = [row for row in result["chart"]["lines"] if row["series"] == "Horizon against cost (stylised)"]
    assert pytest.approx(outputs["sweet_cost"] / 10) == curve[0]["cost"]
    assert pytest.approx(outputs["saturation_cost"] * 10) == curve[-1]["cost"]
