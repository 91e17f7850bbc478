"""MkDocs hook: put the browser runtime into the site.

- builds the core (`calculators/`) as a wheel from this repository, so the browser runs the
  very code the tests run; the site offers it to ``pip install`` (``hooks/python_package.py``),
  and the browser fetches it only if it has to start from Pyodide's own library;
- builds what makes Python start fast (``hooks/startup_library.mjs``): the precompiled
  start-up library (Pyodide's standard library with the modules a visit loads as bytecode,
  and the core's modules as bytecode beside them), which every visit boots from, so one
  download brings Python's library and the core, and nothing is compiled at start-up; and a
  memory snapshot of Python with the core imported, which a returning reader's browser
  restores instead of booting once the service worker has it; the standard library's other
  modules go to a second file, which the worker fetches only if Python imports from it;
- copies the pinned front-end packages (Pyodide, Vega and its CSP-safe expression
  interpreter, KaTeX) out of ``node_modules``, so the site never asks another origin for
  anything;
- writes ``assets/runtime/runtime.json``, which says where Pyodide, the library, the
  snapshot and the wheel are, and writes the same manifest into the Web Worker's script
  (``javascripts/calculators/worker.js``), so the worker starts its downloads at once
  instead of fetching the manifest first. The manifest also holds the build id and the
  size and SHA-256 of every runtime file, which the worker checks each download against; the
  build id goes into ``runtime.js`` and onto every calculator (``data-build``) too.

Everything under ``assets/runtime/`` except ``runtime.json`` sits in a folder named after its
version (``pyodide-314.0.7/``, ``core-<hash of the sources and the script compiling them>/``), so
those files never change under the same address: the service worker (``docs/sw.js``) and any
HTTP cache may keep them for good, and a returning reader needs no network.

The files are added to MkDocs' file collection, so ``mkdocs build`` and ``mkdocs serve``
both copy them. Versions are pinned once, in ``package.json`` (front end) and
``pyproject.toml`` (the core).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import build_caches
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
WHEEL_CACHE = ROOT / "build" / "wheel"
RUNTIME_DIR = "assets/runtime"
# What the wheel is built from (pyproject.toml names README.md as the long description and
# LICENSES/MIT.txt as the package's licence file).
WHEEL_SOURCES = ("pyproject.toml", "README.md", "LICENSES", "calculators")

# Site folder -> (npm package, files inside it). Only what the site uses is copied:
# Pyodide's ES-module loader, interpreter and standard library (the core needs no other
# package), Vega's browser build, and KaTeX with its woff2 fonts.
VENDORED = {
    "{runtime}/pyodide-{version}": (
        "pyodide",
        ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"],
    ),
    "assets/vendor/vega": ("vega", ["build/vega.min.js", "LICENSE"]),
    "assets/vendor/katex": (
        "katex",
        ["dist/katex.min.css", "dist/fonts/*.woff2", "LICENSE"],
    ),
}


# The worker's placeholder line for the manifest; the build replaces it (exactly once).
WORKER_SCRIPT = "javascripts/calculators/worker.js"
MANIFEST_LINE = "const MANIFEST = null; // @runtime-manifest"


# The page's glue learns the build id the same way; calculators carry it as data-build.
RUNTIME_SCRIPT = "javascripts/calculators/runtime.js"
BUILD_LINE = "const BUILD = null; // @build-id"
CALCULATOR_TAG = re.compile(r'<section class="calc" id="[^"]*" data-calculator="[^"]*"')
_build: dict[str, str] = {}


# Vega's CSP-safe expression interpreter: an ES module whose one bare import ("vega-util")
# is pointed at a shim that takes the same helpers from Vega's browser build.
INTERPRETER_SITE_PATH = "assets/vendor/vega-interpreter/vega-interpreter.js"
INTERPRETER_IMPORT = "from 'vega-util';"
INTERPRETER_SHIM = "from '../../../javascripts/calculators/vega-util.js';"


def vega_interpreter_module() -> str:
    """vega-interpreter's build with its bare import resolved for the browser."""
    [source] = _package_files("vega-interpreter", ["build/vega-interpreter.js"])
    text = source.read_text(encoding="utf-8")
    if text.count(INTERPRETER_IMPORT) != 1:
        raise PluginError("vega-interpreter's imports changed: update hooks/runtime_assets.py")
    return text.replace(INTERPRETER_IMPORT, INTERPRETER_SHIM).replace(
        "//# sourceMappingURL=vega-interpreter.js.map", ""
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for folder, (package, patterns) in VENDORED.items():
        site_dir = folder.format(runtime=RUNTIME_DIR, version=_package_version(package))
        for source in _package_files(package, patterns):
            relative = source.relative_to(NODE_MODULES / package)
            # Keep KaTeX's fonts/ next to its CSS; flatten everything else.
            name = f"fonts/{source.name}" if relative.parts[-2:-1] == ("fonts",) else source.name
            files.append(File.generated(config, f"{site_dir}/{name}", abs_src_path=str(source)))
    files.append(File.generated(config, INTERPRETER_SITE_PATH, content=vega_interpreter_module()))
    wheel = build_core_wheel()
    startup = build_startup(wheel)
    for built in (wheel, startup / served_library_name(), startup / rest_name(), startup / snapshot_name()):
        files.append(
            File.generated(config, f"{RUNTIME_DIR}/{core_folder(wheel)}/{built.name}", abs_src_path=str(built))
        )
    manifest = runtime_manifest(wheel, runtime_files(files, config))
    files.append(File.generated(config, f"{RUNTIME_DIR}/runtime.json", content=json.dumps(manifest, indent=2)))
    worker = files.get_file_from_path(WORKER_SCRIPT)
    if worker is None:
        raise PluginError(f"docs/{WORKER_SCRIPT} is missing")
    files.remove(worker)
    files.append(
        File.generated(config, WORKER_SCRIPT, content=worker_with_manifest(Path(worker.abs_src_path), manifest))
    )
    _build["id"] = manifest["build"]
    glue = files.get_file_from_path(RUNTIME_SCRIPT)
    if glue is None:
        raise PluginError(f"docs/{RUNTIME_SCRIPT} is missing")
    files.remove(glue)
    files.append(
        File.generated(config, RUNTIME_SCRIPT, content=script_with_build(Path(glue.abs_src_path), manifest["build"]))
    )
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Each calculator carries the build it comes from: scripts of another build (a tab
    # open across a deploy, moving by instant navigation) never compute it.
    return CALCULATOR_TAG.sub(lambda match: f'{match[0]} data-build="{_build["id"]}"', output)


def script_with_build(source: Path, build: str) -> str:
    """The page's runtime glue with this build's id written into its placeholder line."""
    text = source.read_text(encoding="utf-8")
    if text.count(BUILD_LINE) != 1:
        raise PluginError(f"{source.name} must hold the line {BUILD_LINE!r} exactly once")
    return text.replace(BUILD_LINE, f"const BUILD = {json.dumps(build)};")


def worker_with_manifest(source: Path, manifest: dict[str, object]) -> str:
    """The worker's script with the runtime manifest written into its placeholder line."""
    text = source.read_text(encoding="utf-8")
    if text.count(MANIFEST_LINE) != 1:
        raise PluginError(f"{source.name} must hold the line {MANIFEST_LINE!r} exactly once")
    return text.replace(MANIFEST_LINE, f"const MANIFEST = {json.dumps(manifest)};")


def runtime_files(files: Files, config: MkDocsConfig) -> dict[str, dict[str, int | str]]:
    """Size and SHA-256 of every file under ``assets/runtime/``, by its path there: the
    worker checks each download against them, so a damaged file is never run."""
    found = {}
    prefix = f"{RUNTIME_DIR}/"
    for file in files:
        if file.dest_uri.startswith(prefix) and file.dest_uri != f"{prefix}runtime.json":
            content = Path(file.abs_src_path).read_bytes() if file.abs_src_path else file.content_bytes
            found[file.dest_uri[len(prefix) :]] = {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
    return dict(sorted(found.items()))


def build_id(wheel: Path) -> str:
    """This build's id: a hash of what decides the numbers a reader sees and how they are
    shown (the core's sources, Pyodide's version and the site's own scripts and styles), so
    two builds of the same sources share it. Worker, pages and core all carry it."""
    digest = hashlib.sha256(f"{wheel.parent.name} {_package_version('pyodide')}".encode())
    docs = ROOT / "docs"
    for path in sorted([*(docs / "javascripts").rglob("*.js"), *(docs / "stylesheets").rglob("*.css"), docs / "sw.js"]):
        digest.update(path.relative_to(docs).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def runtime_manifest(wheel: Path, files: dict[str, dict[str, int | str]] | None = None) -> dict[str, object]:
    """What the Web Worker needs to know, relative to ``assets/runtime/``."""
    version = _package_version("pyodide")
    return {
        "build": build_id(wheel),
        "pyodide": f"pyodide-{version}/",
        "pyodideVersion": version,
        # The core's sources: fetched only when the library does not arrive (the core is in it).
        "wheel": f"{core_folder(wheel)}/{wheel.name}",
        "library": f"{core_folder(wheel)}/{served_library_name()}",
        # The rest of the standard library: fetched only if Python imports from it.
        "stdlibRest": f"{core_folder(wheel)}/{rest_name()}",
        "stockLibrary": f"pyodide-{version}/python_stdlib.zip",
        "snapshot": f"{core_folder(wheel)}/{snapshot_name()}",
        "coreVersion": wheel.name.split("-")[1],
        "files": files or {},
    }


@contextmanager
def _one_at_a_time(out: Path) -> Iterator[None]:
    """Hold a file lock beside the cache entry ``out`` while it is checked and made: builds
    running side by side (the tests run several, and the core suite in Pyodide asks for the
    same files) make each entry once, and the others wait and reuse it, rather than each
    spending the same minute of the machine's time."""
    with out.with_name(f"{out.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


# The start-up library and the snapshot, named after the Pyodide they were built with; they sit
# in the core's folder because both are built from the core (the library holds it compiled and
# its imports decide the library's module list; the snapshot holds it imported).
def library_name() -> str:
    """The precompiled start-up library's file name: it holds bytecode for Pyodide's Python.
    This is the zip Python mounts (its entries stored); the site serves it gzipped
    (:func:`served_library_name`)."""
    return f"python_stdlib-pyodide-{_package_version('pyodide')}.zip"


def served_library_name() -> str:
    """The start-up library as the site serves it, gzipped whole: a host compresses no zip,
    and the worker inflates it into :func:`library_name`'s bytes."""
    return f"{library_name()}.gz"


def rest_name() -> str:
    """The rest of the standard library (the modules no visit imports, as sources), gzipped:
    the start-up library's ``_stdlib_rest`` fetches it only if something imports from it
    (``hooks/stdlib_rest.py``)."""
    return f"stdlib-rest-pyodide-{_package_version('pyodide')}.zip.gz"


def snapshot_name() -> str:
    """The memory snapshot's file name: only the Pyodide that made it can restore it."""
    return f"snapshot-pyodide-{_package_version('pyodide')}.bin.gz"


def build_startup(wheel: Path) -> Path:
    """Build (or reuse) the precompiled start-up library and the memory snapshot.

    ``hooks/startup_library.mjs`` boots the pinned Pyodide under Node, runs every calculator to
    learn which standard-library modules a visit loads, compiles those and the core's modules,
    boots again from the result, checks it gives the same answers, and snapshots that Python.
    Cached next to the wheel (a folder per Pyodide version), written to a temporary folder and
    renamed.
    """
    out = wheel.parent / f"startup-pyodide-{_package_version('pyodide')}"
    with _one_at_a_time(out):
        if not (out / served_library_name()).is_file():
            partial = Path(tempfile.mkdtemp(prefix="partial-", dir=wheel.parent))
            command = ["node", str(ROOT / "hooks" / "startup_library.mjs"), str(wheel), str(partial)]
            try:
                done = subprocess.run(command, capture_output=True, text=True, check=False)
            except FileNotFoundError as error:
                raise PluginError("building Python's start-up library needs Node.js (run `make setup`)") from error
            if done.returncode != 0:
                shutil.rmtree(partial, ignore_errors=True)
                raise PluginError(f"building Python's start-up library failed:\n{done.stdout}\n{done.stderr[-4000:]}")
            (partial / "python_stdlib.zip").rename(partial / library_name())
            (partial / "python_stdlib.zip.gz").rename(partial / served_library_name())
            (partial / "stdlib-rest.zip.gz").rename(partial / rest_name())
            (partial / "snapshot.bin.gz").rename(partial / snapshot_name())
            try:
                partial.rename(out)
            except OSError:  # another build finished it first
                shutil.rmtree(partial, ignore_errors=True)
    return out


def core_folder(wheel: Path) -> str:
    """``core-<hash>``: the folder of the core's files in the site (wheel, start-up library,
    snapshot), named after the hash of its sources and of the script that compiles them."""
    return f"core-{wheel.parent.name}"


def core_hash(root: Path) -> str:
    """The hash that names the core's folder: of the files the wheel is built from, and of the
    script that compiles it into the start-up library for Pyodide (the folder holds that
    too), so a change to any of them gives a new address and a deployed address never
    changes its content."""
    digest = hashlib.sha256()
    for path in sorted(
        [
            root / "pyproject.toml",
            root / "README.md",
            root / "LICENSES" / "MIT.txt",
            *(root / "calculators").rglob("*.py"),
            # Package data the core reads (METR's horizons).
            *(root / "calculators").rglob("*.csv"),
            root / "hooks" / "startup_library.mjs",
            root / "hooks" / "stdlib_rest.py",
        ]
    ):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_core_wheel() -> Path:
    """Build (or reuse) the wheel of ``calculators`` for the current sources.

    Wheels are cached under ``build/wheel/<hash>/`` (:func:`core_hash`). A build goes to a fresh
    temporary folder first and is renamed into place, so builds running side by side never
    see each other's half-written wheels.
    """
    out = WHEEL_CACHE / core_hash(ROOT)
    if not sorted(out.glob("*.whl")):
        WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="partial-", dir=WHEEL_CACHE))
        # Build from a copy of the package's sources: setuptools writes build/ and
        # *.egg-info next to them, and concurrent builds must not share those.
        source = scratch / "source"
        source.mkdir()
        for name in WHEEL_SOURCES:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(ROOT / name, source / name)
        command = [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(scratch),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        shutil.rmtree(source, ignore_errors=True)
        if done.returncode != 0 or len(list(scratch.glob("*.whl"))) != 1:
            shutil.rmtree(scratch, ignore_errors=True)
            raise PluginError(f"building the core wheel failed:\n{done.stdout}\n{done.stderr}")
        try:
            scratch.rename(out)
        except OSError:  # another build finished the same wheel first
            shutil.rmtree(scratch, ignore_errors=True)
    build_caches.used(out)  # with the start-up library and snapshot built inside it
    return sorted(out.glob("*.whl"))[0]


def _package_files(package: str, patterns: list[str]) -> list[Path]:
    base = NODE_MODULES / package
    if not base.is_dir():
        raise PluginError(f"node_modules/{package} is missing: run `npm ci` (the Makefile does)")
    found = []
    for pattern in patterns:
        matches = sorted(base.glob(pattern))
        if not matches:
            raise PluginError(f"node_modules/{package}/{pattern} is missing: is package.json's version right?")
        found += matches
    return found


def _package_version(package: str) -> str:
    return json.loads((NODE_MODULES / package / "package.json").read_text())["version"]
