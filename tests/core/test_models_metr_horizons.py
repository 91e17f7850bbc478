"""METR's rows as the core reads them (models/metr_horizons.py) and the windows of them the
trend is fitted to (models/time_horizons.window_models)."""

import datetime
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import (
    day_from_year,
    metr_horizons,
    window_models,
    year_from_day,
)
from calculators._checks import InputError

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
