"""Site builds for the tests, each made once per test run however many xdist workers ask, and
made in the background while the tests that need no build run.

A strict build takes most of a minute of this machine's time. Three are needed: ``site`` (the
real configuration, which every site and browser test reads), ``build-b`` (a copy of the
repository whose core computes other numbers: the deploy test's second build) and ``release``
(what `make publish` makes: mike's build for a public address, on a gh-pages branch). Once the
tests are collected, the run starts a builder process (``python tests/builds.py FOLDER NAME
...``, tests/site/conftest.py) that makes the builds the collected tests need, ``site`` first
(the others reuse its caches, and add to them what they make: keep_build_caches). The tests
that need no build (the core in CPython and in Pyodide, the cross-checks) run meanwhile
(conftest.py orders them first), so neither core waits. A test that needs a build before it
is done waits for it under a file lock in the folder the workers share, and reads the result;
if no builder is running (a run of one file, say), the first test to ask makes the build
itself, under the same lock.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from repo_modules import load_module

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


def build_in(shared: Path, name: str) -> Build:
    """The build ``name`` (one of BUILDS) in the folder ``shared``, made by whichever process
    asks first (a test, or the builder); the others wait for it (a file lock) and reuse its
    result."""
    record = shared / f"{name}.json"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            done = BUILDS[name](shared / name)
            record.write_text(json.dumps({"returncode": done.returncode, "log": done.log, "site": str(done.site)}))
    found = json.loads(record.read_text())
    return Build(found["returncode"], found["log"], Path(found["site"]))


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str) -> Build:
    """The build ``name`` of this test run (see build_in)."""
    return build_in(shared_folder(tmp_path_factory), name)


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


#: What a build writes only under a temporary name, and renames once whole (the names are
#: hooks/build_caches.py's, which never removes such an entry either).
UNFINISHED = shutil.ignore_patterns(*load_module("hooks/build_caches.py").UNFINISHED)


def share_build_caches(repo: Path) -> None:
    """Give a copy of the repository this checkout's build caches (build/: the core's wheel and
    its bytecode, the executed notebooks, the charts and preview cards drawn), as a second
    build in one checkout would have them. Each entry is named by the hash of what it was made
    from and written whole under a temporary name (skipped here), so a copy can only reuse
    what its own sources would make."""
    if (ROOT / "build").is_dir():
        shutil.copytree(ROOT / "build", repo / "build", ignore=UNFINISHED)


#: Caches a copy's build does not hand back (keep_build_caches).
NOT_KEPT = ("notebooks",)


def keep_build_caches(repo: Path, into: Path = ROOT / "build") -> None:
    """Add to this checkout's build caches (``into``) the entries a copy's build made (build
    B's core and start-up library, made from sources this checkout's own build never has; the
    charts and cards drawn), so the next test run's copy reuses them instead of making them
    again (build B: 28 s → 16 s in a used checkout). Not the executed notebooks: build B runs
    its notebooks again on every test run, for test_notebooks.py shows that a changed core
    makes them run.
    Each entry (``build/<cache>/<name>``, a file or a folder) is copied under a temporary name
    and renamed into place, as the builds write them, and only if this checkout has none of
    that name: names are hashes of what an entry was made from, so one of the same name is
    the same. One it has is marked used when the copy used it later (its modification time,
    which hooks/build_caches.py reads: so the entries only the copies use stay kept)."""
    for cache in sorted((repo / "build").glob("*/")):
        if cache.name in NOT_KEPT:
            continue
        kept = into / cache.name
        for entry in sorted(cache.iterdir()):
            if UNFINISHED(str(cache), [entry.name]):
                continue
            if (kept / entry.name).exists():
                last_used = entry.stat().st_mtime
                if last_used > (kept / entry.name).stat().st_mtime:
                    os.utime(kept / entry.name, (last_used, last_used))
                continue
            kept.mkdir(parents=True, exist_ok=True)
            partial = kept / f"partial-{os.getpid()}-{entry.name}"
            if entry.is_dir():
                shutil.copytree(entry, partial, ignore=UNFINISHED)
            else:
                shutil.copy2(entry, partial)
            try:
                partial.rename(kept / entry.name)
            except OSError:  # another run kept it first: a folder is not replaced
                shutil.rmtree(partial, ignore_errors=True)


# --- build B: the deploy test's second build (tests/site/test_browser_deploys.py) ----------------

# Appended to the module that defines horizon(): every importer gets the changed one.
CHANGE_FOR_B = """

_horizon_of_build_a = horizon


def horizon(p, t50, shape=1.0):  # build B of the deploy test
    return 2 * _horizon_of_build_a(p, t50, shape)
"""
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "site", "build", ".cache", "__pycache__", ".pytest_cache"
)


def make_build_b(folder: Path) -> Build:
    """A copy of the repository in ``folder``/repo whose core doubles ``horizon``, and its
    strict build in ``folder``/site."""
    repo = folder / "repo"
    shutil.copytree(ROOT, repo, ignore=NOT_COPIED)
    (repo / "node_modules").symlink_to(ROOT / "node_modules")
    share_build_caches(repo)
    [module] = [path for path in (repo / "calculators").rglob("*.py") if "\ndef horizon(" in path.read_text()]
    module.write_text(module.read_text() + CHANGE_FOR_B)
    done = mkdocs_build(folder / "site", cwd=repo, PYTHONPATH=str(repo))
    if done.returncode == 0:
        keep_build_caches(repo)
    return done


# --- the release: what `make publish` makes (tests/site/test_publishing.py) ---------------------

# The address the release is published for, which no other part of the project uses.
PUBLIC = "https://example.org/companion/"


def release_version() -> str:
    return str(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"])


def publish_release(folder: Path) -> Build:
    """What `make publish` does, in a copy of the repository (``folder``/repo) tagged as the
    release, with SITE_URL set to PUBLIC; the gh-pages branch it makes is then written out to
    ``folder``/gh-pages, which the returned build's ``site`` names."""
    version = release_version()
    copy = folder / "repo"
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    )
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes((ROOT / name).read_bytes())
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    share_build_caches(copy)
    git = ["git", "-c", "user.name=Release", "-c", "user.email=release@example.org"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "release"], ["tag", f"v{version}"]):
        subprocess.run([*git, *command], cwd=copy, check=True, capture_output=True)
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(folder),
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": PUBLIC,
        "SITE_PUBLISH": "1",
        "GIT_AUTHOR_NAME": "Release",
        "GIT_AUTHOR_EMAIL": "release@example.org",
        "GIT_COMMITTER_NAME": "Release",
        "GIT_COMMITTER_EMAIL": "release@example.org",
    }
    # The commands of `make publish`, without its set-up step (this venv is already set up).
    mike = str(Path(sys.executable).parent / "mike")
    commands = [
        [mike, "deploy", "--update-aliases", "--alias-type=redirect", version, "latest"],
        [mike, "set-default", "latest"],
        ["sh", str(ROOT / "tools" / "root_404.sh"), version],
    ]
    log = ""
    for command in commands:
        done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, check=False)
        log += f"$ {' '.join(command)}\n{done.stdout}{done.stderr}"
        if done.returncode != 0:
            return Build(done.returncode, log, folder / "gh-pages")
    keep_build_caches(copy)
    branch = subprocess.run(["git", "archive", "gh-pages"], cwd=copy, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(branch)) as archive:
        archive.extractall(folder / "gh-pages", filter="data")
    return Build(0, log, folder / "gh-pages")


# --- the builds by name, and the builder ---------------------------------------------------------

BUILDS: dict[str, Callable[[Path], Build]] = {"site": mkdocs_build, "build-b": make_build_b, "release": publish_release}


def start_builder(shared: Path, names: list[str]) -> subprocess.Popen[bytes] | None:
    """Start the builder process for ``names`` (in BUILDS), unless this run has one already:
    with xdist every worker collects the tests and asks, and only the first starts it."""
    try:
        (shared / "builder.started").touch(exist_ok=False)
    except FileExistsError:
        return None
    with (shared / "builder.log").open("w") as log:
        # A session of its own, so that a run cut short can stop it with all it started.
        command = [sys.executable, __file__, str(shared), *names]
        return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log, start_new_session=True)


def main(shared: Path, names: list[str]) -> None:
    """Make ``site`` first when asked for (the other builds copy its caches: the core's wheel,
    bytecode and start-up library, the charts and preview cards drawn), then the others side by side."""
    if "site" in names:
        print("site:", build_in(shared, "site").returncode, flush=True)
    others = [
        threading.Thread(target=lambda n=name: print(f"{n}:", build_in(shared, n).returncode, flush=True))
        for name in names
        if name != "site"
    ]
    for thread in others:
        thread.start()
    for thread in others:
        thread.join()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
