"""Choice inputs (``Input(choices=...)``): picked by name on the page, numbers everywhere else.

The explorer's METR release and its choice of models are choices: ``run`` takes only their
options and says which they are, in the form's words; the permalink, presets, Python snippet
and downloads carry the option's number, and the CSV's display column its name.
"""

from __future__ import annotations

import csv

import pytest

from calculators import CALCULATORS, export, run
from calculators._checks import InputError, one_of
from calculators._declare import Input, form_text

EXPLORER = CALCULATORS["time-horizons"]
CHOICES = {spec.name: spec for spec in EXPLORER.inputs if spec.choices}


def test_the_explorer_offers_its_releases_and_models_by_name() -> None:
    assert dict(CHOICES["report"].choices) == {
        1.0: "Time Horizon 1.0 (March 2025)",
        1.1: "Time Horizon 1.1 (January 2026)",
    }
    assert dict(CHOICES["frontier_only"].choices) == {1.0: "Only those that set a new record", 0.0: "All models"}
    # No other input of any calculator is a handful of coded options (1 yes, 0 no).
    coded = [
        (c.id, s.name) for c in CALCULATORS.values() for s in c.inputs if not s.choices and s.step not in ("any", 1)
    ]
    assert coded == []


@pytest.mark.parametrize("name", ["report", "frontier_only"])
def test_every_option_runs_and_others_are_refused_in_the_forms_words(name: str) -> None:
    spec = CHOICES[name]
    results = {value: run(EXPLORER.id, {name: value}) for value, _ in spec.choices}
    assert all(result["ok"] for result in results.values())
    # Each option changes the fit (a different release or set of models).
    assert len({result["outputs"]["doubling_months"]["text"] for result in results.values()}) == len(spec.choices)
    # The form's text of an option (as a link or preset writes it) is the same option.
    for value, _ in spec.choices:
        assert run(EXPLORER.id, {name: form_text(value)})["outputs"] == results[value]["outputs"]
    for wrong in (0.5, 1.05, 2.0, -1.0):
        result = run(EXPLORER.id, {name: wrong})
        assert not result["ok"]
        message = result["errors"][name]
        assert message.startswith(spec.label + " must be one of ")
        assert all(label in message for _, label in spec.choices), message
        assert message.endswith(f"got {form_text(wrong)}")


def test_one_of_accepts_only_its_options() -> None:
    options = [(1.0, "one"), (0.0, "none")]
    assert one_of("x", 0.0, options) == 0.0
    with pytest.raises(InputError) as caught:
        one_of("x", 0.25, options)
    assert caught.value.parameter == "x"
    assert str(caught.value) == 'x must be one of "one" = 1 or "none" = 0, got 0.25'


def test_a_choice_must_offer_its_default() -> None:
    with pytest.raises(ValueError, match="not one of its choices"):
        Input("x", "X", "", 2.0, "why", choices=((1.0, "one"), (0.0, "none")))


def test_presets_snippet_and_downloads_carry_the_options_number_and_name() -> None:
    for preset in EXPLORER.presets:
        for name, value in EXPLORER.preset_values(preset).items():
            if name in CHOICES:
                assert value in dict(CHOICES[name].choices), (preset.id, name, value)
    values = {**EXPLORER.defaults(), "report": 1.0, "frontier_only": 0.0}
    snippet = run(EXPLORER.id, values)["python"]
    assert '"report": 1.0' in snippet and '"frontier_only": 0.0' in snippet
    assert "# report = 1.0: Time Horizon 1.0 (March 2025)\n# frontier_only = 0.0: All models\n" in snippet
    scope: dict[str, object] = {}
    exec(snippet.replace("print(", "answer = ("), scope)  # the snippet runs and gives run's outputs
    assert scope["answer"] == {name: output["value"] for name, output in run(EXPLORER.id, values)["outputs"].items()}
    exported = export(EXPLORER.id, values)
    shown = {row[1]: row[4] for row in csv.reader(exported["csv"].splitlines()) if row[0] == "input"}
    assert shown["report"] == "Time Horizon 1.0 (March 2025)"
    assert shown["frontier_only"] == "All models"
    assert shown["target_hours"] == "40"
