"""Every model function is total over floats: a finite result or one of the core's two
reader-facing errors (an InputError naming one of its parameters, or an OutOfRangeError),
nothing else.

The functions are found by introspection: every public function of :mod:`calculators` whose
parameters are all floats, optional floats or sequences of floats (the fits and curve
tools). A new model is covered the moment it is exported. The calculators' entry points,
``run`` and ``export``, are held to the same rule for every declared calculator, whatever a
form or a crafted request puts in its inputs.
"""

from __future__ import annotations

import inspect
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import CALCULATORS, export, run
from calculators._checks import InputError, OutOfRangeError

from strategies import any_floats, raw_form_values

FLOAT = ("float", float)
OPTIONAL_FLOAT = ("float | None",)
FLOAT_SEQUENCE = ("Sequence[float]",)


def model_functions() -> dict[str, object]:
    """Public functions whose every parameter is a float, an optional float or a sequence of
    floats (the formulas, not the plumbing)."""
    found = {}
    for name in calculators.__all__:
        function = getattr(calculators, name)
        if not inspect.isfunction(function):
            continue
        parameters = inspect.signature(function).parameters.values()
        if parameters and all(p.annotation in FLOAT + OPTIONAL_FLOAT + FLOAT_SEQUENCE for p in parameters):
            found[name] = function
    return found


MODELS = model_functions()


def call_with(function: object, draw: st.DrawFn) -> object:
    """Call ``function`` with any floats for its parameters (one to three for ``*args``).

    Sequences share one drawn length most of the time, so that the fits and curve tools are
    also explored past their length checks."""
    args, kwargs = [], {}
    length = draw(st.integers(min_value=0, max_value=6))
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is parameter.VAR_POSITIONAL:
            args += draw(st.lists(any_floats, min_size=1, max_size=3))
            continue
        if parameter.annotation in FLOAT_SEQUENCE:
            size = draw(st.sampled_from([length, length, length, length + 1]))
            value = draw(st.lists(any_floats, min_size=size, max_size=size))
        elif parameter.annotation in OPTIONAL_FLOAT:
            value = draw(st.none() | any_floats)
        else:
            value = draw(any_floats)
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return function(*args, **kwargs)  # type: ignore[operator]


def test_the_models_are_found() -> None:
    """Introspection finds the half-life model and the fits (guards against finding nothing)."""
    assert {"survival", "horizon", "horizon_ratio", "fit_exponential", "fit_logistic", "sweet_spot"} <= set(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
@given(data=st.data())
def test_finite_result_or_value_error(name: str, data: st.DataObject) -> None:
    """Any floats in (nan, infinities, -0.0, subnormals, huge): finite floats out, an
    InputError naming one of the function's parameters, or an OutOfRangeError."""
    try:
        result = call_with(MODELS[name], data.draw)
    except InputError as error:
        parameter = error.parameter.partition("[")[0]  # costs[2]: an item of costs
        assert parameter in inspect.signature(MODELS[name]).parameters, error.parameter
        assert parameter in str(error), (error.parameter, str(error))
        return
    except OutOfRangeError as error:
        assert str(error), "an OutOfRangeError must say what is out of range"
        return
    values = result if isinstance(result, tuple) else (result,)
    assert values
    for value in values:
        assert isinstance(value, float) and math.isfinite(value), (name, result)


def raw_inputs(calculator_id: str, draw: st.DrawFn) -> dict[str, object]:
    """Inputs for ``calculator_id``: each either left out (its default) or any raw value."""
    inputs = {}
    for spec in CALCULATORS[calculator_id].inputs:
        if draw(st.booleans()):
            inputs[spec.name] = draw(raw_form_values)
    return inputs


def numbers_in(value: object) -> list[float]:
    """Every float in a nested structure of dicts, lists and tuples."""
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        return [number for item in value.values() for number in numbers_in(item)]
    if isinstance(value, (list, tuple)):
        return [number for item in value for number in numbers_in(item)]
    return []


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
@given(data=st.data())
def test_every_calculator_answers_any_input(calculator_id: str, data: st.DataObject) -> None:
    """run() gives finite outputs and chart data, or messages keyed by one of its inputs;
    export() agrees with it. Nothing else: no other exception, no nan or infinity."""
    inputs = raw_inputs(calculator_id, data.draw)
    result = run(calculator_id, inputs)
    exported = export(calculator_id, inputs)
    assert result["ok"] == exported["ok"]
    if result["ok"]:
        assert all(math.isfinite(output["value"]) for output in result["outputs"].values())
        assert all(math.isfinite(number) for number in numbers_in(result["chart"]))
    else:
        [(name, message)] = result["errors"].items()
        assert name in {spec.name for spec in CALCULATORS[calculator_id].inputs} | {""}
        assert message and "Traceback" not in message
