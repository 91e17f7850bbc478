"""hooks/head_start.py: what must come first in a page's <head> goes right after the charset,
the last added first; a page without a <head> fails the build, saying what for."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError


def test_elements_go_first_after_the_charset_the_last_added_first(repo_module) -> None:
    first_in_head = repo_module("hooks/head_start.py").first_in_head
    page = '<html><HEAD>\n  <meta charset="utf-8">\n  <title>T</title></HEAD></html>'
    page = first_in_head(page, "<script>a</script>", "p.html", "for a")
    page = first_in_head(page, "<meta b>", "p.html", "for b")
    assert page == '<html><HEAD>\n  <meta charset="utf-8"><meta b><script>a</script>\n  <title>T</title></HEAD></html>'
    assert first_in_head("<head><title>T</title>", "<x>", "p.html", "for x") == "<head><x><title>T</title>"


def test_a_page_without_a_head_fails_the_build_saying_what_for(repo_module) -> None:
    first_in_head = repo_module("hooks/head_start.py").first_in_head
    with pytest.raises(PluginError, match=r"^essays/x\.md: no <head> to start Python from$"):
        first_in_head("<body>text</body>", "<script></script>", "essays/x.md", "to start Python from")
