"""Site builds for the tests, each made once per test run however many xdist workers ask.

A strict build takes a minute of this machine's time; the first worker to need one builds it
under a file lock in the folder the workers share, and the others wait and reuse it.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Build:
    returncode: int
    log: str
    site: Path


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder all of this run's xdist workers share (each worker's own base
    folder sits inside it), or the run's base folder when pytest runs alone."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Build]) -> Build:
    """``make(folder)`` run once for the whole test run, whichever worker asks first; the
    other workers wait for it (a file lock) and reuse its result. A site build takes a
    minute of the machine's time, so no worker builds what another has built."""
    shared = shared_folder(tmp_path_factory)
    record = shared / f"{name}.json"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            done = make(shared / name)
            record.write_text(json.dumps({"returncode": done.returncode, "log": done.log, "site": str(done.site)}))
    found = json.loads(record.read_text())
    return Build(found["returncode"], found["log"], Path(found["site"]))


def mkdocs_build(site: Path, cwd: Path = ROOT, **env: str) -> Build:
    """`mkdocs build --strict` of the configuration in ``cwd`` into ``site``, with ``env``
    added to a bare environment."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(site.parent), **env},
        check=False,
    )
    return Build(done.returncode, done.stdout + done.stderr, site)


def share_build_caches(repo: Path) -> None:
    """Give a copy of the repository this checkout's build caches (build/: the core's wheel and
    its bytecode, the preview cards), as a second build in one checkout would have them. Each
    entry is named by the hash of what it was made from and written whole under a temporary
    name (skipped here), so a copy can only reuse what its own sources would make."""
    if (ROOT / "build").is_dir():
        shutil.copytree(ROOT / "build", repo / "build", ignore=shutil.ignore_patterns("partial-*", "*.part"))
