"""What a calculator's form shows is exactly what its result is computed from."""

from __future__ import annotations

import pytest

from calculators import CALCULATORS


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_defaults_survive_the_form(calculator_id: str) -> None:
    """The page writes a default with 6 significant digits; it must come back as the same float."""
    for spec in CALCULATORS[calculator_id].inputs:
        assert float(f"{spec.default:g}") == spec.default, (spec.name, spec.default)


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_presets_fill_fields_with_readable_numbers(calculator_id: str) -> None:
    """No preset puts float noise such as 5.278394026398176 in a field (9 digits at most)."""
    for preset in CALCULATORS[calculator_id].presets:
        for name, value in preset.values.items():
            digits = repr(float(value)).split("e")[0].replace(".", "").replace("-", "").strip("0")
            assert len(digits) <= 9, (
                preset.id,
                name,
                value,
            )
