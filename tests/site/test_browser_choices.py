"""A choice on the page: the explorer's METR release and models fitted are lists of named
options that presets, Reset and links set, and that recompute the result when picked."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from calculators import CALCULATORS, run

from browser_helpers import expect_outputs, open_live

ID = "time-horizons"


def test_picking_presets_reset_and_links_set_a_choice(reader, site, base_url) -> None:
    calculator = CALCULATORS[ID]
    page = reader.page
    root = open_live(page, base_url, site, ID)
    report = root.locator('form select[name="report"]')
    models = root.locator('form select[name="frontier_only"]')
    expect(report.locator("option:checked")).to_have_text("Time Horizon 1.1 (January 2026)")
    expect(models.locator("option:checked")).to_have_text("Only those that set a new record")

    # Picked by its name: the result is CPython's for that number, and the link holds it.
    models.select_option(label="All models")
    expect_outputs(root, run(ID, {**calculator.defaults(), "frontier_only": 0.0}))
    expect(page).to_have_url(re.compile(rf"{ID}\.frontier_only=0\b"))

    # A preset sets the choices it names; Reset returns them to their defaults.
    root.locator('[data-preset="ord-7-months"]').click()
    expect(report.locator("option:checked")).to_have_text("Time Horizon 1.0 (March 2025)")
    expect(models.locator("option:checked")).to_have_text("Only those that set a new record")
    preset = calculator.presets[[p.id for p in calculator.presets].index("ord-7-months")]
    expect_outputs(root, run(ID, {**calculator.defaults(), **calculator.preset_values(preset)}))
    root.locator('[data-action="reset"]').click()
    expect(report).to_have_value("1.1")
    expect_outputs(root, run(ID, calculator.defaults()))

    # A link naming an option the list lacks leaves the choice as it was; a good one sets it.
    root = open_live(page, base_url, site, ID, f"{ID}.report=1.2&{ID}.frontier_only=0")
    expect(root.locator('form select[name="report"]')).to_have_value("1.1")
    expect(root.locator('form select[name="frontier_only"]')).to_have_value("0")
    expect_outputs(root, run(ID, {**calculator.defaults(), "frontier_only": 0.0}))
