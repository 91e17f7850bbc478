"""The glossary hook (hooks/glossary.py): entry anchors stay put when a term's spelling
gains subscripts, and each linked term is an entry of the glossary."""

from __future__ import annotations

import re
from pathlib import Path


def test_a_subscripted_term_keeps_its_anchor(repo_module) -> None:
    """T₅₀ in a term is slugged as T50, so links to the entry made before the glossary wrote
    subscripts (term-time-horizon-t50-t80) still arrive."""
    glossary = repo_module("hooks/glossary.py")
    assert "term-time-horizon-t50-t80" == glossary.slug("Time horizon (T₅₀, T₈₀)")
    assert glossary.slug("Time horizon (T50, T80)") == glossary.slug("Time horizon (T₅₀, T₈₀)")


def test_the_time_horizon_entry_is_written_with_subscripts(site: Path) -> None:
    """The built glossary names the entry T₅₀, T₈₀ under its old anchor."""
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'<span class="search-twin" hidden>[^<]*</span>', "", html)  # search's T50
    assert 'id="term-time-horizon-t50-t80"' in html and "Time horizon (T₅₀, T₈₀)" in html
