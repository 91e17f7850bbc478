// Run the core's whole pytest suite (tests/core, which reads tests/cases) and the package's
// doctests inside Pyodide, under Node, against the bytecode readers run: make deep's part of
// the Pyodide layer (make test answers readers' cases there instead: answer_cases.mjs).
//
//   node tests/pyodide/run_core_tests.mjs WHEEL_DIR CORE_WHEEL LIBRARY MODULES REST
//
// WHEEL_DIR holds Pyodide-compatible wheels of pytest, Hypothesis and their dependencies;
// CORE_WHEEL is the wheel of this repository (its sources); LIBRARY is the precompiled
// start-up library the site boots from, which holds the core as bytecode, and MODULES the
// list of the standard-library modules it holds compiled (both from
// hooks/startup_library.mjs). Pyodide boots from that library and every module of the core
// is checked to come from its bytecode (boot_library.mjs). The doctests run against those
// modules too, with the examples read from the wheel's sources
// (tests/pyodide/core_doctests.py), since the bytecode has no docstrings. The suite itself
// (pytest, Hypothesis) imports many standard-library modules outside the list, which load
// from their sources. tests/pyodide/test_core_in_pyodide.py makes all of these and runs this
// script. Needs no network. HYPOTHESIS_PROFILE is passed on.
// Exits with pytest's exit code, or 1 if pytest succeeded without passing a single test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { bootFromLibrary, CORE_WHEEL, copyIntoRepo, reportSourceImports } from "./boot_library.mjs";

// What the suite needs, copied into Pyodide's in-memory file system under /repo, so nothing
// the run writes (caches, Hypothesis's database) lands in the working tree.
const COPIED = [
  "pyproject.toml",
  "tests/conftest.py",
  "tests/strategies.py",
  "tests/reader_cases.py",
  "tests/core",
  "tests/cases",
  "tests/pyodide/core_doctests.py",
];

const [wheelDir, coreWheel, library, modules, rest] = process.argv.slice(2);
if (!wheelDir || !coreWheel || !library || !modules || !rest) {
  console.error("usage: node run_core_tests.mjs WHEEL_DIR CORE_WHEEL LIBRARY MODULES REST");
  process.exit(2);
}

const pyodide = await bootFromLibrary(coreWheel, library, modules, rest);
const wheels = readdirSync(wheelDir)
  .filter((name) => name.endsWith(".whl"))
  .map((name) => path.resolve(wheelDir, name));
await pyodide.loadPackage(wheels, { messageCallback: console.log });
pyodide.FS.mkdirTree("/repo/tests");
copyIntoRepo(pyodide, COPIED);

pyodide.globals.set("hypothesis_profile", process.env.HYPOTHESIS_PROFILE ?? "ci");
pyodide.globals.set("core_wheel", CORE_WHEEL);
const [exitCode, passed] = pyodide
  .runPython(`
import os
import sys

import pytest

os.chdir("/repo")
os.environ["HYPOTHESIS_PROFILE"] = hypothesis_profile
os.environ["CORE_WHEEL"] = core_wheel
print(f"Python {sys.version.split()[0]} on {sys.platform}; pytest {pytest.__version__}")


class CountPassed:
    passed = 0

    def pytest_runtest_logreport(self, report):
        if report.when == "call" and report.passed:
            self.passed += 1


counter = CountPassed()
# The doctests: core_doctests.py runs them against the library's modules. The options come
# from the copied pyproject.toml; -s shows the count core_doctests.py prints.
code = pytest.main(["tests/core", "tests/pyodide/core_doctests.py", "-s", "-p", "no:cacheprovider"], plugins=[counter])
(int(code), counter.passed)
`)
  .toJs();

// The suite's own imports (pytest, Hypothesis, unittest, ...) came from the library's sources.
reportSourceImports(pyodide, 11);
console.log(`pyodide: pytest exit code ${exitCode}, ${passed} passed`);
process.exit(exitCode === 0 && passed === 0 ? 1 : exitCode);
