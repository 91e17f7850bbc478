"""Presets are predictable: each sets every input it does not say it keeps, none repeats the
defaults, the order they are clicked in never matters, and their values read as typed."""

from __future__ import annotations

import itertools
import re

import pytest

from calculators import CALCULATORS, run
from calculators._declare import Calculator, Input, Output, Preset, form_text
from calculators._runtime import parse_number

IDS = sorted(CALCULATORS)


def _click(calculator: Calculator, form: dict[str, float], preset: Preset) -> dict[str, float]:
    """What the page's form holds after clicking ``preset`` (calculator.js: every value the
    button carries replaces the field's; kept fields stay as they were)."""
    return {**form, **calculator.preset_values(preset)}


@pytest.mark.parametrize("calculator_id", IDS)
def test_every_preset_sets_every_input_it_does_not_keep(calculator_id: str) -> None:
    """A preset's values plus the inputs it keeps name every input exactly once; the ones it
    does not name take their defaults."""
    calculator = CALCULATORS[calculator_id]
    names = [spec.name for spec in calculator.inputs]
    for preset in calculator.presets:
        values = calculator.preset_values(preset)
        assert sorted(names) == sorted([*values, *preset.keeps]), preset.id
        for name, value in values.items():
            expected = preset.values.get(name, calculator.defaults()[name])
            assert expected == value, (preset.id, name)


@pytest.mark.parametrize("calculator_id", IDS)
def test_no_preset_equals_the_defaults(calculator_id: str) -> None:
    """Clicked on the defaults, every preset changes at least one input (the defaults' own
    scenario is the Reset button's, ``default_preset``)."""
    calculator = CALCULATORS[calculator_id]
    defaults = calculator.defaults()
    for preset in calculator.presets:
        assert defaults != _click(calculator, defaults, preset), preset.id


@pytest.mark.parametrize("calculator_id", [i for i in IDS if CALCULATORS[i].default_preset is not None])
def test_the_default_preset_is_the_defaults(calculator_id: str) -> None:
    """The scenario Reset names is exactly the defaults, and keeps nothing. (A calculator
    without presets, such as sweet-spot, names none: its defaults' reasons are on its inputs.)"""
    calculator = CALCULATORS[calculator_id]
    origin = calculator.default_preset
    assert origin is not None
    assert () == origin.keeps
    assert calculator.defaults() == calculator.preset_values(origin)


@pytest.mark.parametrize("calculator_id", IDS)
def test_a_preset_gives_the_same_result_whatever_was_clicked_before(calculator_id: str) -> None:
    """Clicking B after A (or after the reader's own inputs, the example) sets every input
    B does not keep exactly as clicking B on the defaults does, and leaves the ones it keeps
    as A left them; a preset that keeps nothing gives the very same result. Where no preset
    keeps an input another sets (all but the time-horizon explorer, whose presets come in
    groups that combine), every preset's result is independent of what came before."""
    calculator = CALCULATORS[calculator_id]
    defaults = calculator.defaults()
    starts = [defaults, {**defaults, **calculator.example}]
    starts += [_click(calculator, defaults, preset) for preset in calculator.presets]
    # Each preset clicked on the defaults, and its result, once (the results are compared with
    # every start's).
    on_defaults = {after.id: _click(calculator, defaults, after) for after in calculator.presets}
    results = {after.id: run(calculator_id, on_defaults[after.id]) for after in calculator.presets if not after.keeps}
    for form, after in itertools.product(starts, calculator.presets):
        clicked = _click(calculator, form, after)
        for name, value in clicked.items():
            expected = form[name] if name in after.keeps else on_defaults[after.id][name]
            assert expected == value, (after.id, name)
        if not after.keeps:
            assert results[after.id] == run(calculator_id, clicked)
    set_somewhere = {name for preset in calculator.presets for name in preset.values}
    kept_somewhere = {name for preset in calculator.presets for name in preset.keeps}
    if calculator_id != "time-horizons":
        assert set() == set_somewhere & kept_somewhere


@pytest.mark.parametrize("calculator_id", IDS)
def test_every_preset_computes(calculator_id: str) -> None:
    """Every preset, on the defaults and on the example, gives a result."""
    calculator = CALCULATORS[calculator_id]
    for preset in calculator.presets:
        for start in (calculator.defaults(), {**calculator.defaults(), **calculator.example}):
            assert run(calculator_id, _click(calculator, start, preset))["ok"], preset.id


@pytest.mark.parametrize("calculator_id", IDS)
def test_preset_values_round_trip_as_typed(calculator_id: str) -> None:
    """The text a preset or default puts in a field (the button's data-values) is what the
    run shows, reads back as the very float it stands for (through the form's own parser),
    has no float noise (at most 9 significant digits) and no e-notation, '+' or trailing
    '.0'; and running the calculator on the texts gives the result of the floats."""
    calculator = CALCULATORS[calculator_id]
    settings = [calculator.defaults()] + [
        {**calculator.defaults(), **calculator.preset_values(p)} for p in calculator.presets
    ]
    for values in settings:
        texts = {name: form_text(value) for name, value in values.items()}
        for name, text in texts.items():
            assert values[name] == parse_number(name, text), text
            digits = re.sub(r" × 10\^-?\d+$|^10\^-?\d+$", "", text)
            assert len(digits.replace(",", "").replace(".", "").replace("-", "").strip("0")) <= 9, text
            assert "e" not in text and "+" not in text and not text.endswith(".0"), text
        result = run(calculator_id, texts)
        assert result == run(calculator_id, values)
        assert texts == {
            spec.name: text
            for spec, text in zip(calculator.inputs, result["shown"].values(), strict=True)
            if not spec.choices
        } | {spec.name: texts[spec.name] for spec in calculator.inputs if spec.choices}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e24, "10^24"),
        (5.88e23, "5.88 × 10^23"),
        (59.0, "59"),
        (0.37, "0.37"),
        (1e-7, "10^-7"),
        (-2.5, "-2.5"),
        (2027.0, "2027"),
        (12345678.0, "12,345,678"),
        (1e6, "1,000,000"),
        (1e9, "10^9"),
        (0.001, "0.001"),
        (0.0001, "10^-4"),
        (0.0, "0"),
    ],
)
def test_form_text_examples(value: float, text: str) -> None:
    """Values written as a field shows them (hand-checked): plain with thousands separators
    from 10,000 to below a billion and down to a thousandth, as the outputs; powers of ten
    with a caret outside."""
    assert text == form_text(value)


def test_a_preset_naming_an_unknown_or_kept_input_fails_the_declaration() -> None:
    """A preset that sets an input it also keeps, or names no input, is a declaration bug."""
    spec = Input(name="x", label="X", unit="", default=1.0, why="because")
    base = {
        "id": "c",
        "title": "C",
        "summary": "s",
        "inputs": (spec,),
        "outputs": (Output("y", "Y"),),
        "compute": lambda x: {"y": x},
        "chart": None,
        "example": {"x": 2.0},
    }
    for bad in (Preset("p", "P", {"x": 2.0}, "src", keeps=("x",)), Preset("p", "P", {"z": 2.0}, "src")):
        with pytest.raises(ValueError, match="c/p"):
            Calculator(**base, presets=(bad,))  # type: ignore[arg-type]
