"""Every declared calculator, in the browser: Pyodide computes what CPython computes.

One test per calculator, found from the declarations, so a new calculator is covered as
soon as it is registered. Each types its declared ``example`` inputs and expects the
outputs CPython's :func:`calculators.run` gives for them, then empties an input and expects
the core's message next to it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from calculators import CALCULATORS, run

BOOT_MS = 90_000


def page_of(site: Path, calculator_id: str) -> str:
    """The site-relative URL of the first built page that embeds ``calculator_id``."""
    for page in sorted(site.rglob("index.html")):
        if re.search(rf'data-calculator="{re.escape(calculator_id)}"', page.read_text()):
            return page.parent.relative_to(site).as_posix() + "/"
    raise AssertionError(f"no page embeds {calculator_id!r}")


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_example_inputs_recompute_in_pyodide(watched, site, base_url, calculator_id) -> None:
    """The declared example gives CPython's outputs on the page; an empty input gives its message."""
    calculator = CALCULATORS[calculator_id]
    assert set(calculator.example) == {spec.name for spec in calculator.inputs}
    expected = run(calculator_id, calculator.example)
    assert expected["ok"], expected
    assert expected["outputs"] != run(calculator_id, {})["outputs"], "the example must change the result"

    page = watched.page
    page.goto(base_url + page_of(site, calculator_id).removeprefix("./"))
    root = page.locator(f'.calc[data-calculator="{calculator_id}"]')
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    for name, value in calculator.example.items():
        root.locator(f'input[name="{name}"]').fill(str(value))
    for name, output in expected["outputs"].items():
        expect(root.locator(f'[data-output="{name}"]')).to_have_text(output["text"])

    first = calculator.inputs[0].name
    root.locator(f'input[name="{first}"]').fill("")
    message = run(calculator_id, {**calculator.example, first: ""})["errors"][first]
    expect(root.locator(f'[data-error-for="{first}"]')).to_have_text(message)
