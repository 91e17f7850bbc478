// Run the core's pytest suite (tests/core, which reads tests/cases) and the package's
// doctests inside Pyodide, under Node, so the code the browser runs is tested where it runs.
//
//   node tests/pyodide/run_core_tests.mjs WHEEL_DIR CORE_WHEEL CORE_BYTECODE LIBRARY MODULES
//
// WHEEL_DIR holds Pyodide-compatible wheels of pytest, Hypothesis and their dependencies;
// CORE_WHEEL is a wheel of this repository and CORE_BYTECODE the archive of its modules
// compiled for Pyodide (hooks/compile_core.mjs); LIBRARY is the precompiled start-up library
// the site boots from and MODULES the list of what it holds compiled (both from
// hooks/startup_library.mjs). Pyodide boots from that library and the core is installed as
// the site's worker installs it (docs/javascripts/calculators/worker.js); every module of the
// core must come from its bytecode, and every listed standard-library module from the
// library's, so the suite runs exactly what readers run. The suite itself (pytest, Hypothesis)
// imports many standard-library modules outside the list, which load from their sources.
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
const COPIED = ["pyproject.toml", "tests/conftest.py", "tests/strategies.py", "tests/core", "tests/cases"];

const [wheelDir, coreWheel, coreBytecode, library, modules] = process.argv.slice(2);
if (!wheelDir || !coreWheel || !coreBytecode || !library || !modules) {
  console.error("usage: node run_core_tests.mjs WHEEL_DIR CORE_WHEEL CORE_BYTECODE LIBRARY MODULES");
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
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(coreWheel)), "wheel", { extractDir: sitePackages });
pyodide.unpackArchive(new Uint8Array(readFileSync(coreBytecode)), "zip", { extractDir: sitePackages });
// Each module of the core must load from a checked-hash .pyc that matches its source (Python
// would otherwise compile the source quietly, and the bytecode readers get would go untested).
pyodide.runPython(`
import importlib
import importlib.util
import pkgutil
import sys

import calculators

assert sys.dont_write_bytecode, "Pyodide should not write bytecode of its own"
names = ["calculators", *(m.name for m in pkgutil.walk_packages(calculators.__path__, "calculators."))]
assert {"calculators.models.half_life", "calculators.declarations.half_life"} <= set(names), names
for name in names:
    module = importlib.import_module(name)
    source = open(module.__spec__.origin, "rb").read()
    pyc = open(module.__spec__.cached, "rb").read()
    assert pyc[:4] == importlib.util.MAGIC_NUMBER, f"{name}: bytecode for another Python"
    assert int.from_bytes(pyc[4:8], "little") == 0b11, f"{name}: not a checked-hash .pyc"
    assert pyc[8:16] == importlib.util.source_hash(source), f"{name}: bytecode does not match its source"
print(f"core bytecode: {len(names)} modules, each from its checked-hash .pyc")
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
print(f"Python {sys.version.split()[0]} on {sys.platform}; pytest {pytest.__version__}")


class CountPassed:
    passed = 0

    def pytest_runtest_logreport(self, report):
        if report.when == "call" and report.passed:
            self.passed += 1


counter = CountPassed()
# --pyargs turns "calculators" into the installed package (for its doctests) and leaves
# the path alone; the options themselves come from the copied pyproject.toml.
code = pytest.main(["tests/core", "calculators", "--pyargs", "-p", "no:cacheprovider"], plugins=[counter])
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
