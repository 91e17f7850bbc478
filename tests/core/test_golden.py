"""Golden cases: the model against numbers stated by the project's sources.

The cases live in ``tests/cases/half_life.csv`` (see the README there). Standard library
and pytest only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from calculators import horizon, survival

CASES = Path(__file__).parent.parent / "cases" / "half_life.csv"
FUNCTIONS = {"survival": survival, "horizon": horizon}


def _read_cases() -> list[dict[str, str]]:
    with CASES.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def _number(cell: str) -> float:
    """Read ``"0.25"`` or ``"1/3.11"`` (the form the sources use for T_p = T50 / 3.11)."""
    numerator, _, denominator = cell.partition("/")
    return float(numerator) / float(denominator) if denominator else float(numerator)


ROWS = _read_cases()


@pytest.mark.parametrize("row", [pytest.param(row, id=row["id"]) for row in ROWS])
def test_golden_case(row: dict[str, str]) -> None:
    """The function gives the source's value to the precision the source states."""
    first = row["t"] if row["function"] == "survival" else row["p"]
    actual = FUNCTIONS[row["function"]](float(first), float(row["t50"]), float(row["shape"]))
    assert pytest.approx(_number(row["expected"]), rel=float(row["rel_tol"]), abs=0) == actual


def test_case_table_is_well_formed() -> None:
    """Every row has a unique id, a known function, one time argument, a tolerance and a source."""
    assert 11 == len(ROWS)
    assert len(ROWS) == len({row["id"] for row in ROWS})
    for row in ROWS:
        assert row["function"] in FUNCTIONS
        uses_t = row["function"] == "survival"
        assert (uses_t, not uses_t) == (bool(row["t"]), bool(row["p"]))
        assert 0 < float(row["rel_tol"]) < 0.05
        assert math.isfinite(_number(row["expected"]))
        assert row["source"].startswith("Fact base §6 row ")
