"""Every model function is total over floats: a finite result or a ValueError, nothing else.

The functions are found by introspection: every public function of :mod:`calculators` whose
parameters are all annotated ``float``. A new model is covered the moment it is exported.
"""

from __future__ import annotations

import inspect
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_floats

import calculators


def model_functions() -> dict[str, object]:
    """Public functions whose every parameter is a float (the formulas, not the plumbing)."""
    found = {}
    for name in calculators.__all__:
        function = getattr(calculators, name)
        if not inspect.isfunction(function):
            continue
        parameters = inspect.signature(function).parameters.values()
        if parameters and all(p.annotation in ("float", float) for p in parameters):
            found[name] = function
    return found


MODELS = model_functions()


def call_with(function: object, draw: st.DrawFn) -> object:
    """Call ``function`` with any floats for its parameters (one to three for ``*args``)."""
    args, kwargs = [], {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is parameter.VAR_POSITIONAL:
            args += draw(st.lists(any_floats, min_size=1, max_size=3))
        elif parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = draw(any_floats)
        else:
            args.append(draw(any_floats))
    return function(*args, **kwargs)  # type: ignore[operator]


def test_the_models_are_found() -> None:
    """Introspection finds the half-life model at least (guards against finding nothing)."""
    assert {"survival", "horizon", "horizon_ratio"} <= set(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
@given(data=st.data())
def test_finite_result_or_value_error(name: str, data: st.DataObject) -> None:
    """Any floats in (nan, infinities, -0.0, subnormals, huge): finite floats out, or ValueError."""
    try:
        result = call_with(MODELS[name], data.draw)
    except ValueError as error:
        assert str(error), "a ValueError must say what is wrong"
        return
    values = result if isinstance(result, tuple) else (result,)
    assert values
    for value in values:
        assert isinstance(value, float) and math.isfinite(value), (name, result)
