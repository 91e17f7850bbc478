"""What a calculator's form shows is exactly what its result is computed from."""

from __future__ import annotations

import pytest

from calculators import CALCULATORS
from calculators._declare import form_text
from calculators._typed import read_number


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_defaults_survive_the_form(calculator_id: str) -> None:
    """The page writes a default as a reader types it; it must come back as the same float."""
    for spec in CALCULATORS[calculator_id].inputs:
        assert read_number(form_text(spec.default)) == spec.default, (spec.name, spec.default)
