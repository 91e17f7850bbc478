"""The core's data files (``calculators/data/``), each read once and then kept in memory.

A reader's returning visit starts Python from the site's memory snapshot, which holds the
core's modules but not its files (a Pyodide snapshot is memory, not a file system), so the
snapshot is taken after :func:`read_all` has put every data file in this module's memory
(hooks/startup_library.mjs), and the core reads its data only through :func:`read`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: The core's folder of data files, inside the package.
FOLDER = "data"


def _folder() -> Traversable:
    # importlib.resources is imported here, when a file is first read, not as the core
    # loads: it costs a reader's browser more than the rest of this module, and most pages
    # read no data file.
    from importlib import resources

    return resources.files("calculators").joinpath(FOLDER)


@functools.cache
def read(name: str) -> str:
    """The text of the data file ``name`` (``"metr_horizons.csv"``).

    >>> read("metr_model_labels.csv").splitlines()[0]
    'model,label,ours'
    """
    return _folder().joinpath(name).read_text(encoding="utf-8")


def read_all() -> tuple[str, ...]:
    """Read every data file of the core into memory; returns their names, sorted."""
    names = sorted(entry.name for entry in _folder().iterdir() if entry.is_file())
    for name in names:
        read(name)
    return tuple(names)
