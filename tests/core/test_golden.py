"""Golden cases: the models against numbers stated by the project's sources.

Every ``tests/cases/*.csv`` is a table of cases (see the README there): a public function
of :mod:`calculators`, its keyword arguments, the value a source states, the tolerance that
source's precision allows, and the source. Standard library and pytest only, so this runs
unchanged in Pyodide.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

import calculators

CASES = Path(__file__).parent.parent / "cases"
COLUMNS = ["id", "function", "args", "output", "expected", "rel_tol", "source"]


def read_cases() -> list[dict[str, str]]:
    """Every row of every case table, with the table's name added as ``table``."""
    rows = []
    for table in sorted(CASES.glob("*.csv")):
        with table.open(newline="", encoding="utf-8") as file:
            reader = csv.DictReader(file)
            assert COLUMNS == reader.fieldnames, table.name
            rows += [{**row, "table": table.stem} for row in reader]
    return rows


def number(cell: str) -> float:
    """Read ``"0.25"``, ``"1e25"`` or ``"1/3.11"`` (the form sources use for T50 / 3.11)."""
    numerator, _, denominator = cell.partition("/")
    return float(numerator) / float(denominator) if denominator else float(numerator)


def arguments(cell: str) -> dict[str, float]:
    """Read ``"t=2; t50=1; shape=0.6"`` as keyword arguments."""
    pairs = (item.split("=", 1) for item in cell.split(";") if item.strip())
    return {name.strip(): number(value.strip()) for name, value in pairs}


def evaluate(row: dict[str, str]) -> float:
    """Call the row's function with its arguments; pick ``output`` from a record result."""
    result = getattr(calculators, row["function"])(**arguments(row["args"]))
    return float(getattr(result, row["output"]) if row["output"] else result)


ROWS = read_cases()


@pytest.mark.parametrize("row", [pytest.param(row, id=f"{row['table']}:{row['id']}") for row in ROWS])
def test_golden_case(row: dict[str, str]) -> None:
    """The function gives the source's value to the precision the source states."""
    assert pytest.approx(number(row["expected"]), rel=float(row["rel_tol"]), abs=0) == evaluate(row)


def test_case_tables_are_well_formed() -> None:
    """Unique ids per table, public functions, tolerances under 5%, and a source on every row."""
    assert ROWS, "no golden cases found"
    assert len(ROWS) == len({(row["table"], row["id"]) for row in ROWS})
    for row in ROWS:
        assert row["function"] in calculators.__all__, row["id"]
        assert 0 < float(row["rel_tol"]) < 0.05, row["id"]
        assert math.isfinite(number(row["expected"])), row["id"]
        assert row["source"].strip(), row["id"]


def test_half_life_table_covers_fact_base_rows_13_14_17() -> None:
    """The half-life table holds the 11 cases of the fact base's §6 rows 13, 14 and 17."""
    half_life = [row for row in ROWS if row["table"] == "half_life"]
    assert 11 == len(half_life)
    assert {"13", "14", "17"} == {row["id"].split("-")[0].removeprefix("row") for row in half_life}


# Every worked example in the fact base's §6 (rows are numbered as there; gaps are its own).
FACT_BASE_ROWS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 17, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 34}


def test_every_fact_base_worked_example_has_a_golden_case() -> None:
    """Each row of the fact base's §6 is checked by at least one case citing it."""
    import re

    cited = set()
    for row in ROWS:
        for match in re.finditer(r"§6 rows? ((?:\d+(?:, | and | to |-)?)+)", row["source"]):
            cited.update(int(n) for n in re.findall(r"\d+", match[1]))
        cited.update(int(n) for n in re.findall(r"^row(\d+)-", row["id"]))
    assert set() == FACT_BASE_ROWS - cited
