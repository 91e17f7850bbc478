"""The public API does not change by accident: ``calculators.__all__`` is the checked-in list.

``public_api.txt`` holds every name ``from calculators import ...`` offers, as it was before
the core was split into ``models/`` and ``declarations/``. Adding a name means adding it
there too; removing or renaming one breaks readers' code and needs a deliberate decision.
"""

from __future__ import annotations

from pathlib import Path

import calculators

PUBLIC_API = Path(__file__).with_name("public_api.txt")


def test_all_is_the_checked_in_list() -> None:
    """Every listed name is exported, and nothing else is."""
    listed = PUBLIC_API.read_text(encoding="utf-8").split()
    assert sorted(calculators.__all__) == listed


def test_every_listed_name_is_importable() -> None:
    """``from calculators import name`` works for each name of the list."""
    for name in PUBLIC_API.read_text(encoding="utf-8").split():
        assert getattr(calculators, name) is not None, name
