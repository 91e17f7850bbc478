// Run the core's pytest suite (tests/core, which reads tests/cases) and the package's
// doctests inside Pyodide, under Node, so the code the browser runs is tested where it runs.
//
//   node tests/pyodide/run_core_tests.mjs WHEEL_DIR CORE_WHEEL LIBRARY MODULES
//
// WHEEL_DIR holds Pyodide-compatible wheels of pytest, Hypothesis and their dependencies;
// CORE_WHEEL is the wheel of this repository (its sources); LIBRARY is the precompiled
// start-up library the site boots from, which holds the core as bytecode, and MODULES the
// list of the standard-library modules it holds compiled (both from
// hooks/startup_library.mjs). Pyodide boots from that library as the site's worker does
// (docs/javascripts/calculators/worker.js) and imports the core from it: every module of the
// core must come from the library's bytecode, compiled from exactly the wheel's source (the
// hash each .pyc keeps), and every listed standard-library module from the library's, so the
// suite runs exactly what readers run. The doctests run against those modules too, with the
// examples read from the wheel's sources (tests/pyodide/core_doctests.py), since the bytecode
// has no docstrings. The suite itself (pytest, Hypothesis) imports many standard-library
// modules outside the list, which load from their sources.
// tests/pyodide/test_core_in_pyodide.py makes all of these and runs this script. Needs no
// network. HYPOTHESIS_PROFILE is passed on.
// Exits with pytest's exit code, or 1 if pytest succeeded without passing a single test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// What the suite needs, copied into Pyodide's in-memory file system under /repo, so nothing
// the run writes (caches, Hypothesis's database) lands in the working tree.
const COPIED = ["pyproject.toml", "tests/conftest.py", "tests/strategies.py", "tests/core", "tests/cases", "tests/pyodide/core_doctests.py"];

const [wheelDir, coreWheel, library, modules] = process.argv.slice(2);
if (!wheelDir || !coreWheel || !library || !modules) {
  console.error("usage: node run_core_tests.mjs WHEEL_DIR CORE_WHEEL LIBRARY MODULES");
  process.exit(2);
}

const pyodide = await loadPyodide({ indexURL: path.join(ROOT, "node_modules", "pyodide") + path.sep, stdLibURL: library });
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
const wheels = readdirSync(wheelDir)
  .filter((name) => name.endsWith(".whl"))
  .map((name) => path.resolve(wheelDir, name));
await pyodide.loadPackage(wheels, { messageCallback: console.log });
// Each module of the core must load from the library's bytecode, compiled from exactly the
// wheel's source: an unchecked hash-based .pyc keeps the hash of the source it was compiled
// from (otherwise the bytecode readers get could differ from the sources the tests read).
pyodide.FS.writeFile("/tmp/core.whl", new Uint8Array(readFileSync(coreWheel)));
pyodide.runPython(`
import importlib
import importlib.util
import sys
import zipfile
import zipimport

assert sys.dont_write_bytecode, "Pyodide should not write bytecode of its own"
ZIP = next(entry for entry in sys.path if entry.endswith(".zip"))
with zipfile.ZipFile("/tmp/core.whl") as wheel:
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

function copy(relative) {
  const source = path.join(ROOT, relative);
  const target = `/repo/${relative}`;
  if (statSync(source).isDirectory()) {
    pyodide.FS.mkdirTree(target);
    for (const name of readdirSync(source)) {
      if (name !== "__pycache__") copy(`${relative}/${name}`);
    }
  } else {
    pyodide.FS.mkdirTree(path.posix.dirname(target));
    pyodide.FS.writeFile(target, readFileSync(source));
  }
}
pyodide.FS.mkdirTree("/repo/tests");
COPIED.forEach(copy);

pyodide.globals.set("hypothesis_profile", process.env.HYPOTHESIS_PROFILE ?? "ci");
const [exitCode, passed] = pyodide
  .runPython(`
import os
import sys

import pytest

os.chdir("/repo")
os.environ["HYPOTHESIS_PROFILE"] = hypothesis_profile
os.environ["CORE_WHEEL"] = "/tmp/core.whl"
print(f"Python {sys.version.split()[0]} on {sys.platform}; pytest {pytest.__version__}")


class CountPassed:
    passed = 0

    def pytest_runtest_logreport(self, report):
        if report.when == "call" and report.passed:
            self.passed += 1


counter = CountPassed()
# The doctests: core_doctests.py runs them against the library's modules. The options come
# from the copied pyproject.toml; -s shows the count core_doctests.py prints.
code = pytest.main(["tests/core", "tests/pyodide/core_doctests.py", "-s", "-p", "no:cacheprovider", "--collect-only", "-q"], plugins=[counter])
# The suite's own imports (pytest, Hypothesis, unittest, ...) are standard-library modules the
# library keeps as sources: they imported from them.
import json, pathlib
from_source = [name for name, module in sys.modules.items()
               if (getattr(module.__spec__, "origin", None) or "").endswith(".py") and ".zip/" in module.__spec__.origin]
assert len(from_source) > 10, from_source
print(f"start-up library: {len(from_source)} standard-library modules outside it imported from source")
(int(code), counter.passed)
`)
  .toJs();

console.log(`pyodide: pytest exit code ${exitCode}, ${passed} passed`);
process.exit(exitCode === 0 && passed === 0 ? 1 : exitCode);
