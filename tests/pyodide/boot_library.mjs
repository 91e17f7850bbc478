// Boot Pyodide under Node from the site's precompiled start-up library, as the site's worker
// does (docs/javascripts/calculators/worker.js), and prove that what runs is what readers run:
// every standard-library module the library lists loaded from its bytecode, and every module
// of the core from the library's bytecode compiled from exactly the wheel's source (the hash
// each unchecked hash-based .pyc keeps, PEP 552).
//
// Shared by the two runners: answer_cases.mjs (make test: the doctests and readers' cases,
// answered as CPython answers them) and run_core_tests.mjs (make deep: the whole core suite).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// Where the core's wheel is written inside Pyodide's file system (its sources, for the hash
// check and the doctests' examples).
export const CORE_WHEEL = "/tmp/core.whl";

// Pyodide booted from LIBRARY (MODULES lists the standard-library modules it holds compiled),
// with the core's wheel at CORE_WHEEL and both checks above passed (each prints one line),
// and the finder of the rest of the standard library (REST, gzipped) installed as the worker
// installs it, its download a read of the file: Python's `restFetches()` says how many times
// it was read, and `from_the_rest()` which modules came from it.
export async function bootFromLibrary(coreWheel, library, modules, rest) {
  const pyodide = await loadPyodide({ indexURL: path.join(ROOT, "node_modules", "pyodide") + path.sep, stdLibURL: library });
  const gzipped = readFileSync(rest);
  const sha256 = createHash("sha256").update(gzipped).digest("hex");
  const finder = pyodide.pyimport("_stdlib_rest").install(() => new Uint8Array(gzipped), gzipped.length, sha256);
  pyodide.globals.set("restFetches", () => finder.fetches);
  pyodide.runPython(`
def from_the_rest():
    """The names of the standard-library modules imported so far from the rest."""
    import _stdlib_rest, sys
    return {name for name, module in list(sys.modules.items())
            if (getattr(getattr(module, "__spec__", None), "origin", None) or "").startswith(_stdlib_rest.PATH + "/")}
`);
  // Python's own start loaded the listed modules already: each from the library's bytecode,
  // unchecked hash-based (PEP 552), compiled for this very Python.
  pyodide.globals.set("startup_modules", readFileSync(modules, "utf8"));
  pyodide.runPython(`
import importlib.util
import json
import sys
import zipimport

listed = json.loads(startup_modules)
loaded = [name for name in listed if name in sys.modules]
assert len(loaded) > 50, f"only {len(loaded)} of the library's modules loaded at start-up"
for name in loaded:
    spec = sys.modules[name].__spec__
    assert isinstance(spec.loader, zipimport.zipimporter) and spec.origin.endswith(".pyc"), f"{name}: {spec.origin}"
    pyc = spec.loader.get_data(spec.origin)
    assert pyc[:4] == importlib.util.MAGIC_NUMBER, f"{name}: bytecode for another Python"
    assert int.from_bytes(pyc[4:8], "little") == 0b01, f"{name}: not an unchecked hash-based .pyc"
# ... and compiled without docstrings (the first visit's bytes): no function they define
# carries one in its code. (Not __doc__ alone: struct takes its module's from C, base64 and
# signal set some functions' at import.)
functions = [(f"{name}.{attribute}", value) for name in loaded for attribute, value in vars(sys.modules[name]).items()
             if type(value).__name__ == "function" and value.__module__ == name]
documented = [label for label, value in functions
              if value.__doc__ is not None and value.__code__.co_consts[:1] == (value.__doc__,)]
assert len(functions) > 500 and not documented, f"compiled with their docstrings: {documented}"
print(f"start-up library: {len(loaded)} modules loaded at start-up, each from its .pyc")
`);
  // Each module of the core must load from the library's bytecode, compiled from exactly the
  // wheel's source: an unchecked hash-based .pyc keeps the hash of the source it was compiled
  // from (otherwise the bytecode readers get could differ from the sources the tests read).
  pyodide.FS.writeFile(CORE_WHEEL, new Uint8Array(readFileSync(coreWheel)));
  pyodide.globals.set("core_wheel", CORE_WHEEL);
  pyodide.runPython(`
import importlib
import importlib.util
import sys
import zipfile
import zipimport

assert sys.dont_write_bytecode, "Pyodide should not write bytecode of its own"
ZIP = next(entry for entry in sys.path if entry.endswith(".zip"))
with zipfile.ZipFile(core_wheel) as wheel:
    sources = {name: wheel.read(name) for name in wheel.namelist() if name.startswith("calculators/") and name.endswith(".py")}
assert {"calculators/models/half_life.py", "calculators/declarations/half_life.py"} <= set(sources), sorted(sources)
for path, source in sources.items():
    name = path[:-3].removesuffix("/__init__").replace("/", ".")
    module = importlib.import_module(name)
    spec = module.__spec__
    assert isinstance(spec.loader, zipimport.zipimporter) and spec.origin == f"{ZIP}/{path}c", f"{name}: {spec.origin}"
    pyc = spec.loader.get_data(spec.origin)
    assert pyc[:4] == importlib.util.MAGIC_NUMBER, f"{name}: bytecode for another Python"
    assert int.from_bytes(pyc[4:8], "little") == 0b01, f"{name}: not an unchecked hash-based .pyc"
    assert pyc[8:16] == importlib.util.source_hash(source), f"{name}: bytecode of another source"
    assert spec.loader.get_source(name) is None, f"{name}: its source is in the library too"
print(f"core bytecode: {len(sources)} modules, each from the library's .pyc of its source")
`);
  return pyodide;
}

// After a run: the standard-library modules the run imported that the library leaves to the
// rest (the test tools' own: doctest, pytest's, ...) came from the rest's sources, fetched
// once; at least `atLeast` of them.
export function reportSourceImports(pyodide, atLeast) {
  pyodide.globals.set("at_least", atLeast);
  pyodide.runPython(`
from_source = from_the_rest()
assert len(from_source) >= at_least, from_source
assert restFetches() == 1, f"the rest of the library was fetched {restFetches()} times"
print(f"start-up library: {len(from_source)} standard-library modules outside it imported from source")
`);
}

// Copy files and folders of the repository (paths relative to its root) into Pyodide's
// in-memory file system under /repo, so nothing a run writes lands in the working tree.
export function copyIntoRepo(pyodide, relatives) {
  for (const relative of relatives) copyOne(pyodide, relative);
}

function copyOne(pyodide, relative) {
  const source = path.join(ROOT, relative);
  const target = `/repo/${relative}`;
  if (statSync(source).isDirectory()) {
    pyodide.FS.mkdirTree(target);
    for (const name of readdirSync(source)) {
      if (name !== "__pycache__") copyOne(pyodide, `${relative}/${name}`);
    }
  } else {
    pyodide.FS.mkdirTree(path.posix.dirname(target));
    pyodide.FS.writeFile(target, readFileSync(source));
  }
}
