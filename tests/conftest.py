"""Shared test set-up: Hypothesis profiles, and the import path for ``tests/strategies.py``.

Runs under CPython and Pyodide alike, so it uses only the standard library and Hypothesis.
Choose a profile with the environment variable HYPOTHESIS_PROFILE: ``ci`` (the default),
``nightly`` (many more examples), ``fast`` (fewer, for ``make test-fast``) or ``pyodide``
(fewer, for the run inside Pyodide).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
    # CI runs are derandomized (the same examples each run: no flaky failures); nightly
    # runs explore with fresh random examples.
    settings.register_profile("ci", max_examples=100, derandomize=True, **_UNTIMED)
    settings.register_profile("nightly", max_examples=5000, **_UNTIMED)
    # The loop run while editing (make test-fast): derandomized like ci, half its examples;
    # `make test` and CI run the ci profile.
    settings.register_profile("fast", max_examples=50, derandomize=True, **_UNTIMED)
    # The Pyodide run repeats every CPython test in WebAssembly, several times slower: it
    # checks that the code behaves the same there, so fewer examples serve.
    settings.register_profile("pyodide", max_examples=20, derandomize=True, **_UNTIMED)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
