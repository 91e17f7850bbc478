"""Every calculator preset names its sources as bibliography entries, so the page lists them.

The one exception is a preset of illustrative values that no source claims; its source text
must then say so, starting with "Illustrative".
"""

from __future__ import annotations

import pytest

from calculators import CALCULATORS


@pytest.fixture(scope="module")
def bibliography(repo_module):
    return repo_module("hooks/bibliography.py").load()


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_every_preset_cites_known_sources(calculator_id: str, bibliography) -> None:
    calculator = CALCULATORS[calculator_id]
    for preset in (*calculator.presets, *([calculator.default_preset] if calculator.default_preset else [])):
        if not preset.cites:
            assert preset.source.startswith("Illustrative"), f"{calculator_id}/{preset.id} cites no source"
            continue
        unknown = [key for key in preset.cites if key not in bibliography]
        assert not unknown, f"{calculator_id}/{preset.id}: {unknown} not in references.bib"
