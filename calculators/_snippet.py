"""The Python that reproduces a calculator's result: shown on the page and copied by readers."""

from __future__ import annotations

from collections.abc import Mapping

from .declarations import get_calculator

__all__ = ["install_comment", "python_snippet"]


def install_comment(wheel_url: str) -> str:
    """The line that installs this package from the site, as a comment heading a snippet.

    >>> install_comment("https://example.org/python/scaling_series_companion-0.1.0-py3-none-any.whl")
    '# pip install https://example.org/python/scaling_series_companion-0.1.0-py3-none-any.whl'
    """
    return f"# pip install {wheel_url}"


def python_snippet(calculator_id: str, inputs: Mapping[str, float], wheel_url: str = "") -> str:
    """The Python that reproduces this calculator's result with the installed package.

    With ``wheel_url`` (where the site serves this package's wheel) the snippet starts with
    the ``pip install`` line, so it works on any machine. A choice (``Input.choices``) is
    passed as its option's number, with a comment naming the option.

    >>> print(python_snippet("half-life", {"t50": 59.0, "p": 0.8, "shape": 1.0}))
    from calculators import run
    <BLANKLINE>
    result = run("half-life", {
        "t50": 59.0,
        "p": 0.8,
        "shape": 1.0,
    })
    print({name: output["value"] for name, output in result["outputs"].items()})
    >>> print(python_snippet("half-life", {"t50": 59.0, "p": 0.8, "shape": 1.0}, "https://example.org/p.whl"))
    # pip install https://example.org/p.whl
    <BLANKLINE>
    from calculators import run
    <BLANKLINE>
    result = run("half-life", {
        "t50": 59.0,
        "p": 0.8,
        "shape": 1.0,
    })
    print({name: output["value"] for name, output in result["outputs"].items()})
    """
    calculator = get_calculator(calculator_id)
    install = [install_comment(wheel_url), ""] if wheel_url else []
    # One input a line, so a phone's code box shows each whole.
    arguments = [f'    "{spec.name}": {float(inputs[spec.name])!r},' for spec in calculator.inputs]
    # A choice is passed as its option's number; a comment names the option, as the form does.
    chosen = [
        f"# {spec.name} = {float(inputs[spec.name])!r}: {spec.shown(float(inputs[spec.name]))}"
        for spec in calculator.inputs
        if spec.choices
    ]
    return "\n".join(
        [
            *install,
            "from calculators import run",
            "",
            *chosen,
            f'result = run("{calculator.id}", {{',
            *arguments,
            "})",
            'print({name: output["value"] for name, output in result["outputs"].items()})',
        ]
    )
