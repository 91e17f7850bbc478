"""The one error boundary: readers see only the core's own messages, about a declared input
or about a result out of range, and never Python's.

``run`` turns exactly two exceptions into messages: :class:`InputError` about one of the
calculator's inputs, and :class:`OutOfRangeError`. Anything else propagates, so these tests
fail on any other exception. The edge values are the ones that broke calculators before:
zeros of both signs, subnormals, values near the float's limits and their negatives, put
into one or two inputs at a time while the others keep their defaults (where the rest of
the form still makes sense), typed as text as a reader would type them.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators.declarations as registry
from calculators import CALCULATORS, run
from calculators._checks import InputError, OutOfRangeError
from calculators._typed import read_number
from reader_cases import EDGE_VALUES, REPRODUCERS

#: Plainly says which result is out of range, or that the inputs do not have one.
OUT_OF_RANGE = re.compile(r"too (large|small|extreme|many|much|close)|cannot be computed|never|\bno\b|do(es)? not")
#: A number as Python writes it and no field shows it: 1e+24, 5e-324, 1.7E308.
E_NOTATION = re.compile(r"\d[eE][+-]?\d")
#: Text the reader typed that is no number, echoed in quotes as typed ('1e5x').
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


@functools.cache  # made once a calculator: Hypothesis reads a composite's source as it makes one
def edge_inputs(calculator_id: str) -> st.SearchStrategy[dict[str, object]]:
    """One or two inputs at edge values (as a float or as the text a reader types); the
    rest at their defaults, or now and then at edge values too."""
    names = [spec.name for spec in CALCULATORS[calculator_id].inputs]
    edge = st.sampled_from(EDGE_VALUES)
    typed = st.one_of(edge, edge.map(repr), st.sampled_from(EDGE_VALUES).map(lambda v: f"{v:g}"))

    @st.composite
    def inputs(draw: st.DrawFn) -> dict[str, object]:
        if draw(st.integers(0, 9)) == 0:  # sometimes every input at once
            chosen = names
        else:
            chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
        return {name: draw(typed) for name in chosen}

    return inputs()


def assert_reader_facing(calculator_id: str, result: dict) -> None:
    """A result's numbers are finite; an error is keyed by a declared input or "" and says
    so in the core's words: naming that input by its label, or what is out of range."""
    calculator = CALCULATORS[calculator_id]
    if result["ok"]:
        assert all(math.isfinite(output["value"]) for output in result["outputs"].values())
        return
    [(name, message)] = result["errors"].items()
    labels = {spec.name: spec.label for spec in calculator.inputs}
    if name:
        assert name in labels
        assert message.startswith(labels[name]) or labels[name] in message, message
    else:
        assert OUT_OF_RANGE.search(message), message
    assert "Traceback" not in message and "math domain error" not in message
    # Numbers as the form's fields write them (10^24), never as Python does (1e+24); only
    # text that is not a number is echoed as the reader typed it.
    assert not E_NOTATION.search(QUOTED.sub("", message)), message


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
@given(data=st.data())
def test_edge_values_give_results_or_the_cores_own_messages(calculator_id: str, data: st.DataObject) -> None:
    """Edge values in one or two inputs: a result or a reader-facing message, no exception."""
    assert_reader_facing(calculator_id, run(calculator_id, data.draw(edge_inputs(calculator_id))))


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
@pytest.mark.parametrize("value", EDGE_VALUES, ids=repr)
def test_each_input_alone_at_each_edge_value(calculator_id: str, value: float) -> None:
    """Every input at every edge value, the others at their defaults: exhaustively. A
    message about that input that ends on the value it got echoes it as its field shows it."""
    for spec in CALCULATORS[calculator_id].inputs:
        result = run(calculator_id, {spec.name: repr(value)})
        assert_reader_facing(calculator_id, result)
        message = result.get("errors", {}).get(spec.name, "")
        if message.endswith(f"got {spec.shown(value)}") or ", got " not in message:
            continue
        got = message.rsplit(", got ", 1)[1]
        # A message may echo another value (a sum of inputs, say), but never this one otherwise.
        assert read_number(got) != value or got == spec.shown(value), message


def input_pairs() -> list[object]:
    """Every calculator's inputs taken two at a time, as test parameters."""
    return [
        pytest.param(calculator_id, first, second, id=f"{calculator_id}:{first}+{second}")
        for calculator_id in sorted(CALCULATORS)
        for first, second in itertools.combinations([spec.name for spec in CALCULATORS[calculator_id].inputs], 2)
    ]


@pytest.mark.deep
@pytest.mark.parametrize(("calculator_id", "first", "second"), input_pairs())
def test_every_pair_of_inputs_at_every_pair_of_edge_values(calculator_id: str, first: str, second: str) -> None:
    """Exhaustively, for ``make deep``: each pair of inputs at each pair of edge values (16 x 16,
    typed as text), the others at their defaults; a result or the core's own message."""
    for x, y in itertools.product(EDGE_VALUES, repeat=2):
        assert_reader_facing(calculator_id, run(calculator_id, {first: repr(x), second: repr(y)}))


@pytest.mark.parametrize(("calculator_id", "inputs"), list(REPRODUCERS.values()), ids=list(REPRODUCERS))
def test_reproducers_get_the_cores_own_messages(calculator_id: str, inputs: dict[str, str]) -> None:
    """Each once gave "not enough values to unpack", "math domain error", "-inf + inf in
    fsum", a message about an input the reader does not have, an IndexError or an
    OverflowError."""
    assert_reader_facing(calculator_id, run(calculator_id, inputs))


def test_run_lets_other_exceptions_through(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug is not dressed up as a reader's mistake: a plain ValueError propagates."""

    def broken(**_: float) -> dict[str, float]:
        raise ValueError("math domain error")

    patched = dataclasses.replace(CALCULATORS["half-life"], compute=broken)
    monkeypatch.setattr(registry, "CALCULATORS", {**registry.CALCULATORS, "half-life": patched})
    with pytest.raises(ValueError, match="math domain error"):
        run("half-life", {})


def test_an_input_error_about_an_undeclared_parameter_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    """An InputError naming a value the declaration computed (not a form input) is the
    declaration's bug: the reader could not fix it, so it is not shown as theirs."""

    def broken(**_: float) -> dict[str, float]:
        raise InputError("t", "t must be a finite number, got inf")

    patched = dataclasses.replace(CALCULATORS["half-life"], compute=broken)
    monkeypatch.setattr(registry, "CALCULATORS", {**registry.CALCULATORS, "half-life": patched})
    with pytest.raises(InputError):
        run("half-life", {})


def test_both_errors_are_value_errors() -> None:
    """Code that catches ValueError from the public API keeps working."""
    assert issubclass(InputError, ValueError) and issubclass(OutOfRangeError, ValueError)
