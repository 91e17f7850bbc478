"""Equal answers but for the last bits of floats: WebAssembly's libm (Pyodide's, in the
browser and in tests/pyodide) may round exp, log and pow differently from the C library's
in the final digit, and CPython and Pyodide must otherwise answer alike.

Standard library only.
"""

from __future__ import annotations

import math
import re
from typing import Any

#: A number as Python writes it, in text: -12, 3.5, 1.25e-07.
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
#: How far two floats may be apart, relative to their size, and still count as the same.
RELATIVE = 1e-12


def same_float(expected: float, actual: float) -> bool:
    """Equal, or within :data:`RELATIVE` of each other (NaN never is)."""
    return expected == actual or math.isclose(expected, actual, rel_tol=RELATIVE, abs_tol=0.0)


def same_text(expected: str, actual: str) -> bool:
    """The same text once each number in it is put aside, and each number the same float
    (:func:`same_float`): "1.2345678901234e3 hours" is "1.2345678901235e3 hours", and
    "1.2 h" is not "1.3 h"."""
    if NUMBER.sub("#", expected) != NUMBER.sub("#", actual):
        return False
    pairs = zip(NUMBER.findall(expected), NUMBER.findall(actual), strict=True)
    return all(same_float(float(a), float(b)) for a, b in pairs)


def differences(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Where two JSON values differ beyond the last bits of their floats (numbers in
    strings too), each with its path (``outputs.t50.value: 1.0 != 1.5``); empty when they
    are the same (tests/pyodide/test_last_bits.py shows them)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(expected.keys() | actual.keys()):
            if key not in expected or key not in actual:
                found.append(f"{where}{key}: missing in one")
            else:
                found += differences(expected[key], actual[key], f"{where}{key}.")
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{where.rstrip('.')}: {len(expected)} items != {len(actual)}"]
        return [
            d for i, (a, b) in enumerate(zip(expected, actual, strict=True)) for d in differences(a, b, f"{where}{i}.")
        ]
    same = (
        same_text(expected, actual)
        if isinstance(expected, str) and isinstance(actual, str)
        else same_float(expected, actual)
        if all(isinstance(v, float | int) and not isinstance(v, bool) for v in (expected, actual))
        else expected == actual and type(expected) is type(actual)
    )
    return [] if same else [f"{where.rstrip('.')}: {_short(expected)} != {_short(actual)}"]


def _short(value: Any, room: int = 80) -> str:
    """``repr(value)``, cut in the middle when long (a download's text runs to pages)."""
    written = repr(value)
    return written if len(written) <= room else f"{written[: room // 2]}…{written[-room // 2 :]}"
