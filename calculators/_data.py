"""The core's data files (``calculators/data/``), each read once and then kept in memory.

A reader's returning visit starts Python from the site's memory snapshot, which holds the
core's modules but not its files (a Pyodide snapshot is memory, not a file system), so the
snapshot is taken after :func:`read_all` has put every data file in this module's memory
(hooks/startup_library.mjs), and the core reads its data only through :func:`read`.
"""

from __future__ import annotations

import functools
from importlib import resources

#: The core's folder of data files, inside the package.
FOLDER = "data"


@functools.cache
def read(name: str) -> str:
    """The text of the data file ``name`` (``"metr_horizons.csv"``).

    >>> read("metr_model_labels.csv").splitlines()[0]
    'model,label,ours'
    """
    return resources.files("calculators").joinpath(FOLDER, name).read_text(encoding="utf-8")


def read_all() -> tuple[str, ...]:
    """Read every data file of the core into memory; returns their names, sorted."""
    names = sorted(entry.name for entry in resources.files("calculators").joinpath(FOLDER).iterdir() if entry.is_file())
    for name in names:
        read(name)
    return tuple(names)
