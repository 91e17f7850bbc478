"""The home page starts a newcomer: where to begin, paths through the essays, each essay and
each of its calculators linked, a headed table, and a tab title that names the site once."""

from __future__ import annotations

import re
from pathlib import Path

from calculators import CALCULATORS


def home(site: Path) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


def article(site: Path) -> str:
    html = home(site)
    return html[html.index("<article") : html.index("</article>")]


def test_tab_title_names_the_site_once(site: Path) -> None:
    """ "Scaling Series Companion: …", not "… Scaling Series … - Scaling Series Companion"."""
    [title] = re.findall(r"<title>(.*?)</title>", home(site))
    assert title.startswith("Scaling Series Companion: ")
    assert 1 == title.count("Scaling Series")


def test_home_says_where_to_start(site: Path) -> None:
    """A "New here?" box pointing at the first essay, before the essays' list."""
    text = article(site)
    start = text.index("New here?")
    assert 'href="essays/scaling-paradox/"' in text[start : start + 600]
    assert start < text.index('id="the-eight-essays"')


def test_every_essay_and_calculator_is_linked(site: Path) -> None:
    """Each essay page is linked, and every calculator is linked to its own section on the
    page that embeds it (the generic link test checks that each such anchor exists)."""
    text = article(site)
    links = set(re.findall(r'href="([^"#]*)(?:#([^"]*))?"', text))
    for essay in (site / "essays").iterdir():
        assert (f"essays/{essay.name}/", "") in links, essay.name
    for calculator_id in CALCULATORS:
        [page] = [page for page, anchor in links if anchor == f"calc-{calculator_id}"]
        assert f'id="calc-{calculator_id}"' in (site / page / "index.html").read_text(), calculator_id


def test_numbers_table_has_a_header(site: Path) -> None:
    """ "A few numbers" is a table with named columns, not an empty header row."""
    text = article(site)
    table = text[text.index('id="a-few-numbers-to-start-with"') :]
    head = table[table.index("<thead>") : table.index("</thead>")]
    assert ["What", "Value"] == re.findall(r"<th[^>]*>([^<]+)</th>", head)


def test_no_wide_table_of_essays(site: Path) -> None:
    """The essays are a list, which wraps on a phone, not a five-column table."""
    text = article(site)
    essays = text[text.index('id="the-eight-essays"') : text.index('id="a-few-numbers-to-start-with"')]
    assert "<table" not in essays and 8 == essays.count("<li>")
