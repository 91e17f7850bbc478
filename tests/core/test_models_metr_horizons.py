"""METR's rows as the core reads them (models/metr_horizons.py) and the windows of them the
trend is fitted to (models/time_horizons.window_models)."""

from __future__ import annotations
