"""The half-life calculator in a real browser (Debian's Chromium), on the built site.

Expected values are computed here by CPython with the same core; the page only passes if
Pyodide, in the browser's Web Worker, computed the same thing.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from calculators import run

from browser_helpers import click_instantly, hurry_python, open_live

PAGE = "essays/half-life/"
LIVE = '.calc[data-calculator="half-life"][data-state="live"]'
# The page has a second calculator (METR's logistic): every lookup stays inside this one.
HL = '.calc[data-calculator="half-life"] '
# Pyodide's first boot in a cold headless browser on 2 cores can take several seconds.
BOOT_MS = 90_000


def outputs_for(**inputs: str) -> dict[str, str]:
    """The output texts CPython's calculators.run gives for these inputs."""
    result = run("half-life", inputs)
    assert result["ok"], result
    return {name: output["text"] for name, output in result["outputs"].items()}


def test_static_page_shows_cpythons_default_without_javascript(browser, base_url) -> None:
    """With JavaScript off, the page already shows the default result and the chart, and
    offers no button that would need a script."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    for name, text in outputs_for().items():
        expect(page.locator(HL + f'[data-output="{name}"]')).to_have_text(text)
    expect(page.locator(HL + ".calc__chart-canvas > svg")).to_be_visible()
    expect(page.locator(HL + "[data-calc-status]")).to_contain_text("computed when this page was built")
    # Nothing that needs a script is offered: no preset, Reset, Pin or copy button; the
    # downloads are links to the build's files and stay.
    assert page.locator(HL + "button").count() > 5
    for button in page.locator(HL + "button").all():
        expect(button).to_be_hidden()
    expect(page.locator(HL + '[data-download="csv"]')).to_be_visible()
    context.close()


def test_changing_inputs_recomputes_in_pyodide(reader, site, base_url) -> None:
    """After T50 and p change, the page shows what CPython computes for them, chart included."""
    page = reader.page
    open_live(page, base_url, site, "half-life")
    page.fill('input[name="t50"]', "240")
    page.fill('input[name="p"]', "0.95")
    for name, text in outputs_for(t50="240", p="0.95").items():
        expect(page.locator(HL + f'[data-output="{name}"]')).to_have_text(text)
    # The live chart replaced the static one and marks the new target point, T₉₅.
    expect(page.locator(HL + ".calc__chart-live svg")).to_be_visible()
    expect(page.locator(HL + ".calc__chart-canvas > svg")).to_have_count(0)
    # Once as the label, once as its halo beneath (calculators/_chart.py, LABEL_HALO).
    expect(
        page.locator(HL + ".calc__chart-live svg .role-mark:not(.label_halo_marks) text", has_text="T₉₅")
    ).to_have_count(1)
    expect(page.locator(HL + ".calc__chart-live svg .label_halo_marks text", has_text="T₉₅")).to_have_count(1)


def test_preset_sets_the_shape_and_recomputes(reader, site, base_url) -> None:
    """The 'AI agents, k = 0.6' preset sets k and the result follows."""
    page = reader.page
    open_live(page, base_url, site, "half-life")
    page.locator(HL.strip()).get_by_role("button", name="AI agents, k = 0.6 (Ord's summary)").click()
    expect(page.locator(HL + 'input[name="shape"]')).to_have_value("0.6")
    for name, text in outputs_for(shape="0.6").items():
        expect(page.locator(HL + f'[data-output="{name}"]')).to_have_text(text)


@pytest.mark.parametrize(
    ("field", "value"),
    [("p", "1.5"), ("t50", "-3"), ("shape", "0"), ("t50", ""), ("t50", "abc"), ("t50", "1e400"), ("p", "--5")],
)
def test_invalid_input_shows_the_cores_message_and_keeps_the_result(reader, site, base_url, field, value) -> None:
    """The core's message appears next to its input, naming it by its label; the last good
    result stays. Fields are text, so "abc" or "1e400" reach Python as typed (a number
    field would hand over "" and the reader would be told the field is empty)."""
    page = reader.page
    open_live(page, base_url, site, "half-life")
    page.fill('input[name="t50"]', "100")
    good = outputs_for(t50="100")
    expect(page.locator(HL + '[data-output="t_p"]')).to_have_text(good["t_p"])
    page.fill(f'input[name="{field}"]', value)
    message = run("half-life", {"t50": "100", field: value})["errors"][field]
    expect(page.locator(HL + f'[data-error-for="{field}"]')).to_have_text(message)
    expect(page.locator(HL + f'input[name="{field}"]')).to_have_attribute("aria-invalid", "true")
    for name, text in good.items():
        expect(page.locator(HL + f'[data-output="{name}"]')).to_have_text(text)
    # A valid value clears the message and the result follows again.
    page.fill(f'input[name="{field}"]', "0.9" if field == "p" else "2")
    expect(page.locator(HL + f'[data-error-for="{field}"]')).to_be_hidden()


def test_instant_navigation_mounts_calculators_and_boots_python_once(watched, base_url) -> None:
    """Arriving by Material's instant navigation, twice, mounts the calculator live each
    time while Python (the wasm binary and the start-up library, which holds the core) is
    fetched only once, and the core's wheel not at all."""
    page = watched.page
    runtime_fetches: list[str] = []
    page.on(
        "request",
        lambda r: (r.url.endswith((".wasm", ".whl")) or "/python_stdlib" in r.url) and runtime_fetches.append(r.url),
    )
    page.goto(base_url)
    to_half_life = page.locator("article").get_by_role("link", name="Half-life of agent success").first
    click_instantly(page, to_half_life.click, "the half-life essay")
    expect(page.locator(LIVE)).to_be_visible(timeout=BOOT_MS)
    click_instantly(page, page.get_by_role("link", name="How this site works").first.click, "How this site works")
    expect(page).to_have_url(base_url + "how-it-works/")
    # The address may change before the new content is in: going back before it is would find
    # the first visit's calculator still there, live, until the swap replaced it.
    expect(page.locator(HL)).to_have_count(0)
    page.go_back()
    expect(page.locator(LIVE)).to_be_visible(timeout=BOOT_MS)
    page.fill('input[name="p"]', "0.7")
    expect(page.locator(HL + '[data-output="t_p"]')).to_have_text(outputs_for(p="0.7")["t_p"])
    assert 2 == len(runtime_fetches), runtime_fetches  # the wasm binary, the library
    assert any("/python_stdlib-pyodide-" in url for url in runtime_fetches), runtime_fetches


def test_direct_visit_starts_python_from_the_head_once(browser, base_url) -> None:
    """Opening a calculator page starts one worker from <head> (test_build checks where),
    which the calculators adopt: Python's files are fetched once."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]))
    page.goto(base_url + PAGE)
    expect(page.locator(LIVE)).to_be_visible(timeout=BOOT_MS)
    assert 1 == fetched.count("pyodide.asm.wasm") == len([name for name in fetched if name.startswith("worker.")]), (
        fetched
    )
    assert page.evaluate("'pythonWorker' in self") is False  # adopted by runtime.js
    page.fill('input[name="p"]', "0.7")
    expect(page.locator(HL + '[data-output="t_p"]')).to_have_text(outputs_for(p="0.7")["t_p"])
    context.close()


@pytest.mark.parametrize("blocked", ["**/*.wasm", "**/javascripts/calculators/worker.*.js", "**/core-*/*"])
def test_when_python_cannot_load_the_static_result_stays(browser, base_url, blocked: str) -> None:
    """With the WebAssembly binary, the worker script or the core's files (the start-up
    library that holds it, and the wheel the worker falls back to) blocked, the
    calculator says so and keeps its result (the worker's own failure, which happens before
    the page's scripts are there, is not lost). The page's pauses before each new try pass
    on Playwright's clock, not the wall clock."""
    context = browser.new_context()
    context.route(blocked, lambda route: route.abort())
    page = context.new_page()
    page.clock.install()
    page.goto(base_url + PAGE)
    hurry_python(page, page.locator(HL.strip()), "failed")
    expect(page.locator(HL + "[data-calc-status]")).to_contain_text("Python could not start")
    for name, text in outputs_for().items():
        expect(page.locator(HL + f'[data-output="{name}"]')).to_have_text(text)
    expect(page.locator(HL + ".calc__chart-canvas > svg")).to_be_visible()
    context.close()
