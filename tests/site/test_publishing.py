"""Publishing: one address setting (SITE_URL), citations built from CITATION.cff, licences.

One release is published as `make publish` publishes it, by mike, for an address no other
part of the project uses: a strict build for SITE_URL that mike places under
SITE_URL/<version>/, committed to a gh-pages branch. The release's folder on that branch is
then searched for its address where it belongs and for any other address (the local
preview's, or a placeholder) where it must not be, and the branch for what mike and
tools/root_404.sh add around it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml

from browser_helpers import own_file
from builds import PUBLIC, mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
LOCAL = "http://127.0.0.1:8000/"
ESSAYS = {
    "scaling-paradox": "ord2025paradox",
    "log-x-chart": "ord2025logx",
    "governance": "ord2025governance",
    "half-life": "ord2025halflife",
    "rl-inefficiency": "ord2025rlinefficiency",
    "mostly-inference": "ord2025mostlyinference",
    "how-well-does-rl-scale": "ord2025rlscale",
    "hourly-costs": "ord2025hourlycosts",
}


def cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


VERSION = cff()["version"]
# Where the release lives: mike builds it into its own folder under SITE_URL.
RELEASE = f"{PUBLIC}{VERSION}/"


@pytest.fixture(scope="session")
def public_site(gh_pages: Path) -> Path:
    """The release's site, as mike built it for RELEASE."""
    return gh_pages / VERSION


def page_text(page: Path) -> str:
    """The text a reader sees (and copies) on a built page."""
    return unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def address_of(site: Path, page: Path, base: str) -> str:
    relative = page.parent.relative_to(site).as_posix()
    return base if relative == "." else f"{base}{relative}/"


# --- one address setting ------------------------------------------------------------------------


def test_the_public_address_reaches_canonical_links_sitemap_and_citations(public_site: Path) -> None:
    pages = sorted(public_site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        address = address_of(public_site, page, RELEASE)
        assert f'<link rel="canonical" href="{address}">' in html, page
        text = page_text(page)
        assert f"{address}. Licence: CC BY 4.0." in text, page  # the plain-text citation
        assert f"url       = {{{address}}}" in text, page  # BibTeX
        assert f'"URL": "{address}"' in text, page  # CSL-JSON
        assert "local preview" not in text.lower(), page
        assert f'<meta property="og:url" content="{address}">' in html, page
        assert re.search(
            rf'<meta property="og:image" content="{re.escape(RELEASE)}assets/cards/[\w/-]+\.png">', html
        ), page
    locations = re.findall(r"<loc>([^<]+)</loc>", (public_site / "sitemap.xml").read_text())
    assert locations and all(loc.startswith(RELEASE) for loc in locations)
    assert f'url: "{RELEASE}"' in (public_site / "CITATION.cff").read_text()


def test_install_commands_use_the_public_address(public_site: Path) -> None:
    wheel = next((public_site / "python").glob("*.whl")).name
    line = f"pip install {RELEASE}python/{wheel}"
    assert line in page_text(public_site / "python/index.html")
    calculator_pages = [p for p in public_site.rglob("index.html") if "data-calculator=" in p.read_text()]
    assert calculator_pages
    for page in calculator_pages:
        html = page.read_text()
        assert html.count("data-python-install>") == html.count("data-python-code>") > 0, page
        assert html.count(f"data-python-install># {line}") == html.count("data-python-install>"), page


def test_no_other_address_of_the_site_is_left_anywhere(public_site: Path) -> None:
    """No local address, and none of the placeholder addresses the site once carried."""
    forbidden = re.compile(
        r"127\.0\.0\.1|localhost|scaling-series-companion\.github\.io|github\.com/scaling-series-companion|<this repository"
    )
    checked = 0
    for path in public_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".cff", ".csv", ".txt", ".js", ".bib"} or path.name == "_headers":
            found = forbidden.search(path.read_text(encoding="utf-8", errors="replace"))
            assert found is None, (path, found and found[0])
            checked += 1
    assert checked > 50


def test_a_local_build_says_it_is_a_local_preview(site: Path) -> None:
    html = (site / "essays/half-life/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{LOCAL}essays/half-life/">' in html
    text = page_text(site / "essays/half-life/index.html")
    assert "Local preview. This copy was built without the site's public address" in text
    assert f"local preview of version {cff()['version']}, not a published release" in text
    assert "url" not in yaml.safe_load((site / "CITATION.cff").read_text())


def test_a_publishing_build_refuses_to_run_without_the_address(tmp_path: Path) -> None:
    done = mkdocs_build(tmp_path / "site", SITE_PUBLISH="1")
    assert 0 != done.returncode
    assert "A publishing build needs the site's public address: set SITE_URL" in done.log
    assert not (tmp_path / "site" / "index.html").exists()


def test_make_publish_refuses_to_run_without_the_address() -> None:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    done = subprocess.run(["make", "-s", "publish"], cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert 0 != done.returncode
    assert "make publish needs SITE_URL" in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("setting", "publishing", "problem"),
    [
        ("", False, None),
        ("", True, "needs the site's public address"),
        ("https://example.org/", True, None),
        ("http://127.0.0.1:8000/", False, None),
        ("http://127.0.0.1:8000/", True, "public https address"),
        ("http://example.org/", True, "public https address"),
        ("example.org", False, "absolute http(s) address"),
        ("https://example.org/?x=1", False, "query or fragment"),
    ],
)
def test_address_checks(repo_module, setting: str, publishing: bool, problem: str | None) -> None:
    found = repo_module("hooks/site_address.py").address_problem(setting, publishing=publishing)
    assert (found is None) if problem is None else (problem in found)


# --- citations that stay true ------------------------------------------------------------------


def test_page_citations_are_built_from_citation_cff(public_site: Path) -> None:
    data = cff()
    released = data["date-released"]
    long_date = f"{released.day} {released:%B} {released.year}"
    text = page_text(public_site / "essays/half-life/index.html")
    plain = (
        f"{data['authors'][0]['name']} ({released.year}). “Is there a half-life for the success rates of AI agents?” "
        f"In: Scaling Series Companion, version {data['version']}, released {long_date}. "
        f"{RELEASE}essays/half-life/. Licence: CC BY 4.0. Accessed [the date you read it]."
    )
    assert plain in text
    assert f"version   = {{{data['version']}}}" in text
    assert f"date      = {{{released.isoformat()}}}" in text
    assert "+g" not in text.split("Cite this page")[1]  # a release, never a commit


def test_citation_version_is_the_package_version() -> None:
    import calculators

    assert cff()["version"] == calculators.__version__
    assert isinstance(cff()["date-released"], dt.date)


def test_a_release_whose_version_differs_from_the_package_fails_the_build(repo_module, monkeypatch, tmp_path) -> None:
    from mkdocs.exceptions import PluginError

    hook = repo_module("hooks/citation.py")
    changed = tmp_path / "CITATION.cff"
    changed.write_text(re.sub(r"^version: ", "version: 9", (ROOT / "CITATION.cff").read_text(), flags=re.M))
    monkeypatch.setattr(hook, "CFF_FILE", changed)
    config = type("Config", (), {"site_name": "Scaling Series Companion", "extra": {}})()
    with pytest.raises(PluginError, match="a release sets both"):
        hook.on_config(config)


def test_a_publishing_build_must_be_of_a_tagged_release(repo_module, monkeypatch) -> None:
    from mkdocs.exceptions import PluginError

    hook = repo_module("hooks/citation.py")
    config = type("Config", (), {"site_name": "Scaling Series Companion", "extra": {}})()
    monkeypatch.setenv("SITE_PUBLISH", "1")
    monkeypatch.setattr(hook, "_tags_at_head", lambda: {"v0.0.1"})
    with pytest.raises(PluginError, match=f"tag this commit v{cff()['version']}"):
        hook.on_config(config)
    monkeypatch.setattr(hook, "_tags_at_head", lambda: {f"v{cff()['version']}"})
    assert hook.on_config(config).extra["release"]["version"] == cff()["version"]


@pytest.mark.parametrize(("page", "key"), sorted(ESSAYS.items()))
def test_essay_pages_cite_the_original_essay_from_the_bibliography(public_site: Path, page: str, key: str) -> None:
    from pybtex.database import parse_file

    entry = parse_file(str(ROOT / "docs/references.bib")).entries[key]
    text = page_text(public_site / "essays" / page / "index.html")
    essay = text.split("Cite the original essay", 1)[1]
    title = entry.fields["title"].replace("{", "").replace("}", "")
    assert f"Toby Ord ({entry.fields['date'][:4]}). “{title}" in essay
    assert entry.fields["url"] in essay
    assert f"@online{{{key}," in essay
    # The companion's own citation names the companion's page, not Ord's essay.
    own = text.split("Cite this page", 1)[1].split("Cite the original essay")[0]
    assert entry.fields["url"] not in own
    assert "In: Scaling Series Companion" in own


def test_only_essay_pages_cite_an_essay(public_site: Path) -> None:
    with_essay = {p.parent.name for p in public_site.rglob("index.html") if "Cite the original essay" in p.read_text()}
    assert with_essay == set(ESSAYS)


def test_citations_wrap_and_copy(site: Path) -> None:
    """Each citation is a code block Material gives a copy button, and its lines wrap."""
    css = (site / own_file(site, "stylesheets/cite.css")).read_text()
    assert re.search(r"\.cite pre > code \{[^}]*white-space: pre-wrap", css)
    html = (site / "index.html").read_text()
    assert "content.code.copy" in html  # Material's one-click copy on every code block
    assert html.count('<pre class="cite__text"><code>') == 3


# --- licence -------------------------------------------------------------------------------------


def test_licence_files_hold_the_licences_citation_cff_names() -> None:
    assert cff()["license"] == ["CC-BY-4.0", "MIT"]
    cc = (ROOT / "LICENSES/CC-BY-4.0.txt").read_text()
    assert "Creative Commons Attribution 4.0 International Public License" in cc
    assert "Section 8 -- Interpretation." in cc  # the whole legal code, to its last section
    assert "Permission is hereby granted, free of charge" in (ROOT / "LICENSES/MIT.txt").read_text()
    notice = (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in notice and "MIT License" in notice and "docs/data/" in notice
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'license = "MIT"' in pyproject and 'license-files = ["LICENSES/MIT.txt"]' in pyproject


def test_every_page_states_the_licences_in_its_footer(site: Path) -> None:
    for page in site.rglob("index.html"):
        footer = " ".join(page_text(page).split("Back to top")[-1].split())
        assert "Text and figures: CC BY 4.0. Code: MIT. Data files keep their sources' terms" in footer, page
        assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in page.read_text(), page


def test_data_pages_state_their_sources_terms(site: Path) -> None:
    for name in ("metr_horizons", "hamilton_weibull"):
        text = page_text(site / "data" / name / "index.html")
        assert "Licence." in text and "No licence to reuse the numbers has therefore been granted" in text


# --- the deploy path ------------------------------------------------------------------------------

WORKFLOW = ROOT / ".github/workflows/publish.yml"


def test_make_check_lints_the_workflows() -> None:
    done = subprocess.run(["make", "-s", "check"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The linter `make check` runs can fail: a misspelt expression context is reported."""
    broken = tmp_path / ".github/workflows/publish.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text().replace("github.repository_owner", "github.repository_ownr"))
    actionlint = Path(sys.executable).parent / "actionlint"
    done = subprocess.run([str(actionlint), str(broken)], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert 0 != done.returncode and "repository_ownr" in done.stdout


def test_the_workflow_publishes_with_the_same_make_targets() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    steps = [step.get("run", "") for step in workflow["jobs"]["publish"]["steps"]]
    assert any("make publish" in run for run in steps)
    assert any("make check-workflows" in run for run in steps)
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\npublish:")[1].split("\n\n")[0]
    assert "mike deploy" in recipe and "mike set-default latest" in recipe and "tools/root_404.sh" in recipe
    assert steps[-1] == "git push origin gh-pages"
    assert workflow[True]["push"]["tags"] == ["v*"]  # YAML reads the key `on` as true
    assert "SITE_URL" in workflow["jobs"]["publish"]["env"]


def test_a_release_is_archived_at_its_own_address(gh_pages: Path) -> None:
    """What `make publish` does (tests/builds.py: publish_release): mike puts the release under
    SITE_URL/<version>/, where its citations, canonical links and install line point, with
    `latest` and the root redirecting there."""

    def published(path: str) -> str:
        return (gh_pages / path).read_text(encoding="utf-8")

    page = published(f"{VERSION}/essays/half-life/index.html")
    assert f'<link rel="canonical" href="{RELEASE}essays/half-life/">' in page
    assert f"{RELEASE}essays/half-life/. Licence: CC BY 4.0." in unescape(re.sub(r"<[^>]+>", "", page))
    assert f"# pip install {RELEASE}python/scaling_series_companion-{VERSION}-py3-none-any.whl" in page
    assert f'url: "{RELEASE}"' in published(f"{VERSION}/CITATION.cff")
    assert f"../../../{VERSION}/essays/half-life/" in published("latest/essays/half-life/index.html")
    assert "latest/" in published("index.html")
    assert published(".nojekyll") == ""
    # The release's corrections log names it as the release that carries its entries.
    log = published(f"{VERSION}/corrections/index.html")
    assert f'Published in <a href="{RELEASE}">release {VERSION}</a>' in log
    # GitHub Pages answers a missing address anywhere with the root's 404.html: the release's.
    assert published("404.html") == published(f"{VERSION}/404.html")


# --- the deep test run ----------------------------------------------------------------------------

DEEP_WORKFLOW = ROOT / ".github/workflows/deep.yml"


def test_the_deep_workflow_runs_make_deep_weekly() -> None:
    """The scheduled workflow runs the same make target a maintainer runs, once a week."""
    workflow = yaml.safe_load(DEEP_WORKFLOW.read_text())
    [cron] = [entry["cron"] for entry in workflow[True]["schedule"]]  # YAML reads `on` as true
    minute, hour, day_of_month, month, day_of_week = cron.split()
    assert ("*", "*") == (day_of_month, month) and day_of_week.isdigit() and minute.isdigit() and hour.isdigit()
    steps = [step.get("run", "") for step in workflow["jobs"]["deep"]["steps"]]
    assert any(run.startswith("make deep") for run in steps)


def collected(*args: str) -> str:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "tests/core/test_runtime_errors.py", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_only_make_deep_runs_the_deep_tests() -> None:
    """Every run leaves the exhaustive edge-value pairs out unless `-m deep` asks for them."""
    pairs = "test_every_pair_of_inputs_at_every_pair_of_edge_values"
    assert pairs not in collected()
    assert pairs not in collected("-m", "core")
    deep = collected("-m", "core or deep")
    assert pairs in deep and "test_reproducers_get_the_cores_own_messages" in deep


def test_every_test_module_defines_tests() -> None:
    """No test file is only a docstring and imports: a merge once split the time-horizon
    explorer's tests into four modules that held none of them, and the run passed without
    them. Read statically, so it holds whichever files a run collects."""
    import ast

    empty = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
        if not any(node.name.startswith("test_") for node in functions):
            empty.append(path.relative_to(ROOT).as_posix())
    assert [] == empty
