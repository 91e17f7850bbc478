"""Hostile input in the browser: what a careless or malicious reader might type or link shows
CPython's answer or CPython's message in words, never a traceback, never runs or renders
injected markup, and the form recovers when a valid value returns.

Each mechanism (typing into a field, a request sent straight to the worker, a link carrying
markup) is the same code for every calculator, so it is checked here once across a sample
that covers the calculators whose inputs once broke. What every input of every calculator
does with such values is proved below the browser, per input: tests/core/test_runtime_errors.py
(edge values, in CPython and again in Pyodide) and tests/core/test_total_functions.py
(any text).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from calculators import CALCULATORS, run
from calculators._typed import read_number

from browser_helpers import expect_outputs, fill_input, open_live, own_file

MARKUP = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
# What a reader may type into a field (fields are text, so anything reaches Python).
TYPED = ["", "-0", "1e308", "1e-320", "-5", "0", "1e6", "0.5", "123456789", "abc", "--5", "<b>7</b>", MARKUP]
# What only a crafted request can send; given straight to the running worker.
SENT = ["abc", "NaN", "Infinity", "-Infinity", "1e999", " 3 ", "0x10", "<b>7</b>"]
# A probability, a model search (sweet-spot), and the calculators whose inputs once gave
# Python's own messages (issue 13's reproducers).
SAMPLE = ["half-life", "sweet-spot", "log-x-reader", "lifetime-compute", "cost-per-success", "sigmoid-or-exponential"]


def expected_text(calculator_id: str, inputs: dict[str, str], name: str) -> tuple[str, str]:
    """('outputs', text of the first output) or ('error', the message CPython gives)."""
    result = run(calculator_id, inputs)
    if result["ok"]:
        first = next(iter(result["outputs"]))
        return "outputs", result["outputs"][first]["text"]
    [(field, message)] = result["errors"].items()
    return f"error:{field}", message


@pytest.mark.parametrize("calculator_id", SAMPLE)
def test_a_hostile_link_crafted_requests_and_typed_values_get_cpythons_answers(
    reader, site, base_url, calculator_id
) -> None:
    """One visit a calculator, opened from a link whose parameters carry markup and script:
    they change nothing and run nothing (the defaults' result, the fields at the defaults).
    Then text no field allows, sent straight to the worker, gets CPython's message. Then each
    awkward typed value, put into the inputs in turn, shows what CPython gives and never
    renders as markup, a valid value brings the result back, and the example restores it."""
    calculator = CALCULATORS[calculator_id]
    page = reader.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    params = {f"{calculator_id}.{spec.name}": MARKUP for spec in calculator.inputs}
    params[MARKUP] = MARKUP
    root = open_live(page, base_url, site, calculator_id, urlencode(params))
    expect_outputs(root, run(calculator_id, calculator.defaults()))
    for spec in calculator.inputs:
        assert read_number(root.locator(f'form [name="{spec.name}"]').input_value()) == spec.default
    assert 0 == page.locator(".calc img").count()

    runtime = base_url + own_file(site, "javascripts/calculators/runtime.js")
    example = {name: str(value) for name, value in calculator.example.items()}
    typed = [spec for spec in calculator.inputs if not spec.choices]  # a choice takes no typing
    for turn, value in enumerate(SENT):
        inputs = {**example, typed[turn % len(typed)].name: value}
        got = page.evaluate(
            "async ([url, id, inputs]) => (await import(url)).compute(id, inputs)",
            [runtime, calculator_id, inputs],
        )
        assert run(calculator_id, inputs)["ok"] == got["ok"]
        if not got["ok"]:
            assert run(calculator_id, inputs)["errors"] == got["errors"]
            assert all("Traceback" not in message for message in got["errors"].values())

    for name, good in example.items():
        fill_input(root, name, good)
    good_result = run(calculator_id, example)
    expect_outputs(root, good_result)
    first = calculator.outputs[0].name
    for turn, value in enumerate(TYPED):
        spec = typed[turn % len(typed)]
        field = root.locator(f'form [name="{spec.name}"]')
        field.fill(value)
        kind, text = expected_text(calculator_id, {**example, spec.name: value}, spec.name)
        if kind == "outputs":
            expect(root.locator(f'[data-output="{first}"]')).to_have_text(text)
        else:
            name = kind.removeprefix("error:")
            expect(root.locator(f'[data-error-for="{name}"]')).to_have_text(text)
            assert "Traceback" not in text and 'File "' not in text
        # A valid value brings the result back.
        field.fill(example[spec.name])
        expect(root.locator(f'[data-output="{first}"]')).to_have_text(good_result["outputs"][first]["text"])
    expect_outputs(root, good_result)
    assert page.evaluate("window.__pwned") is None
    assert 0 == root.locator("b, img").count()
    expect(root.locator("[data-error-for]:visible")).to_have_count(0)
    assert [] == dialogs
