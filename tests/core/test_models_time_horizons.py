"""Properties of the time-horizon trend (models/time_horizons.py): the fit and its doubling
time, the seeded bootstrap over models, percentiles, the date a trend reaches a target and
its band. Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide;
METR's published doubling times are golden cases in tests/cases/time_horizons.csv, and
NumPy and SciPy check the arithmetic in tests/crosscheck/test_time_horizons_numpy.py."""

from __future__ import annotations

from hypothesis import strategies as st

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
