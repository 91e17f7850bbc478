"""The calculators, one module per page, named as the page is (``docs/essays/half-life.md``
declares its calculators in ``half_life.py``; ``docs/debate.md`` in ``debate.py``), and the
registry of them all.

The registry imports a page's module the first time one of its calculators is asked for, not
all of them at once: a reader's browser imports the core while the page waits for Python,
and the declarations of other pages (one of which computes a sweet spot as it loads) were
about half of that import. ``CALCULATORS`` reads like a mapping from id to calculator; going
through all of it imports every module.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterator, Mapping

from .._declare import Calculator

__all__ = ["CALCULATORS", "get_calculator"]

# Each calculator's id and the module (of this package) that declares it, in the site's order.
# Knowledge that lives in the declarations too (each names its id); tests/core/test_registry.py
# checks the two agree, module by module.
_MODULE_OF: dict[str, str] = {
    "half-life": "half_life",
    "effective-compute": "governance",
    "lifetime-compute": "governance",
    "scaling-paradox": "scaling_paradox",
    "chinchilla": "scaling_paradox",
    "log-x-reader": "log_x_chart",
    "cost-decline": "log_x_chart",
    "rl-information": "rl_inefficiency",
    "inference-share": "mostly_inference",
    "rl-exchange": "how_well_does_rl_scale",
    "sigmoid-or-exponential": "debate",
    "metr-logistic": "half_life",
    "hourly-cost": "hourly_costs",
    "cost-per-success": "hourly_costs",
    "sweet-spot": "hourly_costs",
    "time-horizons": "time_horizons",
}


@functools.cache  # looked up on every run: each module's table is made once
def declared_in(module_name: str) -> dict[str, Calculator]:
    """The calculators the module ``module_name`` of this package declares at its top level,
    by id (importing it if need be)."""
    module = importlib.import_module(f"{__name__}.{module_name}")
    return {value.id: value for value in vars(module).values() if isinstance(value, Calculator)}


class _Registry(Mapping[str, Calculator]):
    """Every calculator by id, each module imported when first needed."""

    def __getitem__(self, calculator_id: str) -> Calculator:
        return declared_in(_MODULE_OF[calculator_id])[calculator_id]

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULE_OF)

    def __len__(self) -> int:
        return len(_MODULE_OF)

    def __repr__(self) -> str:
        return f"<calculators: {', '.join(_MODULE_OF)}>"


CALCULATORS: Mapping[str, Calculator] = _Registry()


def get_calculator(calculator_id: str) -> Calculator:
    """The calculator declared with ``calculator_id``; ``KeyError`` naming the known ids."""
    try:
        return CALCULATORS[calculator_id]
    except KeyError:
        known = ", ".join(sorted(CALCULATORS))
        raise KeyError(f"unknown calculator {calculator_id!r}; known: {known}") from None
