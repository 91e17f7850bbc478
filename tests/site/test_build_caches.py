"""The build's caches in ``build/``: which entries a build removes as unused
(hooks/build_caches.py), what marks an entry used, and what the test run's copies of the
repository (build B, the release) hand back to this checkout's caches (tests/builds.py:
keep_build_caches)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from builds import ROOT, keep_build_caches

LONG_AGO = time.time() - 30 * 24 * 3600


@pytest.fixture(scope="module")
def caches(repo_module):
    return repo_module("hooks/build_caches.py")


def _aged(path: Path, when: float = LONG_AGO) -> Path:
    os.utime(path, (when, when))
    return path


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


def test_a_copys_later_use_of_an_entry_marks_the_checkouts_used(tmp_path: Path) -> None:
    """An entry the checkout has, which the copy used after the checkout last did, is marked used
    at the copy's time (so entries only the copies use, build B's core, are not removed as
    unused); one the checkout used later keeps its own time."""
    copy, kept = tmp_path / "copy" / "build", tmp_path / "kept"
    for name in ("b0b", "a1a"):
        _write(copy / "wheel" / name / "core.whl", "wheel")
        _write(kept / "wheel" / name / "core.whl", "wheel")
    recent = time.time() - 60
    _aged(kept / "wheel" / "b0b")
    _aged(copy / "wheel" / "b0b", recent)
    _aged(kept / "wheel" / "a1a", recent)
    _aged(copy / "wheel" / "a1a")
    keep_build_caches(copy.parent, into=kept)
    assert (kept / "wheel" / "b0b").stat().st_mtime == pytest.approx(recent)
    assert (kept / "wheel" / "a1a").stat().st_mtime == pytest.approx(recent)


def test_nothing_is_removed_until_keep_builds_have_ended(caches, tmp_path: Path) -> None:
    """The record lists the starts of the latest KEEP builds, oldest dropped first; the oldest
    start it lists is the line entries are judged by, once it lists KEEP builds."""
    starts = [1_000.0 + n for n in range(caches.KEEP + 2)]
    found = [caches.record_build(tmp_path, start) for start in starts]
    assert found == [None] * (caches.KEEP - 1) + starts[:3]
    assert json.loads((tmp_path / caches.RECORD).read_text()) == starts[2:]


def test_a_record_no_build_wrote_starts_the_count_afresh(caches, tmp_path: Path) -> None:
    (tmp_path / caches.RECORD).write_text('{"not": "a list"}')
    assert caches.record_build(tmp_path, 5.0, keep=2) is None
    assert caches.record_build(tmp_path, 6.0, keep=2) == 5.0


def test_entries_no_recent_build_used_are_removed_whole_and_nothing_else(caches, tmp_path: Path) -> None:
    """Entries last used before the line go, folders with all they hold; entries used since stay
    (a lock inside one with it), as do what is still being written, however old, and files
    beside the caches."""
    build = tmp_path / "build"
    for name in (
        "wheel/old/core.whl",
        "wheel/old/startup-pyodide-1/library.zip.gz",
        "wheel/new/core.whl",
        "wheel/partial-12/core.whl",
        "wheel/new/startup-pyodide-1.lock",
        "notebooks/old/nb.json",
        "notebooks/new/nb.json",
        "renders/old.svg",
        "renders/new.svg",
        "renders/next.svg.12.part",
        "other/old.txt",
    ):
        _write(build / name, name)
    line = time.time() - 3600
    for name in ("wheel/old", "wheel/partial-12", "notebooks/old", "renders/old.svg", "renders/next.svg.12.part"):
        _aged(build / name)
    _aged(build / "other" / "old.txt")

    removed = caches.remove_unused(build, line)

    assert sorted(path.relative_to(build).as_posix() for path in removed) == [
        "notebooks/old",
        "renders/old.svg",
        "wheel/old",
    ]
    left = sorted(path.relative_to(build).as_posix() for path in build.rglob("*") if path.is_file())
    assert left == [
        "notebooks/new/nb.json",
        "other/old.txt",
        "renders/new.svg",
        "renders/next.svg.12.part",
        "wheel/new/core.whl",
        "wheel/new/startup-pyodide-1.lock",
        "wheel/partial-12/core.whl",
    ]


def test_the_hook_keeps_what_the_last_builds_used(caches, tmp_path: Path, monkeypatch) -> None:
    """Build after build through the hook's own steps: an entry one build used survives the next
    KEEP - 1 builds that do not use it, and goes at the end of the KEEP-th."""
    build = tmp_path / "build"
    monkeypatch.setattr(caches, "BUILD", build)
    _write(build / "renders" / "once.svg", "<svg/>")
    _write(build / "renders" / "always.svg", "<svg/>")
    for n in range(caches.KEEP + 1):
        caches.on_config(None)
        caches._started[0] = 1_000.0 + 10 * n  # the builds' starts, 10 s apart
        if n == 0:
            _aged(build / "renders" / "once.svg", 1_001.0)
        _aged(build / "renders" / "always.svg", 1_001.0 + 10 * n)
        caches.on_post_build(None)
        assert (build / "renders" / "once.svg").exists() == (n < caches.KEEP), n
        assert (build / "renders" / "always.svg").exists()


def test_a_drawing_read_from_the_cache_is_marked_used(repo_module, tmp_path: Path, monkeypatch) -> None:
    renders = repo_module("hooks/vega_renders.py")
    monkeypatch.setattr(renders, "CACHE", tmp_path)
    spec = {"mark": "point", "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}
    first = renders.svg(spec)
    [drawing] = tmp_path.iterdir()
    _aged(drawing)
    before = time.time()
    assert renders.svg(spec) == first
    assert drawing.stat().st_mtime >= before - 1


def test_the_site_build_marked_the_core_and_notebooks_it_used(site, repo_module, caches) -> None:
    """This run's site build marked its core's folder (wheel, start-up library, snapshot) and
    its executed notebooks as used, made or reused, so the next builds do not remove them."""
    # The build's start is the latest start on the record before it wrote its home page (a
    # later build of this checkout, such as a reader's `make serve`, may be on the record too).
    written = (site / "index.html").stat().st_mtime
    started = max(start for start in json.loads((ROOT / "build" / caches.RECORD).read_text()) if start <= written)
    core = ROOT / "build" / "wheel" / repo_module("hooks/runtime_assets.py").core_hash(ROOT)
    notebooks = ROOT / "build" / "notebooks" / repo_module("hooks/notebooks.py").outputs_key(ROOT)
    for entry in (core, notebooks):
        assert entry.stat().st_mtime >= started - caches.MARGIN_S, entry
