"""METR's published time horizons, one record per model per METR release.

The numbers are METR's (Time Horizon 1.0 and 1.1 results files), copied digit for digit
with the file and commit each row was read from. They ship inside the package, as
``calculators/data/metr_horizons.csv``, so the core reads the same rows in CPython and in
Pyodide; the site's data page serves the same file (``docs/data/metr_horizons.csv`` links to
it) and describes its columns, provenance and caveats.
"""

from __future__ import annotations

import csv
import functools
import io
from typing import NamedTuple

from .._calendar import release_day
from .._data import read

__all__ = ["REPORTS", "ModelHorizon", "metr_horizons", "model_labels"]

#: METR's releases of its results, as the ``report`` column names them.
REPORTS = ("time-horizon-1.0", "time-horizon-1.1")


class ModelHorizon(NamedTuple):
    """One model's measured horizons in one METR release (times in minutes of human time)."""

    model: str
    report: str
    #: Release date as METR records it, ``YYYY-MM-DD``.
    release_date: str
    #: The same date as days since 1 January 1970 (what the trend is fitted against).
    release_day: float
    t50_min: float
    t50_low_min: float
    t50_high_min: float
    t80_min: float
    #: METR's ``is_sota`` flag: state of the art when released. A least-squares fit to
    #: these models alone gives METR's published doubling times.
    frontier: bool
    #: Where the row was read, ``repository:file@commit``.
    source: str
    #: The model's name for a reader (``GPT-4o``), from ``data/metr_model_labels.csv``: the
    #: name METR's analysis repository gives it, or ours where it gives none (the data page
    #: lists them); ``model`` is METR's key (``gpt_4o_inspect``).
    label: str


@functools.cache
def metr_horizons() -> tuple[ModelHorizon, ...]:
    """Every row of METR's time horizons, in the order of the data file.

    >>> rows = metr_horizons()
    >>> len(rows), rows[0].model, rows[0].t50_min, rows[0].frontier, rows[0].label
    (58, 'gpt2', 0.039762, True, 'GPT-2')
    """
    text = read("metr_horizons.csv")
    labels = model_labels()
    return tuple(
        ModelHorizon(
            model=row["model"],
            report=row["report"],
            release_date=row["release_date"],
            release_day=release_day(row["release_date"]),
            t50_min=float(row["horizon50_min"]),
            t50_low_min=float(row["horizon50_ci_low_min"]),
            t50_high_min=float(row["horizon50_ci_high_min"]),
            t80_min=float(row["horizon80_min"]),
            frontier=row["is_sota"] == "true",
            source=row["source_path"],
            label=labels[row["model"]],
        )
        for row in csv.DictReader(io.StringIO(text))
    )


@functools.cache
def model_labels() -> dict[str, str]:
    """Each METR model key's name for a reader (``data/metr_model_labels.csv``).

    >>> model_labels()["gpt_4o_inspect"]
    'GPT-4o (Inspect)'
    """
    return {row["model"]: row["label"] for row in csv.DictReader(io.StringIO(read("metr_model_labels.csv")))}
