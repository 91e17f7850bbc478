"""The site layer without a browser: the strict build, embeds and computed prose numbers."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from html import unescape
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from calculators import CALCULATORS, format_value, horizon_ratio, run, survival

from browser_helpers import served_library


def test_strict_build_passes(build) -> None:
    """`mkdocs build --strict` (with validation on) exits 0."""
    assert 0 == build.returncode, build.log


def test_every_calculator_is_on_a_page(site: Path) -> None:
    """Each declared calculator is embedded on at least one built page."""
    pages = "\n".join(p.read_text() for p in site.rglob("*.html"))
    embedded = set(re.findall(r'data-calculator="([^"]+)"', pages))
    assert set(CALCULATORS) == embedded


def test_no_shortcode_left_unexpanded(site: Path) -> None:
    """No `md:calculator` or `md:value` shortcode survives into the HTML."""
    for page in site.rglob("*.html"):
        assert "md:calculator" not in page.read_text(), page
        assert "md:value" not in page.read_text(), page


def test_prerendered_result_is_cpythons(site: Path) -> None:
    """The half-life page's static outputs are what calculators.run gives for the defaults."""
    html = (site / "essays" / "half-life" / "index.html").read_text()
    result = run("half-life", {})
    for name, output in result["outputs"].items():
        assert f'<output data-output="{name}">{output["text"]}</output>' in html


def test_static_chart_and_spec_are_in_the_html(site: Path) -> None:
    """The chart is a static SVG in the page, plus the compiled Vega spec with both data sets."""
    html = (site / "essays" / "half-life" / "index.html").read_text()
    assert re.search(r'<div class="calc__chart-canvas"[^>]*><svg', html)
    spec_attr = re.search(r'<figure class="calc__chart"[^>]* data-chart-spec="([^"]*)"', html)[1]
    spec = json.loads(unescape(spec_attr))
    assert {"lines", "points"} <= {d["name"] for d in spec["data"]}


def test_prose_numbers_come_from_the_core(site: Path) -> None:
    """The worked-example table shows the core's values, formatted by the core."""
    html = (site / "essays" / "half-life" / "index.html").read_text()
    expected = [
        format_value(horizon_ratio(0.8, 0.6), "multiplier"),
        format_value(horizon_ratio(0.99, 1), "multiplier"),
        format_value(survival(2, 1, 0.6), "percent"),
        format_value(survival(0.1, 1, 1), "percent"),
    ]
    for text in expected:
        # Whole on a phone: a table's number is one unit that never breaks (site.css, .num).
        assert f'<td><span class="num">{text}</span></td>' in html


def test_runtime_files_are_self_hosted(site: Path) -> None:
    """Pyodide, the core wheel, the start-up library and the manifest pointing at them are all
    in the site; the library holds one compiled module for each module of the wheel, in place
    of its source, and the wheel's package data as it is, but not its metadata."""
    runtime = site / "assets" / "runtime"
    manifest = json.loads((runtime / "runtime.json").read_text())
    assert "bytecode" not in manifest
    assert manifest["library"] == f"{manifest['wheel'].split('/')[0]}/python_stdlib-pyodide-314.0.7.zip.gz"
    with (
        zipfile.ZipFile(runtime / manifest["wheel"]) as wheel,
        served_library(site) as library,
    ):
        package = [name for name in wheel.namelist() if name.startswith("calculators/")]
        modules = sorted(name[:-3] for name in package if name.endswith(".py"))
        compiled = sorted(name[:-4] for name in library.namelist() if re.fullmatch(r"calculators/.*\.pyc", name))
        assert not [name for name in library.namelist() if re.fullmatch(r"calculators/.*\.py|.*\.dist-info/.*", name)]
        data = [name for name in package if not name.endswith(".py")]
        assert "calculators/data/metr_horizons.csv" in data
        assert all(wheel.read(name) == library.read(name) for name in data)
    assert len(modules) > 10 and modules == compiled
    assert "314.0.7" == manifest["pyodideVersion"]
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (runtime / manifest["pyodide"] / name).is_file()


def test_worker_carries_the_runtime_manifest(site: Path) -> None:
    """The built worker script holds runtime.json's manifest, so it fetches nothing first."""
    [worker] = [path.read_text() for path in (site / "javascripts" / "calculators").glob("worker.*.js")]
    [written] = re.findall(r"^const MANIFEST = (\{.*\});$", worker, re.MULTILINE)
    assert json.loads((site / "assets" / "runtime" / "runtime.json").read_text()) == json.loads(written)
    assert "runtime.json" not in re.sub(r"//.*", "", worker)


def test_worker_without_its_placeholder_fails_the_build(repo_module, tmp_path: Path) -> None:
    """A worker script that lost its manifest line stops the build, saying which line."""
    hook = repo_module("hooks/runtime_assets.py")
    source = tmp_path / "worker.js"
    source.write_text("const MANIFEST = {};\n")
    with pytest.raises(PluginError, match="must hold the line"):
        hook.worker_with_manifest(source, {"pyodide": "pyodide-1/"})


def test_core_folder_changes_with_whatever_makes_its_files(repo_module, tmp_path: Path) -> None:
    """The core's folder (``core-<hash>/``, whose files are cached for good) gets a new name
    when the core's sources, its data, the script that compiles its files or the finder it
    compiles into the library changes, and keeps its name otherwise."""
    hook = repo_module("hooks/runtime_assets.py")
    root = Path(hook.ROOT)
    copy = tmp_path / "repo"
    for name in (
        "pyproject.toml",
        "README.md",
        "LICENSES/MIT.txt",
        "hooks/startup_library.mjs",
        "hooks/stdlib_rest.py",
    ):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((root / name).read_bytes())
    shutil.copytree(root / "calculators", copy / "calculators", ignore=shutil.ignore_patterns("__pycache__"))
    first = hook.core_hash(copy)
    assert first == hook.core_hash(root) == hook.core_hash(copy)
    seen = {first}
    for name in (
        "hooks/startup_library.mjs",
        "hooks/stdlib_rest.py",
        "calculators/_format.py",
        "calculators/data/metr_horizons.csv",
    ):
        with (copy / name).open("a") as file:
            file.write("\n")
        seen.add(hook.core_hash(copy))
    assert 5 == len(seen)


def test_pages_reference_no_other_origin(site: Path) -> None:
    """No script, stylesheet, image or font in the built pages comes from another origin."""
    pattern = re.compile(r"""(?:src|href)=["'](https?:)?//(?!127\.0\.0\.1)""")
    for page in site.rglob("*.html"):
        for tag in re.findall(r"<(?:script|link|img|source|iframe)\b[^>]*>", page.read_text()):
            assert not pattern.search(tag) or 'rel="canonical"' in tag, (page, tag)


def test_unknown_calculator_fails_the_build(repo_module) -> None:
    """An embed naming an undeclared calculator raises, naming the page and the id."""
    hook = repo_module("hooks/calculator_embeds.py")
    page = type("Page", (), {"file": type("File", (), {"src_uri": "x.md"})()})()
    with pytest.raises(PluginError, match=r"x\.md: unknown calculator 'no-such-thing'"):
        hook.on_page_markdown("<!-- md:calculator no-such-thing -->", page, None, None)


@pytest.mark.parametrize(
    ("shortcode", "message"),
    [
        ("<!-- md:value nope(x=1) -->", "'nope' is not a public function"),
        ("<!-- md:value survival(t=-1, t50=1) -->", "t must be 0 or more"),
        ("<!-- md:value survival(t=__import__('os')) -->", "arguments must be plain numbers"),
        ("<!-- md:value 1 + 2 -->", "expected one call"),
    ],
)
def test_bad_prose_number_fails_the_build(repo_module, shortcode: str, message: str) -> None:
    """A prose number that is not a valid call of the core fails the build with the reason."""
    hook = repo_module("hooks/prose_numbers.py")
    page = type("Page", (), {"file": type("File", (), {"src_uri": "x.md"})()})()
    with pytest.raises(PluginError, match=re.escape(message)):
        hook.on_page_markdown(shortcode, page, None, None)


def test_every_page_can_be_cited(site: Path) -> None:
    """Each page ends with a citation naming its own address and the release it belongs to
    (a local build: the address `make serve` uses, marked as a local preview)."""
    import calculators

    pages = list(site.rglob("index.html"))
    assert pages
    for page in pages:
        html = unescape(re.sub(r"<[^>]+>", "", page.read_text()))  # the text a reader copies
        address = "http://127.0.0.1:8000/" + page.parent.relative_to(site).as_posix() + "/"
        address = address.replace("/./", "/")
        assert "Cite this page" in html, page
        assert html.count(address) >= 3, (page, address)  # plain text, BibTeX and CSL-JSON
        assert f"local preview of version {calculators.__version__}" in html, page
        assert "@online{companion-" in html, page


def test_citation_file_matches_the_package_version() -> None:
    """CITATION.cff states the same version as the package."""
    import calculators

    text = (Path(__file__).resolve().parents[2] / "CITATION.cff").read_text()
    assert f"version: {calculators.__version__}\n" in text


def test_calculator_pages_start_python_first_thing(site: Path) -> None:
    """A page with a calculator creates Python's worker at the top of <head>, before any
    stylesheet or script; other pages do not start Python at all."""
    for page in site.rglob("index.html"):
        html = page.read_text()
        head = html[html.index("<head>") : html.index("</head>")]
        starts = head.count("new Worker(")
        if 'data-calculator="' in html:
            depth = len(page.parent.relative_to(site).parts)
            [built] = site.glob("javascripts/calculators/worker.*.js")
            worker = "../" * depth + built.relative_to(site).as_posix()
            assert 1 == starts, page
            assert f'new Worker("{worker}"' in head, page
            assert head.index("<script") < head.index("new Worker(") < head.index("<link"), page
            assert head.index("<script") == head.rindex("<script", 0, head.index("new Worker(")), page
        else:
            assert 0 == starts, page


def test_site_search_indexes_prose_not_controls(site: Path) -> None:
    """The search index holds each calculator's title, summary and inputs, but not its
    results, buttons, code or chart; no citation block (it is on every page); and each formula
    once, in symbols rather than TeX source."""
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    text = "\n".join(doc["text"] for doc in docs)
    assert "Cite this page" not in text and "@misc{" not in text
    assert not re.search(r"\\(frac|lambda|tfrac|ln|exp)\b", text), "TeX source in the index"
    for calculator in CALCULATORS.values():
        # One section per page that embeds the calculator (time-horizons is on two pages).
        sections = [doc["text"] for doc in docs if calculator.summary in doc["text"]]
        assert sections, calculator.id
        for section in sections:
            assert calculator.title in section and calculator.inputs[0].label in section, calculator.id
            for control in (
                "Download CSV",
                "Pin for comparison",
                "Python for this result",
                "Chart data as a table",
                "Showing the result computed",
                calculator.chart.description,
            ):
                assert control not in section, (calculator.id, control)
    [model] = [doc["text"] for doc in docs if doc["location"] == "essays/half-life/#the-model"]
    assert 1 == model.count("S(t)=e−λt"), model  # equation (1), S(t) = e^(-λt), indexed once


def test_every_page_hands_material_our_search_worker(site: Path) -> None:
    """Each page's Material configuration names the wrapper that holds the index until the
    page lets it go, and the wrapper names Material's own worker, which the site has."""
    pages = sorted(site.rglob("index.html"))
    assert len(pages) >= 20
    for page in pages:
        config = json.loads(
            re.search(r'<script id="__config" type="application/json">(.*?)</script>', page.read_text(), re.S)[1]
        )
        worker = (page.parent / config["search"].split("?")[0]).resolve()
        assert worker == (site / "assets/javascripts/workers/search-when-ready.js").resolve(), page
        [material] = re.fullmatch(r"[^?]*\?worker=(search\.[0-9a-f]+\.min\.js)", config["search"]).groups()
        assert (site / "assets/javascripts/workers" / material).is_file(), material


def test_search_hook_fails_loudly_when_material_changes(repo_module) -> None:
    hook = repo_module("hooks/search_worker.py")
    page = type("Page", (), {"file": type("File", (), {"src_uri": "x.md"})()})()
    html = '<script id="__config" type="application/json">{"search": "assets/javascripts/workers/search.0a1b.min.js"}</script>'
    assert '"search": "assets/javascripts/workers/search-when-ready.js?worker=search.0a1b.min.js"' in hook.on_post_page(
        html, page, None
    )
    with pytest.raises(PluginError, match="search worker not found"):
        hook.on_post_page(html.replace("search.0a1b", "lunr"), page, None)


MATERIAL_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
HELD_BUNDLE = re.compile(
    r'<script type="text/plain" data-material-bundle data-src="([^"]*bundle\.[0-9a-f]+\.min\.js)"></script>'
)
SAYS_SCRIPTED = '<script>document.documentElement.classList.replace("no-js","js")</script>'


def test_calculator_pages_hold_materials_bundle_and_every_page_says_it_is_scripted(site: Path) -> None:
    """A page with a calculator keeps Material's bundle as an inert block with its address
    (javascripts/calculators/material.js loads it once Python has started); every other page
    loads it as Material does. Every page swaps ``no-js`` for ``js`` in its ``<head>``, before
    any stylesheet, so nothing is styled twice."""
    pages = sorted(site.rglob("*.html"))
    calculator_pages = 0
    for page in pages:
        html = page.read_text()
        if "<html" not in html or "assets/javascripts/bundle." not in html:
            continue  # a redirect or a notebook's fragment
        head = html[html.index("<head>") : html.index("</head>")]
        assert head.count(SAYS_SCRIPTED) == 1, page
        assert head.index(SAYS_SCRIPTED) < head.index("<link"), page
        loaded, held = MATERIAL_BUNDLE.findall(html), HELD_BUNDLE.findall(html)
        if 'data-calculator="' in html:
            calculator_pages += 1
            assert (loaded, len(held)) == ([], 1), page
            address = held[0]
        else:
            assert (len(loaded), held) == (1, []), page
            address = loaded[0]
        # 404.html, served at any depth, names them from the site's root.
        file = site / address.lstrip("/") if address.startswith("/") else page.parent / address
        assert file.resolve().is_file(), (page, address)
    assert calculator_pages >= 8


def test_material_hook_fails_loudly_when_material_changes(repo_module) -> None:
    hook = repo_module("hooks/material_after_python.py")
    page = type("Page", (), {"file": type("File", (), {"src_uri": "x.md"})()})()
    bundle = '<script src="../assets/javascripts/bundle.a5f9.min.js"></script>'
    html = f'<html class="no-js"><head><meta charset="utf-8"></head><body>{{}}{bundle}</body></html>'
    plain = hook.on_post_page(html.format(""), page, None)
    assert f'<meta charset="utf-8">{SAYS_SCRIPTED}</head>' in plain and bundle in plain
    held = hook.on_post_page(html.format('<section data-calculator="half-life"></section>'), page, None)
    assert HELD_BUNDLE.findall(held) == ["../assets/javascripts/bundle.a5f9.min.js"] and bundle not in held
    with pytest.raises(PluginError, match="bundle not found"):
        hook.on_post_page(html.format("").replace("bundle.a5f9", "app"), page, None)
    with pytest.raises(PluginError, match="no-js"):
        hook.on_post_page(html.format("").replace("no-js", "nojs"), page, None)


def test_a_choice_is_a_list_of_its_options_by_name(repo_module) -> None:
    """The explorer's METR release and models are <select>s: each option labelled in words,
    valued as presets and links write the number, the default selected; other inputs stay
    text fields."""
    from calculators import get_calculator
    from calculators._declare import form_text

    hook = repo_module("hooks/calculator_embeds.py")
    calculator = get_calculator("time-horizons")
    html = hook.render_calculator(calculator)
    for spec in calculator.inputs:
        if not spec.choices:
            assert re.search(rf'<input id="time-horizons-{spec.name}" name="{spec.name}" type="text"', html)
            continue
        select = re.search(rf'<select id="time-horizons-{spec.name}" name="{spec.name}"[^>]*>(.*?)</select>', html)
        assert select, spec.name
        assert f'data-default="{form_text(spec.default)}"' in select[0]
        options = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select[1])
        assert [(value, label) for value, _, label in options] == [(form_text(v), name) for v, name in spec.choices]
        assert [value for value, selected, _ in options if selected] == [form_text(spec.default)]
    # The presets write each choice as one of its options' values.
    for values in re.findall(r'data-values="([^"]*)"', html):
        preset = json.loads(values.replace("&quot;", '"'))
        assert preset.get("report", "1") in ("1", "1.1") and preset.get("frontier_only", "1") in ("0", "1")


def test_prose_writes_an_exact_power_in_full(site: Path) -> None:
    """``| multiplier exact`` writes a whole power of 2 as it is (Ord's 2²⁰ for halving the
    loss at Kaplan's power 20), where 3 significant figures would write ×1,050,000."""
    from calculators import loss_cut_multiplier

    exact = format_value(loss_cut_multiplier(current_loss=6, target_loss=3, power=20), "multiplier", exact=True)
    assert "×1,048,576" == exact
    for page in ("index.html", "essays/scaling-paradox/index.html"):
        html = (site / page).read_text()
        assert exact in html and "×1,050,000" not in html, page
