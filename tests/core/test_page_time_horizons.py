"""The ``time-horizons`` calculator (declarations/time_horizons.py): its outputs against the
core's functions, its presets against Ord's and METR's figures, the cost combination, and
its chart (date axis, band, error bars, grouped points) and table."""

from __future__ import annotations
