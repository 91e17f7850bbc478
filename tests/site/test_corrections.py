"""The public corrections log: every entry is shown, dated, and linked from its page."""

from __future__ import annotations

import re
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
    ],
)
def test_malformed_entry_fails_the_build(hook, tmp_path: Path, entry: dict, message: str) -> None:
    log = tmp_path / "corrections.yml"
    log.write_text(yaml.safe_dump([entry]), encoding="utf-8")
    with pytest.raises(PluginError, match=message):
        hook.load(log)


def test_corrections_page_shows_every_entry_newest_first(site: Path, hook) -> None:
    html = (site / "corrections" / "index.html").read_text(encoding="utf-8")
    entries = hook.load()
    assert html.count("<em>Before:</em>") == len(entries)
    dates = re.findall(r'<h2 id="(\d{4}-\d{2}-\d{2})"', html)
    assert dates == sorted({e.date.isoformat() for e in entries}, reverse=True)
    for entry in entries:
        assert f'id="{hook.anchor(entry.date, entry.page)}"' in html


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
