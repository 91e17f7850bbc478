"""The ``time-horizons`` calculator (declarations/time_horizons.py): its outputs against the
core's functions, its presets against Ord's and METR's figures, the cost combination, and
its chart (date axis, band, error bars, grouped points) and table."""

import re

import pytest

from calculators import (
    doubling_days,
    get_calculator,
    run,
    vega_lite_spec,
    window_models,
    window_reach_year,
)
from calculators.models.logistic_horizon import DAYS_PER_MONTH

# --- The calculator -----------------------------------------------------------------------

CALCULATOR = get_calculator("time-horizons")


@pytest.mark.parametrize("preset", CALCULATOR.presets, ids=lambda preset: preset.id)
def test_outputs_are_ordered_for_every_preset(preset) -> None:
    """Each interval holds its estimate, and the dates and horizons agree with the core's functions."""
    inputs = {**CALCULATOR.defaults(), **preset.values}
    out = {name: output["value"] for name, output in run("time-horizons", inputs)["outputs"].items()}
    assert out["doubling_low_months"] <= out["doubling_months"] <= out["doubling_high_months"]
    assert out["date_earliest"] <= out["date_reached"] <= out["date_latest"]
    window = (inputs["report"], inputs["start_year"], inputs["end_year"])
    assert (
        pytest.approx(window_reach_year(*window, inputs["target_hours"] * 60, inputs["p"], inputs["shape"]), abs=1e-12)
        == out["date_reached"]
    )
    assert pytest.approx(doubling_days_of(*window) / DAYS_PER_MONTH, rel=1e-12) == out["doubling_months"]


def doubling_days_of(report: float, first: float, last: float) -> float:
    rows = window_models(report, first, last)
    return doubling_days([row.release_day for row in rows], [row.t50_min for row in rows])


def test_the_presets_reproduce_ord_and_metr() -> None:
    """Ord's 7 months and METR's faster trend since 2023 come out of their presets."""
    values = {preset.id: preset.values for preset in CALCULATOR.presets}
    seven = run("time-horizons", {**CALCULATOR.defaults(), **values["ord-7-months"]})["outputs"]
    assert "6.97" == seven["doubling_months"]["text"]
    faster = run("time-horizons", {**CALCULATOR.defaults(), **values["metr-1-1-since-2023"]})["outputs"]
    assert pytest.approx(128.744, abs=5e-4) == faster["doubling_months"]["value"] * DAYS_PER_MONTH


def test_cost_follows_ords_hourly_model() -> None:
    """Costs equal to horizons' growth leave the hourly cost unchanged; faster costs raise it."""
    months = run("time-horizons", {})["outputs"]["doubling_months"]["value"]
    horizon_growth = 2 ** (12 / months)
    same = run("time-horizons", {"cost_growth": horizon_growth, "hourly_usd": 50})["outputs"]
    assert pytest.approx(1.0, rel=1e-9) == same["hourly_growth"]["value"]
    assert pytest.approx(50.0, rel=1e-9) == same["hourly_cost_then"]["value"]
    assert pytest.approx(50.0 * 40, rel=1e-9) == same["task_cost_then"]["value"]
    dearer = run("time-horizons", {"cost_growth": 2 * horizon_growth, "hourly_usd": 50})["outputs"]
    assert dearer["hourly_cost_then"]["value"] > 50


def test_chart_marks_models_trend_band_and_target() -> None:
    """Every model of the release is a point with METR's interval; the trend lines carry the
    bootstrap band; the target is a line and a point at the date reached."""
    result = run("time-horizons", {})
    points = result["chart"]["points"]
    models = [point for point in points if point["group"] != "Target reached"]
    assert 25 == len(models)
    assert 17 == sum(point["group"] == "Model in the fit" for point in models)
    assert all(point["low"] <= point["horizon"] <= point["high"] for point in models)
    [target] = [point for point in points if point["group"] == "Target reached"]
    assert result["outputs"]["date_reached"]["value"] == target["year"]
    series = {row["series"] for row in result["chart"]["lines"]}
    assert {"50% horizon, 17-model fit", "80% horizon, k = 1", "Target: 40 hours"} == series
    banded = [row for row in result["chart"]["lines"] if "low" in row]
    assert banded and all(row["low"] <= row["horizon"] <= row["high"] for row in banded)


def test_chart_spec_has_a_date_axis_band_and_error_bars() -> None:
    """The declaration's new chart fields become a time axis, an area band, rules and shapes;
    unlabelled points lose the text layer. A chart without them keeps its four layers."""
    spec = vega_lite_spec(CALCULATOR.chart, run("time-horizons", {})["chart"])
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert ["line", "area", "line", "rule", "point"] == marks
    for layer in spec["layer"]:
        assert "temporal" == layer["encoding"]["x"]["type"]
        assert "utc(floor(datum['year'])" in layer["transform"][0]["calculate"]
    assert "group" == spec["layer"][4]["encoding"]["shape"]["field"]
    assert "low" == spec["layer"][1]["encoding"]["y"]["field"] and "high" == spec["layer"][1]["encoding"]["y2"]["field"]
    half_life = get_calculator("half-life")
    plain = vega_lite_spec(half_life.chart, run("half-life", {})["chart"])
    # The second text layer is the labels' halo (calculators/_chart.py, LABEL_HALO).
    assert ["line", "line", "point", "text", "text"] == [layer["mark"]["type"] for layer in plain["layer"]]
    assert all("transform" not in layer for layer in plain["layer"])


def test_table_writes_dates_as_months() -> None:
    """The chart's table gives each row's date as a month and year."""
    table = run("time-horizons", {})["table"]
    assert "Release date" == table["columns"][0]
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert all(re.fullmatch(rf"({months}) 20\d\d", row[0]) for row in table["rows"])
    assert "January 2019" == table["rows"][0][0]


def test_window_errors_reach_the_form_by_label() -> None:
    """A window with too few models is reported next to its first input, in the form's words."""
    result = run("time-horizons", {"start_year": 2026.0, "end_year": 2026.4})
    assert not result["ok"]
    message = result["errors"]["start_year"]
    assert message.startswith("Window from (year): the window from 2026 to 2026.4 holds 1 of the chosen models")
