"""Marks every test with its layer, from where it lives, so one layer runs alone:
``pytest -m core``, ``-m "not browser"`` (the markers are registered in pyproject.toml),
and runs the slowest layers first.

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


# Longest first. `make test` hands tests to its two workers one or two at a time in this
# order (--maxschedchunk 1), so a worker that is free takes the next one: the long tests
# (the core suite in Pyodide, then those marked `slow`: the extra strict builds) start at
# once, browser visits follow, and the thousands of short tests fill in at the end, so both
# workers finish together.
FIRST_TO_LAST = ("pyodide", "browser", "site", "cases", "crosscheck", "core", "doctest")


def rank(item: pytest.Item, name: str) -> tuple[int, int]:
    """Where a test of layer ``name`` goes in the run: Pyodide's suite, slow tests, then by layer."""
    slow = item.get_closest_marker("slow") is not None
    return (0 if name == "pyodide" else 1 if slow else 2, FIRST_TO_LAST.index(name))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    layers = {item: layer(item) for item in items}
    for item, name in layers.items():
        item.add_marker(name)
    # A stable sort: within a layer, tests keep their files' order.
    items.sort(key=lambda item: rank(item, layers[item]))
