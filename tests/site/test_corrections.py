"""The public corrections log: every entry is shown, dated, and linked from its page."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def hook(repo_module):
    return repo_module("hooks/corrections.py")


def test_log_is_well_formed_and_names_real_pages(hook) -> None:
    entries = hook.load()
    assert entries, "the log has at least this round's corrections"
    for entry in entries:
        assert (DOCS / entry.page).is_file(), entry.page
        assert entry.was and entry.now and entry.why, entry


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"date": "2026-12-01", "page": "index.md", "severity": "wrong", "was": "a", "now": "b"}, "exactly"),
        ({"date": "2026-12-01", "page": "index.md", "severity": "bad", "was": "a", "now": "b", "why": "c"}, "severity"),
        ({"date": "1 Dec", "page": "index.md", "severity": "note", "was": "a", "now": "b", "why": "c"}, "YYYY-MM-DD"),
        (
            {
                "date": dt.date(2026, 12, 1),
                "page": "index.md",
                "severity": "note",
                "was": "10^26 FLOP",
                "now": "b",
                "why": "c",
            },
            "10²⁶",
        ),
        (
            {
                "date": dt.date(2026, 12, 1),
                "page": "index.md",
                "severity": "note",
                "was": "a",
                "now": "C = k_C·a",
                "why": "c",
            },
            "k<sub>C</sub>",
        ),
    ],
)
def test_malformed_entry_fails_the_build(hook, tmp_path: Path, entry: dict, message: str) -> None:
    log = tmp_path / "corrections.yml"
    log.write_text(yaml.safe_dump([entry]), encoding="utf-8")
    with pytest.raises(PluginError, match=message):
        hook.load(log)


def test_one_change_on_several_pages_is_an_entry_on_each(hook) -> None:
    """An entry naming a list of pages is shown under each, with the same words; a list with
    no page, or with something that is not a path, fails the build."""
    text = yaml.safe_dump([{**ENTRY, "page": ["debate.md", "essays/half-life.md"]}, ENTRY])
    entries = hook.load_text(text)
    assert [entry.page for entry in entries] == ["debate.md", "essays/half-life.md", "essays/half-life.md"]
    assert {entry._replace(page="") for entry in entries} == {entries[0]._replace(page="")}
    for pages in ([], ["debate.md", 3], ""):
        with pytest.raises(PluginError, match="list of paths"):
            hook.load_text(yaml.safe_dump([{**ENTRY, "page": pages}]))


def test_corrections_page_shows_every_entry_newest_first(site: Path, hook) -> None:
    html = (site / "corrections" / "index.html").read_text(encoding="utf-8")
    entries = hook.load()
    assert html.count("<em>Before:</em>") == len(entries)
    dates = re.findall(r'<h2 id="(\d{4}-\d{2}-\d{2})"', html)
    assert dates == sorted({e.date.isoformat() for e in entries}, reverse=True)
    for entry in entries:
        assert f'id="{hook.anchor(entry.date, entry.page)}"' in html


def test_corrections_page_shows_maths_typeset_not_typed(site: Path) -> None:
    """No caret power or underscore subscript in the page's visible text (powers show as
    10²⁶ or 10<sup>26.8</sup>, which the page does hold)."""
    html = (site / "corrections" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    text = re.sub(r"<(script|style|code|pre)\b.*?</\1>|<[^>]+>", " ", article, flags=re.S)
    assert "^" not in text
    assert not re.search(r"\b[A-Za-z]_[A-Za-z0-9]{1,3}\b", text)
    assert "10<sup>26.8</sup>" in article and "10²⁶" in text


def test_each_corrected_page_links_to_its_entries(site: Path, hook) -> None:
    for entry in hook.load():
        built = site / re.sub(r"(index)?\.(md|py)$", "", entry.page).rstrip("/") / "index.html"
        if entry.page == "index.md":
            built = site / "index.html"
        html = built.read_text(encoding="utf-8")
        assert "correction-notice" in html, entry.page
        assert f'corrections/#{hook.anchor(entry.date, entry.page)}"' in html, entry.page


def test_every_page_links_to_corrections_and_sources_in_its_footer(site: Path) -> None:
    for page in site.rglob("index.html"):
        footer = page.read_text(encoding="utf-8").split('class="md-copyright"', 1)[-1]
        for target in ("corrections", "sources"):
            # On the linked page itself the link is to "./".
            own = page.parent.name == target
            assert re.search(r'href="\./"' if own else rf'href="[./]*{target}/"', footer), (page, target)


def _commit_release(repo: Path, version: str, released: str, log: list[dict]) -> None:
    """Commit a CITATION.cff and a corrections log to ``repo`` and tag them v<version>."""
    (repo / "docs").mkdir(parents=True, exist_ok=True)
    (repo / "CITATION.cff").write_text(f"version: {version}\ndate-released: {released}\n", encoding="utf-8")
    (repo / "docs" / "corrections.yml").write_text(yaml.safe_dump(log), encoding="utf-8")
    git = ["git", "-c", "user.name=Release", "-c", "user.email=release@example.org"]
    for command in (["add", "-A"], ["commit", "-qm", version], ["tag", f"v{version}"]):
        subprocess.run([*git, *command], cwd=repo, check=True, capture_output=True)


ENTRY = {
    "date": dt.date(2026, 12, 1),
    "page": "essays/half-life.md",
    "severity": "wrong",
    "was": "a",
    "now": "b",
    "why": "c",
}
LATER = {**ENTRY, "date": dt.date(2027, 1, 5), "now": "d"}


@pytest.fixture
def tagged_repo(tmp_path: Path) -> Path:
    """A repository with three releases: 0.1.0 before the entry, 0.2.0 carrying it, 0.10.0 also."""
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    _commit_release(repo, "0.1.0", "2026-11-23", [])
    _commit_release(repo, "0.2.0", "2026-12-02", [ENTRY])
    _commit_release(repo, "0.10.0", "2027-02-01", [ENTRY, LATER])
    return repo


def test_releases_are_read_from_tags_with_their_dates_and_logs(hook, tagged_repo: Path) -> None:
    releases = hook.published_releases(tagged_repo)
    assert [(r.version, r.date.isoformat()) for r in releases] == [
        ("0.1.0", "2026-11-23"),
        ("0.2.0", "2026-12-02"),
        ("0.10.0", "2027-02-01"),
    ]
    assert [len(r.corrections) for r in releases] == [0, 1, 2]


def test_an_entry_names_its_first_release_and_links_the_text_it_replaced(hook, tagged_repo: Path) -> None:
    releases = hook.published_releases(tagged_repo)
    entry = hook.load_text(yaml.safe_dump([ENTRY]))[0]
    line = hook.release_line(entry, releases, "https://example.org/c/", "essays/half-life/")
    assert line == (
        "Published in [release 0.2.0](https://example.org/c/0.2.0/) (2 December 2026). "
        "The page as [release 0.1.0](https://example.org/c/0.1.0/essays/half-life/) showed it is archived unchanged."
    )
    later = hook.load_text(yaml.safe_dump([LATER]))[0]
    assert hook.release_line(later, releases, "https://example.org/c/", "essays/half-life/").startswith(
        "Published in [release 0.10.0](https://example.org/c/0.10.0/) (1 February 2027). "
        "The page as [release 0.2.0](https://example.org/c/0.2.0/essays/half-life/)"
    )


def test_an_unreleased_entry_points_at_the_newest_release_and_a_preview_does_not_link(hook, tagged_repo) -> None:
    releases = hook.published_releases(tagged_repo)
    fresh = hook.load_text(yaml.safe_dump([{**ENTRY, "now": "e"}]))[0]
    assert hook.release_line(fresh, releases, None, "essays/half-life/") == (
        "Not yet in a published release. The page as release 0.10.0 showed it is archived unchanged."
    )
    assert hook.release_line(fresh, [], None, "x/") == "Not yet in a published release."


def test_a_tag_whose_citation_disagrees_fails_the_build(hook, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    _commit_release(repo, "0.1.0", "2026-11-23", [])
    subprocess.run(["git", "tag", "v0.3.0"], cwd=repo, check=True)
    with pytest.raises(PluginError, match=r"v0\.3\.0"):
        hook.published_releases(repo)


def test_the_log_says_which_release_carries_each_group_of_entries(site: Path, hook) -> None:
    """This checkout's own releases (a development clone may have none tagged); a preview names
    releases but links no archive."""
    releases = hook.published_releases()
    html = (site / "corrections" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    groups = [(day, items[0]) for day, pages in hook.grouped(hook.load()).items() for items in pages.values()]
    for _, first in groups:
        line = hook.release_line(first, releases, None, "")
        assert line.split(" The page as")[0] in text
    said = text.count("Published in release ") + text.count("Not yet in a published release.")
    assert said == len(groups)
    archive_links = [href for href in re.findall(r'href="([^"]*)"', html) if re.search(r"/\d+\.\d+\.\d+/", href)]
    assert archive_links == [], "a local preview has no archive to link to"


def test_each_corrected_page_is_headed_by_its_own_title(site: Path, hook) -> None:
    """The log names each page by the title at its top, so no two pages share a heading (the
    navigation calls both the METR notebook and the METR data page "METR's time horizons")."""
    html = (site / "corrections" / "index.html").read_text(encoding="utf-8")
    headed = dict(re.findall(r'<h3 id="[^"]+"><a href="([^"]+)">(.*?)</a>', html))
    assert len(set(headed.values())) == len(headed), headed
    assert any(title.endswith("time horizons and their doubling time") for title in headed.values()), headed


def test_the_log_writes_powers_and_subscripts_as_the_pages_do(hook) -> None:
    """No caret or underscore notation in the log's words (10^26, k_C): powers and
    subscripts as the pages write them (10<sup>26</sup>, k<sub>C</sub>)."""
    for entry in hook.load():
        for text in (entry.was, entry.now, entry.why):
            assert not re.search(r"\w\^|\b[a-zA-Z]_[A-Za-z0-9]\b", text), text
