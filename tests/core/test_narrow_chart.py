"""The phone's static chart (``narrow_spec``) is the same chart drawn for a narrow screen:
the same layers and data, its own width and text size, and fewer ticks than the wide one."""

from __future__ import annotations

import copy
import json

import pytest

from calculators import CALCULATORS, narrow_spec, run, vega_lite_spec
from calculators._chart import NARROW_TICKS, NARROW_WIDTH, phone_spec
from calculators._labels import KEY_PREFIX, number_crowded_labels
from reader_cases import ran, reader_settings

IDS = sorted(CALCULATORS)


def wide_spec(calculator_id: str) -> dict:
    calculator = CALCULATORS[calculator_id]
    return vega_lite_spec(calculator.chart, run(calculator_id, {})["chart"])


def axes(spec: dict, log: bool = False) -> list[dict]:
    """The spec's axes, linear (and date) ones or with ``log`` the log ones."""
    return [
        layer["encoding"][channel]["axis"]
        for layer in spec["layer"]
        for channel in ("x", "y")
        if "axis" in layer["encoding"].get(channel, {})
        and (layer["encoding"][channel].get("scale", {}).get("type") == "log") == log
    ]


@pytest.mark.parametrize("calculator_id", IDS)
def test_narrow_chart_keeps_the_data_and_layers(calculator_id: str) -> None:
    """Only presentation changes: the data sets, marks' kinds and encodings' fields are the
    wide chart's, and the wide spec itself is left untouched."""
    wide = wide_spec(calculator_id)
    before = copy.deepcopy(wide)
    narrow = narrow_spec(wide)
    assert before == wide
    assert wide["datasets"] == narrow["datasets"]
    assert [json.dumps(layer["data"]) for layer in wide["layer"]] == [
        json.dumps(layer["data"]) for layer in narrow["layer"]
    ]
    for wide_layer, narrow_layer in zip(wide["layer"], narrow["layer"], strict=True):
        assert {name: enc.get("field") for name, enc in wide_layer["encoding"].items() if isinstance(enc, dict)} == {
            name: enc.get("field") for name, enc in narrow_layer["encoding"].items() if isinstance(enc, dict)
        }


@pytest.mark.parametrize("calculator_id", IDS)
def test_narrow_chart_is_drawn_for_a_phone(calculator_id: str) -> None:
    """Its own width (narrower than the wide chart's), 12 px text everywhere, and every linear
    or date axis capped at NARROW_TICKS ticks, whether the wide axis gives a number, an
    expression or nothing; labels that would touch are dropped. A log axis keeps the wide
    one's ticks, whose labels its expression thins by the plot's width (test_chart_labels)."""
    wide = wide_spec(calculator_id)
    narrow = narrow_spec(wide)
    assert NARROW_WIDTH == narrow["width"] < wide["width"]
    assert 12 == narrow["config"]["axis"]["labelFontSize"] == narrow["config"]["axis"]["titleFontSize"]
    assert 12 == narrow["config"]["legend"]["labelFontSize"]
    assert "greedy" == narrow["config"]["axis"]["labelOverlap"]
    for layer in narrow["layer"]:
        if isinstance(layer["mark"], dict) and layer["mark"]["type"] == "text":
            assert 12 == layer["mark"]["fontSize"]
    for wide_axis, narrow_axis in zip(axes(wide), axes(narrow), strict=True):
        count = wide_axis.get("tickCount")
        if isinstance(count, dict):
            assert {"expr": f"min({NARROW_TICKS}, ({count['expr']}))"} == narrow_axis["tickCount"]
        else:
            assert min(NARROW_TICKS, count or NARROW_TICKS) == narrow_axis["tickCount"]
    assert axes(wide, log=True) == axes(narrow, log=True)


@pytest.mark.parametrize(
    ("count", "capped"), [(None, 5), (3, 3), (8, 5), (7.5, 5), ({"expr": "a"}, {"expr": "min(5, (a))"})]
)
def test_tick_counts_of_every_kind_are_capped(count: object, capped: object) -> None:
    """A tick count absent, numeric or an expression ends at most NARROW_TICKS."""
    spec = {"layer": [{"mark": "line", "encoding": {"x": {"axis": {} if count is None else {"tickCount": count}}}}]}
    assert capped == narrow_spec(spec)["layer"][0]["encoding"]["x"]["axis"]["tickCount"]


def _label_layers(spec: dict) -> list[dict]:
    """The text marks of the point labels (the label and its halo)."""
    return [
        layer["mark"]
        for layer in spec["layer"]
        if layer["data"].get("name") == "points" and isinstance(layer["mark"], dict) and layer["mark"]["type"] == "text"
    ]


@pytest.mark.parametrize("calculator_id", IDS)
def test_numbered_labels_are_written_as_numbers_and_listed_under_the_phones_chart(calculator_id: str) -> None:
    """In every setting a reader sees: where the core numbered labels (calculators/_labels.py),
    the phone's picture writes them as their numbers, places every label where the numbered
    placement put it, and lists "number label" under the chart in the numbers' order; the
    wide and live chart write every label in words. Without numbers, the picture has no list."""
    calculator = CALCULATORS[calculator_id]
    for values in reader_settings(calculator_id).values():
        data = ran(calculator_id, values)["chart"]
        wide = vega_lite_spec(calculator.chart, data)
        narrow = phone_spec(calculator.chart, data)
        points = number_crowded_labels(calculator.chart, data).get("points", [])
        keyed = sorted((r for r in points if r.get("key")), key=lambda r: int(r["key"]))
        assert "title" not in wide
        assert all("key" not in mark["text"]["expr"] for mark in _label_layers(wide))
        if not keyed:
            assert "title" not in narrow
            continue
        assert narrow["title"]["orient"] == "bottom"
        assert narrow["title"]["text"] == [f"{row['key']}\u2002{row['label']}" for row in keyed]
        assert [row["key"] for row in keyed] == [str(n) for n in range(1, len(keyed) + 1)]
        marks = _label_layers(narrow)
        assert len(marks) == 2
        for mark in marks:
            assert mark["text"]["expr"].startswith("datum.key || (")
            assert f"'{KEY_PREFIX}'" in mark["dx"]["expr"] and f"'{KEY_PREFIX}'" in mark["align"]["expr"]


def test_the_scaling_paradoxs_phone_chart_lists_its_numbered_labels() -> None:
    """A golden case of the rule above (its two crowded labels, numbered from the left)."""
    calculator = CALCULATORS["scaling-paradox"]
    narrow = phone_spec(calculator.chart, run("scaling-paradox", {})["chart"])
    assert narrow["title"]["text"] == ["1\u2002Data ×2,048", "2\u2002Parameters ×8,192"]
