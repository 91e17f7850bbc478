"""Tests of the mostly-inference page's calculator, inference-share (calculators/declarations/mostly_inference.py):
their defaults, presets, messages and charts.

The models they call are tested in tests/core/test_models_*.py. Standard library, pytest
and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import pytest

from calculators import (
    CALCULATORS,
    run,
)


@pytest.mark.parametrize(
    ("preset", "rl_gain", "inference_gain", "share"),
    [("math-l5", 6, 28, "82.4%"), ("gpqa-diamond", 9, 15, "62.5%"), ("otis-aime", 4, 45, "91.8%")],
)
def test_inference_share_presets_reproduce_ords_boosts(
    preset: str, rl_gain: float, inference_gain: float, share: str
) -> None:
    """The benchmark presets give Ord's two boosts (to 0.01 points) and his share."""
    calculator = CALCULATORS["inference-share"]
    values = next(p.values for p in calculator.presets if p.id == preset)
    outputs = run("inference-share", values)["outputs"]
    assert pytest.approx(rl_gain, abs=0.01) == outputs["rl_gain"]["value"]
    assert pytest.approx(inference_gain, abs=0.01) == outputs["inference_gain"]["value"]
    assert share == outputs["inference_share"]["text"]
