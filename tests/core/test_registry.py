"""The registry of calculators (calculators/declarations/__init__.py): it knows every
calculator each page's module declares, and imports a module only when one of its
calculators is asked for."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import pytest

import calculators.declarations as declarations
from calculators import CALCULATORS, get_calculator


def test_each_module_declares_the_calculators_the_registry_names_for_it() -> None:
    """Module by module, the ids the registry maps to it are the ids it declares, and every
    module of the package is in the registry."""
    modules = {info.name for info in pkgutil.iter_modules(declarations.__path__)}
    named = {module: sorted(cid for cid, m in declarations._MODULE_OF.items() if m == module) for module in modules}
    assert {module: sorted(declarations.declared_in(module)) for module in modules} == named
    assert all(named.values()), named


def test_each_calculator_is_found_by_its_own_id() -> None:
    assert len(CALCULATORS) == len(set(CALCULATORS)) == 16
    for calculator_id, calculator in CALCULATORS.items():
        assert calculator.id == calculator_id
        assert get_calculator(calculator_id) is calculator


def test_an_unknown_id_is_a_key_error_naming_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"unknown calculator 'half_life'; known: chinchilla, cost-decline"):
        get_calculator("half_life")
    assert "half_life" not in CALCULATORS


def _declarations_imported() -> list[str]:
    return sorted(name for name in sys.modules if name.startswith("calculators.declarations."))


def test_a_pages_module_is_imported_only_when_one_of_its_calculators_is_needed() -> None:
    """Importing the core imports no page's declarations; running a calculator imports its
    page's module alone; the ids are known without importing; the calculators, with all.
    (In this process, with the core imported afresh: Pyodide cannot start another.)"""
    ours = {name: module for name, module in sys.modules.items() if name.partition(".")[0] == "calculators"}
    for name in ours:
        del sys.modules[name]
    try:
        fresh = importlib.import_module("calculators")
        assert fresh is not ours["calculators"]
        assert _declarations_imported() == []
        fresh.run("metr-logistic", {})
        assert _declarations_imported() == ["calculators.declarations.half_life"]
        assert (len(fresh.CALCULATORS), list(fresh.CALCULATORS)) == (16, list(CALCULATORS))
        assert _declarations_imported() == ["calculators.declarations.half_life"]
        assert [c.id for c in fresh.CALCULATORS.values()] == list(CALCULATORS)
        assert len(_declarations_imported()) == len(set(declarations._MODULE_OF.values()))
    finally:
        for name in [name for name in sys.modules if name.partition(".")[0] == "calculators"]:
            del sys.modules[name]
        sys.modules.update(ours)
