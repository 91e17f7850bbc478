"""Hypothesis strategies for the half-life model's inputs.

The "sane" strategies keep to ranges where the round trips are well conditioned in double
precision; ``any_floats`` is everything a float can be, for the "never anything but a
finite float or ValueError" tests.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["any_floats", "lengths", "probabilities", "scales", "shapes", "t50s"]


def _finite(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


#: 50% time horizons: positive, from a twentieth of a second to two years in minutes.
t50s = _finite(1e-6, 1e6)
#: Task lengths, including 0.
lengths = _finite(0.0, 1e6)
#: Target success probabilities, strictly between 0 and 1.
probabilities = _finite(1e-6, 1 - 1e-6)
#: Weibull shapes: Hamilton's fits fall between 0.35 and 1; this is much wider.
shapes = _finite(0.05, 20.0)
#: Positive factors for rescaling the time unit.
scales = _finite(1e-3, 1e3)
#: Any float at all: nan, both infinities, -0.0, subnormals, huge and negative values.
any_floats = st.floats(allow_nan=True, allow_infinity=True)
