"""References as data: one bibliography, cited by key, every entry cited, every citation known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from pybtex.database import parse_string

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def hook(repo_module):
    return repo_module("hooks/bibliography.py")


# A page's "## Sources" heading as Python-Markdown writes it, which the list must follow.
HEADING = '<h2 id="sources">Sources<a class="headerlink" href="#sources" title="Permanent link">&para;</a></h2>'


def _page(src: str):
    return type("Page", (), {"file": type("File", (), {"src_uri": src})()})()


def test_every_entry_is_cited_by_some_page(hook) -> None:
    """An entry no page cites is a source the site does not use: cite it or remove it."""
    cited = {key for keys in hook.cited_by_page(DOCS).values() for key in keys}
    uncited = sorted(set(hook.load()) - cited)
    assert not uncited, f"references.bib entries no page cites: {uncited}"


def test_every_cited_key_has_an_entry(hook) -> None:
    """Checked on the page sources too, so a bad key is named with its page before a build."""
    refs = hook.load()
    unknown = {src: sorted(set(keys) - set(refs)) for src, keys in hook.cited_by_page(DOCS).items()}
    assert not {src: keys for src, keys in unknown.items() if keys}


def test_every_entry_has_an_address_and_dates(hook) -> None:
    """Readers can follow and date every source: an https address, a publication and a check date."""
    data = parse_string((DOCS / "references.bib").read_text(encoding="utf-8"), "bibtex")
    for key, entry in data.entries.items():
        assert entry.fields["url"].startswith("https://"), key
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", entry.fields["date"]), key
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.fields["urldate"]), key
        assert entry.fields.get("keywords") in {"series", "ord", "research", "reply", "data"}, key
        hook.human_date(entry.fields["date"])  # a real calendar date, or this raises


def test_unknown_key_fails_the_build(hook) -> None:
    hook.on_config(type("Config", (), {"docs_dir": str(DOCS)})())
    with pytest.raises(PluginError, match=r"x\.md: no entry in references\.bib for no-such-source"):
        hook.on_page_content(f"<p>Claim [@no-such-source].</p>{HEADING}<!-- md:sources -->", _page("x.md"), None, None)


def test_citing_without_a_sources_list_fails_the_build(hook) -> None:
    hook.on_config(type("Config", (), {"docs_dir": str(DOCS)})())
    with pytest.raises(PluginError, match="has no '<!-- md:sources -->' list"):
        hook.on_page_content("<p>Claim [@kaplan2020].</p>", _page("x.md"), None, None)
    with pytest.raises(PluginError, match="cites nothing"):
        hook.on_page_content(f"<p>No claim.</p>{HEADING}<!-- md:sources -->", _page("x.md"), None, None)


def test_a_sources_list_not_under_its_heading_fails_the_build(hook) -> None:
    """Without the heading the list reads as more items of the section above it."""
    hook.on_config(type("Config", (), {"docs_dir": str(DOCS)})())
    for before in ("<ul><li>A limit [@kaplan2020].</li></ul>\n", f"{HEADING}<p>More prose.</p>"):
        with pytest.raises(PluginError, match=r"x\.md: '<!-- md:sources -->' must come right after a '## Sources'"):
            hook.on_page_content(f"<p>Claim [@kaplan2020].</p>{before}<!-- md:sources -->", _page("x.md"), None, None)


def test_citations_become_links_to_the_pages_own_list(hook) -> None:
    hook.on_config(type("Config", (), {"docs_dir": str(DOCS)})())
    html = hook.on_page_content(
        "<p>Power laws [@kaplan2020; @hoffmann2022, section 3.2].</p>"
        f"<pre><code>[@shown-not-cited]</code></pre>{HEADING}\n<!-- md:sources -->",
        _page("x.md"),
        None,
        None,
    )
    assert '<a class="citation__link" href="#ref-kaplan2020">Kaplan et al. 2020</a>' in html
    assert 'href="#ref-hoffmann2022">Hoffmann et al. 2022</a>, section 3.2)' in html
    assert "[@shown-not-cited]" in html  # code is shown as written
    items = re.findall(r'<li id="ref-([\w:-]+)">', html)
    assert items == ["hoffmann2022", "kaplan2020"]  # exactly the cited keys, by label


def test_colliding_labels_get_letters_in_date_order(hook) -> None:
    data = parse_string(
        """
        @online{late, author={Ord, Toby}, title={B}, date={2025-10-03}, url={https://a.example/b}, urldate={2026-12-01}}
        @online{early, author={Ord, Toby}, title={A}, date={2025-01}, url={https://a.example/a}, urldate={2026-12-01}}
        @online{pair, author={Narayanan, Arvind and Kapoor, Sayash}, title={C}, date={2024-06-27}, url={https://a.example/c}, urldate={2026-12-01}}
        @online{org, author={{Epoch AI}}, title={D}, date={2025}, url={https://a.example/d}, urldate={2026-12-01}}
        @online{essay, author={Ord, Toby}, shorthand={Ord, Essay}, title={E}, date={2025-05}, url={https://a.example/e}, urldate={2026-12-01}}
        """,
        "bibtex",
    )
    refs = hook.references(data)
    assert (refs["early"].label, refs["late"].label) == ("Ord 2025a", "Ord 2025b")
    assert refs["pair"].label == "Narayanan and Kapoor 2024"
    assert refs["org"].label == "Epoch AI 2025"
    assert "(2025b)" in refs["late"].html and "3 October 2025" in refs["late"].html
    # A shorthand is the label, and takes no letter from the author-year run it sits in.
    assert refs["essay"].label == "Ord, Essay" and "<strong>Ord, Essay</strong>: Toby Ord (2025)." in refs["essay"].html


def test_entry_without_an_address_is_refused(hook) -> None:
    data = parse_string("@online{x, author={A, B}, title={T}, date={2025}}", "bibtex")
    with pytest.raises(PluginError, match="'x' lacks url, urldate"):
        hook.references(data)


def test_built_pages_show_no_raw_citation_and_list_what_they_cite(site: Path) -> None:
    """No '[@key]' survives outside code, and every in-text link has its entry on the same page."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        prose = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.DOTALL)
        assert not re.search(r"\[@[\w:-]+", prose), page
        for key in set(re.findall(r'class="citation__link" href="#ref-([\w:-]+)"', html)):
            assert f'id="ref-{key}"' in html, (page, key)


def test_sources_page_lists_every_entry_with_who_cites_it(site: Path, hook) -> None:
    html = (site / "sources" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<li id="ref-([\w:-]+)">', html))
    assert listed == set(hook.load())
    entry = re.search(r'<li id="ref-kaplan2020">(.*?)</li>', html, re.DOTALL)
    assert entry and "Cited on" in entry[1], "the Sources page says which pages cite a source"
    assert (site / "references.bib").read_text(encoding="utf-8") == (DOCS / "references.bib").read_text(
        encoding="utf-8"
    )
    assert 'href="../references.bib"' in html  # the Sources page lives at sources/
