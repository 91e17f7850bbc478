"""Properties of the time-horizon trend (models/time_horizons.py), METR's rows
(models/metr_horizons.py), the calendar (_calendar.py) and the ``time-horizons`` calculator.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide. METR's own
published doubling times are golden cases in tests/cases/time_horizons.csv; NumPy and SciPy
check the arithmetic in tests/crosscheck/test_time_horizons_numpy.py.
"""

from __future__ import annotations

import datetime
import math
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import (
    ExponentialFit,
    bootstrap_fits,
    day_from_year,
    day_reached,
    doubling_days,
    doubling_interval,
    exponential_value,
    get_calculator,
    horizon_ratio,
    metr_horizons,
    percentile,
    reach_interval,
    run,
    trend_band,
    trend_year,
    vega_lite_spec,
    window_models,
    window_reach_year,
    year_from_day,
)
from calculators._checks import InputError, OutOfRangeError
from calculators._format import format_value
from calculators.models.logistic_horizon import DAYS_PER_MONTH

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
years = st.floats(min_value=1.0, max_value=9999.99, allow_nan=False)
doubling = st.floats(min_value=10.0, max_value=2000.0)
start = st.floats(min_value=0.01, max_value=1e4)
#: Release dates 0 to 3000 days apart, at least three of them and not all on one day.
dates = st.lists(st.integers(min_value=0, max_value=3000).map(float), min_size=3, max_size=12, unique=True)


def exact_trend(days: list[float], doubling_days_: float, first: float) -> list[float]:
    """Horizons exactly on an exponential trend through ``first`` at day 0."""
    return [first * 2.0 ** (day / doubling_days_) for day in days]


# --- The calendar -------------------------------------------------------------------------


@given(years)
def test_decimal_years_round_trip_through_days(year: float) -> None:
    """year_from_day undoes day_from_year (to a fraction of a second)."""
    assert pytest.approx(year, abs=1e-9) == year_from_day(day_from_year(year))


@given(years, years)
def test_day_from_year_keeps_order(a: float, b: float) -> None:
    """A later decimal year is a later day."""
    if a < b:
        assert day_from_year(a) <= day_from_year(b)


def test_calendar_fixed_points() -> None:
    """1 January 1970 is day 0; the middle of leap year 2024 is noon on 1 July; months read right."""
    assert 0.0 == day_from_year(1970.0)
    assert 19723.0 + 183.0 == day_from_year(2024.5)
    assert "July 2024" == format_value(2024.5, "year")
    assert "December 2025" == format_value(2025.999, "year")
    assert "January 2026" == format_value(2026.0, "year")


def test_years_outside_the_calendar_are_refused() -> None:
    """A year the calendar does not have is an InputError naming the parameter."""
    with pytest.raises(InputError, match="as_of_year must be a year from 1 to 10000, got 0"):
        day_from_year(0.0, "as_of_year")
    with pytest.raises(OutOfRangeError, match="does not reach the target between the years 1 and 9999"):
        trend_year(day_from_year(10000.0) + 1)


# --- METR's rows --------------------------------------------------------------------------


def test_metr_rows_are_the_data_file() -> None:
    """58 rows, 33 and 25 per release, 17 state-of-the-art models in each, dates as days."""
    rows = metr_horizons()
    assert (33, 25) == tuple(
        sum(row.report == report for row in rows) for report in ("time-horizon-1.0", "time-horizon-1.1")
    )
    assert (17, 17) == tuple(
        sum(row.frontier for row in rows if row.report == report) for report in ("time-horizon-1.0", "time-horizon-1.1")
    )
    for row in rows:
        assert row.t80_min < row.t50_min
        assert row.t50_low_min <= row.t50_min <= row.t50_high_min
        released = datetime.date.fromisoformat(row.release_date)
        assert (released - datetime.date(1970, 1, 1)).days == row.release_day
        assert released.year == math.floor(year_from_day(row.release_day))


@given(st.sampled_from([1.0, 1.1]), st.floats(2019.0, 2026.0), st.floats(0.3, 8.0), st.booleans())
def test_window_models_are_the_window(report: float, first: float, span: float, frontier_only: bool) -> None:
    """Every model returned is of the release, inside the window, and frontier if asked."""
    try:
        rows = window_models(report, first, first + span, frontier_only)
    except InputError as error:
        assert "widen it to hold at least 3" in str(error) and error.parameter == "start_year"
        return
    assert len(rows) >= 3
    for row in rows:
        assert row.report == ("time-horizon-1.0" if report == 1.0 else "time-horizon-1.1")
        assert day_from_year(first) <= row.release_day <= day_from_year(first + span)
        assert row.frontier or not frontier_only


def test_window_errors_name_the_input() -> None:
    """A window ending before it starts, or an unknown release, says which input is wrong."""
    with pytest.raises(InputError, match="end_year must be later than start_year") as error:
        window_models(1.1, 2025.0, 2024.0)
    assert "end_year" == error.value.parameter
    with pytest.raises(InputError, match=r"report must be 1\.0 or 1\.1") as error:
        window_models(1.2, 2019.0, 2026.0)
    assert "report" == error.value.parameter


# --- The fit and its doubling time --------------------------------------------------------


@given(dates, doubling, start)
def test_exact_exponential_data_give_their_doubling_time(days: list[float], tau: float, first: float) -> None:
    """Points exactly on a trend that doubles every tau days give tau back."""
    assert pytest.approx(tau, rel=1e-9) == doubling_days(days, exact_trend(days, tau, first))


@given(dates, doubling, start, finite, st.floats(1e-3, 1e3))
def test_doubling_time_ignores_the_origin_and_the_unit(
    days: list[float], tau: float, first: float, shift: float, unit: float
) -> None:
    """Shifting every date, or measuring horizons in another unit, leaves the doubling time."""
    rng = random.Random(len(days))
    noisy = [value * 2 ** rng.uniform(-1, 1) for value in exact_trend(days, tau, first)]
    try:
        expected = doubling_days(days, noisy)
    except OutOfRangeError:
        return  # the noise made this sample shrink: no doubling time either way
    assert pytest.approx(expected, rel=1e-6) == doubling_days([d + shift for d in days], [v * unit for v in noisy])


def test_horizons_that_shrink_have_no_doubling_time() -> None:
    """A falling trend is an OutOfRangeError that says so."""
    with pytest.raises(OutOfRangeError, match="do not grow"):
        doubling_days([0, 100, 200], [8, 4, 2])


# --- The bootstrap ------------------------------------------------------------------------

WINDOW = window_models(1.1, 2023.0, 2026.5)
DAYS = [row.release_day for row in WINDOW]
T50 = [row.t50_min for row in WINDOW]


def test_bootstrap_is_deterministic_for_a_seed() -> None:
    """The same seed gives the same refits; another seed gives other refits."""
    assert bootstrap_fits(DAYS, T50, resamples=50, seed=7) == bootstrap_fits(DAYS, T50, resamples=50, seed=7)
    assert bootstrap_fits(DAYS, T50, resamples=50, seed=7) != bootstrap_fits(DAYS, T50, resamples=50, seed=8)
    assert 1000 == len(bootstrap_fits(DAYS, T50))


def test_bootstrap_draws_are_fixed_for_every_python() -> None:
    """The first refit of seed 0 is a known number, so a Python whose generator or draws
    differ (another random, another way of picking indices) fails here, in CPython and Pyodide."""
    first = bootstrap_fits(DAYS, T50, resamples=1)[0]
    rng = random.Random(0)
    chosen = [int(rng.random() * len(DAYS)) for _ in DAYS]
    assert [11, 10, 5, 3, 7, 5, 10, 4, 6, 8, 12, 7, 3, 10] == chosen
    refit = doubling_days([DAYS[i] for i in chosen], [T50[i] for i in chosen])
    assert pytest.approx(refit, rel=1e-12) == math.log(2) / first.rate


@given(dates, doubling, start, st.integers(0, 10**6))
def test_refits_of_exact_data_are_exact(days: list[float], tau: float, first: float, seed: int) -> None:
    """Every refit of points on one exponential is that exponential; so are the intervals."""
    values = exact_trend(days, tau, first)
    fits = bootstrap_fits(days, values, resamples=20, seed=seed)
    low, high = doubling_interval(fits)
    assert pytest.approx(tau, rel=1e-6) == low
    assert pytest.approx(tau, rel=1e-6) == high
    target = first * 8
    earliest, latest = reach_interval(fits, target)
    assert pytest.approx(3 * tau, rel=1e-6, abs=1e-6) == earliest
    assert pytest.approx(3 * tau, rel=1e-6, abs=1e-6) == latest


def test_bootstrap_needs_three_models() -> None:
    """Two models always fit exactly: the bootstrap refuses them by name."""
    with pytest.raises(InputError, match="at least 3 models") as error:
        bootstrap_fits([0, 1], [1, 2])
    assert "times" == error.value.parameter


@pytest.mark.parametrize(("report", "first"), [(1.0, 2019.0), (1.0, 2023.0), (1.1, 2019.0), (1.1, 2023.0)])
def test_intervals_hold_the_estimates_on_metr_windows(report: float, first: float) -> None:
    """On METR's windows the bootstrap interval holds the point estimate, and dates come in order."""
    rows = window_models(report, first, 2026.5)
    days, t50 = [row.release_day for row in rows], [row.t50_min for row in rows]
    fits = bootstrap_fits(days, t50)
    low, high = doubling_interval(fits)
    assert low < doubling_days(days, t50) < high
    reached = day_from_year(window_reach_year(report, first, 2026.5, target_minutes=2400, p=0.8))
    earliest, latest = reach_interval(fits, 2400 * horizon_ratio(0.8))
    assert earliest < reached < latest
    (band_low, band_high), *_ = trend_band(fits, [reached])
    assert band_low < 2400 * horizon_ratio(0.8) < band_high


# --- Percentiles, dates and bands ---------------------------------------------------------


@given(st.lists(finite, min_size=1, max_size=30), st.floats(0, 100), st.floats(0, 100))
def test_percentile_is_monotone_and_bounded(values: list[float], q1: float, q2: float) -> None:
    """Percentiles lie within the data and never fall as q rises; 0 and 100 are the ends."""
    low, high = sorted((q1, q2))
    assert min(values) <= percentile(values, low) <= percentile(values, high) <= max(values)
    assert min(values) == percentile(values, 0)
    assert max(values) == percentile(values, 100)


@given(st.floats(1e-3, 1e6), st.floats(1e-5, 1.0), finite, st.floats(1e-3, 1e6))
def test_day_reached_undoes_the_trend(target: float, rate: float, anchor: float, value: float) -> None:
    """The trend, evaluated on the day it reaches the target, is the target."""
    day = day_reached(target, rate, anchor, value)
    assert pytest.approx(target, rel=1e-6) == exponential_value(day, rate, anchor, value)


def test_a_flat_trend_never_reaches_the_target() -> None:
    """A rate of 0 never gets there, and says so."""
    with pytest.raises(OutOfRangeError, match="never reaches"):
        day_reached(10, 0.0, 0.0, 1.0)


@given(st.floats(0.51, 0.999), st.floats(0.51, 0.999), st.floats(1.0, 500.0))
def test_a_higher_success_level_or_a_longer_task_comes_later(p1: float, p2: float, hours: float) -> None:
    """The date the trend reaches a task rises with the success level and with the task's length."""
    low, high = sorted((p1, p2))
    minutes = hours * 60
    assert window_reach_year(1.1, 2019, 2026.5, minutes, low) <= window_reach_year(1.1, 2019, 2026.5, minutes, high)
    assert window_reach_year(1.1, 2019, 2026.5, minutes, high) < window_reach_year(1.1, 2019, 2026.5, 2 * minutes, high)


@given(st.floats(0.2, 3.0))
def test_the_50_percent_date_does_not_depend_on_the_shape(shape: float) -> None:
    """At p = 0.5 every success curve passes through T50, so the hazard shape changes nothing."""
    assert pytest.approx(window_reach_year(1.0, 2019, 2026.5, 480), abs=1e-9) == window_reach_year(
        1.0, 2019, 2026.5, 480, p=0.5, shape=shape
    )


def test_trend_band_refuses_no_refits() -> None:
    """An empty set of refits is an error naming it."""
    with pytest.raises(InputError, match="fits needs at least one refit"):
        trend_band([], [0.0])
    assert trend_band([ExponentialFit(0.01, 0.0, 2.0, 0.0)], [0.0]) == [(2.0, 2.0)]


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
    assert {"50% horizon, trend of 17 models", "80% horizon, constant hazard (k = 1)", "Target: 40 hours"} == series
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
    assert ["line", "line", "point", "text"] == [layer["mark"]["type"] for layer in plain["layer"]]
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
