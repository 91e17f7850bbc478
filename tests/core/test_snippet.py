"""The Python snippet a calculator shows (calculators/_snippet.py): it runs, and reads on a phone."""

from __future__ import annotations

import pytest

from calculators import CALCULATORS, run


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_the_python_snippet_puts_one_input_a_line_and_runs(calculator_id: str) -> None:
    """Each input on a line of its own (a phone's code box shows it whole, not a dict cut at
    the edge), and the snippet gives run's outputs."""
    calculator = CALCULATORS[calculator_id]
    values = {**calculator.defaults(), **calculator.example}
    snippet = run(calculator_id, values)["python"]
    lines = snippet.splitlines()
    for spec in calculator.inputs:
        assert f'    "{spec.name}": {float(values[spec.name])!r},' in lines
    assert max(len(line) for line in lines if not line.startswith(("print(", "#"))) <= 48, snippet
    scope: dict[str, object] = {}
    exec(snippet.replace("print(", "answer = ("), scope)
    assert scope["answer"] == {name: output["value"] for name, output in run(calculator_id, values)["outputs"].items()}
