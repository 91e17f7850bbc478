"""The data pages: their charts (hooks/data_charts.py) and what the pages may say.

Fast tests: they unit-test the hook's functions on the shipped CSVs and check the Markdown
sources; the built HTML is checked only if a build is already there (``site/``, or the
folder named by ``DATA_PAGES_SITE``), never built here.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest
import vl_convert

from calculators._chart import chart_config, position_encoding
from calculators._format import axis_in_powers, tick_label, vega_signal, vega_tick_label
from calculators._typed import read_number
from chart_svg import svg_with_names
from repo_modules import ROOT, load_module

charts = load_module("hooks/data_charts.py")
DOCS = ROOT / "docs"
PAGES = ["data.md", "data/metr_horizons.md", "data/hamilton_weibull.md"]
# Notes only the project's authors could follow; none may appear on a public page.
INTERNAL = [
    r"fact base",
    r"§\s*\d",
    r"shared/research",
    r"requested layout",
    r"someone should decide",
    r"no web access",
    r"not checked",
    r"we have not checked",
    r"recorded in the project",
]


def rows(name: str) -> list[dict[str, str]]:
    chart = charts.CHARTS[name]
    return charts.read_rows(DOCS / chart.csv, chart.columns)


# ---- The hook's functions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0.039762, "2.4 s"),
        (1.0, "1 min"),
        (56.09162, "56 min"),
        (718.80683, "12 h"),
        (6000.0, "100 h"),
        (1 / 60, "1 s"),
    ],
)
def test_duration_reads_like_a_person_would_say_it(minutes: float, text: str) -> None:
    assert charts.duration(minutes) == text


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_duration_refuses_what_is_not_a_length(bad: float) -> None:
    with pytest.raises(ValueError, match="positive number of minutes"):
        charts.duration(bad)


def test_read_rows_refuses_a_csv_with_other_columns(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("model,k\nx,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected the columns"):
        charts.read_rows(path, charts.HAMILTON_COLUMNS)


def test_unknown_chart_name_fails() -> None:
    with pytest.raises(ValueError, match="unknown data chart 'nope'"):
        charts.render("nope", DOCS)


def test_metr_chart_has_every_row_and_the_calculators_log_axis() -> None:
    data = rows("metr_horizons")
    for width in (charts.WIDE, charts.NARROW):
        spec = charts.metr_spec(data, width)
        assert spec["width"] == width
        assert len(spec["data"]["values"]) == len(data) == 58
        point = spec["layer"][1]["encoding"]
        assert point["y"]["scale"]["type"] == "log"
        assert point["color"]["field"] == "report" and point["shape"]["field"] == "report"
        low, high = point["y"]["scale"]["domain"]
        assert low <= min(float(r["horizon50_ci_low_min"]) for r in data) / 60
        assert high >= max(float(r["horizon50_ci_high_min"]) for r in data) / 60
        # The calculators' own axis (calculators._chart.position_encoding): the same tick
        # format and tick count, not a copy.
        assert point["y"]["axis"]["labelExpr"] == position_encoding(charts.HORIZON_AXIS, "y")["axis"]["labelExpr"]
        y_label = vega_tick_label(
            "number", powers=vega_signal("y", "powers"), keep_blanks=False, decimals=vega_signal("y", "decimals")
        )
        assert y_label in point["y"]["axis"]["labelExpr"]
        assert point["y"]["axis"]["tickCount"] == position_encoding(charts.HORIZON_AXIS, "y")["axis"]["tickCount"]
        # Models by name, as the explorer's tooltips give them.
        names = {value["model"] for value in spec["data"]["values"]}
        assert {"GPT-4o (Inspect)", "Claude Opus 4.6", "GPT-2"} <= names and not any("_" in n for n in names)
    assert charts.metr_spec(data, charts.WIDE)["config"] == chart_config()


def test_metr_description_is_computed_from_the_data() -> None:
    text = charts.metr_description(rows("metr_horizons"))
    assert "58 points (33 from Time Horizon 1.0 and 25 from Time Horizon 1.1)" in text
    assert "from February 2019 to March 2026" in text
    assert "from 2.4 s to 12 h (Claude Opus 4.6, Time Horizon 1.1)" in text


def test_hamilton_chart_has_two_panels_sorted_by_k_and_a_line_at_one() -> None:
    data = rows("hamilton_weibull")
    spec = charts.hamilton_spec(data, charts.WIDE)
    assert [panel["title"]["text"] for panel in spec["vconcat"]] == [
        "February 2026 fits (Time Horizon 1.1 runs)",
        "January 2026 fits (March 2025 runs)",
    ]
    layer = spec["vconcat"][0]["layer"]
    assert layer[0]["encoding"]["x"]["datum"] == 1
    assert layer[2]["encoding"]["y"]["sort"] == {"field": "k", "order": "ascending"}
    blocks = [v["block"] for v in spec["data"]["values"]]
    assert blocks.count(blocks[0]) == 15 and len(blocks) == 29


def test_hamilton_description_is_computed_from_the_data() -> None:
    text = charts.hamilton_description(rows("hamilton_weibull"))
    assert "15 fits, k from 0.38 (human) to 0.78 (o3 (Inspect))" in text
    assert "14 fits, k from 0.37 (GPT-2) to 0.87 (Claude 3.7 Sonnet)" in text
    assert "in 29 of 29 fits" in text


@pytest.mark.parametrize("name", sorted(charts.CHARTS))
def test_render_gives_two_labelled_drawings_with_no_outside_request(name: str) -> None:
    html = charts.render(name, DOCS)
    assert html.count("<svg") == 2
    assert 'class="data-chart__wide"' in html and 'class="data-chart__narrow"' in html
    assert f'aria-labelledby="chart-{name}-title"' in html and f'id="chart-{name}-description"' in html
    assert "<figcaption>" in html
    # One image to assistive technology: the named wrapper is the only element with a role.
    assert re.findall(r'\srole="([^"]*)"', html) == ["img"]
    # Nothing is fetched from anywhere: no external address, no script.
    assert not re.search(r'(?:href|src)="https?://', html)
    assert "<script" not in html
    # Axis labels are for people: no e-notation among the drawn texts.
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", html)
    assert texts and not [t for t in texts if re.fullmatch(r"[\d.]+e[+-]?\d+", t)]
    # No label cut short.
    assert not [t for t in texts if "…" in t]


def test_data_chart_ticks_are_written_as_the_calculators_write_them() -> None:
    """The drawn tick labels are tick_label's (the calculators' reference format), in one
    style an axis: powers of ten throughout where the axis's range needs one (axis_in_powers,
    from the domain the chart gives its scale), and on a linear axis with the decimals of its
    tick step (0, 0.5, 1.0)."""
    for name, axis_title, channel in (("metr_horizons", "Y-axis", "y"), ("hamilton_weibull", "X-axis", "x")):
        for width in (charts.WIDE, charts.NARROW):
            spec = charts.CHARTS[name].spec(rows(name), width)
            layers = spec["layer"] if "layer" in spec else spec["vconcat"][0]["layer"]  # Hamilton's: panels
            encoding = next(
                layer["encoding"][channel] for layer in layers if "field" in layer["encoding"].get(channel, {})
            )
            low, high = encoding["scale"]["domain"]
            powers = axis_in_powers(low, high, encoding["scale"].get("type", "linear"))
            svg = svg_with_names(spec)
            block = svg.split(f'aria-label="{axis_title}')[1].split("role-axis-domain")[0]
            labels = [t for a, t in re.findall(r"<text([^>]*)>([^<]*)</text>", block) if t and 'opacity="0"' not in a]
            assert len(labels) >= 3, (name, width, labels)
            values = [read_number(label.replace("−", "-")) for label in labels]
            decimals = None
            if encoding["scale"].get("type", "linear") == "linear":
                step = abs(values[1] - values[0])  # type: ignore[operator]
                decimals = max(0, -math.floor(math.log10(step) + 1e-9))
            assert [tick_label(v, powers=powers, decimals=decimals) for v in values] == labels, (name, width)  # type: ignore[arg-type]


def test_specs_are_valid_vega_lite() -> None:
    for name, chart in charts.CHARTS.items():
        for width in (charts.WIDE, charts.NARROW):
            assert vl_convert.vegalite_to_vega(chart.spec(rows(name), width)), name


def test_shortcode_is_replaced_and_an_unknown_one_fails() -> None:
    class Config(dict):
        docs_dir = str(DOCS)

    class Page:
        class file:
            src_uri = "data/x.md"

    out = charts.on_page_content("<p>a</p><!-- md:data-chart hamilton_weibull -->", Page, Config(), None)
    assert "data-chart__wide" in out and "md:data-chart" not in out
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"data/x\.md"):
        charts.on_page_content("<!-- md:data-chart nope -->", Page, Config(), None)


# ---- The pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_data_pages_carry_no_internal_notes(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    found = [pattern for pattern in INTERNAL if re.search(pattern, text, re.IGNORECASE)]
    assert not found, f"{page}: {found}"


@pytest.mark.parametrize("page", PAGES)
def test_data_pages_cite_and_generate_their_sources(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert "## Sources\n\n<!-- md:sources -->" in text
    assert re.search(r"\[@[\w-]+", text)


@pytest.mark.parametrize("page", ["data/metr_horizons.md", "data/hamilton_weibull.md"])
def test_data_pages_have_a_readable_title_a_chart_and_a_licence_statement(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    heading = re.search(r"^# (.+)$", text, re.MULTILINE)
    assert heading and not heading[1].endswith(".csv")
    assert "<!-- md:data-chart " in text
    assert "**Licence.**" in text and "licence" in text.split("**Licence.**")[1].split("\n- **")[0].lower()


def test_shipped_csvs_keep_their_documented_row_counts() -> None:
    with (DOCS / "data/metr_horizons.csv").open(encoding="utf-8") as handle:
        reports = [row["report"] for row in csv.DictReader(handle)]
    assert (reports.count("time-horizon-1.0"), reports.count("time-horizon-1.1")) == (33, 25)
    assert len(rows("hamilton_weibull")) == 29


# ---- The built pages (the session's strict build) ----------------------------------------


@pytest.mark.parametrize("page", ["data/metr_horizons/index.html", "data/hamilton_weibull/index.html"])
def test_built_data_page_shows_its_chart(site: Path, page: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    assert html.count('class="data-chart"') == 1 and "md:data-chart" not in html
    # hooks/hashed_assets.py names the stylesheet after its content: data-charts.<hash>.css
    [stylesheet] = site.glob("stylesheets/data-charts.*.css")
    assert f"stylesheets/{stylesheet.name}" in html


def test_the_labels_table_lists_each_release_s_models_with_the_calculators_names() -> None:
    """The data page's "Suggested display labels" are written from the label file the
    calculators name models by: a two-column table per release, under its name, holding
    exactly that release's models in the data's order, each beside its name (* marking
    ours); keys break only after an underscore."""
    page = (DOCS / "data/metr_horizons.md").read_text(encoding="utf-8")
    assert "<!-- md:metr-labels -->" in page.split("## Suggested display labels")[1].split("\n## ")[0]
    data = ROOT / "calculators/data"
    markdown = charts.metr_labels_table(data)
    with (data / "metr_model_labels.csv").open(encoding="utf-8") as handle:
        named = {row["model"]: row["label"] + ("*" if row["ours"] == "true" else "") for row in csv.DictReader(handle)}
    with (data / "metr_horizons.csv").open(encoding="utf-8") as handle:
        horizons = list(csv.DictReader(handle))
    sections = markdown.split("**Time Horizon ")[1:]
    assert ["1.0", "1.1"] == [section.split("**")[0] for section in sections]
    for section, release in zip(sections, ("time-horizon-1.0", "time-horizon-1.1"), strict=True):
        lines = [line for line in section.splitlines() if line.startswith("|")]
        assert "| key | label |" == lines[0]
        rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
        assert all(re.fullmatch(r"[^_]*(_<wbr>[^_]*)*", key) for key, _ in rows)
        keys = [key.replace("<wbr>", "") for key, _ in rows]
        assert [row["model"] for row in horizons if row["report"] == release] == keys
        assert [named[key] for key in keys] == [label for _, label in rows]
    assert "| Claude Opus 4.6* |" in sections[1]  # a name of ours, marked


def test_the_labels_table_fails_the_build_on_a_model_without_a_label(tmp_path: Path) -> None:
    """A model in the data with no label, or a label for no model, stops the build."""
    data = ROOT / "calculators/data"
    (tmp_path / "metr_horizons.csv").write_bytes((data / "metr_horizons.csv").read_bytes())
    labels = (data / "metr_model_labels.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "metr_model_labels.csv").write_text("".join(labels[:-1]), encoding="utf-8")
    with pytest.raises(ValueError, match="has no label for"):
        charts.metr_labels_table(tmp_path)
    (tmp_path / "metr_model_labels.csv").write_text("".join(labels) + "gpt_9,GPT-9,true\n", encoding="utf-8")
    with pytest.raises(ValueError, match="the data does not have: \\['gpt_9'\\]"):
        charts.metr_labels_table(tmp_path)


@pytest.mark.parametrize("width", [charts.WIDE, charts.NARROW])
def test_hamilton_chart_names_every_model(width: int) -> None:
    """Every fit's model is named on its row (none dropped as crowded, none cut short)."""
    data = rows("hamilton_weibull")
    svg = svg_with_names(charts.hamilton_spec(data, width))
    shown = []
    for block in svg.split('aria-label="Y-axis')[1:]:
        part = block.split("role-axis-label")[1].split("role-axis-domain")[0]
        shown += [t for a, t in re.findall(r"<text([^>]*)>([^<]*)</text>", part) if t and 'opacity="0"' not in a]
    assert sorted(shown) == sorted(row["model"] for row in data)
