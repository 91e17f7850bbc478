"""Dates as the time-horizon models count them, and as readers read them.

The trend is fitted against release dates counted in days since 1 January 1970 (as Unix
time counts them, and as METR's fit counts days). A reader types and reads dates as
*decimal years*: 2023.0 is 1 January 2023, and the fraction is the share of that calendar
year gone by (2024.5 is noon on 1 July 2024, a leap year). This module is the one place that
converts between the two, for the models, the calculators and the number formats alike.
"""

from __future__ import annotations

import datetime
import math

from ._checks import InputError, finite, show

__all__ = ["FIRST_YEAR", "LAST_YEAR", "day_from_year", "month_and_year", "release_day", "year_from_day"]

#: Decimal years are read within the years a calendar date can have (1 to 9999).
FIRST_YEAR = 1
LAST_YEAR = 9999
_EPOCH = datetime.date(1970, 1, 1).toordinal()
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _year_start(year: int) -> int:
    """Days from 1 January 1970 to 1 January of ``year``."""
    return datetime.date(year, 1, 1).toordinal() - _EPOCH


def _days_in(year: int) -> int:
    return 366 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 365


def release_day(iso_date: str) -> float:
    """Days from 1 January 1970 to a date written ``YYYY-MM-DD``.

    >>> release_day("1970-01-02"), release_day("2019-02-14")
    (1.0, 17941.0)
    """
    return float(datetime.date.fromisoformat(iso_date).toordinal() - _EPOCH)


def day_from_year(year: float, name: str = "year") -> float:
    """A decimal year as days since 1 January 1970.

    Args:
        year: A decimal year from 1 to 10000 (the end of 9999).
        name: The parameter named in the error message.

    Raises:
        InputError: naming ``name`` if ``year`` is not a finite number within 1 to 10000.

    >>> day_from_year(1970.0), day_from_year(2024.5)
    (0.0, 19906.0)
    """
    year = finite(name, year)
    if not FIRST_YEAR <= year <= LAST_YEAR + 1:
        raise InputError(
            name, f"{name} must be a year from {show(FIRST_YEAR)} to {show(LAST_YEAR + 1)}, got {show(year)}"
        )
    whole = min(math.floor(year), LAST_YEAR)
    return _year_start(whole) + (year - whole) * _days_in(whole)


def year_from_day(day: float) -> float:
    """Days since 1 January 1970 as a decimal year; the inverse of :func:`day_from_year`.

    Days before year 1 or after year 9999 are held at those ends (no calendar has them).

    Raises:
        InputError: if ``day`` is not a finite number.

    >>> year_from_day(0.0), year_from_day(19906.0)
    (1970.0, 2024.5)
    """
    first, last = _year_start(FIRST_YEAR), _year_start(LAST_YEAR) + _days_in(LAST_YEAR)
    day = min(max(finite("day", day), first), last)
    whole = datetime.date.fromordinal(min(math.floor(day) + _EPOCH, datetime.date.max.toordinal())).year
    return whole + (day - _year_start(whole)) / _days_in(whole)


def month_and_year(year: float) -> str | None:
    """A decimal year as the month it falls in: ``"March 2027"``; ``None`` for a year
    outside the calendar (before 1 or from 10000 on), which has no month to name.

    >>> month_and_year(2019.12), month_and_year(2024.5), month_and_year(-3.0)
    ('February 2019', 'July 2024', None)
    """
    if not FIRST_YEAR <= year < LAST_YEAR + 1:
        return None
    whole = math.floor(year)
    day = min(math.floor((year - whole) * _days_in(whole)), _days_in(whole) - 1)
    month = (datetime.date(whole, 1, 1) + datetime.timedelta(days=day)).month
    return f"{_MONTHS[month - 1]} {whole}"
