"""What the build makes for Python's fast start (hooks/startup_library.mjs): the precompiled
start-up library, the memory snapshot, and how the runtime and service-worker manifests name
them. Read from the built site and compared with Pyodide's own files in node_modules."""

from __future__ import annotations

import ast
import gzip
import importlib.util
import io
import json
import re
import struct
import zipfile
from pathlib import Path

from browser_helpers import served_library

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
# The start-up modules every visit loads, whatever the calculators do: Python's own start,
# Pyodide's, and what installing the core and the calculators' formats and exports need.
SURE_TO_BE_LISTED = {"encodings", "_pyodide._base", "pyodide", "zipfile", "json", "csv", "dataclasses", "re"}


def manifest(site: Path) -> dict:
    return json.loads((site / "assets" / "runtime" / "runtime.json").read_text())


def pyc_without_docstrings(name: str, source: bytes, pyc: bytes) -> bool:
    """Whether none of the docstrings of ``source`` is in its bytecode ``pyc``: their first
    lines, as Python stores them, appear nowhere in it. False if this Python cannot parse the
    source (syntax newer than it: the Pyodide layer checks those modules)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first_line = (ast.get_docstring(node) or "").split("\n")[0].strip()
            if len(first_line) > 24:
                assert first_line.encode() not in pyc, f"{name}: docstring {first_line!r}"
    return True


def test_library_compiles_the_start_up_modules_and_leaves_the_rest_to_a_second_file(site: Path) -> None:
    """Every entry of Pyodide's library is in ours or in the rest, never both: as an unchecked
    hash-based .pyc for Pyodide's Python in place of the source for the start-up modules (in
    ours), byte for byte the same for every other one: the other modules' sources in the rest,
    and a folder or data file in ours only if a module of ours is in that folder (a folder
    alone would import as an empty namespace package, hiding the rest's package of its name).
    Ours holds the core besides (the next tests) and ``_stdlib_rest``, which knows the rest's
    modules."""
    with (
        zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as stock,
        served_library(site) as ours,
        served_library(site, "stdlibRest") as rest,
    ):
        # Compiled by Pyodide's Python, not this one (the Pyodide layer checks it is its own).
        magic = ours.read("encodings/__init__.pyc")[:4]
        assert magic != importlib.util.MAGIC_NUMBER
        ours_names = {name for name in ours.namelist() if not name.startswith("calculators/")} - {"_stdlib_rest.pyc"}
        rest_names = set(rest.namelist())
        assert not ours_names & rest_names
        compiled = []
        checked_for_docstrings = 0
        for name in stock.namelist():
            if name in rest_names | ours_names:
                kept = rest if name in rest_names else ours
                assert stock.read(name) == kept.read(name), name
                folder = name[: name.rfind("/") + 1]
                with_a_module = any(other.startswith(folder) and other.endswith(".pyc") for other in ours_names)
                assert (kept is rest) == (name.endswith(".py") or not with_a_module), name
                continue
            assert name.endswith(".py") and name[:-3] + ".pyc" in ours_names, name
            pyc = ours.read(name[:-3] + ".pyc")
            assert magic == pyc[:4], name
            assert 0b01 == struct.unpack("<I", pyc[4:8])[0], f"{name}: not unchecked hash-based"
            # (its source hash is keyed by Python's version, so only Pyodide's can check it:
            # the Pyodide layer loads these modules)
            compiled.append(name[:-3].removesuffix("/__init__").replace("/", "."))
            # Docstrings are left out of the bytecode.
            checked_for_docstrings += pyc_without_docstrings(name, stock.read(name), pyc)
        assert len(ours_names) + len(rest_names) == len(stock.namelist())
        finder = ours.read("_stdlib_rest.pyc")
        assert magic == finder[:4]
    assert len(compiled) > 50
    assert checked_for_docstrings > len(compiled) * 0.8
    assert SURE_TO_BE_LISTED <= set(compiled), SURE_TO_BE_LISTED - set(compiled)
    # Only what a visit loads: most of the library's modules are in the rest.
    assert len(compiled) < len(stock.namelist()) / 2
    rest_modules = {
        name[:-3].removesuffix("/__init__").replace("/", ".") for name in rest_names if name.endswith(".py")
    }
    assert {"email", "email.message", "unittest", "doctest", "encodings.latin_1"} <= rest_modules
    # _stdlib_rest's names, marshalled into its bytecode, are the rest's modules: each one.
    assert all(name.encode() in finder for name in rest_modules)


def test_library_and_rest_are_served_gzipped_whole_with_their_entries_stored(site: Path) -> None:
    """A host compresses no zip, so the site serves the library gzipped as one file, its
    entries stored (deflated one by one they compress worse, and Python would inflate each
    as it imports it): bytecode first, then sources, then the rest, so that like lies beside
    like in the gzip stream. It travels smaller than a zip of deflated entries would. The rest
    of the standard library travels the same way, and the library is under half of the two."""
    runtime = site / "assets" / "runtime"
    served = (runtime / manifest(site)["library"]).read_bytes()
    rest = (runtime / manifest(site)["stdlibRest"]).read_bytes()
    assert served[:2] == rest[:2] == b"\x1f\x8b"
    assert len(served) < len(rest)
    with served_library(site) as ours, served_library(site, "stdlibRest") as theirs:
        assert {zipfile.ZIP_STORED} == {entry.compress_type for entry in [*ours.infolist(), *theirs.infolist()]}
        entries = ours.infolist()
        kinds = [0 if e.filename.endswith(".pyc") else 1 if e.filename.endswith(".py") else 2 for e in entries]
        assert kinds == sorted(kinds) and kinds.count(0) > 100 and kinds.count(1) == 0
        deflated = io.BytesIO()
        with zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as each:
            for entry in entries:
                each.writestr(entry, ours.read(entry))
    assert len(served) < 0.92 * len(deflated.getvalue())


def test_library_holds_the_core_as_bytecode_without_its_sources(site: Path) -> None:
    """The core is in the library as one unchecked hash-based .pyc per module of the wheel,
    compiled without docstrings and by the Python that compiled the standard library, with
    the wheel's package data as it is and neither sources nor metadata; nothing of it
    shadows the standard library."""
    runtime = site / "assets" / "runtime"
    with (
        zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as stock,
        served_library(site) as ours,
        zipfile.ZipFile(runtime / manifest(site)["wheel"]) as wheel,
    ):
        magic = ours.read("encodings/__init__.pyc")[:4]
        core = sorted(name for name in ours.namelist() if name.startswith("calculators/"))
        assert not {name.removesuffix("c") for name in core} & set(stock.namelist())
        package = sorted(name for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info"))
        assert core == sorted(name + "c" if name.endswith(".py") else name for name in package)
        assert {
            "calculators/__init__.pyc",
            "calculators/models/half_life.pyc",
            "calculators/data/metr_horizons.csv",
        } <= set(core)
        checked = 0
        for name in package:
            if not name.endswith(".py"):
                assert wheel.read(name) == ours.read(name), name
                continue
            pyc = ours.read(name + "c")
            assert magic == pyc[:4], name
            assert 0b01 == struct.unpack("<I", pyc[4:8])[0], f"{name}: not unchecked hash-based"
            checked += pyc_without_docstrings(name, wheel.read(name), pyc)
        assert checked == len([name for name in package if name.endswith(".py")])


def test_snapshot_file_holds_a_pyodide_snapshot_without_its_zero_pages(site: Path) -> None:
    """The snapshot is gzipped, in the page format worker.js reads ("PGS1", full length, page
    size, page numbers, pages), and what it unpacks to starts with Pyodide's snapshot magic
    number (read from pyodide.asm.mjs)."""
    packed = gzip.decompress((site / "assets" / "runtime" / manifest(site)["snapshot"]).read_bytes())
    magic, length, page_size, count = struct.unpack_from("<4I", packed)
    assert b"PGS1" == struct.pack("<I", magic)
    assert 4096 == page_size
    pages = struct.unpack_from(f"<{count}I", packed, 16)
    assert list(pages) == sorted(set(pages)) and pages[-1] * page_size < length
    body = packed[16 + 4 * count :]
    assert count * page_size == len(body)
    assert all(any(body[i * page_size : (i + 1) * page_size]) for i in range(count)), "a zero page is stored"
    assert count < length // page_size, "no zero page was left out"
    [pyodide_magic] = re.findall(r"\$r=(\d+)", (PYODIDE / "pyodide.asm.mjs").read_text())
    assert 0 == pages[0]
    assert int(pyodide_magic) == struct.unpack_from("<I", body)[0]


def test_manifests_name_the_library_and_keep_the_snapshot_out_of_the_kit(site: Path) -> None:
    """The worker's manifest names the library, the rest of the standard library, Pyodide's
    own library, the core's wheel (its fall-back's) and the snapshot, each with its size and
    SHA-256; the service worker caches the library with every calculator page, and the
    snapshot only when asked (never with the kit), and neither the rest (fetched only if
    Python imports from it), nor Pyodide's library or the wheel, which only the fall-back
    needs."""
    runtime = manifest(site)
    for key in ("library", "stdlibRest", "stockLibrary", "wheel", "snapshot"):
        assert runtime[key] in runtime["files"], key
        assert (site / "assets" / "runtime" / runtime[key]).stat().st_size == runtime["files"][runtime[key]]["size"]
    assert runtime["library"].startswith(runtime["wheel"].split("/")[0] + "/")
    assert runtime["library"].endswith(f"-pyodide-{runtime['pyodideVersion']}.zip.gz")
    sw = (site / "sw.js").read_text()
    [offline] = re.findall(r"^const OFFLINE = (\{.*\});$", sw, re.MULTILINE)
    offline = json.loads(offline)
    assert f"assets/runtime/{runtime['snapshot']}" == offline["snapshot"]
    assert f"assets/runtime/{runtime['library']}" in offline["kit"]
    assert f"assets/runtime/{runtime['stdlibRest']}" not in offline["kit"]
    assert f"assets/runtime/{runtime['stdlibRest']}" in offline["files"]
    assert offline["snapshot"] not in offline["kit"]
    assert f"assets/runtime/{runtime['stockLibrary']}" not in offline["kit"]
    assert f"assets/runtime/{runtime['wheel']}" in offline["files"]
    assert f"assets/runtime/{runtime['wheel']}" not in offline["kit"]
    assert f"assets/runtime/{runtime['pyodide']}pyodide.asm.wasm" in offline["kit"]
