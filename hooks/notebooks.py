"""MkDocs hook: every notebook page says how to take it away and run it.

The notebooks are jupytext ``.py`` files that mkdocs-jupyter runs at build time (its
``include_source`` option copies each source beside its page, as ``notebooks/<name>/<name>.py``).
This hook adds the same notebook as ``.ipynb`` (converted by jupytext, without outputs: they
are made when it runs) and, under each notebook's title, a box with both downloads, the data
files the notebook reads, and the commands that run it on the reader's machine: the
``pip install`` line of the site's own package (hooks/python_package.py, which must run first)
plus NumPy, Matplotlib and JupyterLab.

Running notebooks in the browser (JupyterLite) is not offered: it needs packages the site's
pinned Pyodide does not ship (numpy and matplotlib wheels, a Jupyter front end), so it could
not work offline or from the site alone.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import jupytext
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

FOLDER = "notebooks/"
#: A data file a notebook reads, as its code names it: ``DATA / "metr_horizons.csv"``.
DATA_FILE = re.compile(r'DATA\s*/\s*"(?P<name>[\w.-]+\.csv)"')
TITLE_END = re.compile(r"</h1>")
#: The notebooks' own imports besides the site's package (their versions: pyproject.toml).
NOTEBOOK_PACKAGES = "numpy matplotlib jupyterlab"


def is_notebook(src_uri: str) -> bool:
    return src_uri.startswith(FOLDER) and src_uri.endswith(".py") and "/" not in src_uri[len(FOLDER) :]


def download_name(src_uri: str, suffix: str) -> str:
    """Where a notebook's download lives: beside its page, ``notebooks/<name>/<name>.<suffix>``."""
    stem = Path(src_uri).stem
    return f"{FOLDER}{stem}/{stem}.{suffix}"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in list(files):
        if is_notebook(file.src_uri):
            notebook = jupytext.read(file.abs_src_path, fmt="py:percent")
            files.append(
                File.generated(config, download_name(file.src_uri, "ipynb"), content=jupytext.writes(notebook, "ipynb"))
            )
    return files


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_notebook(page.file.src_uri):
        return page_html
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    box = run_box(Path(page.file.src_uri).stem, DATA_FILE.findall(source), config.extra["install"]["command"])
    page_html, found = TITLE_END.subn(lambda match: match[0] + box, page_html, count=1)
    if not found:
        raise PluginError(f"{page.file.src_uri}: a notebook needs a title (# heading) for its download box")
    return page_html


def run_box(stem: str, data_files: list[str], install: str) -> str:
    """The "Download and run" box of the notebook ``stem`` (links relative to its page)."""
    data = "".join(
        f' and <a href="../../data/{escape(name)}" download>{escape(name)}</a>' for name in dict.fromkeys(data_files)
    )
    folder = (
        " Save the data file" + ("s" if len(set(data_files)) > 1 else "") + " in the same folder as the notebook."
        if data_files
        else ""
    )
    return (
        '<aside class="admonition example notebook-run" aria-label="Download and run this notebook" data-search-exclude>'
        '<p class="admonition-title">Download and run this notebook</p>'
        f'<p>Download <a href="{escape(stem)}.ipynb" download>{escape(stem)}.ipynb</a> (Jupyter) or '
        f'<a href="{escape(stem)}.py" download>{escape(stem)}.py</a> (the same notebook as a Python file in '
        f"jupytext's percent format, which JupyterLab and VS Code also open as a notebook){data}.{folder} "
        "Then, with Python 3.11 or newer:</p>"
        f'<pre><code tabindex="0">{escape(install)}\npip install {NOTEBOOK_PACKAGES}\njupyter lab {escape(stem)}.ipynb</code></pre>'
        "<p>The first line installs this site's own package (standard library only), the second the libraries "
        "the notebook draws with. Its citation keys, written after an @ in brackets, are entries of the site's "
        '<a href="../../references.bib">references.bib</a>.</p>'
        "</aside>"
    )
