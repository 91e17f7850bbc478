"""Every declared calculator, by id."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._agent_calculators import COST_PER_SUCCESS, HOURLY_COST, METR_LOGISTIC, SWEET_SPOT
from ._declare import Calculator
from ._governance_calculators import EFFECTIVE_COMPUTE, LIFETIME_COMPUTE
from ._growth_calculators import COST_DECLINE
from ._half_life_calculator import HALF_LIFE
from ._logx_calculators import LOGX_READER
from ._pretraining_calculators import CHINCHILLA, SCALING_PARADOX
from ._rl_calculators import INFERENCE_SHARE, RL_EXCHANGE, RL_INFORMATION
from ._sigmoid_calculators import SIGMOID_OR_EXPONENTIAL

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
