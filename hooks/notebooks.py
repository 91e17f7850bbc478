"""MkDocs hook: every notebook page says how to take it away and run it.

The notebooks are jupytext ``.py`` files that mkdocs-jupyter runs at build time (its
``include_source`` option copies each source beside its page, as ``notebooks/<name>/<name>.py``).
This hook adds the same notebook as ``.ipynb`` (converted by jupytext, without outputs: they
are made when it runs) and, under each notebook's title, a box with both downloads, the data
files the notebook reads, and the commands that run it on the reader's machine: the
``pip install`` line of the site's own package (hooks/python_package.py, which must run first)
plus NumPy, Matplotlib and JupyterLab.

Figures are themed, not inverted: the build runs the notebooks with IPython set to draw
figures as SVG with real text (an IPython profile this hook writes and names in
``IPYTHONDIR`` for the kernels mkdocs-jupyter starts, so the notebooks' own code stays as a
reader runs it), and :func:`themed_figure` then gives each figure the page's colours: ink,
grid and background follow Material's variables, and each series colour keeps its hue but is
lifted to a readable lightness in the dark scheme (``--nb-min-lightness``, in site.css).
Drawn as vectors with a larger type size, a figure stays sharp and legible on a phone.

Executed notebooks are kept between builds (mkdocs-jupyter's cache, which this hook points at
``build/notebooks/<key>/``): mkdocs-jupyter's own key covers only a notebook's text and its
options, so :func:`outputs_key` adds what else the outputs depend on (the core, the data files,
the kernel profile, the versions of the packages that run and draw them). A change to any of
these starts a new folder, and the notebooks run again.

Running notebooks in the browser (JupyterLite) is not offered: it needs packages the site's
pinned Pyodide does not ship (numpy and matplotlib wheels, a Jupyter front end), so it could
not work offline or from the site alone.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import re
import shutil
import sys
import tempfile
from html import escape, unescape
from importlib.metadata import version
from pathlib import Path

import build_caches
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


#: What the kernels that run the notebooks at build time are told (an IPython profile): SVG
#: figures with real text, a type size that survives a phone's column, and ids that are the
#: same from build to build.
KERNEL_CONFIG = """\
c.InlineBackend.figure_formats = {"svg"}
c.InlineBackend.rc = {"svg.fonttype": "none", "svg.hashsalt": "scaling-series-companion", "font.size": 13}
c.InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "metadata": {"Date": None}}
"""
#: Matplotlib's default ink, grey, grid, legend edge and paper, and the page colour each becomes.
PAGE_COLOURS = {
    "#000000": "var(--md-default-fg-color)",
    "#808080": "var(--md-default-fg-color--light)",
    "#b0b0b0": "var(--md-default-fg-color--lighter)",
    "#cccccc": "var(--md-default-fg-color--lighter)",
    "#ffffff": "var(--md-default-bg-color)",
}
#: A figure as nbconvert writes it: an SVG in a data address, in an <img>.
SVG_OUTPUT = re.compile(
    r'(?P<output><div class="jp-RenderedSVG[^"]*"[^>]*>)\s*<img\b[^>]*\bsrc="data:image/svg\+xml;base64,(?P<data>[^"]+)"[^>]*>'
)
STYLE_COLOUR = re.compile(r"(?P<property>fill|stroke): (?P<colour>#[0-9a-f]{6})")
SVG_TEXT = re.compile(r"<text\b[^>]*>(?P<text>[^<]*)</text>")
ID = re.compile(r'\sid="(?P<id>[^"]+)"')
#: A cell's printed output, as nbconvert writes it.
PRINTED = re.compile(r'(?P<open><div class="jp-RenderedText[^"]*"[^>]*>\s*<pre>)(?P<text>.*?)(?P<close></pre>)', re.S)
#: The space between a number and the word, unit or sign after it ("182 days", "10²⁶ FLOP",
#: "95% CI"), and the spaces around a "×" between numbers ("5.88 × 10²³").
NUMBER_SPACE = re.compile(r"(?<=[\d⁰¹²³⁴⁵⁶⁷⁸⁹%]) (?=[A-Za-z%$])|(?<=\d) (?=× ?\d)|(?<=\d ×) (?=\d)")


#: What a notebook's outputs depend on besides its own text: folders of the repository (the
#: core the notebooks import, the data files they read) and the packages that run them.
OUTPUT_SOURCES = ("calculators", "docs/data")
OUTPUT_PACKAGES = ("numpy", "matplotlib", "ipykernel", "nbclient", "nbconvert", "mkdocs-jupyter", "jupytext")


def outputs_key(root: Path) -> str:
    """A name for everything but the notebook's own text that its executed outputs depend on,
    in the repository at ``root``: every file of :data:`OUTPUT_SOURCES`, the kernel profile,
    Python's and :data:`OUTPUT_PACKAGES`' versions."""
    hasher = hashlib.sha256(KERNEL_CONFIG.encode())
    hasher.update(sys.version.encode())
    for package in OUTPUT_PACKAGES:
        hasher.update(f"{package}=={version(package)}\n".encode())
    for folder in OUTPUT_SOURCES:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                hasher.update(f"{path.relative_to(root).as_posix()}\n".encode())
                hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()[:20]


_ipython: dict[str, str | None] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        raise PluginError("hooks/notebooks.py expects mkdocs-jupyter with its cache on (mkdocs.yml)")
    root = Path(config.config_file_path).parent
    cache = root / "build" / "notebooks" / outputs_key(root)
    build_caches.used(cache)
    jupyter.config["cache_dir"] = str(cache)
    # The kernels mkdocs-jupyter starts inherit this process's environment.
    folder = Path(tempfile.mkdtemp(prefix="notebook-ipython-"))
    (folder / "profile_default").mkdir()
    (folder / "profile_default" / "ipython_kernel_config.py").write_text(KERNEL_CONFIG, encoding="utf-8")
    _ipython.update(folder=str(folder), before=os.environ.get("IPYTHONDIR"))
    os.environ["IPYTHONDIR"] = str(folder)
    return config


def on_post_build(config: MkDocsConfig) -> None:
    shutil.rmtree(_ipython["folder"] or "", ignore_errors=True)
    if _ipython["before"] is None:
        os.environ.pop("IPYTHONDIR", None)
    else:
        os.environ["IPYTHONDIR"] = _ipython["before"]


def themed_figure(svg: str, number: int = 1) -> str:
    """A Matplotlib SVG as the page shows it: in the page's colours (see the module's
    docstring), without its metadata, ids only where something refers to them and prefixed
    with the figure's ``number`` (several figures share a page, and Matplotlib names the same
    marker alike in each), and named for a screen reader by its words (title, axes, legend)."""
    svg = svg[svg.index("<svg") :]  # no XML declaration or DOCTYPE inside HTML
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = STYLE_COLOUR.sub(lambda m: _page_colour(m["property"], m["colour"]), svg)
    referenced = set(re.findall(r'(?:url\(#|href="#)([^)"]+)', svg))
    svg = ID.sub(lambda m: f' id="figure{number}-{m["id"]}"' if m["id"] in referenced else "", svg)
    svg = re.sub(r'(url\(#|href="#)', rf"\1figure{number}-", svg)
    words = [unescape(t).strip() for t in SVG_TEXT.findall(svg)]
    label = "; ".join(dict.fromkeys(w for w in words if re.search(r"[A-Za-z]{2}", w)))
    return re.sub(
        r"<svg\b",
        f'<svg role="img" aria-label="{escape("Figure: " + label if label else "Figure")}" class="notebook-figure"',
        svg,
        count=1,
    )


def unbroken_numbers(printed: str) -> str:
    """Printed output with each number held to the word or unit after it by a no-break space:
    a phone wraps a long printed line (site.css lets it, between words), and "182" at the end
    of one line with "days" at the start of the next reads as two things."""
    return PRINTED.sub(lambda m: m["open"] + NUMBER_SPACE.sub("\u00a0", m["text"]) + m["close"], printed)


def _page_colour(css_property: str, colour: str) -> str:
    if colour in PAGE_COLOURS:
        return f"{css_property}: {PAGE_COLOURS[colour]}"
    # The drawn colour, then (where relative colours work) the same hue no darker than the
    # scheme allows: unchanged in the light scheme, lifted in the dark one.
    return f"{css_property}: {colour}; {css_property}: oklch(from {colour} max(l, var(--nb-min-lightness, 0)) c h)"


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
    numbers = itertools.count(1)
    page_html, figures = SVG_OUTPUT.subn(
        lambda m: m["output"] + themed_figure(base64.b64decode(m["data"]).decode("utf-8"), next(numbers)), page_html
    )
    if not figures:
        raise PluginError(f"{page.file.src_uri}: no SVG figure found (is the kernel's profile in IPYTHONDIR used?)")
    page_html = unbroken_numbers(page_html)
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
