"""The calculators, one module per page (named as the page is), and the registry of them all."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .._declare import Calculator
from .cost_decline import COST_DECLINE
from .governance import EFFECTIVE_COMPUTE, LIFETIME_COMPUTE
from .half_life import HALF_LIFE
from .hourly_costs import COST_PER_SUCCESS, HOURLY_COST, METR_LOGISTIC, SWEET_SPOT
from .log_x_chart import LOGX_READER
from .rl import INFERENCE_SHARE, RL_EXCHANGE, RL_INFORMATION
from .scaling_paradox import CHINCHILLA, SCALING_PARADOX
from .sigmoid import SIGMOID_OR_EXPONENTIAL

__all__ = ["CALCULATORS", "get_calculator"]

CALCULATORS: Mapping[str, Calculator] = MappingProxyType(
    {
        c.id: c
        for c in (
            HALF_LIFE,
            EFFECTIVE_COMPUTE,
            LIFETIME_COMPUTE,
            SCALING_PARADOX,
            CHINCHILLA,
            LOGX_READER,
            COST_DECLINE,
            RL_INFORMATION,
            INFERENCE_SHARE,
            RL_EXCHANGE,
            SIGMOID_OR_EXPONENTIAL,
            METR_LOGISTIC,
            HOURLY_COST,
            COST_PER_SUCCESS,
            SWEET_SPOT,
        )
    }
)


def get_calculator(calculator_id: str) -> Calculator:
    """The calculator declared with ``calculator_id``; ``KeyError`` naming the known ids."""
    try:
        return CALCULATORS[calculator_id]
    except KeyError:
        known = ", ".join(sorted(CALCULATORS))
        raise KeyError(f"unknown calculator {calculator_id!r}; known: {known}") from None
