"""Marks every test with its layer, from where it lives, so one layer runs alone:
``pytest -m core``, ``-m "not browser"`` (the markers are registered in pyproject.toml).

At the repository's root so that it also marks the doctests of ``calculators/`` when only
that folder is collected.
"""

from __future__ import annotations

from pathlib import PurePath

import pytest

# A test that asks for one of these fixtures (tests/site/conftest.py) drives Chromium.
BROWSER_FIXTURES = {"browser", "reader", "watched", "_reader"}


def layer(item: pytest.Item) -> str:
    """The layer of a collected test, from its file's place in the repository."""
    parts = PurePath(item.path).relative_to(item.config.rootpath).parts
    if parts[0] == "calculators":
        return "doctest"
    folder = parts[1] if parts[0] == "tests" and len(parts) > 2 else ""
    if folder == "core":
        return "cases" if parts[-1] == "test_golden.py" else "core"
    if folder in ("crosscheck", "pyodide"):
        return folder
    if folder == "site":
        return "browser" if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())) else "site"
    raise pytest.UsageError(f"{item.nodeid}: no test layer for this place; add one in conftest.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(layer(item))
