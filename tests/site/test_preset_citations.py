"""Every calculator preset names its sources as bibliography entries, so the page lists them."""

from __future__ import annotations

import pytest

from calculators import CALCULATORS


@pytest.fixture(scope="module")
def bibliography(repo_module):
    return repo_module("hooks/bibliography.py").load()


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_every_preset_cites_known_sources(calculator_id: str, bibliography) -> None:
    for preset in CALCULATORS[calculator_id].presets:
        assert preset.cites, f"{calculator_id}/{preset.id} cites no bibliography entry"
        unknown = [key for key in preset.cites if key not in bibliography]
        assert not unknown, f"{calculator_id}/{preset.id}: {unknown} not in references.bib"
