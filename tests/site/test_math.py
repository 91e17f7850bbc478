"""Formulas are typeset at build time (hooks/math.py), so readers get maths without a script."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError


@pytest.fixture
def hook(repo_module):
    """hooks/math.py, with its Node process stopped afterwards."""
    module = repo_module("hooks/math.py")
    yield module
    module.on_post_build(None)


def test_every_formula_is_typeset_in_the_built_pages(site: Path) -> None:
    """No page keeps raw TeX delimiters in a formula or loads KaTeX's script; pages with
    maths carry KaTeX's markup and its stylesheet."""
    pages_with_maths = 0
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "katex.min.js" not in html and "auto-render" not in html, page
        blocks = re.findall(r'<(span|div) class="arithmatex">(.*?)</\1>', html, re.S)
        if not blocks:
            continue
        pages_with_maths += 1
        assert "katex.min.css" in html, page
        for _, body in blocks:
            assert body.lstrip().startswith('<span class="katex'), (page, body[:80])
            assert not re.match(r"\s*\\[(\[]", body), (page, body[:80])
    assert pages_with_maths >= 8  # every essay page has equations


def test_formula_markup_is_katexs(hook) -> None:
    """T_{50} becomes MathML with a subscript (what screen readers read) and the TeX source
    as annotation; display maths gets KaTeX's display wrapper."""
    html = hook.typeset(
        '<p><span class="arithmatex">\\(T_{50}\\)</span> and</p><div class="arithmatex">\\[a &lt; b\\]</div>'
    )
    inline, display = re.findall(r'class="arithmatex">(.*?)</(?:span|div)>(?: and</p>|$)', html, re.S)
    assert "<msub><mi>T</mi><mn>50</mn></msub>" in inline
    assert '<annotation encoding="application/x-tex" >T_{50}</annotation>'.replace(" >", ">") in inline
    assert 'class="katex-display"' in display and "<mo>&lt;</mo>" in display
    assert 'class="katex-display"' not in inline


def test_formula_is_indexed_once_by_site_search(hook) -> None:
    """Search skips the MathML copy (and with it the TeX source) and keeps the visible one."""
    html = hook.typeset('<span class="arithmatex">\\(x^2\\)</span>')
    assert html.count("data-search-exclude") == 1
    assert re.search(r"<math [^>]*data-search-exclude", html)


@pytest.mark.parametrize("tex", ["\\frac{1}", "\\notacommand", "x^"])
def test_a_formula_katex_rejects_fails_the_build(hook, tex: str) -> None:
    """Bad TeX stops the build with the page and the formula named, instead of reaching readers."""
    with pytest.raises(PluginError, match=r"essays/x\.md: KaTeX: .*") as caught:
        hook.typeset(f'<span class="arithmatex">\\({tex}\\)</span>', "essays/x.md")
    assert json.dumps(tex) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "formulas"),
    [
        ("<p>rate $g$ gives $\\ln 2 / g$ years</p>", ["\\(g\\)", "\\(\\ln 2 / g\\)"]),
        ("<p>$$x^2$$</p>", ["\\[x^2\\]"]),
        ("<p>about $3,000 a task against about $3 for a person</p>", []),
        ("<p>US$5 and $5/$6, $ a$, $a $</p>", []),
        ("<pre>s = '$a$'</pre><p><code>$b$</code></p>", []),
        ("<!-- $a$ comment --><p>a < b and c<d</p><script>if (a<b) x = '$c$';</script>", []),
    ],
)
def test_notebook_dollar_maths_is_told_from_prices_and_code(hook, text: str, formulas: list[str]) -> None:
    """Jupyter's $…$ maths becomes a formula; prices and code keep their dollar signs."""
    marked = hook.mark_dollar_maths(text)
    assert re.findall(r'class="arithmatex">(.*?)</(?:span|div)>', marked) == formulas
    if not formulas:
        assert marked == text


def test_notebook_pages_typeset_their_maths(site: Path) -> None:
    """The notebooks' formulas (Chinchilla's loss, METR's doubling time) reach readers typeset,
    and the prices in the cost notebook stay prices."""
    chinchilla = (site / "notebooks" / "chinchilla-frontier" / "index.html").read_text()
    assert chinchilla.count('<span class="katex">') >= 8
    assert "\\alpha" not in re.sub(r"<annotation.*?</annotation>", "", chinchilla, flags=re.S)
    horizons = (site / "notebooks" / "metr-time-horizons" / "index.html").read_text()
    assert "<mi>ln</mi>" in horizons and "\\ln 2" not in re.sub(r"<annotation.*?</annotation>", "", horizons)
    cost = (site / "notebooks" / "cost-decline" / "index.html").read_text()
    assert "about $3,000 a task against about $3 for a" in cost
    for page in (site / "notebooks").rglob("index.html"):  # comments stay comments
        text = re.sub(r"<!--.*?-->", "", page.read_text(), flags=re.S)
        assert "!--" not in re.sub(r"<[^>]*>", "", text), page


def test_a_row_of_formulas_is_also_typeset_stacked_for_phones(hook) -> None:
    """Parts side by side after a comma become lines of a gathered block, the number after
    them; a single formula, or one whose \\quad is not after a comma, gets no second copy.
    The stacked copy is hidden from search (the formula is indexed once)."""
    assert hook.stacked(r"C = k_C\,a^{20}, \qquad D = k_D\,a^{11}. \tag{2}") == (
        r"\begin{gathered}C = k_C\,a^{20}, \\ D = k_D\,a^{11}.\end{gathered} \tag{2}"
    )
    assert hook.stacked(r"h = \frac{C}{T} \quad \text{dollars per hour.} \tag{1}") is None
    assert hook.stacked(r"\left(a, \quad b\right)") is None
    assert hook.stacked(r"\begin{aligned} a &= b, \qquad c \end{aligned}") is None
    html = hook.typeset('<div class="arithmatex">\\[a, \\qquad b \\tag{1}\\]</div>')
    assert html.count('class="katex-display"') == 2
    assert re.search(r'<div class="arithmatex-narrow" data-search-exclude><span class="katex-display"', html)


def test_no_line_breaks_between_a_formula_and_its_comma(hook) -> None:
    """A short inline formula and the punctuation right after it share a no-wrap box, so a
    narrow screen never starts a line with the comma; a formula followed by a space is left
    as it is."""
    html = hook.typeset(
        '<p><span class="arithmatex">\\(B = 410.7\\)</span>, <span class="arithmatex">\\(a\\)</span> b</p>'
    )
    assert re.search(r'^<p><span class="arithmatex-nowrap"><span class="arithmatex">.*?</span>,</span> <span', html)
    assert html.count("arithmatex-nowrap") == 1
