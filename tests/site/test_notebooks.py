"""Each notebook travels: downloadable as .ipynb and .py beside its page, with a box under its
title that links both, the data it reads and the pip install line that runs it."""

from __future__ import annotations

import ast
import json
import re
from html import unescape
from pathlib import Path

import jupytext
import nbformat
import pytest

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
