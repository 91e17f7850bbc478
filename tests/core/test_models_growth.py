"""Properties of the steady-growth functions (calculators/models/growth.py), checked with Hypothesis.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import assume, given

from calculators import (
    annual_factor,
    cost_decline,
    doubling_time,
    extrapolate,
    growth_per_year,
    ooms_per_year,
    time_to_reach,
    years_per_oom,
    years_to_close,
)

from strategies import (
    growth_doubling_times,
    growth_elapsed,
    growth_factors,
    growth_gaps,
    growth_rising_factors,
    growth_values,
)

REL = 1e-9


@given(growth_factors, growth_factors, growth_factors)
def test_growth_per_year_is_the_product(a: float, b: float, c: float) -> None:
    """Independent annual gains multiply, in any order and grouping."""
    assert pytest.approx(a * b * c, rel=1e-15) == growth_per_year(a, b, c)
    assert pytest.approx(growth_per_year(c, a, b), rel=1e-15) == growth_per_year(a, b, c)
    assert pytest.approx(growth_per_year(growth_per_year(a, b), c), rel=1e-15) == growth_per_year(a, b, c)


@given(growth_factors)
def test_growth_per_year_of_one_factor_is_that_factor(factor: float) -> None:
    """With one gain, the combined factor is the gain itself."""
    assert factor == growth_per_year(factor)


def test_growth_per_year_survives_overflow_on_the_way() -> None:
    """A product whose partial product overflows is still computed (by logarithms)."""
    assert pytest.approx(1e100, rel=1e-12) == growth_per_year(1e200, 1e200, 1e-300)


@given(growth_factors)
def test_annual_factor_undoes_doubling_time(factor: float) -> None:
    """annual_factor(doubling_time(f)) gives back f."""
    assert pytest.approx(factor, rel=REL) == annual_factor(doubling_time(factor))


@given(growth_doubling_times)
def test_doubling_time_undoes_annual_factor(years: float) -> None:
    """doubling_time(annual_factor(T)) gives back T, halving times (T < 0) included."""
    assert pytest.approx(years, rel=REL) == doubling_time(annual_factor(years))


@given(growth_factors)
def test_decline_mirrors_growth(factor: float) -> None:
    """Shrinking by f a year takes as long per halving (or tenfold fall) as growing by f per doubling."""
    assert pytest.approx(-doubling_time(factor), rel=REL) == doubling_time(1 / factor)
    assert pytest.approx(-years_per_oom(factor), rel=REL) == years_per_oom(1 / factor)


@given(growth_factors)
def test_sign_says_growth_or_decline(factor: float) -> None:
    """Doubling time and years per OOM are positive for growth (f > 1), negative for decline."""
    assert (factor > 1) == (doubling_time(factor) > 0) == (years_per_oom(factor) > 0)


@given(growth_factors)
def test_years_per_oom_is_log2_10_doublings(factor: float) -> None:
    """A tenfold rise is log2(10), about 3.32, doublings."""
    assert pytest.approx(doubling_time(factor) * math.log2(10), rel=REL) == years_per_oom(factor)


@given(growth_factors)
def test_ooms_per_year_is_the_reciprocal_of_years_per_oom(factor: float) -> None:
    """OOMs a year times years per OOM is 1, and OOMs a year is log10 of the factor."""
    assert pytest.approx(1.0, rel=REL) == ooms_per_year(factor) * years_per_oom(factor)
    assert pytest.approx(math.log10(factor), rel=1e-15) == ooms_per_year(factor)


@given(growth_factors, growth_factors)
def test_ooms_per_year_adds_over_combined_gains(a: float, b: float) -> None:
    """The OOMs a year of combined gains are the sum of each gain's OOMs a year."""
    expected = ooms_per_year(a) + ooms_per_year(b)
    assert pytest.approx(expected, rel=REL, abs=1e-15) == ooms_per_year(growth_per_year(a, b))


def test_no_growth_is_zero_ooms_a_year() -> None:
    """A factor of 1 a year gains no orders of magnitude (unlike years_per_oom, it is defined)."""
    assert 0.0 == ooms_per_year(1.0)


@given(growth_rising_factors, growth_rising_factors)
def test_faster_growth_doubles_sooner(a: float, b: float) -> None:
    """A larger annual factor never has a longer doubling time or more years per OOM."""
    slow, fast = sorted((a, b))
    assert doubling_time(fast) <= doubling_time(slow)
    assert years_per_oom(fast) <= years_per_oom(slow)


@given(growth_gaps, growth_gaps, growth_rising_factors)
def test_years_to_close_adds_over_gaps(a: float, b: float, factor: float) -> None:
    """Closing a gap a·b takes as long as closing a, then b."""
    expected = years_to_close(a, factor) + years_to_close(b, factor)
    assert pytest.approx(expected, rel=REL, abs=1e-12) == years_to_close(a * b, factor)


@given(growth_rising_factors)
def test_years_to_close_fixed_points(factor: float) -> None:
    """No gap takes no time; a gap of f takes one year; a gap of 10 takes years_per_oom."""
    assert 0.0 == years_to_close(1, factor)
    assert pytest.approx(1.0, rel=REL) == years_to_close(factor, factor)
    assert pytest.approx(years_per_oom(factor), rel=REL) == years_to_close(10, factor)


@given(growth_gaps, growth_gaps, growth_rising_factors, growth_rising_factors)
def test_years_to_close_is_monotone(g1: float, g2: float, f1: float, f2: float) -> None:
    """A bigger gap never closes sooner; a faster decline never closes it later."""
    small, big = sorted((g1, g2))
    slow, fast = sorted((f1, f2))
    assert years_to_close(small, slow) <= years_to_close(big, slow)
    assert years_to_close(big, fast) <= years_to_close(big, slow)


@given(growth_gaps, growth_rising_factors)
def test_years_to_close_is_time_to_reach_parity(gap: float, factor: float) -> None:
    """Closing a gap is reaching 1 from the gap with the halving time of a factor-f decline."""
    halving = -doubling_time(factor)
    assert pytest.approx(years_to_close(gap, factor), rel=REL, abs=1e-12) == time_to_reach(1.0, gap, halving)


@given(growth_values, growth_values, growth_doubling_times)
def test_extrapolate_undoes_time_to_reach(target: float, current: float, years: float) -> None:
    """Extrapolating for the time to reach a target lands on the target."""
    assert pytest.approx(target, rel=REL) == extrapolate(current, years, time_to_reach(target, current, years))


@given(growth_values, growth_doubling_times, growth_elapsed)
def test_time_to_reach_undoes_extrapolate(value: float, years: float, elapsed: float) -> None:
    """The time to reach an extrapolated value is the time extrapolated over."""
    assume(abs(elapsed / years) < 900)  # stay well inside the float range
    later = extrapolate(value, years, elapsed)
    assert pytest.approx(elapsed, rel=REL, abs=1e-9 * abs(years)) == time_to_reach(later, value, years)


@given(growth_values, growth_doubling_times)
def test_extrapolate_doubles_each_doubling_time(value: float, years: float) -> None:
    """One doubling time on, the value has doubled; one back, it has halved; none, it is unchanged."""
    assert value == extrapolate(value, years, 0.0)
    assert pytest.approx(2 * value, rel=1e-15) == extrapolate(value, years, years)
    assert pytest.approx(value / 2, rel=1e-15) == extrapolate(value, years, -years)


@given(growth_values, growth_doubling_times, growth_elapsed, growth_elapsed)
def test_extrapolate_composes(value: float, years: float, a: float, b: float) -> None:
    """Extrapolating for a, then for b, is extrapolating for a + b."""
    assume(abs(a / years) + abs(b / years) < 900)
    step = extrapolate(extrapolate(value, years, a), years, b)
    assert pytest.approx(extrapolate(value, years, a + b), rel=REL) == step


@given(growth_values, growth_values, growth_doubling_times)
def test_time_to_reach_sign(target: float, current: float, years: float) -> None:
    """For growth the time is positive exactly when the target lies ahead; for decline, below."""
    time = time_to_reach(target, current, years)
    if target == current:
        assert 0.0 == time
    else:
        assert (time > 0) == ((target > current) == (years > 0))


@given(growth_rising_factors, growth_rising_factors, growth_gaps)
def test_cost_decline_matches_its_parts(algorithms: float, hardware: float, gap: float) -> None:
    """cost_decline is growth_per_year, log10, years_per_oom and years_to_close put together."""
    decline = cost_decline(algorithms, hardware, gap)
    combined = growth_per_year(algorithms, hardware)
    assert combined == decline.annual_factor
    assert ooms_per_year(combined) == decline.ooms_per_year
    assert pytest.approx(1.0, rel=REL) == decline.ooms_per_year * decline.years_per_oom
    assert years_to_close(gap, combined) == decline.years_to_close


@given(growth_factors, growth_factors, growth_gaps)
def test_cost_decline_needs_costs_to_fall(algorithms: float, hardware: float, gap: float) -> None:
    """Gains that do not multiply to more than 1 are refused with a message naming both inputs."""
    assume(algorithms * hardware <= 1)
    with pytest.raises(ValueError, match="algorithm_gain_per_year × hardware_gain_per_year must be greater than 1"):
        cost_decline(algorithms, hardware, gap)


INVALID_CALLS = {  # test id: (function, arguments, the exact message)
    "no-factor": (growth_per_year, (), "growth_per_year needs at least one annual factor"),
    "negative-factor": (growth_per_year, (3, -1.4), "factors must each be greater than 0, got -1.4"),
    "factor-1-doubling": (
        doubling_time,
        (1,),
        "annual_factor must not be 1: a quantity that does not grow never doubles",
    ),
    "factor-1-oom": (
        years_per_oom,
        (1,),
        "annual_factor must not be 1: a quantity that does not grow never grows by an order of magnitude",
    ),
    "factor-0": (doubling_time, (0,), "annual_factor must be greater than 0, got 0"),
    "doubling-time-0": (annual_factor, (0,), "doubling_time must not be 0 (a quantity cannot double in no time)"),
    "annual-factor-overflow": (annual_factor, (1e-4,), "the annual factor is too large to compute"),
    "annual-factor-underflow": (annual_factor, (-1e-4,), "the annual factor is too small to compute"),
    "gap-below-1": (
        years_to_close,
        (0.5, 4),
        "gap must be 1 or more (how many times too high the cost is now), got 0.5",
    ),
    "no-decline": (
        years_to_close,
        (1000, 1),
        "annual_factor must be greater than 1 for the gap to close (at 1 nothing changes, below 1 the gap widens), got 1",
    ),
    "extrapolate-overflow": (extrapolate, (1, 1, 2000), "the extrapolated value is too large to compute"),
    "extrapolate-underflow": (extrapolate, (1, -1, 2000), "the extrapolated value is too small to compute"),
    "extrapolate-value-0": (extrapolate, (0, 1, 1), "value must be greater than 0, got 0"),
    "time-to-reach-overflow": (
        time_to_reach,
        (1e300, 1e-300, 1e306),
        "the time to reach the target is too large to compute",
    ),
    "cost-decline-gap": (
        cost_decline,
        (3, 1.4, 0.1),
        "gap must be 1 or more (how many times too high the cost is now), got 0.1",
    ),
    "cost-decline-hardware": (cost_decline, (3, 0, 10), "hardware_gain_per_year must be greater than 0, got 0"),
    "cost-decline-flat": (
        cost_decline,
        (2, 0.5, 10),
        "algorithm_gain_per_year × hardware_gain_per_year must be greater than 1 for costs to fall and the gap "
        "to close, got 1",
    ),
}


@pytest.mark.parametrize(("function", "args", "message"), list(INVALID_CALLS.values()), ids=list(INVALID_CALLS))
def test_invalid_input_raises_value_error(function, args: tuple, message: str) -> None:
    """The ValueError's message is exactly the expected sentence."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        function(*args)
