"""Every calculator declaration is complete: reasons and sources for every default and
preset, a valid example, presets that name real inputs, and defaults that compute."""

from __future__ import annotations

import pytest

from calculators import CALCULATORS, run

IDS = sorted(CALCULATORS)


@pytest.mark.parametrize("calculator_id", IDS)
def test_every_default_and_preset_says_why(calculator_id: str) -> None:
    """Each input explains its default; each preset names its source; labels are present."""
    calculator = CALCULATORS[calculator_id]
    for spec in calculator.inputs:
        assert spec.label.strip() and len(spec.why.strip()) > 20, spec.name
    for preset in calculator.presets:
        assert preset.label.strip() and len(preset.source.strip()) > 20, preset.id
        assert set(preset.values) <= {spec.name for spec in calculator.inputs}, preset.id


@pytest.mark.parametrize("calculator_id", IDS)
def test_defaults_example_and_presets_all_compute(calculator_id: str) -> None:
    """The defaults, the example and every preset give a result, not a message."""
    calculator = CALCULATORS[calculator_id]
    assert {spec.name for spec in calculator.inputs} == set(calculator.example)
    assert run(calculator_id, {})["ok"]
    assert run(calculator_id, calculator.example)["ok"]
    for preset in calculator.presets:
        assert run(calculator_id, {**calculator.defaults(), **preset.values})["ok"], preset.id


def test_ids_and_input_names_are_url_safe() -> None:
    """Ids and input names are plain ASCII words: they appear in links and in Python."""
    for calculator in CALCULATORS.values():
        assert calculator.id.replace("-", "").isalnum() and calculator.id.isascii()
        for spec in calculator.inputs:
            assert spec.name.isidentifier() and spec.name.isascii(), spec.name
