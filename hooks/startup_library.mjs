// Build what makes Python start fast in a reader's browser, with the pinned Pyodide under Node:
//
//   node hooks/startup_library.mjs CORE_WHEEL OUT_DIR
//
// 1. OUT_DIR/python_stdlib.zip, the precompiled start-up library: Pyodide's standard library
//    with every module that Python's start and the calculators import replaced by its
//    bytecode, and the core (`calculators/`) added as bytecode, so a visit fetches and opens
//    one file for both and compiles nothing. Pyodide 314 ships the library as sources only, so
//    a stock boot compiles about 130 modules (most of its start-up time). The list is not made
//    by hand: a stock Pyodide boots here, imports the core from its wheel as a zip on
//    `sys.path` (as it will import it from the library: through zipimport), runs and exports
//    every calculator with its defaults, example and a rejected input, and every
//    standard-library module then loaded is compiled by this same Python (so the magic number
//    matches). The files are unchecked hash-based .pyc (PEP 552): Python loads them without
//    looking for a source, which is why the sources of exactly those modules are left out,
//    and why the core's sources are not in the library at all (its package data, METR's
//    tables, is). Each .pyc keeps the hash of its source, so the Pyodide test layer checks
//    that the core's bytecode is of the repository's sources. Docstrings are left out of all
//    of them (about 260 KB of a first visit): nothing a visit runs reads them. Every other
//    standard-library module's source goes to OUT_DIR/stdlib-rest.zip.gz, the rest, which a
//    visit does not download (about half of the gzipped library): the library's module
//    `_stdlib_rest` (hooks/stdlib_rest.py, with the rest's module names) fetches it only if
//    something imports from it, so every module still imports.
//    OUT_DIR/startup-modules.json lists the compiled standard-library modules. The library's
//    entries are stored, not compressed; the site serves OUT_DIR/python_stdlib.zip.gz, the
//    whole file gzipped, which the browser's worker inflates.
// 2. OUT_DIR/snapshot.bin.gz, a memory snapshot of a Pyodide booted from that library with
//    every module of the core imported (Pyodide's experimental `_makeSnapshot` /
//    `makeMemorySnapshot`). A returning reader's browser restores it instead of booting
//    (docs/javascripts/calculators/worker.js). Gzipped here, so its size does not depend on
//    what a host compresses; the browser inflates it with DecompressionStream.
//
// Before writing, it checks that the library's Python loaded every listed module and every
// module of the core from the library's bytecode, that it and the restored snapshot give
// the answers of the stock boot running the core from its sources (without the rest), and
// that modules of the rest import through `_stdlib_rest`. Needs no network.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [wheel, outDir] = process.argv.slice(2);
if (!wheel || !outDir) {
  console.error("usage: node startup_library.mjs CORE_WHEEL OUT_DIR");
  process.exit(2);
}
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const indexURL = path.join(ROOT, "node_modules", "pyodide") + path.sep;
const quiet = { stdout: () => {}, stderr: (line) => console.error(line) };

// Every calculator computed and exported (defaults, example, and an input it rejects), so
// every module they need is imported. Returns the answers as JSON text, to compare the boots.
function answers(pyodide) {
  return pyodide.runPython(`
import json
import calculators

def _answers():
    answers = {}
    for cid, calculator in calculators.CALCULATORS.items():
        example = dict(calculator.example)
        rejected = {calculator.inputs[0].name: "not a number"}
        for label, inputs in (("defaults", {}), ("example", example), ("rejected", rejected)):
            text = json.dumps(inputs)
            answers[f"{cid} {label}"] = [calculators.run_json(cid, text), calculators.export_json(cid, text, "0")]
    return json.dumps(answers, sort_keys=True)

_answers()
`);
}

function installAndRun(pyodide) {
  install(pyodide);
  return answers(pyodide);
}

// Most of a snapshot is pages of zeros (free memory): store only the others, with their
// numbers, so the browser inflates less than half of it. The format, read by worker.js's
// unpackPages: four little-endian uint32 (magic "PGS1", full length, page size, count of
// pages kept), the kept pages' numbers (uint32 each), then those pages' bytes.
const PAGE = 4096;
function packPages(bytes) {
  const kept = [];
  for (let page = 0; page * PAGE < bytes.length; page++) {
    const slice = bytes.subarray(page * PAGE, (page + 1) * PAGE);
    if (slice.some((byte) => byte !== 0)) kept.push(page);
  }
  const header = new Uint32Array([0x31534750, bytes.length, PAGE, kept.length, ...kept]);
  const out = new Uint8Array(header.byteLength + kept.length * PAGE);
  out.set(new Uint8Array(header.buffer), 0);
  kept.forEach((page, index) => out.set(bytes.subarray(page * PAGE, (page + 1) * PAGE), header.byteLength + index * PAGE));
  return out;
}

// 1. Stock boot: which standard-library modules does a visit load?
// The core is imported from its wheel, a zip of its sources (so Python compiles them itself,
// and these are the answers the library's bytecode must give).
const stock = await loadPyodide({ indexURL, ...quiet });
stock.FS.writeFile("/tmp/core.whl", new Uint8Array(readFileSync(wheel)));
stock.FS.writeFile("/tmp/stdlib_rest.py", readFileSync(path.join(ROOT, "hooks", "stdlib_rest.py")));
stock.runPython('import sys; sys.path.insert(0, "/tmp/core.whl")');
const stockAnswers = answers(stock);
stock.runPython(`
import ast
import importlib.util
import json
import sys
import zipfile

ZIP = next(entry for entry in sys.path if entry.endswith(".zip"))
with zipfile.ZipFile(ZIP) as archive:
    names = set(archive.namelist())
compiled = {}
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith(ZIP + "/") and origin.endswith(".py") and origin[len(ZIP) + 1 :] in names:
        compiled[origin[len(ZIP) + 1 :]] = module.__name__
if len(compiled) < 50:
    raise SystemExit(f"only {len(compiled)} start-up modules found: is the standard library still a zip?")

def is_string(statement):
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)

def without_docstrings(tree):
    """The tree without docstrings: they are about a sixth of the bytecode's size, and nothing
    a calculator runs reads them. Unlike optimize=2 (-OO) this keeps asserts and __debug__,
    so the code runs exactly as the source does. A docstring becomes pass only where the body
    would be empty or a later string would become the docstring (never before a __future__
    import, which must come first). Line numbers are the source's."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if node.body and is_string(node.body[0]):
                rest = node.body[1:]
                node.body = rest if rest and not is_string(rest[0]) else [ast.copy_location(ast.Pass(), node.body[0]), *rest]
    return tree

def bytecode(name, source):
    """name (a .py file's path in the library), compiled without docstrings, as an unchecked
    hash-based .pyc that keeps its source's hash: (its name in the library, its bytes)."""
    tree = without_docstrings(ast.parse(source, f"{ZIP}/{name}"))
    code = compile(tree, f"{ZIP}/{name}", "exec", dont_inherit=True)
    pyc = importlib._bootstrap_external._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
    return name[:-3] + ".pyc", bytes(pyc)

# The library holds what a visit imports; every other module's source goes to the rest
# (OUT_DIR/stdlib-rest.zip), which the library's _stdlib_rest fetches if anything imports it.
# A folder (and a data file in it) stays with the library only if the library holds a
# module inside it: a folder entry alone would import as an empty namespace package.
def in_library(filename):
    folder = filename[: filename.rfind("/") + 1]
    return any(name.startswith(folder) for name in compiled) if folder else True

entries = []
rest = []
with zipfile.ZipFile(ZIP) as archive:
    for info in archive.infolist():
        if info.filename in compiled:
            entries.append(bytecode(info.filename, archive.read(info)))
        elif not info.filename.endswith(".py") and in_library(info.filename):
            entries.append((info.filename, archive.read(info)))
        else:
            rest.append((info.filename, archive.read(info)))

def module_name(filename):
    """The module or package a .py file in the library is: email/__init__.py is "email"."""
    return filename[: -len(".py")].removesuffix("/__init__").replace("/", ".")

rest_modules = sorted(module_name(name) for name, _ in rest if name.endswith(".py"))
finder = open("/tmp/stdlib_rest.py", encoding="utf-8").read()
finder += f"\\n\\n# Set by hooks/startup_library.mjs.\\nMODULES = frozenset({rest_modules!r})\\n"
if "_stdlib_rest.py" in names:
    raise SystemExit("_stdlib_rest would shadow the standard library's")
entries.append(bytecode("_stdlib_rest.py", finder.encode()))
# The core: its modules as bytecode, its package data as it is; not its metadata
# (.dist-info, which only pip reads).
with zipfile.ZipFile("/tmp/core.whl") as core:
    for info in core.infolist():
        if info.is_dir() or ".dist-info/" in info.filename:
            continue
        if info.filename in names or info.filename[:-3] + ".pyc" in names:
            raise SystemExit(f"the core's {info.filename} would shadow the standard library's")
        if info.filename.endswith(".py"):
            entries.append(bytecode(info.filename, core.read(info)))
        else:
            entries.append((info.filename, core.read(info)))
# Stored, not compressed entry by entry: the file travels gzipped whole (startup.zip.gz,
# below), which compresses it better, as one stream with the bytecode side by side and the
# sources side by side (about 355 KB fewer on a first visit than deflated entries), and the
# Python importing from it inflates nothing. A fixed date keeps it the same for the same sources.
KIND = {".pyc": 0, ".py": 1}
entries.sort(key=lambda entry: (KIND.get(entry[0][entry[0].rfind("."):], 2), entry[0]))
for path, contents in (("/tmp/startup.zip", entries), ("/tmp/stdlib-rest.zip", sorted(rest))):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for name, content in contents:
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content)
with open("/tmp/startup-modules.json", "w") as listing:
    json.dump(sorted(compiled.values()), listing, indent=0)
`);
const library = stock.FS.readFile("/tmp/startup.zip");
const modules = JSON.parse(stock.FS.readFile("/tmp/startup-modules.json", { encoding: "utf8" }));
mkdirSync(outDir, { recursive: true });
const libraryPath = path.join(outDir, "python_stdlib.zip");
writeFileSync(libraryPath, library);
// What the site serves: the worker inflates it (DecompressionStream) into exactly these bytes,
// which the snapshot below expects (it remembers where each entry lies in the zip).
writeFileSync(`${libraryPath}.gz`, gzipSync(library, { level: 9 }));
// The rest, gzipped whole for the same reasons; _stdlib_rest inflates it.
const rest = gzipSync(stock.FS.readFile("/tmp/stdlib-rest.zip"), { level: 9 });
writeFileSync(path.join(outDir, "stdlib-rest.zip.gz"), rest);

// 2. Boot from the new library, import every module of the core from it, and snapshot that
// Python before it computes anything (so its heap stays within the memory a fresh Pyodide
// starts with: a larger snapshot does not restore). A restored snapshot needs none of the
// core's files: every module is imported already (and the library holds them anyway).
const fast = await loadPyodide({ indexURL, stdLibURL: libraryPath, _makeSnapshot: true, ...quiet });
// Every module of the core imported, and every data file it reads put in memory
// (calculators/_data.py): whatever a restored Python finds on disk, it needs none of it.
fast.runPython(`
import gc, importlib, sys, zipfile
import calculators
# Listed from the library itself (pkgutil is not in it: no visit imports it).
ZIP = next(entry for entry in sys.path if entry.endswith(".zip"))
for name in zipfile.ZipFile(ZIP).namelist():
    if name.startswith("calculators/") and name.endswith(".pyc"):
        importlib.import_module(name[: -len(".pyc")].removesuffix("/__init__").replace("/", "."))
calculators._data.read_all()
gc.collect()
`);
const snapshot = fast.makeMemorySnapshot();

// 3. Check both: the library's Python loaded every listed module and every module of the core
// from the library's bytecode, and it and the restored snapshot give the stock boot's answers.
const fromSource = fast.runPython(`
import json, sys
ZIP = next(entry for entry in sys.path if entry.endswith(".zip"))
listed = json.loads(${JSON.stringify(JSON.stringify(modules))})
core = [name for name in sys.modules if name.partition(".")[0] == "calculators"]

def from_library(name):
    origin = getattr(sys.modules[name].__spec__, "origin", None) or ""
    return origin.startswith(ZIP + "/") and origin.endswith(".pyc")

json.dumps([name for name in [*listed, *core] if name in sys.modules and not from_library(name)]
           + ([] if len(core) > 10 else ["(too few modules of the core)"]))
`);
if (fromSource !== "[]") throw new Error(`modules compiled at start-up despite the library: ${fromSource}`);
if (answers(fast) !== stockAnswers) throw new Error("the precompiled library gives other answers than the stock one");
// Restored as worker.js restores it on a returning visit: nothing installed.
const restored = await loadPyodide({ indexURL, stdLibURL: libraryPath, _loadSnapshot: snapshot, ...quiet });
if (answers(restored) !== stockAnswers) throw new Error("the restored snapshot gives other answers than the stock boot");
// And the rest, fetched by the finder as the worker installs it: a package only the rest
// holds, and a module of a package the library holds, import from it, fetched once; a
// damaged copy is refused.
restored.FS.writeFile("/tmp/stdlib-rest.zip.gz", rest);
const fromRest = restored.runPython(`
import _sha2, _stdlib_rest
gz = open("/tmp/stdlib-rest.zip.gz", "rb").read()
sha256 = _sha2.sha256(gz).hexdigest()
# A damaged copy (its last byte changed) fails the import with the finder's own error.
try:
    _stdlib_rest.RestOfTheLibrary(lambda: gz[:-1] + bytes([gz[-1] ^ 1]), len(gz), sha256).find_spec("email")
    damaged = "imported"
except ImportError as error:
    damaged = str(error)
assert damaged == "the rest of Python's standard library arrived damaged", damaged
finder = _stdlib_rest.install(lambda: gz, len(gz), sha256)
import email.message
message = email.message.EmailMessage()
message["Subject"] = "rest"
latin = "\\u00e9".encode("latin-1")
import encodings.latin_1
f"{message['Subject']} {latin!r} {finder.fetches} {encodings.latin_1.__spec__.origin.startswith(_stdlib_rest.PATH)}"
`);
if (fromRest !== "rest b'\\xe9' 1 True") throw new Error(`the rest of the library did not import as it should: ${fromRest}`);

writeFileSync(path.join(outDir, "snapshot.bin.gz"), gzipSync(packPages(snapshot), { level: 9 }));
writeFileSync(path.join(outDir, "startup-modules.json"), JSON.stringify(modules, null, 0) + "\n");
