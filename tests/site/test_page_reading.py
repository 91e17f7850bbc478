"""Pages as readers read them, checked in the built HTML without a browser: the home page's
numbers carry their units, the API reference writes powers of ten and maths symbols as the rest
of the site does and names no repository file, and a formula in a table keeps the comma after it.

(tests/site/test_browser_reading.py checks what only a browser shows: widths, lines, colours.)
"""

from __future__ import annotations

import contextlib
import html
import inspect
import re
from pathlib import Path

import pytest

from tests.site.test_page_rules import FLAT_HORIZON  # a horizon written flat, T50

from browser_helpers import api_pages

#: Pages with prose tables of worked examples or of a data file's columns.
TABLE_PAGES = (
    "index.html",
    "debate/index.html",
    "essays/governance/index.html",
    "essays/half-life/index.html",
    "essays/hourly-costs/index.html",
    "essays/how-well-does-rl-scale/index.html",
    "essays/mostly-inference/index.html",
    "essays/rl-inefficiency/index.html",
    "data/metr_horizons/index.html",
    "data/hamilton_weibull/index.html",
)


def article(site: Path, page: str) -> str:
    built = (site / page).read_text(encoding="utf-8")
    return built[built.index("<article") : built.index("</article>")]


def without_hidden(markup: str) -> str:
    """``markup`` without what it hides: search twins (``10²⁵`` is indexed as ``1e25`` too, in
    a hidden span, hooks/search_text.py), scripts and styles."""
    markup = re.sub(r"<(\w+)\b[^>]*\bhidden\b[^>]*>.*?</\1>", "", markup, flags=re.S)
    return re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)


def visible_text(markup: str) -> str:
    """The words a reader sees, each run of white space as one space (a span's tags, inline,
    add none: "<span>32.2%</span>:" reads "32.2%:")."""
    inline = re.sub(r"</?span\b[^>]*>", "", without_hidden(markup))
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", inline)))


@pytest.fixture(scope="module")
def docstrings(repo_module):
    return repo_module("hooks/griffe_docstrings.py")


# --- The home page's numbers ----------------------------------------------------------


def home_rows(site: Path) -> dict[str, str]:
    """The "A few numbers" table: each row's label (its first words) to its value cell's HTML."""
    text = article(site, "index.html")
    table = text[text.index('id="a-few-numbers-to-start-with"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", table, flags=re.S)
    return {visible_text(label).split("(")[0].strip(): value for label, value in rows}


def test_home_numbers_carry_their_units(site: Path) -> None:
    """Each value reads on its own: a factor (×), a share (%), years named by the row, or a
    power of ten in FLOP; never a bare logarithm (26.8) or a fraction to work out (1 / 3.11)."""
    rows = home_rows(site)
    assert 4 == len(rows)
    [compute] = [value for label, value in rows.items() if "effective compute" in label]
    assert re.fullmatch(r'<span class="num">10<sup>\d+(\.\d+)?</sup> FLOP</span>', without_hidden(compute).strip())
    [horizon] = [value for label, value in rows.items() if label.startswith("An agent's 80% horizon")]
    assert re.fullmatch(r"\d+(\.\d+)?%: \d+(\.\d+)? times shorter", visible_text(horizon).strip())
    for label, value in rows.items():
        shown = visible_text(value).strip()
        assert "/" not in shown, label
        assert re.search(r"[×%]|FLOP", shown) or label.startswith("Years"), (label, shown)


# --- The API reference ------------------------------------------------------------------


def api_article(site: Path) -> str:
    """The articles of every API reference page, one after the other."""
    return "\n".join(article(site, page) for page in api_pages(site))


def test_api_reference_lists_each_public_name_once(site: Path) -> None:
    """Every name the package exports (``calculators.__all__``) has its entry, under the name
    a reader imports (``calculators.survival``), on exactly one reference page; and the
    package page links each reference page."""
    import calculators

    entries = [
        anchor for page in api_pages(site) for anchor in re.findall(r'<h2 id="calculators\.(\w+)"', article(site, page))
    ]
    assert sorted(entries) == sorted(calculators.__all__)
    package_page = article(site, "python/index.html")
    for page in api_pages(site):
        assert f'href="{page.removeprefix("python/").removesuffix("index.html")}"' in package_page, page


def test_api_reference_writes_no_exponent_notation(site: Path) -> None:
    """Python's ``1e+25``, ``2e+25`` or ``'6.31e+26'`` nowhere in what the pages show: constants,
    prose and doctest output write powers of ten as 10²⁵ or in words. Code a reader copies
    keeps Python's literals (``1e24``), which have no "e+"."""
    text = visible_text(api_article(site))
    assert [] == re.findall(r".{40}\de\+\d.{10}", text)
    assert re.search(r"EU_AI_ACT_THRESHOLD_FLOP\s*=\s*10\s*²⁵", text)
    assert re.search(r"US_EXECUTIVE_ORDER_THRESHOLD_FLOP\s*=\s*10\s*²⁶", text)
    # Prose powers of ten as the site writes them, not as Python or a caret does (code aside).
    prose = visible_text(re.sub(r"<(pre|code)\b.*?</\1>", " ", api_article(site), flags=re.S))
    assert "about 80 at 10²³ FLOP" in prose
    assert [] == re.findall(r"\d+(?:\.\d+)?e-?\d+ (?:FLOP|PF-days|parameters)|10\^\d+", prose)


def test_api_reference_constants_are_described(site: Path) -> None:
    """A constant documented by ``#:`` comments in the source shows them as its description."""
    text = visible_text(api_article(site))
    assert "presumes a general-purpose model has systemic risk: 10²⁵ FLOP" in text


def test_api_reference_names_no_repository_file(site: Path) -> None:
    """Readers see the package's names, not the paths of the files it was written in."""
    text = visible_text(api_article(site) + article(site, "python/index.html"))
    # Pages' own addresses (the citation box's "python/calculators/") are the site's, not files.
    text = re.sub(r"https?://\S+", " ", text)
    found = re.findall(r"\b(?:calculators|docs|hooks|tests|tools)/[\w./-]+", text)
    assert [] == found


#: A maths symbol written as a code name, a letter and its subscript joined by "_": Δ_RL,
#: C_post, T_p, b_inf, k_C. Readers see Tₚ, T₅₀ or words ("post-training compute").
SUBSCRIPTED_NAME = re.compile(r"(?<![\w.])[A-Za-zΔ]_\w+")


def code_names() -> set[str]:
    """The names a reader calls the package by: its exports, their parameters and fields
    (``t_p`` is :func:`calculators.doublings_to_reach`'s first parameter, not a symbol)."""
    import calculators

    names = set(calculators.__all__)
    for name in calculators.__all__:
        member = getattr(calculators, name)
        if callable(member):
            with contextlib.suppress(TypeError, ValueError):
                names |= set(inspect.signature(member).parameters)
        names |= set(getattr(member, "_fields", ())) | set(getattr(member, "__dataclass_fields__", ()))
    return names


def test_api_reference_writes_maths_symbols_as_readers_read_them(site: Path) -> None:
    """Prose and formulas in the reference write a symbol with a subscript as the essays do
    (Tₚ, T₅₀) or in words, not as a code name (``T_p``, ``C_post``, "the RL boost Δ_RL");
    only the package's own names keep their underscores. Signatures and doctests (``<pre>``)
    are Python, and so is every name in them."""
    shown = re.sub(r"<pre\b.*?</pre>", " ", api_article(site), flags=re.S)
    # Inline code and the prose around it, each as a reader sees it.
    parts = [visible_text(part) for part in re.split(r"(<code>.*?</code>)", shown, flags=re.S)]
    names = code_names()
    symbols = [
        f"{symbol[0]} in {part[max(0, symbol.start() - 40) : symbol.end() + 20]!r}"
        for part in parts
        for symbol in SUBSCRIPTED_NAME.finditer(part)
        if symbol[0] not in names
    ]
    assert [] == symbols
    prose = " ".join(parts[::2])
    assert [] == [f"...{hit[0]}..." for hit in re.finditer(r".{0,40}" + FLAT_HORIZON.pattern + r".{0,20}", prose)]


def test_powers_of_ten_in_prose_not_in_code(docstrings) -> None:
    """Exponent and caret notation in prose become the site's; inline code and fenced
    doctests keep Python's, which a reader copies and runs."""
    assert "10²⁵" == docstrings.power_of_ten("+25")
    assert "5.88 × 10⁻⁷" == docstrings.power_of_ten("-7", "5.88")
    assert "10<sup>26.8</sup>" == docstrings.power_of_ten("26.8")
    prose = "about 80 at 1e23 FLOP, 5.88e23 to 10^{26}, once d > 10^10; `1e23` and\n```pycon\n>>> f(1e24)\n2e+25\n```"
    expected = (
        "about 80 at 10²³ FLOP, 5.88 × 10²³ to 10²⁶, once d > 10¹⁰; `1e23` and\n```pycon\n>>> f(1e24)\n2e+25\n```"
    )
    assert expected == docstrings._powers_of_ten(prose)
    assert "10²⁵" == docstrings.written_value("1e+25")
    assert "0.7" == docstrings.written_value("0.7")


# --- Formulas in tables -----------------------------------------------------------------


@pytest.mark.parametrize("page", TABLE_PAGES)
def test_table_formula_keeps_its_comma(site: Path, page: str) -> None:
    """In a table cell, a formula followed by a comma is held on one line with it
    (``arithmatex-nowrap``), so on a phone no line of a cell starts with a comma."""
    for cell in re.findall(r"<td>(.*?)</td>", article(site, page), flags=re.S):
        # Each formula, and whether the nowrap span right before it holds it.
        for match in re.finditer(r'(<span class="arithmatex-nowrap">)?<span class="arithmatex">', cell):
            end = _closing(cell, match.end() - len('<span class="arithmatex">'))
            if not match[1] and cell[end:].startswith(","):
                pytest.fail(f"{page}: a formula's comma can start a line: {visible_text(cell)[:80]!r}")


def _closing(markup: str, start: int) -> int:
    """The index just past the ``</span>`` closing the span that opens at ``start``."""
    depth = 0
    for tag in re.finditer(r"<(/?)span\b[^>]*>", markup[start:]):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return start + tag.end()
    raise AssertionError("unclosed span")
