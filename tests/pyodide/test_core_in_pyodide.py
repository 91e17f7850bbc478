"""The core in Pyodide under Node, as the browser runs it, from the site's start-up library.

Two runs, each booting Pyodide from the precompiled start-up library the site boots from
(which holds the core compiled for Pyodide, built by the same hook, no network) and checking
that the listed standard-library modules and every module of the core came from its
bytecode (the core's compiled from exactly the wheel's sources; boot_library.mjs):

* ``make test``: **readers' answers** (answer_cases.mjs). The core's doctests run against the
  library's modules, with their examples read from the wheel (core_doctests.py), as many as
  CPython's pytest collects; then every case of tests/reader_cases.py (each calculator's
  settings, edge values, odd text, random settings: what a reader's form or link can hand
  the core) is answered with ``run_json`` and ``export_json``, the two calls the site's
  worker makes, and each answer must be CPython's, but for the last bits of floats
  (tests/last_bits.py). CPython's answers are themselves what tests/core checks.
* ``make deep``: **the whole core suite** (tests/core and the doctests, run_core_tests.mjs)
  in Pyodide, with wheels of pytest, Hypothesis and their dependencies for Pyodide's Python
  and platform (read from node_modules/pyodide/pyodide-lock.json), downloaded once with pip
  into .cache/pyodide-wheels/ and used offline from then on. The pytest and Hypothesis
  versions are the ones installed here, so both runs test alike.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

import pytest

from last_bits import differences
from reader_cases import answers, cases, digest
from repo_modules import load_module

ROOT = Path(__file__).resolve().parents[2]
SUITE = Path(__file__).with_name("run_core_tests.mjs")
ANSWERS = Path(__file__).with_name("answer_cases.mjs")
#: The core's version the downloads name: the same in both Pythons, whatever the release.
VERSION = "0.0.0+pyodide-test"
CACHE = ROOT / ".cache" / "pyodide-wheels"
COMPLETE = "COMPLETE"  # written once every wheel is in place


def pyodide_wheels() -> Path:
    """Return a folder with Pyodide-compatible wheels of pytest and Hypothesis, downloading once."""
    info = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())["info"]
    python = ".".join(info["python"].split(".")[:2])  # "3.14"
    abi = "cp" + python.replace(".", "")
    platform = f"pyemscripten_{info['abi_version']}_{info['arch']}"  # Hypothesis is not pure Python
    pins = [f"{name}=={version(name)}" for name in ("pytest", "hypothesis")]
    folder = CACHE / "-".join([f"py{python}", platform, *pins]).replace("==", "-")
    if (folder / COMPLETE).exists():
        return folder
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix="partial-", dir=CACHE))
    try:
        download = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:"]
        target = ["--python-version", python, "--implementation", "cp", "--abi", abi]
        target += ["--platform", platform]
        subprocess.run([*download, *target, "--dest", partial, *pins], check=True)
        names = sorted(wheel.name for wheel in partial.glob("*.whl"))
        (partial / COMPLETE).write_text("\n".join(names) + "\n")
        partial.chmod(0o755)  # mkdtemp makes it private
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return folder


def core_files() -> tuple[Path, Path, Path, Path]:
    """The wheel of this repository, the start-up library, its list of standard-library
    modules and the rest of the standard library, built (or reused) exactly as the site build
    does."""
    module = load_module("hooks/runtime_assets.py")
    wheel = module.build_core_wheel()
    startup = module.build_startup(wheel)
    return wheel, startup / module.library_name(), startup / "startup-modules.json", startup / module.rest_name()


def collect(*arguments: str) -> list[str]:
    """The ids of the tests CPython's pytest collects with ``arguments``."""
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *arguments]
    output = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [line for line in output.splitlines() if "::" in line]


def node() -> str:
    found = shutil.which("node")
    assert found, "Node.js is needed to run Pyodide"
    return found


def assert_booted_from_the_library(output: str) -> None:
    """boot_library.mjs's checks ran and passed: the library's modules and every module of
    the core came from the library's bytecode; and the doctests found as many examples
    against it as CPython finds in the sources."""
    assert "on emscripten" in output, output[-4000:]
    core = re.search(r"core bytecode: (\d+) modules, each from the library's \.pyc of its source", output)
    assert core, output[-4000:]
    assert len(list((ROOT / "calculators").rglob("*.py"))) == int(core[1])
    assert re.search(r"start-up library: \d{2,} modules loaded at start-up, each from its \.pyc", output), output
    doctests = re.search(r"core doctests: (\d+) run against the library's bytecode", output)
    assert doctests and len(collect("calculators")) == int(doctests[1]) > 100, output[-4000:]
    assert re.search(r"start-up library: \d+ standard-library modules outside it imported from source", output)


def test_readers_get_cpythons_answers_in_pyodide(tmp_path: Path) -> None:
    """Every case of tests/reader_cases.py gets the same answers from the core in Pyodide
    (run from the library's bytecode) as from CPython, but for the last bits of floats; the
    doctests pass there too."""
    expected = answers(VERSION)
    (tmp_path / "expected.json").write_text(json.dumps([digest(answer) for answer in expected]))
    command = [
        node(),
        str(ANSWERS),
        *map(str, core_files()),
        VERSION,
        *(str(tmp_path / name) for name in ("expected.json", "different.json")),
    ]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    assert 0 == run.returncode, output[-4000:]
    assert_booted_from_the_library(output)
    answered = json.loads((tmp_path / "different.json").read_text())
    assert len(expected) == answered["cases"] > 2000
    # Each case whose answers' fingerprint differs: the same JSON but for the last bits.
    asked, found = cases(), {}
    for index, (ran, exported) in answered["different"].items():
        case = asked[int(index)]
        found[f"{case.calculator_id} {case.inputs}"] = [
            difference
            for mine, theirs in zip(expected[int(index)], (ran, exported), strict=True)
            for difference in differences(
                None if mine is None else json.loads(mine), None if theirs is None else json.loads(theirs)
            )
        ]
    assert {} == {case: found_here for case, found_here in found.items() if found_here}


@pytest.mark.deep
def test_core_suite_passes_in_pyodide() -> None:
    """tests/core and the doctests pass in Pyodide (make deep), with a nonzero number of
    tests run."""
    command = [node(), str(SUITE), str(pyodide_wheels()), *map(str, core_files())]
    env = {**os.environ, "HYPOTHESIS_PROFILE": os.environ.get("PYODIDE_HYPOTHESIS_PROFILE", "pyodide")}
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, env=env)
    output = run.stdout + run.stderr
    assert 0 == run.returncode, output[-4000:]
    assert_booted_from_the_library(output)
    summary = re.findall(r"^=+ (.*) in [\d.]+s.* =+$", output, re.MULTILINE)[-1]
    # Nothing fails or is skipped; the exhaustive tests marked deep are left out here as in
    # every run but make deep (tests/conftest.py), and only those.
    deep = len(collect("-m", "deep", "tests/core"))
    assert re.fullmatch(rf"[1-9]\d* passed, {deep} deselected", summary), summary
