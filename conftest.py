"""Marks every test with its layer, from where it lives, so one layer runs alone:
``pytest -m core``, ``-m "not browser"`` (the markers are registered in pyproject.toml),
and orders the run so that every worker stays busy (see FIRST_TO_LAST).

At the repository's root so that it also marks the doctests of ``calculators/`` when only
that folder is collected.
"""

from __future__ import annotations

from pathlib import PurePath

import pytest

# A test whose fixtures include this one drives Chromium: every browser fixture of
# tests/site/conftest.py starts from it (``browser``, ``full_chromium``, ``readers_chromium``
# and the pages they open), and pytest lists a test's fixtures with those they need.
BROWSER_FIXTURE = "playwright"


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
        return "browser" if BROWSER_FIXTURE in getattr(item, "fixturenames", ()) else "site"
    raise pytest.UsageError(f"{item.nodeid}: no test layer for this place; add one in conftest.py")


# The order of the run. `make test` hands tests to its workers one or two at a time in this
# order (--maxschedchunk 1), so a worker that is free takes the next one. First the tests
# that read no site build: readers' cases in Pyodide (the longest), then the core, golden
# cases, cross-checks and doctests, while the builds they do not need are made in the
# background (tests/builds.py); then the tests that read the site's build (marked `build` by
# tests/site/conftest.py), browser visits before the short reads of its files; last those
# that read the builds made after it (the deploy test's second build, the release), so that
# no worker waits for a build while there is other work.
FIRST_TO_LAST = ("pyodide", "core", "cases", "crosscheck", "doctest", "browser", "site")


def rank(item: pytest.Item, name: str) -> tuple[int, int]:
    """Where a test of layer ``name`` goes in the run (see FIRST_TO_LAST)."""
    build = item.get_closest_marker("build")
    builds = set(build.args) if build else set()
    group = 0 if not builds else 1 if builds == {"site"} else 2
    return (group, FIRST_TO_LAST.index(name))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    layers = {item: layer(item) for item in items}
    for item, name in layers.items():
        item.add_marker(name)
    # A stable sort: within a layer, tests keep their files' order.
    items.sort(key=lambda item: rank(item, layers[item]))
