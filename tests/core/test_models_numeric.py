"""The numeric guards of :mod:`calculators.models._numeric`: one ceiling, 10^-300 .. 10^300,
for every result a model computes as a power or an exponential, whatever the reader typed.

The regressions below are values a reader can type (the edge values of
tests/core/test_runtime_errors.py, in pairs) that once gave results past the ceiling: the
powers were guarded only by the float range (about 10^±308), so a result of 10^302 or
10^-321 came back as a number, where the rest of the core says it is out of range.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import (
    annual_factor,
    effective_flop,
    exponential_value,
    horizon,
    horizon_ratio,
    logistic_horizon,
    logx_cost_multiplier,
    rl_multiplier_for_inference,
    run,
)
from calculators._checks import OutOfRangeError
from calculators.models._numeric import CEILING, in_range, power_in_range

bases = st.floats(min_value=1e-300, max_value=1e300)
exponents = st.floats(min_value=-1e3, max_value=1e3)


@given(bases, exponents)
def test_a_power_is_math_pow_within_the_ceiling_or_says_which_way_it_is_out(base: float, exponent: float) -> None:
    """Inside 10^±300 the power is math.pow's; outside it, an OutOfRangeError saying
    "too large" or "too small" as the power's logarithm (worked out independently) says."""
    log10_value = exponent * math.log10(base)
    if abs(log10_value) < 299.9:
        assert math.pow(base, exponent) == power_in_range("the power", base, exponent)
    elif abs(log10_value) > 300.1:
        direction = "large" if log10_value > 0 else "small"
        with pytest.raises(OutOfRangeError, match=f"the power is too {direction} to compute"):
            power_in_range("the power", base, exponent)


def test_whole_powers_of_exact_bases_stay_exact() -> None:
    """10^25 is 1e25 and 2^-3 is 0.125 exactly (a power, not exp of a logarithm)."""
    assert (1e25, 0.125, 1.0) == (
        power_in_range("x", 10.0, 25),
        power_in_range("x", 2.0, -3),
        power_in_range("x", 1.0, 1e308),
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [(1e301, "too large"), (math.inf, "too large"), (1e-301, "too small"), (5e-324, "too small"), (0.0, "too small")],
)
def test_a_direct_result_past_the_ceiling_is_out_of_range(value: float, message: str) -> None:
    """A positive result computed directly is held to the same ceiling, both ways."""
    with pytest.raises(OutOfRangeError, match=message):
        in_range("the result", value)


def test_a_direct_result_inside_the_ceiling_is_itself() -> None:
    """The ends of the range are inside it."""
    assert [CEILING, 1 / CEILING, 2.5] == [in_range("x", v) for v in (CEILING, 1 / CEILING, 2.5)]


#: Model calls whose result lies past 10^±300 but inside the float range: each once returned
#: a number (e.g. rl_multiplier_for_inference(1e151) gave 1e302).
PAST_THE_CEILING = {
    "rl-multiplier-large": (lambda: rl_multiplier_for_inference(1e151, 2.0), "too large"),
    "rl-multiplier-small": (lambda: rl_multiplier_for_inference(1e-151, 2.0), "too small"),
    "logx-multiplier-large": (lambda: logx_cost_multiplier(30.5, 0.1), "too large"),
    "logx-multiplier-small": (lambda: logx_cost_multiplier(-30.5, 0.1), "too small"),
    "annual-factor-large": (lambda: annual_factor(1 / 1000), "too large"),
    "annual-factor-small": (lambda: annual_factor(-1 / 1000), "too small"),
    "effective-flop-large": (lambda: effective_flop(1e299, 100, 0.75), "too large"),
    "effective-flop-small": (lambda: effective_flop(1e-299, 0.01, 0.75), "too small"),
    "exponential-small": (lambda: exponential_value(0.0, 1.0, 700.0, 1.0), "too small"),
    "horizon-large": (lambda: horizon(0.01, 1e300), "too large"),
    "horizon-small": (lambda: horizon(0.99, 1e-300), "too small"),
    "horizon-subnormal": (lambda: horizon(0.5, 5e-324), "too small"),
    "logistic-horizon-large": (lambda: logistic_horizon(0.01, 1e300, -1.0), "too large"),
    "logistic-horizon-small": (lambda: logistic_horizon(0.99, 1e-300, -1.0), "too small"),
}


@pytest.mark.parametrize(("call", "message"), list(PAST_THE_CEILING.values()), ids=list(PAST_THE_CEILING))
def test_powers_past_the_ceiling_are_out_of_range(call, message: str) -> None:
    """Each raises OutOfRangeError saying which way the result is out, instead of a number."""
    with pytest.raises(OutOfRangeError, match=message):
        call()


def test_the_horizon_ratio_says_which_way_it_is_out() -> None:
    """The ratio of horizons, an exponential of the shape's reciprocal, uses the one guard."""
    with pytest.raises(OutOfRangeError, match="the horizon ratio for these inputs is too large"):
        horizon_ratio(0.99, 1e-3)
    with pytest.raises(OutOfRangeError, match="the horizon ratio for these inputs is too small"):
        horizon_ratio(0.01, 1e-3)


#: Edge values typed into two inputs of a calculator (the rest at their defaults), each of
#: which once showed a result past the ceiling.
TYPED_PAIRS = {
    "half-life-subnormal-t50": ("half-life", {"t50": "5e-324", "p": "1e-10"}, "t_p"),
    "half-life-tiny-t50": ("half-life", {"t50": "1e-300", "p": "0.99"}, "t_p"),
    "metr-logistic-huge-t50": ("metr-logistic", {"t50": "1.7e308", "t80": "1e-10"}, "t_p_constant_hazard"),
    "effective-compute-subnormal-flop": ("effective-compute", {"pretrain_flop": "5e-324", "weight": "0"}, ""),
    "sweet-spot-tiny-plateau": ("sweet-spot", {"max_horizon_hours": "1e-300", "half_cost": "1e-10"}, ""),
    "sweet-spot-huge-plateau": ("sweet-spot", {"max_horizon_hours": "1e300", "half_cost": "1e-10"}, ""),
}


@pytest.mark.parametrize(("calculator_id", "inputs", "output"), list(TYPED_PAIRS.values()), ids=list(TYPED_PAIRS))
def test_typed_edge_pairs_give_no_result_past_the_ceiling(calculator_id: str, inputs: dict, output: str) -> None:
    """Every number the calculator shows lies within 10^±300 (or is 0); past it, the page
    says a result is too large or too small, rather than showing it."""
    outcome = run(calculator_id, inputs)
    if outcome["ok"]:
        shown = {name: item["value"] for name, item in outcome["outputs"].items()}
        assert all(v == 0 or 1 / CEILING <= abs(v) <= CEILING for v in shown.values()), shown
    else:
        [message] = outcome["errors"].values()
        assert "too large" in message or "too small" in message, message
