"""Invalid inputs: plain-sentence ValueErrors naming the parameter, and run()'s error map.

Standard library, pytest and Hypothesis only, so this runs unchanged in Pyodide.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given

from calculators import horizon, run, run_json, survival
from calculators._checks import InputError, numbers_as_fields, show

from strategies import raw_form_values

NAN, INF = math.nan, math.inf
TOO_LARGE = "the task length for these inputs is too large to compute"
TOO_SMALL = "the task length for these inputs is too small to compute"

INVALID_CALLS = {  # test id: (function, arguments, the exact message)
    "p-above-1": (horizon, (1.5, 1), "p must be strictly between 0 and 1, got 1.5"),
    "p-is-1": (horizon, (1.0, 1), "p must be strictly between 0 and 1, got 1"),
    "p-is-0": (horizon, (0.0, 1), "p must be strictly between 0 and 1, got 0"),
    "p-negative": (horizon, (-0.2, 1), "p must be strictly between 0 and 1, got -0.2"),
    "p-nan": (horizon, (NAN, 1), "p must be a finite number, got nan"),
    "horizon-t50-negative": (horizon, (0.8, -1), "t50 must be greater than 0, got -1"),
    "survival-t50-negative": (survival, (1, -1), "t50 must be greater than 0, got -1"),
    "t50-is-0": (survival, (1, 0), "t50 must be greater than 0, got 0"),
    "t50-inf": (survival, (1, INF), "t50 must be a finite number, got inf"),
    "t-negative": (survival, (-1, 1), "t must be 0 or more, got -1"),
    "t-nan": (survival, (NAN, 1), "t must be a finite number, got nan"),
    "survival-shape-0": (survival, (1, 1, 0), "shape must be greater than 0, got 0"),
    "horizon-shape-negative": (horizon, (0.8, 1, -2), "shape must be greater than 0, got -2"),
    "shape-minus-inf": (horizon, (0.8, 1, -INF), "shape must be a finite number, got -inf"),
    "t-text": (survival, ("1", 1), "t must be a number, got '1'"),
    "t50-bool": (horizon, (0.8, True), "t50 must be a number, got True"),
    "shape-none": (survival, (1, 1, None), "shape must be a number, got None"),
    "horizon-overflows-in-power": (horizon, (1e-300, 1, 0.001), TOO_LARGE),
    "horizon-overflows-in-product": (horizon, (0.01, 1e308), TOO_LARGE),
    "horizon-underflows": (horizon, (0.999999, 1e-300, 0.01), TOO_SMALL),
}


@pytest.mark.parametrize(("function", "args", "message"), list(INVALID_CALLS.values()), ids=list(INVALID_CALLS))
def test_invalid_input_raises_value_error(function, args: tuple, message: str) -> None:
    """The ValueError's message is exactly the expected sentence."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        function(*args)


def test_negative_zero_is_a_valid_length() -> None:
    """-0.0 is 0 or more: a task of length -0.0 always succeeds."""
    assert 1.0 == survival(-0.0, 1)


def test_run_gives_outputs_for_valid_text() -> None:
    """Form text is parsed and computed: the default inputs give T80 = 19 minutes (18.99, to 3 significant figures)."""
    result = run("half-life", {"t50": "59", "p": "0.8", "shape": "1"})
    assert result["ok"] is True
    assert {"t50": 59.0, "p": 0.8, "shape": 1.0} == result["inputs"]
    assert {"value": horizon(0.8, 59), "text": "19", "unit": "minutes"} == result["outputs"]["t_p"]
    assert 0.25 == result["outputs"]["success_at_2x"]["value"]


def test_run_accepts_surrounding_spaces_and_missing_inputs() -> None:
    """Spaces around a number are ignored; a missing input takes its default."""
    expected = run("half-life", {"t50": "59", "p": "0.8", "shape": "1"})
    assert expected == run("half-life", {"t50": " 59 "})


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        pytest.param("p", "1.5", "Target success probability, p must be strictly between 0 and 1, got 1.5", id="p-1.5"),
        pytest.param("t50", "abc", "50% time horizon, T₅₀ must be a number, got 'abc'", id="t50-abc"),
        pytest.param("t50", "", "50% time horizon, T₅₀ is empty: enter a number", id="t50-empty"),
        pytest.param("t50", "   ", "50% time horizon, T₅₀ is empty: enter a number", id="t50-blank"),
        pytest.param("t50", "nan", "50% time horizon, T₅₀ must be a finite number, got nan", id="t50-nan"),
        pytest.param("t50", "inf", "50% time horizon, T₅₀ must be a finite number, got inf", id="t50-inf"),
        pytest.param("t50", "1e999", "50% time horizon, T₅₀ must be a finite number, got inf", id="t50-1e999"),
        pytest.param("t50", "-1", "50% time horizon, T₅₀ must be greater than 0, got -1", id="t50-negative"),
        # Numbers echoed as the field shows them, whichever way the reader typed them.
        pytest.param("t50", "-1e24", "50% time horizon, T₅₀ must be greater than 0, got -10^24", id="t50-power"),
        pytest.param(
            "t50", "-5.88e-7", "50% time horizon, T₅₀ must be greater than 0, got -5.88 × 10^-7", id="t50-small"
        ),
        pytest.param("t50", "-25000", "50% time horizon, T₅₀ must be greater than 0, got -25,000", id="t50-grouped"),
        pytest.param(
            "p", "1e300", "Target success probability, p must be strictly between 0 and 1, got 10^300", id="p-huge"
        ),
        pytest.param("t50", True, "50% time horizon, T₅₀ must be a number, got True", id="t50-bool"),
        pytest.param(
            "shape", "0", "Weibull shape, k (1 = constant hazard) must be greater than 0, got 0", id="shape-0"
        ),
    ],
)
def test_run_maps_bad_input_to_its_name(name: str, raw: object, message: str) -> None:
    """A bad input comes back as {"ok": False, "errors": {name: message}}, never an exception;
    the message names the input by its label, as the form does."""
    assert {"ok": False, "errors": {name: message}} == run("half-life", {name: raw})


def test_run_reports_out_of_range_results_without_a_name() -> None:
    """Valid inputs whose horizon no float can hold are blamed on no single input."""
    assert {"ok": False, "errors": {"": TOO_SMALL}} == run("half-life", {"shape": "0.001"})


@pytest.mark.parametrize(
    "inputs",
    [
        pytest.param({"t50": "59", "p": "0.8", "shape": "0.6"}, id="valid"),
        pytest.param({"t50": "59", "p": "1.5"}, id="bad-p"),
        pytest.param({"t50": "abc"}, id="bad-t50"),
        pytest.param({"shape": "0.001"}, id="too-small"),
        pytest.param({}, id="defaults"),
    ],
)
def test_run_json_matches_run(inputs: dict[str, str]) -> None:
    """run_json is run with JSON in and out."""
    assert run("half-life", inputs) == json.loads(run_json("half-life", json.dumps(inputs)))


def test_run_json_treats_a_non_object_as_no_inputs() -> None:
    """JSON that is not an object means every input takes its default."""
    assert run_json("half-life", "{}") == run_json("half-life", "[1, 2]")


def test_unknown_calculator_raises_key_error() -> None:
    """Asking for a calculator that does not exist is a programming error: KeyError."""
    with pytest.raises(KeyError):
        run("no-such-calculator", {})
    with pytest.raises(KeyError):
        run_json("no-such-calculator", "{}")


@given(raw_form_values, raw_form_values, raw_form_values)
def test_run_never_raises(t50: object, p: object, shape: object) -> None:
    """Whatever the form holds, run answers with outputs or messages keyed by input name."""
    result = run("half-life", {"t50": t50, "p": p, "shape": shape})
    if result["ok"]:
        assert all(math.isfinite(output["value"]) for output in result["outputs"].values())
    else:
        [(name, message)] = result["errors"].items()
        assert name in {"t50", "p", "shape", ""}
        assert message


def test_python_callers_read_numbers_as_python_writes_them() -> None:
    """Outside run, a message's numbers are Python's text (as its names are parameters'),
    which a caller can paste back into code; run writes the same number as the field does."""
    with pytest.raises(InputError, match=r"^t50 must be greater than 0, got -1e\+24$"):
        horizon(0.8, -1e24)
    assert run("half-life", {"t50": -1e24})["errors"]["t50"].endswith("got -10^24")


def test_numbers_as_fields_ends_with_its_block_even_on_an_error() -> None:
    """The page's way of writing numbers does not leak into later Python calls."""
    with pytest.raises(InputError), numbers_as_fields():
        horizon(0.8, -1e24)
    assert "-1e+24" == show(-1e24)


def test_a_message_writes_its_bounds_as_the_form_does_too() -> None:
    """Every number of a page's message is the form's: the year range's 10,000 as well."""
    assert {"start_year": "Window from (year) must be a year from 1 to 10,000, got -10^24"} == run(
        "time-horizons", {"start_year": "-1e24"}
    )["errors"]
