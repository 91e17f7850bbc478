"""Every declared calculator, by id."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._declare import Calculator
from ._half_life_calculator import HALF_LIFE

__all__ = ["CALCULATORS", "get_calculator"]

CALCULATORS: Mapping[str, Calculator] = MappingProxyType({c.id: c for c in (HALF_LIFE,)})


def get_calculator(calculator_id: str) -> Calculator:
    """The calculator declared with ``calculator_id``; ``KeyError`` naming the known ids."""
    try:
        return CALCULATORS[calculator_id]
    except KeyError:
        known = ", ".join(sorted(CALCULATORS))
        raise KeyError(f"unknown calculator {calculator_id!r}; known: {known}") from None
