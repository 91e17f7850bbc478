"""MkDocs hook: the build's caches keep what recent builds used, and let the rest go.

``build/`` keeps what is slow to make: the core's wheel, start-up library and snapshot
(``wheel/<hash>/``, hooks/runtime_assets.py, about 11 MB an entry), the executed notebooks
(``notebooks/<key>/``, hooks/notebooks.py) and what vl-convert draws (``renders/<hash>.*``,
hooks/vega_renders.py). Each entry is named by the hash of what it was made from, so an entry
is never stale, only unused once its sources change; kept for good, they would grow with every
change to the core (twice a test run, which also builds a changed core: tests/builds.py).

So the hooks that use an entry mark it (:func:`used`: its modification time becomes now), and
at the end of every successful build this hook removes each entry that none of the last
:data:`KEEP` builds of this checkout used, that is, each entry last used before the oldest of
their starts (listed in ``build/recent-builds.json``). Until :data:`KEEP` builds have ended,
nothing is removed. A build's own entries are marked after it starts, so they stay; what is
still being written (:data:`UNFINISHED`) is never touched. An entry removed too soon costs
only its making again.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

BUILD = Path(__file__).resolve().parents[1] / "build"

#: The caches under ``build/`` whose entries this hook removes when unused.
CACHES = ("wheel", "notebooks", "renders")

#: How many of this checkout's latest builds an entry must have gone unused by to be removed: a
#: test run's site build is one (its copies' builds hand back what they used: tests/builds.py),
#: and each rebuild of `make dev` is one.
KEEP = 10

#: Where the starts of the latest builds are listed.
RECORD = "recent-builds.json"

#: The names the builds write an entry under until it is whole, then rename it from
#: (hooks/runtime_assets.py: ``partial-*`` folders; hooks/vega_renders.py: ``*.part`` files).
UNFINISHED = ("partial-*", "*.part")

# Modification times and time.time() come from the same clock; the margin allows for a file
# system that stores times coarser than the clock reads them.
MARGIN_S = 2.0

_started: list[float] = []


def used(entry: Path) -> None:
    """Mark the cache entry ``entry`` (a file or a folder) as used now, if it exists."""
    try:
        os.utime(entry)
    except FileNotFoundError:
        pass


def being_made(name: str) -> bool:
    """Whether ``name`` is an entry still being written (:data:`UNFINISHED`)."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in UNFINISHED)


def record_build(build: Path, started: float, keep: int = KEEP) -> float | None:
    """Add a build that started at ``started`` to ``build``'s list of the latest ``keep``
    builds, and return the oldest start on it once it lists ``keep`` builds (else None)."""
    record = build / RECORD
    try:
        starts = [float(start) for start in json.loads(record.read_text())]
    except (FileNotFoundError, ValueError, TypeError):
        starts = []  # none yet, or a record no build of ours wrote: start counting afresh
    starts = sorted([*starts, started])[-keep:]
    build.mkdir(parents=True, exist_ok=True)
    partial = record.with_name(f"{record.name}.{os.getpid()}.part")  # UNFINISHED
    partial.write_text(json.dumps(starts))
    partial.replace(record)
    return starts[0] if len(starts) == keep else None


def remove_unused(build: Path, since: float) -> list[Path]:
    """Remove every entry of ``build``'s caches last used before ``since``, and return them."""
    removed = []
    for cache in CACHES:
        folder = build / cache
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if being_made(entry.name):
                continue
            try:
                if entry.stat().st_mtime >= since - MARGIN_S:
                    continue
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            except FileNotFoundError:  # another build removed it first
                continue
            removed.append(entry)
    return removed


# The build's start is taken before any other hook's on_config (hooks/notebooks.py marks its
# entry there), and the unused entries are removed after every other hook's on_post_build.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _started[:] = [time.time()]
    return config


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    oldest = record_build(BUILD, _started[0])
    if oldest is not None:
        remove_unused(BUILD, oldest)
