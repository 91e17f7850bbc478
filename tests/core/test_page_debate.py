"""Tests of the debate page's calculator, sigmoid-or-exponential (calculators/declarations/debate.py):
their defaults, presets, messages and charts.

The models they call are tested in tests/core/test_models_*.py. Standard library, pytest
and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import (
    CALCULATORS,
    early_doubling_time,
    early_exponential_fit,
    early_fit_error,
    exponential_doubling_time,
    exponential_rate,
    exponential_value,
    logistic_value,
    overshoot_ratio,
    run,
    years_until_overshoot,
)
from calculators._declare import form_value

from strategies import (
    sigmoid_ceilings,
    sigmoid_rates,
    sigmoid_years_observed,
    sigmoid_years_to_midpoint,
)


def test_metr_preset_rate_comes_from_the_core() -> None:
    """The METR preset's growth rate is the core's rate for a 212-day doubling, in years."""
    preset = {p.id: p for p in CALCULATORS["sigmoid-or-exponential"].presets}["metr-rate"]
    assert preset.values["growth_rate"] == form_value(exponential_rate(212, per=365.25))
    assert pytest.approx(212 / 365.25, rel=1e-3) == exponential_doubling_time(preset.values["growth_rate"])


def test_calculator_outputs_are_the_core_functions() -> None:
    """run() on the defaults reports exactly what the core's functions return."""
    calculator = CALCULATORS["sigmoid-or-exponential"]
    inputs = calculator.defaults()
    curve = (inputs["ceiling"], inputs["growth_rate"], inputs["years_to_midpoint"], inputs["years_observed"])
    outputs = {name: output["value"] for name, output in run(calculator.id, inputs)["outputs"].items()}
    assert {
        "doubling_time": early_doubling_time(*curve),
        "fit_error": early_fit_error(*curve),
        "years_to_2x": years_until_overshoot(2, *curve),
        "years_to_10x": years_until_overshoot(10, *curve),
        "gap_at_horizon": overshoot_ratio(inputs["years_ahead"], *curve),
    } == outputs


def test_calculator_presets_and_example_run() -> None:
    """Every preset and the example give a result; a bad input is reported next to it."""
    calculator = CALCULATORS["sigmoid-or-exponential"]
    for values in [calculator.example, *(preset.values for preset in calculator.presets)]:
        assert run(calculator.id, {**calculator.defaults(), **values})["ok"]
    errors = run(calculator.id, {"years_observed": 1})["errors"]
    assert {"years_observed": "Years of data must be a whole number from 2 to 100, got 1"} == errors


@given(
    st.tuples(sigmoid_ceilings, sigmoid_rates, sigmoid_years_to_midpoint, sigmoid_years_observed), st.floats(-10, 30)
)
def test_chart_draws_the_fit_through_the_data(args: tuple[float, float, float, float], years_ahead: float) -> None:
    """The chart's observed points sit on the true curve, and the exponential misses them by at most the fit error."""
    ceiling, rate, to_midpoint, years = args
    calculator = CALCULATORS["sigmoid-or-exponential"]
    data = calculator.chart.data(rate, to_midpoint, ceiling, years, years_ahead)
    by_series: dict[str, dict[float, float]] = {}
    for row in data["lines"]:
        by_series.setdefault(row["series"], {})[row["years"]] = row["value"]
    observed = by_series["Yearly data points"]
    assert [float(t) for t in range(-int(years), 1)] == sorted(observed)
    fit = early_exponential_fit(*args)
    worst = early_fit_error(*args)
    for t, value in observed.items():
        assert logistic_value(t, ceiling, rate, to_midpoint) == value
        assert (
            abs(exponential_value(t, fit.rate, fit.anchor_time, fit.anchor_value) / value - 1)
            <= worst * (1 + 1e-9) + 1e-12
        )
