"""The calculators, one module per page, named as the page is (``docs/essays/half-life.md``
declares its calculators in ``half_life.py``; ``docs/debate.md`` in ``debate.py``), and the
registry of them all."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .._declare import Calculator
from .debate import SIGMOID_OR_EXPONENTIAL
from .governance import EFFECTIVE_COMPUTE, LIFETIME_COMPUTE
from .half_life import HALF_LIFE, METR_LOGISTIC
from .hourly_costs import COST_PER_SUCCESS, HOURLY_COST, SWEET_SPOT
from .how_well_does_rl_scale import RL_EXCHANGE
from .log_x_chart import COST_DECLINE, LOGX_READER
from .mostly_inference import INFERENCE_SHARE
from .rl_inefficiency import RL_INFORMATION
from .scaling_paradox import CHINCHILLA, SCALING_PARADOX
from .time_horizons import TIME_HORIZONS

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
            TIME_HORIZONS,
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
