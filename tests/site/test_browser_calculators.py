"""Every declared calculator, in the browser: Pyodide computes what CPython computes, and a
reader can share, compare and take away the result; then the mechanisms every calculator
shares (typing at phone width, hover, dark mode), once.

Tests are generated from the declarations, so a new calculator is covered as soon as it is
registered. Expected values always come from CPython's :mod:`calculators`. What a calculator
shows before Python starts is read from the built HTML (tests/site/test_static_results.py),
and what it shows when Python cannot start is checked once (test_browser_half_life.py).
"""

from __future__ import annotations

import json
import re
from html import escape as html_escape
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

import calculators
from calculators import CALCULATORS, export, run
from calculators._chart import chart_description
from calculators._typed import key_text, read_number

from browser_helpers import assert_same_numbers, expect_outputs, fill_input, open_live, page_of

IDS = sorted(CALCULATORS)


@pytest.mark.parametrize("calculator_id", IDS)
def test_permalink_then_example_recomputes_copy_downloads_and_pin(reader, site, base_url, calculator_id) -> None:
    """A link carrying the example restores it (unknown names and non-numbers ignored).
    Then, Reset and the defaults pinned, typing the declared example gives CPython's outputs,
    table, Python snippet and a live chart, writes the inputs back into the address, and the
    pinned values stay beside them; copy as Python and the downloads hold CPython's export;
    unpinned, an emptied input gets the core's message next to it. (One visit a calculator
    for all of it: each visit re-mounts and redraws.)"""
    calculator = CALCULATORS[calculator_id]
    assert set(calculator.example) == {spec.name for spec in calculator.inputs}
    expected = run(calculator_id, calculator.example)
    assert expected["ok"], expected
    default = run(calculator_id, calculator.defaults())
    assert expected["outputs"] != default["outputs"], "the example must change the result"
    page = reader.page
    params = {f"{calculator_id}.{name}": str(value) for name, value in calculator.example.items()}
    params[f"{calculator_id}.no_such_input"] = "5"
    params["unrelated"] = "<b>x</b>"
    root = open_live(page, base_url, site, calculator_id, urlencode(params))
    expect_outputs(root, expected)
    for name, value in calculator.example.items():
        assert value == read_number(root.locator(f'form [name="{name}"]').input_value())

    root.locator('[data-action="reset"]').click()
    expect_outputs(root, default)
    # Reset is the reader's change: the address now holds the defaults.
    read = expected["inputs"]  # the example as Python read it, which the address writes
    first = next(spec.name for spec in calculator.inputs if read[spec.name] != default["inputs"][spec.name])
    in_address = re.compile(re.escape(f"{calculator_id}.{first}={key_text(read[first])}") + "(&|#|$)")
    expect(page).not_to_have_url(in_address)
    # The result Pin keeps is in once its chart is.
    expect(root.locator(".calc__chart-live svg")).to_have_count(1)

    root.locator('[data-action="pin"]').click()
    for name, value in calculator.example.items():
        fill_input(root, name, value)
    example = export(calculator_id, calculator.example, calculators.__version__)
    expect_outputs(root, expected)
    expect(page).to_have_url(in_address)
    expect(root.locator("[data-table-body] tr")).to_have_count(len(expected["table"]["rows"]))
    expect(root.locator("[data-table-body] tr").first).to_contain_text(expected["table"]["rows"][0][0])
    expect(root.locator("[data-python]")).to_have_text(expected["python"])
    expect(root.locator(".calc__chart-live svg")).to_have_count(1)
    expect(root.locator(".calc__chart-canvas > svg")).to_have_count(0)
    for name, output in default["outputs"].items():
        expect(root.locator(f'[data-pinned="{name}"]')).to_have_text(f"pinned: {output['text']}")

    root.locator('[data-action="copy-python"]').click()
    expect(root.locator("[data-notice]")).to_have_text("Python copied.")
    # The copy starts with the one pip install line (this build's address for the wheel).
    wheel = next((site / "python").glob("*.whl")).name
    install = f"http://127.0.0.1:8000/python/{wheel}"
    expected = calculators.python_snippet(calculator_id, run(calculator_id, calculator.example)["inputs"], install)
    assert expected == example["python"].replace("from calculators", f"# pip install {install}\n\nfrom calculators", 1)
    assert expected == page.evaluate("navigator.clipboard.readText()")

    # Downloads name their inputs, and CSV and JSON say where they come from (the result's
    # permalink, the site's version, the licence) around CPython's export.
    # ... named by the numbers read, as a link writes them (1e24, not the field's 10^24).
    stem = "_".join([calculator_id, *(f"{name}-{key_text(value)}" for name, value in read.items())])
    for kind in ("csv", "json", "svg", "png"):
        with page.expect_download() as info:
            root.locator(f'[data-download="{kind}"]').click()
        download = info.value
        assert f"{stem}.{kind}" == download.suggested_filename
        saved = Path(download.path()).read_bytes()
        if kind == "svg":
            assert saved.startswith(b"<svg") and b'class="marks"' in saved
            # Named by the chart's description, as the build's file is.
            name = html_escape(chart_description(calculator.chart), quote=False)
            assert f"<title>{name}</title>".encode() in saved
            continue
        if kind == "png":
            assert saved[:8] == b"\x89PNG\r\n\x1a\n"
            continue
        text = saved.decode("utf-8")
        about = {"permalink": page.url, "site_version": calculators.__version__, "licence": "CC BY 4.0"}
        if kind == "csv":
            header, *rows = text.split("\n")
            assert rows[:3] == [
                f"about,permalink,Permalink,{about['permalink']},,,,,,",
                f"about,site_version,Site version,{about['site_version']},,,,,,",
                "about,licence,Licence,CC BY 4.0,,,,,,",
            ]
            assert rows[3].startswith("about,licence_url,")
            text = "\n".join([header, *rows[4:]])
        else:
            document = json.loads(text)
            assert {k: document["about"][k] for k in about} == about
            assert f"{calculator_id}.{calculator.inputs[0].name}=" in about["permalink"]
            text = "{\n" + text.split("\n  },\n", 1)[1]
        assert_same_numbers(example[kind], text)

    root.locator('[data-action="unpin"]').click()
    expect(root.locator("[data-pinned]").first).to_be_hidden()

    root.locator(f'input[name="{first}"]').fill("")
    message = run(calculator_id, {**calculator.example, first: ""})["errors"][first]
    expect(root.locator(f'[data-error-for="{first}"]')).to_have_text(message)


def test_phone_width_result_follows_input(reader, site, base_url) -> None:
    """At 375 px the calculator with the most inputs and outputs recomputes as typed into and
    still fits the screen. (Every page, its calculators live, is checked at 375 px without
    typing in tests/site/test_browser_every_page.py.)"""
    page = reader.page
    page.set_viewport_size({"width": 375, "height": 800})
    calculator = CALCULATORS["chinchilla"]
    root = open_live(page, base_url, site, "chinchilla")
    for name, value in calculator.example.items():
        fill_input(root, name, value)
    expect_outputs(root, run("chinchilla", calculator.example))
    expect(root.locator(".calc__chart-live svg")).to_have_count(1)
    assert 375 >= page.evaluate("document.documentElement.scrollWidth")


def test_chart_values_show_on_hover_and_follow_dark_mode(reader, site, base_url) -> None:
    """Hovering a marked point of a live chart shows its values; in dark mode the chart's
    text takes the page's light text colour. (One mechanism for every chart: each chart's
    spec and its marked points are checked per calculator in tests/site/test_static_results.py.)"""
    page = reader.page
    root = open_live(page, base_url, site, "half-life")
    expect(root.locator(".calc__chart-live svg")).to_have_count(1)
    point = root.locator(".calc__chart-live g.mark-symbol.role-mark path").first  # a marked point
    point.hover(force=True)
    expect(root.locator(".calc__tooltip")).to_be_visible()
    expect(root.locator(".calc__tooltip")).not_to_be_empty()
    page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    text = root.locator(".calc__chart-live svg text").first
    # Vega draws text black (#000); the site's stylesheet gives it the theme's text colour.
    assert "rgb(0, 0, 0)" != text.evaluate("e => getComputedStyle(e).fill")
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_fields_show_powers_of_ten_as_typed_and_read_every_form(reader, site, base_url) -> None:
    """A field shows 10^24 (not 1e24) before and after Python starts; a reader may type the
    outputs' own form (3 × 10²⁴) and gets CPython's result; an old link's 1e24-style value
    restores and is then shown as the form writes it, and the link written back is compact."""
    cid = "effective-compute"
    calculator = CALCULATORS[cid]
    html = (site / page_of(site, cid) / "index.html").read_text(encoding="utf-8")
    assert 'name="pretrain_flop" type="text" inputmode="decimal"' in html
    assert 'value="10^24" data-default="10^24"' in html

    root = open_live(reader.page, base_url, site, cid, urlencode({f"{cid}.pretrain_flop": "2e+25"}))
    field = root.locator('input[name="pretrain_flop"]')
    expect_outputs(root, run(cid, {"pretrain_flop": 2e25}))
    expect(field).to_have_value("2 × 10^25")

    for typed, value in (
        ("3 × 10²⁴", 3e24),
        ("10^23", 1e23),
        ("4e24", 4e24),
        ("1,000,000,000,000,000,000,000,000", 1e24),
    ):
        field.fill(typed)
        expect_outputs(root, run(cid, {**calculator.defaults(), "pretrain_flop": value}))
        expect(reader.page).to_have_url(re.compile(re.escape(f"{cid}.pretrain_flop={key_text(value)}")))
    field.fill("3 × ten^24")
    message = run(cid, {"pretrain_flop": "3 × ten^24"})["errors"]["pretrain_flop"]
    expect(root.locator('[data-error-for="pretrain_flop"]')).to_have_text(message)
