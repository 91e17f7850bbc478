"""Tests of the governance page's calculators, effective-compute and lifetime-compute (calculators/declarations/governance.py):
their defaults, presets, messages and charts.

The models they call are tested in tests/core/test_models_*.py. Standard library, pytest
and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given

from calculators import (
    EU_AI_ACT_THRESHOLD_FLOP,
    US_EXECUTIVE_ORDER_THRESHOLD_FLOP,
    run,
)

from strategies import (
    raw_form_values,
)


def test_effective_compute_defaults_are_ords_example() -> None:
    """The default setting is Ord's 10^24 FLOP + 4 OOM example: about 10^26.8, 1.8 OOM over the EU line."""
    outputs = run("effective-compute", {})["outputs"]
    assert pytest.approx(26.8, rel=1e-12) == outputs["effective_ooms"]["value"]
    assert pytest.approx(1.8, rel=1e-12) == outputs["ooms_vs_eu"]["value"]
    assert pytest.approx(0.8, rel=1e-12) == outputs["ooms_vs_us"]["value"]
    assert pytest.approx(1e-4, rel=1e-12) == outputs["copies_share"]["value"]
    assert "6.31 × 10²⁶" == outputs["effective_flop"]["text"]


def test_lifetime_compute_defaults_sit_at_breakeven() -> None:
    """Ord's GPT-4-class values at 10^10 queries: half deployment; 10x pre-training costs more than 10x inference."""
    outputs = run("lifetime-compute", {})["outputs"]
    assert 0.5 == outputs["deployment_share"]["value"]
    assert 1e10 == outputs["breakeven_queries"]["value"]
    assert pytest.approx((10 + math.sqrt(10)) / 2, rel=1e-12) == outputs["pretraining_scaleup"]["value"]
    assert pytest.approx(5.5, rel=1e-12) == outputs["inference_scaleup"]["value"]


@pytest.mark.parametrize("calculator_id", ["effective-compute", "lifetime-compute"])
def test_charts_mark_this_model_and_fill_the_table(calculator_id: str) -> None:
    """The example setting's chart marks this model on its current curve, and the table has 13 rows."""
    from calculators import CALCULATORS

    example = CALCULATORS[calculator_id].example
    result = run(calculator_id, example)
    assert result["ok"]
    [point] = [point for point in result["chart"]["points"] if point["label"] == "This model"]
    [current] = [
        name
        for name in dict.fromkeys(row["series"] for row in result["chart"]["lines"])
        if name in {"Lifetime compute now", f"Inference weight {example.get('weight', 0):g}"}
    ]
    x, y = ("multiplier", "flop") if calculator_id == "effective-compute" else ("queries", "compute")
    rows = sorted((row[x], row[y]) for row in result["chart"]["lines"] if row["series"] == current)
    below = max(r for r in rows if r[0] <= point[x])
    above = min(r for r in rows if r[0] >= point[x])
    assert below[1] * (1 - 1e-12) <= point[y] <= above[1] * (1 + 1e-12)
    assert 13 == len(result["table"]["rows"])


def test_lifetime_chart_marks_breakeven_where_deployment_equals_pretraining() -> None:
    """The breakeven point sits at D / I with twice the pre-training compute (no post-training)."""
    [point] = [p for p in run("lifetime-compute", {})["chart"]["points"] if p["label"] == "Breakeven"]
    assert 1e10 == point["queries"]
    assert pytest.approx(2e25, rel=1e-12) == point["compute"]


def test_threshold_crossings_are_marked_where_the_line_meets_them() -> None:
    """On the effective-compute chart, the crossing points sit where the model's line meets each threshold."""
    points = run("effective-compute", {})["chart"]["points"]
    crossings = {point["flop"]: point["multiplier"] for point in points if point["label"].startswith(("EU", "US"))}
    assert pytest.approx(10 ** (1 / 0.7), rel=1e-12) == crossings[EU_AI_ACT_THRESHOLD_FLOP]
    assert pytest.approx(10 ** (2 / 0.7), rel=1e-12) == crossings[US_EXECUTIVE_ORDER_THRESHOLD_FLOP]


@given(raw_form_values, raw_form_values, raw_form_values)
def test_effective_compute_calculator_never_raises(pretrain: object, multiplier: object, weight: object) -> None:
    """Whatever the form holds, the calculator answers with outputs or a message keyed by input."""
    result = run("effective-compute", {"pretrain_flop": pretrain, "inference_multiplier": multiplier, "weight": weight})
    if result["ok"]:
        assert all(math.isfinite(output["value"]) for output in result["outputs"].values())
    else:
        [(name, message)] = result["errors"].items()
        assert name in {"pretrain_flop", "inference_multiplier", "weight", ""}
        assert message


@given(*[raw_form_values] * 6)
def test_lifetime_calculator_never_raises(
    n: object, d_tokens: object, d: object, i: object, post: object, f: object
) -> None:
    """Whatever the form holds, the lifetime calculator answers with outputs or a keyed message."""
    inputs = {"params": n, "tokens": d_tokens, "queries": d, "tokens_per_query": i, "post_training": post, "factor": f}
    result = run("lifetime-compute", inputs)
    if result["ok"]:
        assert all(math.isfinite(output["value"]) for output in result["outputs"].values())
    else:
        [(name, message)] = result["errors"].items()
        assert name in {*inputs, ""}
        assert message
