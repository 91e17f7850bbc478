// Run the core's pytest suite (tests/core, which reads tests/cases) and the package's
// doctests inside Pyodide, under Node, so the code the browser runs is tested where it runs.
//
//   node tests/pyodide/run_core_tests.mjs WHEEL_DIR CORE_WHEEL
//
// WHEEL_DIR holds Pyodide-compatible wheels of pytest, Hypothesis and their dependencies;
// CORE_WHEEL is a wheel of this repository. tests/pyodide/test_core_in_pyodide.py makes both
// and runs this script. Needs no network. HYPOTHESIS_PROFILE is passed on to Python.
// Exits with pytest's exit code, or 1 if pytest succeeded without passing a single test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// What the suite needs, copied into Pyodide's in-memory file system under /repo, so nothing
// the run writes (caches, Hypothesis's database) lands in the working tree.
const COPIED = ["pyproject.toml", "tests/conftest.py", "tests/strategies.py", "tests/core", "tests/cases"];

const [wheelDir, coreWheel] = process.argv.slice(2);
if (!wheelDir || !coreWheel) {
  console.error("usage: node run_core_tests.mjs WHEEL_DIR CORE_WHEEL");
  process.exit(2);
}

const pyodide = await loadPyodide({ indexURL: path.join(ROOT, "node_modules", "pyodide") + path.sep });
const wheels = readdirSync(wheelDir)
  .filter((name) => name.endsWith(".whl"))
  .map((name) => path.resolve(wheelDir, name));
await pyodide.loadPackage([...wheels, path.resolve(coreWheel)], { messageCallback: console.log });

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
(int(code), counter.passed)
`)
  .toJs();

console.log(`pyodide: pytest exit code ${exitCode}, ${passed} passed`);
process.exit(exitCode === 0 && passed === 0 ? 1 : exitCode);
