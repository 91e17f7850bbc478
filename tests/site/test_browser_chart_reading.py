"""Reading the live charts and using the presets, in the browser.

Every calculator's live chart, at 375 px and 1280 px: no two pieces of text overlap (tick
labels, titles, point labels, legend), none is cut short with "…" or reaches past the chart's
edge, the chart fits the screen, and every tick label is in the site's number format (as tests/site/test_chart_labels.py checks the static
charts), with no log axis's label hidden as crowded. A tap on a touch screen reads out the nearest value. Presets set what they say,
show which one is active, and Reset returns every input to its default.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from calculators import CALCULATORS, run, vega_lite_spec
from calculators._format import tick_label
from calculators._labels import CLEARANCE, PLOT_GROUPS, LinePieces, label_box, plot_model
from calculators._typed import read_number
from chart_svg import svg_with_names

from browser_helpers import LINE_POINTS, expect_chart_drawn, expect_outputs, fill_input, open_live, wait_until

IDS = sorted(CALCULATORS)
E_NOTATION = re.compile(r"\d[eE][+\-−]?\d")

# Every visible text box of the live chart, in page pixels.
TEXT_BOXES = """root => {
  const svg = root.querySelector('.calc__chart-live svg');
  const frame = svg.getBoundingClientRect();
  const boxes = [...svg.querySelectorAll('text')]
    .filter((t) => t.textContent.trim() && t.getAttribute('opacity') !== '0' && getComputedStyle(t).opacity !== '0')
    .filter((t) => !t.closest('.label_halo_marks'))  // a label's halo lies under it, the same box
    .map((t) => {
      const b = t.getBoundingClientRect();
      const role = t.closest('[class*="role-"]')?.getAttribute('class') ?? '';
      return { text: t.textContent, role, left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    });
  return {
    frame: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom },
    screen: document.documentElement.clientWidth,
    boxes,
  };
}"""


# Each log axis of the live chart (its title says "log scale"; Vega names no axis for screen
# readers, chart_config): the labels Vega wrote, and those it hid as crowded.
LOG_LABELS = """root => [...root.querySelectorAll('.calc__chart-live svg .role-axis')]
  .filter((axis) => /log scale/.test(axis.querySelector('.role-axis-title')?.textContent ?? ''))
  .map((axis) => [...axis.querySelectorAll('.role-axis-label text')].filter((t) => t.textContent.trim()))
  .map((texts) => ({
    written: texts.map((t) => t.textContent),
    hidden: texts.filter((t) => t.getAttribute('opacity') === '0').map((t) => t.textContent),
  }))"""


def _hidden_log_labels(root) -> list[list[str]]:
    """The labels hidden as crowded on each live log axis spanning a decade or more (under
    one, Vega hides every other label, which keeps them even)."""
    hidden = []
    axes = root.evaluate(LOG_LABELS)
    declared = root.get_attribute("data-calculator")
    chart = CALCULATORS[declared].chart
    assert len(axes) == [chart.x.scale, chart.y.scale].count("log"), (declared, axes)  # all found
    for axis in axes:
        numbers = [read_number(t.lstrip("×").replace("−", "-")) or 0.0 for t in axis["written"]]
        if axis["hidden"] and max(numbers) >= 10 * min(numbers):
            hidden.append(axis["hidden"])
    return hidden


def _overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of text boxes closer than 2 px side by side (touching labels read as one:
    "1001,000") that also share more than 2 px of height (a text box's height includes its
    line gap, so stacked lines such as a legend's may touch without their letters meeting)."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            beside = a["left"] < b["right"] + 2 and b["left"] < a["right"] + 2
            if beside and a["top"] < b["bottom"] - 2 and b["top"] < a["bottom"] - 2:
                pairs.append((a["text"], b["text"]))
    return pairs


# The chart has been drawn again for the width it now has: it fits the screen.
CHART_FITS = """() => [...document.querySelectorAll('.calc__chart-live svg')]
  .every((svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)"""


@pytest.mark.parametrize("calculator_id", IDS)
def test_live_chart_text_neither_overlaps_nor_is_cut_off(reader, site, base_url, calculator_id) -> None:
    """Defaults and each preset, at 1280 px and then at 375 px (the same visit, the window
    narrowed and Reset pressed): no two text boxes overlap, none is cut short by Vega ("…")
    and each lies inside the chart, the chart inside the screen, and the axes' tick labels
    are the site's (no e-notation, at least three an axis)."""
    page = reader.page
    root = open_live(page, base_url, site, calculator_id)
    calculator = CALCULATORS[calculator_id]
    for width in (1280, 375):
        form = calculator.defaults()
        if width != 1280:
            page.set_viewport_size({"width": width, "height": 900})
            root.locator('[data-action="reset"]').click()
            expect_outputs(root, run(calculator_id, form))
            wait_until(page, CHART_FITS)  # redrawn for the narrower screen
        for preset in [None, *calculator.presets]:
            if preset:
                root.locator(f'[data-preset="{preset.id}"]').click()
                form = {**form, **calculator.preset_values(preset)}  # kept inputs stay as they were
                expect_outputs(root, run(calculator_id, form))
            expect_chart_drawn(root)
            drawn = root.evaluate(TEXT_BOXES)
            boxes, frame = drawn["boxes"], drawn["frame"]
            name = preset.id if preset else "defaults"
            assert [] == _overlapping(boxes), (name, width)
            outside = [b["text"] for b in boxes if b["left"] < frame["left"] - 1 or b["right"] > frame["right"] + 1]
            assert [] == outside, (name, width)
            assert [] == [b["text"] for b in boxes if "…" in b["text"]], (name, width)
            assert frame["right"] <= drawn["screen"] + 1, (name, width, frame, drawn["screen"])
            ticks = [b["text"] for b in boxes if "role-axis-label" in b["role"]]
            assert not [t for t in ticks if E_NOTATION.search(t)], ticks
            assert len(ticks) >= 6, ticks  # two axes, three labels or more each
            # A log axis's labels have room in the reader's font too: Vega hides none as crowded.
            assert [] == _hidden_log_labels(root), (name, width)


# For each change of the calculator's first output, whether its chart's figure was busy
# then; and each time the figure stops being busy, where the live chart's marked points are.
WATCH_DRAWS = """(root) => {
  const figure = root.querySelector('.calc__chart');
  const output = root.querySelector('[data-output]');
  const points = () => [...figure.querySelectorAll('.calc__chart-live .mark-symbol.role-mark path')]
    .map((p) => p.getAttribute('transform'));
  self.__draws = { before: points(), busyAtOutput: [], pointsWhenDrawn: [] };
  new MutationObserver(() => self.__draws.busyAtOutput.push(figure.getAttribute('aria-busy')))
    .observe(output, { childList: true, characterData: true, subtree: true });
  new MutationObserver(() => {
    if (!figure.hasAttribute('aria-busy')) self.__draws.pointsWhenDrawn.push(points());
  }).observe(figure, { attributes: true, attributeFilter: ['aria-busy'] });
}"""


def test_the_chart_is_busy_from_the_outputs_until_it_is_drawn(reader, site, base_url) -> None:
    """When a result's outputs show, its chart's figure is already marked busy (aria-busy:
    a screen reader waits, and so do the tests that read the chart, expect_chart_drawn), and
    it stops being busy only once the chart shows that result (its points have moved)."""
    root = open_live(reader.page, base_url, site, "half-life")
    expect_chart_drawn(root)
    root.evaluate(WATCH_DRAWS)
    fill_input(root, "p", 0.95)  # Tₚ moves along the curve, away from T₅₀
    expect_outputs(root, run("half-life", {**CALCULATORS["half-life"].defaults(), "p": 0.95}))
    expect_chart_drawn(root)
    draws = reader.page.evaluate("self.__draws")
    assert draws["busyAtOutput"] and set(draws["busyAtOutput"]) == {"true"}, draws
    assert len(draws["before"]) == 2 and draws["pointsWhenDrawn"], draws
    moved = draws["pointsWhenDrawn"][0]
    assert len(moved) == 2 and moved != draws["before"], draws


def test_tick_labels_are_the_reference_labels(reader, site, base_url) -> None:
    """The live chart's tick labels (Vega's interpreter running vega_tick_label) are what
    tick_label writes for the tick values: effective compute's log axes, which reach 10²⁴
    and ×10⁶, run in powers of ten throughout (10²⁴, 10²⁵, … and ×10², ×10³, …), but for 1
    and 10, which read as themselves (×1, ×10), never ×10⁰ or ×10¹."""
    root = open_live(reader.page, base_url, site, "effective-compute")
    expect(root.locator(".calc__chart-live svg")).to_have_count(1)
    labels = [t for t in root.locator(".calc__chart-live .role-axis-label text").all_text_contents() if t]
    flop = [t for t in labels if not t.startswith("×")]
    factors = [t for t in labels if t.startswith("×")]
    assert len(flop) >= 3 and len(factors) >= 3, labels
    assert flop == [tick_label(read_number(t) or 0.0, powers=True) for t in flop]
    assert factors == [tick_label(read_number(t[1:]) or 0.0, "multiplier", powers=True) for t in factors]
    assert "×1" in factors and "×10²" in factors and "10²⁵" in flop
    assert "×10⁰" not in factors and "×10¹" not in factors


def test_a_tap_reads_the_nearest_value_on_a_touch_phone(full_chromium, site, base_url) -> None:
    """On a touch phone (375 px, touch events, no hover), tapping near a marked point shows
    its label and its values as the outputs write them. In the reader's Chromium: the headless
    shell sends a ``mouseout`` after the tap, which phones do not (tests/site/conftest.py)."""
    context = full_chromium.new_context(viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        root = open_live(page, base_url, site, "half-life")
        expect(root.locator(".calc__chart-live svg")).to_have_count(1)
        root.locator(".calc__chart").scroll_into_view_if_needed()  # taps land in the viewport
        # A marked point: the chart's symbols are its points (curves are lines, labels text).
        point = root.locator(".calc__chart-live g.mark-symbol.role-mark path").first
        box = point.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2 + 3, box["y"] + box["height"] / 2 + 2)
        tooltip = root.locator(".calc__tooltip")
        expect(tooltip).to_be_visible()
        marked = run("half-life", CALCULATORS["half-life"].defaults())["chart"]["points"]
        text = tooltip.inner_text()
        assert any(p["label"] in text and p["x_text"] in text and p["y_text"] in text for p in marked), text
        # Far from every curve, a tap hides it again.
        frame = root.locator(".calc__chart-live svg").bounding_box()
        page.touchscreen.tap(frame["x"] + frame["width"] - 5, frame["y"] + 5)
        expect(tooltip).to_be_hidden()
    finally:
        context.close()


def test_presets_show_which_is_active_and_reset_returns_the_defaults(reader, site, base_url) -> None:
    """A preset fills every field it sets (as typed), is pressed, and says what it keeps;
    editing a field releases it; clicking presets in any order gives each its own result;
    Reset brings back every default and the default result."""
    page = reader.page
    calculator = CALCULATORS["metr-logistic"]
    root = open_live(page, base_url, site, "metr-logistic")
    state = root.locator("[data-preset-state]")
    expect(state).to_contain_text("Showing the defaults")
    first, second = calculator.presets[0], calculator.presets[-1]
    # The reader's own p is kept by every METR preset.
    root.locator('input[name="p"]').fill("0.95")
    expect(state).to_have_text("Showing your own inputs.")
    for preset in (first, second, first):
        button = root.locator(f'[data-preset="{preset.id}"]')
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(root.locator('[aria-pressed="true"]')).to_have_count(1)
        expect(state).to_contain_text(preset.label)
        expect(state).to_contain_text("Keeps your Target success probability, p")
        values = {**calculator.defaults(), **calculator.preset_values(preset), "p": 0.95}
        expect_outputs(root, run("metr-logistic", values))
        fields = json.loads(button.get_attribute("data-values"))
        for name, text in fields.items():
            expect(root.locator(f'form [name="{name}"]')).to_have_value(text)
            assert read_number(text) == values[name] and "e" not in text
    root.locator('input[name="t50"]').fill("70")
    expect(root.locator('[aria-pressed="true"]')).to_have_count(0)
    root.locator('[data-action="reset"]').click()
    for spec in calculator.inputs:
        expect(root.locator(f'form [name="{spec.name}"]')).to_have_value(
            root.locator(f'form [name="{spec.name}"]').get_attribute("data-default")
        )
    expect_outputs(root, run("metr-logistic", calculator.defaults()))
    expect(state).to_contain_text("Showing the defaults")


def test_glossary_terms_link_from_calculators(reader, site, base_url) -> None:
    """A calculator's first FLOP, OOM and nats link to their glossary entries, which exist,
    with the entry's first sentence as the link's title."""
    page = reader.page
    root = open_live(page, base_url, site, "effective-compute")
    flop = root.locator("a.calc__term", has_text="FLOP").first
    expect(flop).to_have_attribute("title", re.compile("floating-point operation"))
    href = flop.get_attribute("href")
    assert href.endswith("glossary/#term-flop"), href
    oom = root.locator("a.calc__term", has_text=re.compile("OOM|[Oo]rders? of magnitude")).first
    assert oom.get_attribute("href").endswith("#term-oom-order-of-magnitude")
    flop.click()
    expect(page.locator("dt#term-flop")).to_be_visible()
    expect(page.locator("dt#term-nats")).to_have_count(1)


# Each point label (not the legend's) that a line mark passes through, sampled every pixel
# along each line's path against the label's box shrunk by a pixel: [chart, label] pairs.
LABELS_ON_LINES = """() => {
  const found = [];
  for (const svg of document.querySelectorAll('svg')) {
    const labels = [...svg.querySelectorAll('.role-mark text')].filter((t) => t.textContent.trim() && !t.closest('.role-legend'));
    const points = (LINE_POINTS)([...svg.querySelectorAll('.mark-line path')], 1);
    for (const text of labels) {
      const b = text.getBoundingClientRect();
      if (points.some(([x, y]) => x > b.left + 1 && x < b.right - 1 && y > b.top + 1 && y < b.bottom - 1)) {
        found.push([svg.dataset.chart, text.textContent]);
      }
    }
  }
  return found;
}""".replace("LINE_POINTS", LINE_POINTS)


def _placed_clear(calculator_id: str, values: dict) -> set[str]:
    """The wide chart's point labels that the label model placed clear of every line at
    every wide plot it models (those it could not, it says so by a count above 0)."""
    calculator = CALCULATORS[calculator_id]
    chart = run(calculator_id, values)["chart"]
    data = {"points": chart["points"], "lines": chart["lines"]}
    plots = [plot for plot in plot_model(calculator.chart, data) if plot.width in PLOT_GROUPS[0].widths]
    clear = set()
    for row in chart["points"]:
        boxes = [label_box(plot, row, row["side"], row["place"]).grown(CLEARANCE) for plot in plots]
        if not any(LinePieces(plot, chart["lines"]).crossed_by(box) for plot, box in zip(plots, boxes, strict=True)):
            clear.add(row["label"])
    return clear


def test_governance_labels_cross_no_line_on_the_wide_chart(browser) -> None:
    """The governance essay's charts as the build draws them for wide screens, drawn in
    Chromium, whose text boxes are the reader's: in every setting neither threshold
    crossing's label has a line running through it (calculators/_labels.py sets them along
    their flat lines), and no label the label model placed clear of every line at the wide
    plots it models (520 and 575 px) has one running through it here."""
    charts, clear = [], set()
    for calculator_id in ("effective-compute", "lifetime-compute"):
        calculator = CALCULATORS[calculator_id]
        defaults = calculator.defaults()
        settings = {"defaults": defaults} | {
            p.id: {**defaults, **calculator.preset_values(p)} for p in calculator.presets
        }
        for name, values in settings.items():
            svg = svg_with_names(vega_lite_spec(calculator.chart, run(calculator_id, values)["chart"]))
            charts.append(svg.replace("<svg ", f'<svg data-chart="{calculator_id}/{name}" ', 1))
            clear |= {(f"{calculator_id}/{name}", label) for label in _placed_clear(calculator_id, values)}
    assert any(setting.endswith("/defaults") for setting, _ in clear), "the model found no clear place at all"
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.set_content("<body style='font-family: system-ui'>" + "".join(charts) + "</body>")
    crossed = page.evaluate(LABELS_ON_LINES)
    page.close()
    assert [] == [c for c in crossed if c[1].startswith(("EU ", "US "))], crossed
    assert [] == [c for c in crossed if tuple(c) in clear], (crossed, clear)
