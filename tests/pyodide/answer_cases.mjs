// The Pyodide layer of make test: boot Pyodide under Node from the site's start-up library
// (boot_library.mjs checks that the core runs from its bytecode, compiled from the wheel's
// sources), run the core's doctests against those modules, and answer every case of
// tests/reader_cases.py with run_json and export_json, the two calls the site's worker makes.
//
//   node tests/pyodide/answer_cases.mjs CORE_WHEEL LIBRARY MODULES REST VERSION EXPECTED DIFFERENT
//
// EXPECTED is a JSON list of CPython's answers' fingerprints (reader_cases.digest), one a case.
// Writes to DIFFERENT, as JSON, {"cases": how many were answered, "different": {index: the
// answers}} for each case whose answers' fingerprint is not CPython's: whole answers would be
// megabytes, slow to hand from Pyodide to Node, and nearly all are the same.
// tests/pyodide/test_core_in_pyodide.py writes EXPECTED and reads DIFFERENT. Prints one line
// a check. Needs no network and no package beyond the library: no pytest, no Hypothesis.
import { readFileSync, writeFileSync } from "node:fs";
import { bootFromLibrary, CORE_WHEEL, copyIntoRepo, reportSourceImports } from "./boot_library.mjs";

const [coreWheel, library, modules, rest, version, expectedPath, differentPath] = process.argv.slice(2);
if (!coreWheel || !library || !modules || !rest || !version || !expectedPath || !differentPath) {
  console.error("usage: node answer_cases.mjs CORE_WHEEL LIBRARY MODULES REST VERSION EXPECTED DIFFERENT");
  process.exit(2);
}

const pyodide = await bootFromLibrary(coreWheel, library, modules, rest);
copyIntoRepo(pyodide, ["tests/reader_cases.py", "tests/pyodide/core_doctests.py"]);
pyodide.globals.set("core_wheel", CORE_WHEEL);
pyodide.globals.set("version", version);
pyodide.globals.set("expected_json", readFileSync(expectedPath, "utf8"));
const different = pyodide.runPython(`
import json
import sys

sys.path[:0] = ["/repo/tests", "/repo/tests/pyodide"]
import core_doctests
import reader_cases

print(f"Python {sys.version.split()[0]} on {sys.platform}")
# Every reader's case is answered with the library alone, as a visit is: the test's own tools
# (doctest, hashlib, ...) come from the rest, but nothing the core imports while it answers.
before = from_the_rest()
answers = reader_cases.answers(version)
assert from_the_rest() == before, f"the core imported from the rest of the library: {sorted(from_the_rest() - before)}"
expected = json.loads(expected_json)
different = {i: answer for i, answer in enumerate(answers) if i >= len(expected) or reader_cases.digest(answer) != expected[i]}
print(f"reader cases: {len(answers)} answered, with nothing from the rest of the library, "
      f"{sum(1 for _, exported in answers if exported)} with their downloads; {len(different)} unlike CPython's")
count, failures = core_doctests.run_all(core_wheel)
assert not failures, failures
print(f"core doctests: {count} run against the library's bytecode")
json.dumps({"cases": len(answers), "different": different}, ensure_ascii=False)
`);
writeFileSync(differentPath, different);
// The tests' own imports (doctest, hashlib, ...) came from the rest, fetched once.
reportSourceImports(pyodide, 1);
