"""The core's data files: read through one cached reader, all of them at once for the snapshot."""

from __future__ import annotations

from importlib import resources

from calculators import _data
from calculators.models.metr_horizons import metr_horizons, model_labels

# The data folder as the installed package holds it: a folder in CPython, a folder inside the
# start-up library's zip in Pyodide.
FOLDER = resources.files("calculators") / "data"


def test_read_all_reads_every_file_of_the_data_folder() -> None:
    names = _data.read_all()
    assert names == tuple(sorted(entry.name for entry in FOLDER.iterdir() if entry.is_file()))
    assert {"metr_horizons.csv", "metr_model_labels.csv"} <= set(names)
    for name in names:
        assert _data.read(name) == (FOLDER / name).read_text(encoding="utf-8")


def test_data_once_read_needs_no_file(monkeypatch) -> None:
    """What a Python restored from the site's snapshot sees: the data in memory, no files.
    Read once, the readers answer with the data folder gone."""
    _data.read_all()
    before = (metr_horizons(), model_labels())
    metr_horizons.cache_clear()
    model_labels.cache_clear()

    def no_files(*args: object, **kwargs: object) -> object:
        raise FileNotFoundError("no file of the core after a snapshot restore")

    monkeypatch.setattr(_data, "_folder", no_files)
    assert (metr_horizons(), model_labels()) == before
