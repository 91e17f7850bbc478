"""The core's doctests, in Pyodide, against the bytecode readers run.

``answer_cases.mjs`` (make test) runs them with :func:`run_all`, without pytest, and
``run_core_tests.mjs`` (make deep) runs this file with pytest, both inside Pyodide, where
``calculators`` was imported from the precompiled start-up library
(``hooks/startup_library.mjs``). That bytecode
has no docstrings (nothing a visit runs reads them, and they would cost every first visit),
so the examples are read from the core's sources in its wheel (``CORE_WHEEL``) and put back
on the very functions and classes the library's bytecode defined: each example then calls
the code readers run. CPython's pytest runs the same examples from the sources
(``--doctest-modules``); ``test_core_in_pyodide.py`` checks both find as many.

Under CPython this file is only imported for its own doctests (it has none) and defines
nothing else at import.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import os
import zipfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not imported at run time: answer_cases.mjs runs these without pytest
    import pytest


def docstrings(source: bytes) -> dict[str, str]:
    """A module's docstrings by qualified name ("" for the module's own)."""
    found: dict[str, str] = {}

    def visit(node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> None:
        text = ast.get_docstring(node, clean=False)
        if text is not None:
            found[name] = text
        for child in node.body:
            if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, f"{name}.{child.name}" if name else child.name)

    visit(ast.parse(source), "")
    return found


def put_back(module: Any, qualified: str, text: str) -> None:
    """Give the object ``qualified`` of ``module`` its docstring ``text`` (a property's goes on
    the property, a static or class method's on its function, as doctest looks for them)."""
    target = module
    for part in qualified.split(".") if qualified else []:
        value = vars(target).get(part)
        if value is None:  # defined inside a function, or removed: doctest never looks there
            return
        target = value.__func__ if isinstance(value, staticmethod | classmethod) else value
    target.__doc__ = text


def core_doctests(wheel: str) -> list[doctest.DocTest]:
    """Every doctest of the core with examples, as pytest's doctest collection would find
    them, with the imported (library) modules as their globals."""
    finder = doctest.DocTestFinder()
    found = []
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not (name.startswith("calculators/") and name.endswith(".py")):
                continue
            module_name = name[:-3].removesuffix("/__init__").replace("/", ".")
            module = importlib.import_module(module_name)
            assert module.__spec__.origin.endswith(".pyc"), f"{module_name} did not come from bytecode"
            for qualified, text in docstrings(archive.read(name)).items():
                put_back(module, qualified, text)
            found += [test for test in finder.find(module, module_name) if test.examples]
    return found


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "example" in metafunc.fixturenames:
        tests = core_doctests(os.environ["CORE_WHEEL"])
        print(f"core doctests: {len(tests)} run against the library's bytecode")
        metafunc.parametrize("example", tests, ids=[test.name for test in tests])


def run_example(example: doctest.DocTest) -> tuple[int, int, str]:
    """Run one docstring's examples (ELLIPSIS, as pytest's doctests): how many were tried,
    how many failed, and the report of the failures."""
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(example, out=report.append)
    return result.attempted, result.failed, "".join(report)


def run_all(wheel: str) -> tuple[int, str]:
    """Every docstring with examples, run: how many there are, and the failures' reports
    (empty when all pass; a docstring whose examples were not tried counts as failing)."""
    tests = core_doctests(wheel)
    reports = []
    for example in tests:
        attempted, failed, report = run_example(example)
        if failed or not attempted:
            reports.append(report or f"{example.name}: no example tried")
    return len(tests), "".join(reports)


def test_docstring_examples(example: doctest.DocTest) -> None:
    """The examples give what the docstring says."""
    attempted, failed, report = run_example(example)
    assert 0 == failed, report
    assert attempted > 0
