"""Each notebook travels: downloadable as .ipynb and .py beside its page, with a box under its
title that links both, the data it reads and the pip install line that runs it; its figures
drawn as SVG in the page's colours (hooks/notebooks.py)."""

from __future__ import annotations

import ast
import json
import re
import shutil
from html import unescape
from pathlib import Path

import jupytext
import nbformat
import pytest

from builds import build_once

DOCS = Path(__file__).resolve().parents[2] / "docs"
NOTEBOOKS = sorted(path.stem for path in (DOCS / "notebooks").glob("*.py"))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_downloads_are_valid_notebooks(site: Path, name: str) -> None:
    """The .ipynb is valid nbformat JSON with the source's cells; the .py is the source
    itself and parses as Python."""
    source = (DOCS / "notebooks" / f"{name}.py").read_text(encoding="utf-8")
    ipynb = nbformat.reads((site / "notebooks" / name / f"{name}.ipynb").read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(ipynb)
    expected = jupytext.reads(source, fmt="py:percent")
    assert [(c.cell_type, c.source) for c in expected.cells] == [(c.cell_type, c.source) for c in ipynb.cells]
    assert "python3" == ipynb.metadata["kernelspec"]["name"]
    script = (site / "notebooks" / name / f"{name}.py").read_text(encoding="utf-8")
    assert source == script
    ast.parse(script)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_notebook_page_says_how_to_run_it(site: Path, name: str) -> None:
    """Under the title: both downloads, every data file the code reads, the pip install
    line of the site's wheel (which exists) and the command that opens the notebook."""
    html = (site / "notebooks" / name / "index.html").read_text(encoding="utf-8")
    [box] = re.findall(r'<aside class="admonition example notebook-run".*?</aside>', html, re.S)
    assert html.index("</h1>") < html.index(box)
    links = set(re.findall(r'href="([^"]+)"', box))
    assert {f"{name}.ipynb", f"{name}.py"} <= links
    source = (DOCS / "notebooks" / f"{name}.py").read_text(encoding="utf-8")
    for data_file in re.findall(r'"(\w+\.csv)"', source):
        assert f"../../data/{data_file}" in links and (site / "data" / data_file).is_file()
    [command] = re.findall(r"<pre><code[^>]*>(.*?)</code></pre>", box, re.S)
    install, libraries, run = unescape(command).splitlines()
    wheel = re.fullmatch(r"pip install \S+/python/(\S+\.whl)", install)
    assert wheel and (site / "python" / wheel[1]).is_file()
    assert "pip install numpy matplotlib jupyterlab" == libraries
    assert f"jupyter lab {name}.ipynb" == run


def test_downloaded_notebook_finds_its_data_beside_it(tmp_path: Path, site: Path) -> None:
    """A notebook saved with its data file in one folder reads the data from there (the
    page's instructions): its data-folder line picks the notebook's own folder."""
    source = (site / "notebooks" / "metr-time-horizons" / "metr-time-horizons.py").read_text(encoding="utf-8")
    [line] = [line for line in source.splitlines() if line.startswith("DATA = ")]
    (tmp_path / "metr_horizons.csv").write_text((site / "data" / "metr_horizons.csv").read_text())
    namespace: dict = {}
    exec("import os\nfrom pathlib import Path\nos.chdir(" + json.dumps(str(tmp_path)) + ")\n" + line, namespace)
    assert Path(".") == namespace["DATA"]


def test_a_figure_is_themed_not_inverted(repo_module) -> None:
    """Matplotlib's SVG gets the page's colours: ink, grey, grid and paper become Material's
    variables; a series colour stays, lifted in the dark scheme; metadata and ids no one
    refers to go, and the rest carry the figure's number (several figures share a page); a
    screen reader hears its words."""
    hook = repo_module("hooks/notebooks.py")
    svg = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg width="10pt"><metadata>2026-12-02</metadata>'
        '<defs><clipPath id="p1"><rect/></clipPath></defs><g id="figure_1">'
        '<path style="fill: #ffffff"/><path clip-path="url(#p1)" style="fill: none; stroke: #0072b2"/>'
        '<text style="fill: #808080">Task length</text><text>0.5</text></g></svg>'
    )
    assert (
        '<svg role="img" aria-label="Figure: Task length" class="notebook-figure" width="10pt">'
        '<defs><clipPath id="figure1-p1"><rect/></clipPath></defs><g>'
        '<path style="fill: var(--md-default-bg-color)"/>'
        '<path clip-path="url(#figure1-p1)" style="fill: none; stroke: #0072b2; '
        'stroke: oklch(from #0072b2 max(l, var(--nb-min-lightness, 0)) c h)"/>'
        '<text style="fill: var(--md-default-fg-color--light)">Task length</text><text>0.5</text></g></svg>'
    ) == hook.themed_figure(svg)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_outputs_are_what_the_cells_print_not_python_objects(site: Path, name: str) -> None:
    """A cell's output is its printed text and its figure. A cell that ends in an expression
    (``fig.legend(...)``) would also show that value: an "Out[n]:" prompt and Python's
    description of an object ("<matplotlib.legend.Legend at 0x7f…>"), which means nothing to
    a reader and changes with every build."""
    page = (site / "notebooks" / name / "index.html").read_text()
    assert not re.search(r'class="[^"]*jp-OutputArea-executeResult', page)
    assert [] == re.findall(r"&lt;[\w.]+(?: object)? at 0x[0-9a-f]+&gt;", page)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_built_figures_are_inline_svg_in_page_colours(site: Path, name: str) -> None:
    """Each notebook's figures are in its page as SVG (no PNG, no white paper), named for
    screen readers, with no id used twice on the page."""
    page = (site / "notebooks" / name / "index.html").read_text()
    figures = re.findall(r'<svg role="img" aria-label="Figure: [^"]+" class="notebook-figure".*?</svg>', page, re.S)
    assert figures and not re.search(r'<img[^>]*src="data:image/png', page)
    assert not any(re.search(r"(?:fill|stroke): #(?:ffffff|000000)", figure) for figure in figures)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert sorted(set(ids)) == sorted(ids)


def test_outputs_key_names_what_the_outputs_depend_on(repo_module, tmp_path: Path) -> None:
    """The cache folder's key (hooks/notebooks.py) is the same for a copy of the core and the
    data, ignores bytecode, and changes with any byte of the core or of a data file."""
    notebooks = repo_module("hooks/notebooks.py")
    root = DOCS.parent
    for folder in notebooks.OUTPUT_SOURCES:
        shutil.copytree(root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    key = notebooks.outputs_key(root)
    assert key == notebooks.outputs_key(tmp_path)
    (tmp_path / "calculators" / "__pycache__").mkdir(exist_ok=True)
    (tmp_path / "calculators" / "__pycache__" / "stale.pyc").write_bytes(b"\0")
    assert key == notebooks.outputs_key(tmp_path)
    seen = {key}
    for changed in ("calculators/models/half_life.py", "docs/data/metr_horizons.csv"):
        path = tmp_path / changed
        path.write_bytes(path.read_bytes() + b"\n")
        seen.add(notebooks.outputs_key(tmp_path))
    assert len(seen) == 3


def test_builds_reuse_executed_notebooks_only_while_what_they_read_is_unchanged(
    tmp_path_factory, gh_pages, build_b
) -> None:
    """The release build, made after the site build with its caches (tests/builds.py), runs
    no notebook again; build B, whose core computes other numbers, runs every one."""
    release = build_once(tmp_path_factory, "release").log
    changed_core = build_once(tmp_path_factory, "build-b").log
    for name in NOTEBOOKS:
        assert re.search(rf"Cache hit: \S+/notebooks/{name}\.py", release), release
        assert not re.search(rf"Converting notebook \(execute=True\): \S+/{name}\.py", release)
        assert re.search(rf"Converting notebook \(execute=True\): \S+/notebooks/{name}\.py", changed_core)


def test_printed_numbers_keep_their_units(repo_module) -> None:
    """In printed output a number and the word after it, and a product of numbers, are joined
    by no-break spaces (a phone wraps the line between phrases, never "182" | "days"); the
    rest of the line, and text outside printed output, keep their spaces."""
    hook = repo_module("hooks/notebooks.py")
    printed = '<div class="jp-RenderedText jp-OutputArea-output"><pre>{}</pre></div>'
    page = (
        printed.format("All models:   doubling every 182 days\n5.88 × 10²³ FLOP: 95% CI, ×4.2 a year")
        + "<p>182 days</p>"
    )
    assert hook.unbroken_numbers(page) == (
        printed.format(
            "All models:   doubling every 182\u00a0days\n5.88\u00a0×\u00a010²³\u00a0FLOP: 95%\u00a0CI, ×4.2\u00a0a year"
        )
        + "<p>182 days</p>"
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_built_printed_output_never_parts_a_number_from_its_unit(site: Path, name: str) -> None:
    """Every printed line of the built notebook: no plain space between a number and a word."""
    page = (site / "notebooks" / name / "index.html").read_text()
    printed = re.findall(r'<div class="jp-RenderedText[^"]*"[^>]*>\s*<pre>(.*?)</pre>', page, re.S)
    assert printed or name == "success-curves", name
    assert [] == [line for text in printed for line in unescape(text).splitlines() if re.search(r"\d [A-Za-z]", line)]
