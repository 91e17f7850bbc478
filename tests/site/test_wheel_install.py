"""The core installs anywhere: the wheel the built site serves, installed with the page's own
pip line into a fresh virtual environment outside the repository, runs the page's Python and
prints what the page shows."""

from __future__ import annotations

import ast
import re
import subprocess
import venv
import zipfile
from html import unescape
from pathlib import Path

import pytest

import calculators

from browser_helpers import api_pages

ROOT = Path(__file__).resolve().parents[2]
LOCAL = "http://127.0.0.1:8000/"


def python_block(page: Path, calculator_id: str) -> str:
    """The text of a calculator's "Python for this result", as the page shows it."""
    html = page.read_text(encoding="utf-8")
    section = html[html.index(f'data-calculator="{calculator_id}"') :]
    code = re.search(r"<code data-python-code>(.*?)</code>", section, re.DOTALL)[1]
    return unescape(re.sub(r"<[^>]+>", "", code))


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment, in a folder far from the repository, with pip."""
    folder = tmp_path_factory.mktemp("elsewhere")
    assert ROOT not in folder.parents
    venv.EnvBuilder(with_pip=True).create(folder / "venv")
    return folder / "venv" / "bin" / "python"


def test_the_page_installs_the_wheel_from_the_site_and_prints_what_it_shows(
    site: Path, base_url: str, fresh_python: Path
) -> None:
    page = site / "essays/half-life/index.html"
    block = python_block(page, "half-life")
    first, blank, *code = block.split("\n")
    match = re.fullmatch(r"# pip install (\S+)", first)
    assert match and blank == "", block
    # The page's address is the local preview's; the test serves the same site elsewhere.
    assert match[1].startswith(f"{LOCAL}python/scaling_series_companion-{calculators.__version__}-")
    url = match[1].replace(LOCAL, base_url)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(fresh_python.parents[2]),
        "PIP_NO_INPUT": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    installed = subprocess.run(
        [str(fresh_python), "-m", "pip", "install", "--no-cache-dir", url],
        capture_output=True,
        text=True,
        env=env,
        cwd=fresh_python.parents[2],
        check=False,
    )
    assert 0 == installed.returncode, installed.stdout + installed.stderr

    script = fresh_python.parents[2] / "copied.py"
    script.write_text("\n".join(code) + "\n", encoding="utf-8")
    done = subprocess.run(
        [str(fresh_python), "-I", str(script)], capture_output=True, text=True, env=env, cwd=script.parent, check=False
    )
    assert 0 == done.returncode, done.stderr
    printed = ast.literal_eval(done.stdout.strip())

    # What the page shows: each output's text, which must be the printed value, formatted.
    calculator = calculators.get_calculator("half-life")
    html = page.read_text(encoding="utf-8")
    assert set(printed) == {spec.name for spec in calculator.outputs}
    for spec in calculator.outputs:
        shown = re.search(rf'<output data-output="{spec.name}">([^<]*)</output>', html)[1]
        assert unescape(shown) == calculators.format_value(printed[spec.name], spec.kind, spec.digits)

    where = subprocess.run(
        [str(fresh_python), "-I", "-c", "import calculators; print(calculators.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=script.parent,
        check=True,
    )
    assert str(fresh_python.parents[1]) in where.stdout  # the installed copy, not this repository


def test_the_wheel_says_its_licence_and_version(site: Path) -> None:
    wheel = next((site / "python").glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"scaling_series_companion-{calculators.__version__}.dist-info/METADATA").decode()
        names = archive.namelist()
    assert "License-Expression: MIT" in metadata
    assert f"Version: {calculators.__version__}" in metadata
    assert any(name.endswith("licenses/LICENSES/MIT.txt") for name in names)


def test_the_python_package_page_shows_the_install_line_and_the_whole_api(site: Path) -> None:
    """The package page shows the install line; its reference pages (docs/python/) document
    every public name, with doctests fenced and reST roles made code."""
    wheel = next((site / "python").glob("*.whl")).name
    page = unescape(re.sub(r"<[^>]+>", "", (site / "python/index.html").read_text(encoding="utf-8")))
    assert f"pip install {LOCAL}python/{wheel}" in page
    html = "".join((site / page).read_text(encoding="utf-8") for page in api_pages(site))
    documented = {name.rsplit(".", 1)[-1] for name in re.findall(r'id="calculators\.([\w.]+)"', html)}
    assert set(calculators.__all__) <= documented
    assert ":func:" not in html and "&gt;&gt;&gt; </span>" in html  # roles made code, doctests fenced


def test_docstrings_become_markdown(repo_module) -> None:
    hook = repo_module("hooks/griffe_docstrings.py")
    text = "Args:\n    a, b,\n        c: the fit's E, A and B (see :func:`loss`).\n\n>>> f(1)\n2\n"
    assert hook.markdown_docstring(text) == (
        "Args:\n    a: The fit's E, A and B (see `loss`).\n    b: The fit's E, A and B (see `loss`).\n"
        "    c: The fit's E, A and B (see `loss`).\n\n```pycon\n>>> f(1)\n2\n```\n"
    )


def test_a_private_constant_default_shows_its_value(repo_module) -> None:
    """A default the reference has no entry for is shown as its value; an exported one keeps
    its name (it links to its entry)."""
    import griffe

    hook = repo_module("hooks/griffe_docstrings.py")
    package = griffe.load(
        "calculators", extensions=griffe.load_extensions(hook.MarkdownDocstrings), resolve_aliases=True
    )
    defaults = {p.name: str(p.default) for p in package["models.governance.effective_flop"].parameters}
    assert defaults["weight"] == "0.7"
    defaults = {p.name: str(p.default) for p in package["models.time_horizons.bootstrap_fits"].parameters}
    assert defaults["resamples"] == "BOOTSTRAP_RESAMPLES"


def test_the_reference_names_no_private_constant_as_a_default(site: Path) -> None:
    """Every constant named in a signature or a parameter's default is one with its own entry."""
    named = set()
    for page in api_pages(site):
        text = unescape(re.sub(r"<[^>]+>", "", (site / page).read_text(encoding="utf-8")))
        named |= set(re.findall(r"(?:=|default:)\s*([A-Z][A-Z_0-9]{3,})\b", text))
    assert named and named <= set(calculators.__all__), named - set(calculators.__all__)
