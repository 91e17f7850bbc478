"""Properties of _calendar.py: days since 1970 and the decimal years readers type, and the
month a decimal year is written as."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import (
    day_from_year,
    trend_year,
    year_from_day,
)
from calculators._checks import InputError, OutOfRangeError
from calculators._format import format_value

#: Calendar years a reader types, the range the core takes: 1 to 9999.99.
years = st.floats(min_value=1.0, max_value=9999.99, allow_nan=False)


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
