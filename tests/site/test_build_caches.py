"""What the test run's copies of the repository (build B, the release) hand back to this
checkout's build caches (tests/builds.py: keep_build_caches)."""

from __future__ import annotations

from pathlib import Path

from builds import keep_build_caches


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_a_copys_new_entries_are_kept_whole_and_nothing_else(tmp_path: Path) -> None:
    """Finished entries the checkout lacks arrive whole (a folder with all it holds); an entry
    of a name the checkout has is left as it is; what was still being written (``partial-*``,
    ``*.part``) and the executed notebooks stay behind; nothing is left half-copied."""
    copy, kept = tmp_path / "copy" / "build", tmp_path / "kept"
    _write(copy / "wheel" / "b0b" / "core.whl", "B's wheel")
    _write(copy / "wheel" / "b0b" / "startup-pyodide-1" / "library.zip.gz", "B's library")
    _write(copy / "wheel" / "partial-77" / "core.whl", "half a wheel")
    _write(copy / "renders" / "new.svg", "<svg>new</svg>")
    _write(copy / "renders" / "same.svg", "<svg>the copy's</svg>")
    _write(copy / "renders" / "next.svg.77.part", "<svg")
    _write(copy / "notebooks" / "k3y" / "notebook.json", "{}")
    _write(kept / "renders" / "same.svg", "<svg>the checkout's</svg>")

    keep_build_caches(copy.parent, into=kept)

    found = {path.relative_to(kept).as_posix(): path.read_text() for path in kept.rglob("*") if path.is_file()}
    assert found == {
        "wheel/b0b/core.whl": "B's wheel",
        "wheel/b0b/startup-pyodide-1/library.zip.gz": "B's library",
        "renders/new.svg": "<svg>new</svg>",
        "renders/same.svg": "<svg>the checkout's</svg>",
    }
    assert not (kept / "notebooks").exists()


def test_keeping_twice_changes_nothing(tmp_path: Path) -> None:
    """A second copy with the same entries (the next run's) adds nothing and replaces nothing."""
    copy, kept = tmp_path / "copy" / "build", tmp_path / "kept"
    _write(copy / "wheel" / "b0b" / "core.whl", "B's wheel")
    keep_build_caches(copy.parent, into=kept)
    (copy / "wheel" / "b0b" / "core.whl").write_text("another wheel of the same name")
    keep_build_caches(copy.parent, into=kept)
    assert ["wheel/b0b/core.whl"] == [p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file()]
    assert "B's wheel" == (kept / "wheel" / "b0b" / "core.whl").read_text()
