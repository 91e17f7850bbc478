"""What every calculator shows before Python starts (or when it cannot), read from the built
HTML without a browser: CPython's result for the defaults, in every place the page shows it.

This is what a reader without JavaScript, or whose browser cannot run WebAssembly, sees; the
browser layer checks once (tests/site/test_browser_half_life.py) that a calculator keeps
this result and says why when Python fails to load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculators import CALCULATORS, run
from calculators._typed import form_text, read_number


@dataclass
class StaticCalculator:
    """What one ``<section class="calc">`` holds, as text."""

    status: str = ""
    inputs: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    rows: list[list[str]] = field(default_factory=list)
    python: str = ""
    chart_spec: dict = field(default_factory=dict)
    chart_svgs: int = 0


class CalculatorSections(HTMLParser):
    """Collects every calculator section of a page, by calculator id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, StaticCalculator] = {}
        self.current: StaticCalculator | None = None
        self.depth = 0  # open elements inside the current section
        self.into: str | None = None  # which text is being read: status, output:<name>, cell, python
        self.in_canvas = False
        self.choice = ""  # the name of the <select> being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "section" and "calc" in (attr.get("class") or "").split():
            self.current = self.found.setdefault(attr["data-calculator"] or "", StaticCalculator())
            self.depth = 0
            return
        calc = self.current
        if calc is None:
            return
        if tag not in ("input", "br", "img", "meta", "link"):
            self.depth += 1
        if tag == "input":
            calc.inputs[attr["name"] or ""] = attr.get("value") or ""
        elif tag == "select":
            self.choice = attr["name"] or ""
        elif tag == "option" and "selected" in attr:
            calc.inputs[self.choice] = attr.get("value") or ""
        elif "data-calc-status" in attr:
            self.into = "status"
        elif tag == "output":
            self.into = f"output:{attr['data-output']}"
            calc.outputs[attr["data-output"] or ""] = ""
        elif "data-unit" in attr:
            self.into = f"unit:{attr['data-unit']}"
            calc.units[attr["data-unit"] or ""] = ""
        elif "data-python" in attr:
            self.into = "python"
        elif "data-chart-spec" in attr:
            calc.chart_spec = json.loads(attr["data-chart-spec"] or "{}")
        elif "data-chart" in attr:
            self.in_canvas = True
        elif tag == "svg" and self.in_canvas:
            calc.chart_svgs += 1
            self.in_canvas = False
        elif tag == "tr" and self.into == "table":
            calc.rows.append([])
        elif tag == "td" and self.into == "table":
            calc.rows[-1].append("")
        elif "data-table-body" in attr:
            self.into = "table"

    def handle_endtag(self, tag: str) -> None:
        if self.current is None:
            return
        if self.depth == 0:  # the section itself closes
            self.current = None
            return
        self.depth -= 1
        if tag in ("p", "output", "code") or (tag, self.into and self.into[:5]) == ("span", "unit:"):
            self.into = None
        elif tag == "tbody" and self.into == "table":
            self.into = None

    def handle_data(self, data: str) -> None:
        calc = self.current
        if calc is None or self.into is None:
            return
        if self.into == "status":
            calc.status += data
        elif self.into == "python":
            calc.python += data
        elif self.into.startswith("output:"):
            calc.outputs[self.into.removeprefix("output:")] += data
        elif self.into.startswith("unit:"):
            calc.units[self.into.removeprefix("unit:")] += data
        elif self.into == "table" and calc.rows and calc.rows[-1]:
            calc.rows[-1][-1] += data


def embeds(site: Path) -> list[tuple[str, str, StaticCalculator]]:
    """(page, calculator id, what it shows) for every calculator on every built page."""
    found = []
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if 'class="calc"' not in html:
            continue
        parser = CalculatorSections()
        parser.feed(html)
        found += [(page.parent.relative_to(site).as_posix(), name, calc) for name, calc in parser.found.items()]
    return found


@pytest.fixture(scope="module")
def shown(site: Path) -> dict[str, list[tuple[str, StaticCalculator]]]:
    by_calculator: dict[str, list[tuple[str, StaticCalculator]]] = {}
    for page, calculator_id, calc in embeds(site):
        by_calculator.setdefault(calculator_id, []).append((page, calc))
    return by_calculator


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_static_result_is_cpythons_for_the_defaults(shown, calculator_id: str) -> None:
    """Inputs, outputs, the chart's data, its table and the Python snippet are what CPython's
    ``run`` gives for the declared defaults, on every page that embeds the calculator."""
    calculator = CALCULATORS[calculator_id]
    expected = run(calculator_id, {})
    assert expected["ok"], expected
    assert shown.get(calculator_id), f"no page embeds {calculator_id}"
    for page, calc in shown[calculator_id]:
        where = f"{calculator_id} on {page}"
        assert "computed when this page was built" in calc.status, where
        # Each field shows its default as a reader reads and types it (10^24), which reads
        # back as the very float.
        assert {spec.name: form_text(spec.default) for spec in calculator.inputs} == calc.inputs, where
        assert {spec.name: spec.default for spec in calculator.inputs} == {
            name: read_number(value) for name, value in calc.inputs.items()
        }, where
        assert {name: output["text"] for name, output in expected["outputs"].items()} == calc.outputs, where
        # Each unit as it reads after its number ("1 hour"), for the outputs that have one.
        units = {spec.name: expected["outputs"][spec.name]["unit"] for spec in calculator.outputs if spec.unit}
        assert units == calc.units, where
        assert expected["table"]["rows"] == calc.rows, where
        assert expected["python"] == calc.python, where
        # The static SVG drawn at build time, and the spec the browser redraws from, holding
        # the computed data (JSON round trip: the spec is JSON in an attribute).
        assert 1 == calc.chart_svgs, where
        data = {item["name"]: item.get("values") for item in calc.chart_spec["data"]}
        for name, rows in expected["chart"].items():
            assert json.loads(json.dumps(rows)) == data[name], f"{where}: chart data {name!r}"
