"""The Python that reproduces a calculator's result: shown on the page and copied by readers."""

from __future__ import annotations

from collections.abc import Mapping

from .declarations import get_calculator

__all__ = ["python_snippet"]


def python_snippet(calculator_id: str, inputs: Mapping[str, float]) -> str:
    """The Python that reproduces this calculator's result with the installed package.

    >>> print(python_snippet("half-life", {"t50": 59.0, "p": 0.8, "shape": 1.0}))
    from calculators import run
    <BLANKLINE>
    result = run("half-life", {"t50": 59.0, "p": 0.8, "shape": 1.0})
    print({name: output["value"] for name, output in result["outputs"].items()})
    """
    calculator = get_calculator(calculator_id)
    arguments = ", ".join(f'"{spec.name}": {float(inputs[spec.name])!r}' for spec in calculator.inputs)
    return "\n".join(
        [
            "from calculators import run",
            "",
            f'result = run("{calculator.id}", {{{arguments}}})',
            'print({name: output["value"] for name, output in result["outputs"].items()})',
        ]
    )
