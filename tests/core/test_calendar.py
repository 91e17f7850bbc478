"""Properties of _calendar.py: days since 1970 and the decimal years readers type, and the
month a decimal year is written as."""

from __future__ import annotations
