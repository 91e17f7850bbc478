"""The log-x, cost-decline and governance calculators derive their preset values from the core.

A preset value that is arithmetic on a quoted figure (a slope, a yearly factor, a breakeven
count) must be what the core computes from that figure, not a number typed beside it, and
the label and source must show the same rounded value. Standard library and pytest only.
"""

from __future__ import annotations

import re

from calculators import (
    annual_factor,
    deployment_breakeven_queries,
    format_value,
    get_calculator,
    logx_slope,
)
from calculators._declare import form_value


def _preset(calculator_id: str, preset_id: str):
    calculator = get_calculator(calculator_id)
    return next(preset for preset in calculator.presets if preset.id == preset_id)


def _default(calculator_id: str, name: str) -> float:
    return next(i.default for i in get_calculator(calculator_id).inputs if i.name == name)


def test_o3_slope_preset_is_computed_from_the_arc_prize_scores() -> None:
    slope = form_value(logx_slope(75.7, 87.5, 172))  # to the precision the form shows
    preset = _preset("log-x-reader", "arc-agi-o3")
    assert preset.values["points_per_decade"] == slope
    assert _default("log-x-reader", "points_per_decade") == slope
    shown = format_value(slope, "number", 2)
    assert shown in preset.label and shown in preset.source


def test_aime_slope_preset_is_computed() -> None:
    slope = logx_slope(20, 80, 100)
    preset = _preset("log-x-reader", "aime-inference")
    assert preset.values["points_per_decade"] == slope
    assert format_value(slope, "number", 2) in preset.label


def test_no_hand_typed_log_of_172() -> None:
    """The old source said "log10(172) = 2.24": a derived number typed by hand."""
    preset = _preset("log-x-reader", "arc-agi-o3")
    assert "2.24" not in preset.source and "log10" not in preset.source


def test_epoch_measured_preset_is_computed_from_doubling_times() -> None:
    preset = _preset("cost-decline", "epoch-measured")
    assert preset.values["algorithm_gain_per_year"] == form_value(annual_factor(8 / 12))
    assert preset.values["hardware_gain_per_year"] == form_value(annual_factor(2.07))
    for value in preset.values.values():
        assert format_value(value, "number") in preset.label


def test_lifetime_presets_sit_at_breakeven_and_a_hundredfold_either_side() -> None:
    breakeven = deployment_breakeven_queries(1e13, 1e3)
    assert _preset("lifetime-compute", "gpt4-breakeven").values["queries"] == breakeven
    assert _preset("lifetime-compute", "pretraining-dominated").values["queries"] == breakeven / 100
    assert _preset("lifetime-compute", "deployment-dominated").values["queries"] == breakeven * 100
    assert _default("lifetime-compute", "queries") == breakeven


def test_price_tier_preset_says_it_is_a_proxy() -> None:
    preset = _preset("effective-compute", "top-tier")
    assert "proxy" in preset.label and re.search(r"\bproxy\b", preset.source)
