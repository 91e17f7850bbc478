"""Downloads a reader can reuse: file names that name the inputs, CSV and JSON that carry the
result's permalink, the site's version and the licence, and each chart as SVG and PNG.

The build writes the default result's files (hooks/calculator_embeds.py); the browser writes
live results' files (docs/javascripts/calculators/downloads.js). Both must write the same."""

from __future__ import annotations

import json
import subprocess
from html import escape as html_escape
from pathlib import Path

import pytest

import calculators
from calculators import CALCULATORS, export
from calculators._chart import chart_description
from calculators._typed import key_text

ROOT = Path(__file__).resolve().parents[2]
LOCAL = "http://127.0.0.1:8000/"
DOWNLOADS_JS = ROOT / "docs/javascripts/calculators/downloads.js"


@pytest.fixture(scope="module")
def hook(repo_module):
    return repo_module("hooks/calculator_embeds.py")


def calculator_page(site: Path, calculator_id: str) -> Path:
    return next(p for p in site.rglob("index.html") if f'data-calculator="{calculator_id}"' in p.read_text())


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_default_downloads_say_where_they_come_from(site: Path, calculator_id: str) -> None:
    calculator = CALCULATORS[calculator_id]
    page = calculator_page(site, calculator_id)
    permalink = LOCAL + page.parent.relative_to(site).as_posix() + f"/#calc-{calculator_id}"
    exported = export(calculator_id, calculator.defaults(), calculators.__version__)

    header, *rows = (site / f"assets/downloads/{calculator_id}.csv").read_text().split("\n")
    assert rows[:4] == [
        f"about,permalink,Permalink,{permalink},,,,,,",
        f"about,site_version,Site version,{calculators.__version__},,,,,,",
        "about,licence,Licence,CC BY 4.0,,,,,,",
        "about,licence_url,Licence text,https://creativecommons.org/licenses/by/4.0/,,,,,,",
    ]
    assert "\n".join([header, *rows[4:]]) == exported["csv"]

    document = json.loads((site / f"assets/downloads/{calculator_id}.json").read_text())
    about = document.pop("about")
    assert about == {
        "permalink": permalink,
        "site_version": calculators.__version__,
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert document == json.loads(exported["json"])

    drawing = (site / f"assets/downloads/{calculator_id}.svg").read_text()
    # The file names itself by the chart's description, as the page names the picture.
    title = f"<title>{html_escape(chart_description(calculator.chart), quote=False)}</title>"
    assert drawing.startswith("<svg") and drawing.index(title) == drawing.index(">") + 1
    assert (site / f"assets/downloads/{calculator_id}.png").read_bytes()[:4] == b"\x89PNG"

    stem = "_".join([calculator_id, *(f"{s.name}-{key_text(s.default)}" for s in calculator.inputs)])
    html = page.read_text()
    section = html[html.index(f'data-calculator="{calculator_id}"') :]
    for kind in ("csv", "json", "svg", "png"):
        assert f'download="{stem}.{kind}"' in section, kind


def test_the_browser_writes_downloads_as_the_build_does(hook) -> None:
    """downloads.js (run under Node) gives the same names and the same files as the hook."""
    about = {
        "permalink": "https://example.org/p/?half-life.p=0.8#calc-half-life",
        "site_version": "9.9.9",
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    }
    inputs = {"t50": "59", "p": "1e-1", "shape": "0.6"}
    exported = export("half-life", {k: float(v) for k, v in inputs.items()}, "9.9.9")
    assert exported["ok"]
    script = f"""
        import {{ downloadName, withAbout }} from {json.dumps(DOWNLOADS_JS.as_uri())};
        const about = {json.dumps(about)}, inputs = {json.dumps(inputs)}, exported = {json.dumps(exported)};
        console.log(JSON.stringify({{
          name: downloadName("half-life", inputs, "csv"),
          csv: withAbout("csv", exported.csv, about),
          json: withAbout("json", exported.json, about),
        }}));
    """
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stderr
    browser = json.loads(done.stdout)
    assert browser["name"] == hook.download_name("half-life", inputs, "csv") == "half-life_t50-59_p-1e-1_shape-0.6.csv"
    assert browser["csv"] == hook.with_about("csv", exported["csv"], about)
    assert browser["json"] == hook.with_about("json", exported["json"], about)
    assert json.loads(browser["json"])["about"] == about


def test_file_names_keep_only_safe_characters(hook) -> None:
    assert hook.download_name("x", {"a": "1/../2", "b": "-3.5e+2"}, "json") == "x_a-1_.._2_b--3.5e+2.json"
