"""Shared test set-up: Hypothesis profiles, the ``deep`` tests, and the import path for
``tests/strategies.py``.

Runs under CPython and Pyodide alike, so it uses only the standard library, pytest and
Hypothesis. Choose a profile with the environment variable HYPOTHESIS_PROFILE: ``ci`` (the
default), ``deep`` (``make deep``: many more random examples; DEEP_EXAMPLES sets how many),
``fast`` (fewer, for ``make test-fast``) or ``pyodide`` (fewer, for ``make deep``'s run of the
whole suite inside Pyodide).

Tests marked ``deep`` (exhaustive sweeps, minutes each) run only when the marker expression
asks for them (``pytest -m deep``, as ``make deep`` does); every other run leaves them out.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# --import-mode=importlib leaves sys.path alone, so put tests/ on it for `import strategies`
# (what pytest's `pythonpath` setting would do).
_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

try:
    from hypothesis import HealthCheck, settings
except ImportError:  # a layer that does not use Hypothesis need not install it
    pass
else:
    # No deadline or speed checks: the suites also run in Pyodide, where timing means nothing.
    # Heavy filtering is expected where valid inputs are a thin slice (rates that make costs
    # fall, say); Hypothesis's warning about it is a speed hint, not a failure.
    _UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much]}
    # CI runs are derandomized (the same examples each run: no flaky failures); the deep
    # run (make deep, weekly in CI) explores fresh random examples each time, and prints how
    # to reproduce any failure it finds.
    settings.register_profile("ci", max_examples=100, derandomize=True, **_UNTIMED)
    _DEEP_EXAMPLES = int(os.environ.get("DEEP_EXAMPLES", "2000"))
    settings.register_profile("deep", max_examples=_DEEP_EXAMPLES, print_blob=True, **_UNTIMED)
    # The loop run while editing (make test-fast): derandomized like ci, half its examples;
    # `make test` and CI run the ci profile.
    settings.register_profile("fast", max_examples=50, derandomize=True, **_UNTIMED)
    # make deep's Pyodide run repeats every CPython test in WebAssembly, twice as slow. It
    # checks that the code readers run behaves there as in CPython (WebAssembly's libm, the
    # bytecode the site ships), which any input shows; searching the inputs for bugs is the
    # CPython run's job (100 examples a property, 2,000 in make deep), and every explicit
    # example and edge value still runs in full. So 10 random examples a property serve.
    settings.register_profile("pyodide", max_examples=10, derandomize=True, **_UNTIMED)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the ``deep`` tests out unless the marker expression names them."""
    if "deep" in (config.option.markexpr or ""):
        return
    deep = [item for item in items if item.get_closest_marker("deep")]
    if deep:
        config.hook.pytest_deselected(items=deep)
        items[:] = [item for item in items if not item.get_closest_marker("deep")]
