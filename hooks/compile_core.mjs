// Compile the core wheel's modules to bytecode for the Python inside Pyodide, so a reader's
// browser imports them without compiling them first (about a third of the core's start-up).
//
//   node hooks/compile_core.mjs CORE_WHEEL OUT_ZIP
//
// Runs the pinned Pyodide from node_modules, so the bytecode matches the Python the site
// ships. OUT_ZIP holds calculators/__pycache__/*.pyc, to be unpacked into site-packages
// beside the wheel's sources. The .pyc files are "checked-hash" ones: Python compares each
// with the hash of its source file on import and ignores any that does not match, so they
// can never run code other than the wheel's. Needs no network.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [wheel, out] = process.argv.slice(2);
if (!wheel || !out) {
  console.error("usage: node compile_core.mjs CORE_WHEEL OUT_ZIP");
  process.exit(2);
}
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pyodide = await loadPyodide({ indexURL: path.join(ROOT, "node_modules", "pyodide") + path.sep });
pyodide.FS.writeFile("/tmp/core.whl", readFileSync(wheel));
pyodide.runPython(`
import importlib.util
import py_compile
import zipfile
from pathlib import Path

root = Path("/tmp/core")
with zipfile.ZipFile("/tmp/core.whl") as archive:
    archive.extractall(root)
sources = sorted(path for path in root.rglob("*.py") if ".dist-info" not in path.parts[-2])
if not sources:
    raise SystemExit("the core wheel holds no Python modules")
with zipfile.ZipFile("/tmp/bytecode.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        py_compile.compile(
            str(source), cfile=str(cached), doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
        )
        # A fixed date keeps the archive the same for the same sources.
        info = zipfile.ZipInfo(cached.relative_to(root).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(info, cached.read_bytes())
`);
writeFileSync(out, pyodide.FS.readFile("/tmp/bytecode.zip"));
