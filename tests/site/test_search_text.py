"""What site search indexes (hooks/search_text.py and the built index): powers of ten as
readers type them, notebooks by their prose only, titles without pilcrows, data pages titled
in words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text())["docs"]


@pytest.fixture(scope="module")
def hook(repo_module):
    return repo_module("hooks/search_text.py")


KATEX_POWER = (
    '<p>above <span class="arithmatex"><span class="katex"><span class="katex-mathml"><math>'
    '<annotation encoding="application/x-tex">{tex}</annotation></math></span>'
    '<span class="katex-html" aria-hidden="true"><span class="mord">10</span><span class="msupsub">'
    '<span class="mord">26</span></span></span></span></span> FLOP</p>'
)


@pytest.mark.parametrize(
    ("tex", "typed", "shown"),
    [
        ("10^{26}", "1e26", "10<sup>26</sup>"),
        ("10^{26.8}", "1e26.8", "10<sup>26.8</sup>"),
        (r"5.88 \times 10^{23}", "5.88e23", "5.88 × 10<sup>23</sup>"),
        ("10^3", "1e3", "10<sup>3</sup>"),
    ],
)
def test_a_formula_that_is_a_power_of_ten_is_indexed_as_typed(hook, tex: str, typed: str, shown: str) -> None:
    """The formula (whose markup reads "1026") is left out of the index, in a <data> element
    carrying its value; a hidden twin gives search both 10²⁶ and 1e26."""
    html = hook.index_powers_of_ten(KATEX_POWER.format(tex=tex))
    assert f'<data value="{typed}" data-search-exclude><span class="arithmatex">' in html
    assert f'</span></data><span class="search-twin" hidden>{shown} = {typed}</span> FLOP</p>' in html


def test_other_formulas_and_plain_sup_are_left_or_only_annotated(hook) -> None:
    """A formula that is not a power of ten is untouched; 10<sup>25</sup> written as HTML
    keeps its text and gains only the typed form; 110<sup>2</sup> is not a power of ten."""
    formula = KATEX_POWER.format(tex=r"e^{-\lambda t}")
    assert formula == hook.index_powers_of_ten(formula)
    assert (
        '<p>10<sup>25</sup><span class="search-twin" hidden> = 1e25</span> and 110<sup>2</sup></p>'
        == hook.index_powers_of_ten("<p>10<sup>25</sup> and 110<sup>2</sup></p>")
    )


def test_prose_pages_are_found_as_1e26(docs: list[dict]) -> None:
    """The US threshold, written 10²⁶ in the glossary's maths and the governance essay's
    text, is in the index as 1e26, on those prose pages."""
    found = {doc["location"].split("#")[0] for doc in docs if re.search(r"(?<![\w(])1e26\b", doc["text"])}
    assert {"glossary/", "essays/governance/"} <= found
    [glossary] = [doc["text"] for doc in docs if doc["location"] == "glossary/#counting-compute"]
    assert "10<sup>26</sup> = 1e26 FLOP" in glossary and "1026" not in glossary


def test_correction_notices_stay_out_of_the_index(docs: list[dict], site: Path) -> None:
    """A corrected page's notice ("Corrected: we corrected 1 claim on this page …") is on the
    page but not in its search entries, so a hit's excerpt starts with the page's own words."""
    shown = (site / "notebooks" / "cost-decline" / "index.html").read_text()
    assert "correction-notice" in shown and "We corrected" in shown
    assert [] == [doc["location"] for doc in docs if "We corrected" in doc["text"]]
    assert [] == [doc["location"] for doc in docs if doc["text"].startswith("<p>Corrected</p>")]


def test_notebooks_are_indexed_by_their_prose(docs: list[dict], site: Path) -> None:
    """No prompt, code, copy button or printed output of a notebook reaches the index, and
    its prose does, each paragraph under its own heading; no title anywhere carries a
    pilcrow."""
    notebooks = [doc for doc in docs if doc["location"].startswith("notebooks/")]
    assert notebooks
    text = "\n".join(doc["text"] for doc in notebooks)
    # (The last two: a figure's axis title and legend, which are SVG text.)
    for chrome in (
        "In\xa0[",
        "In [",
        "Copied!",
        "import ",
        "plt.",
        "<pre>",
        "Models from 2023 on:",
        "Task length (minutes of human time",
        "constant hazard (k = 1)",
    ):
        assert chrome not in text, chrome
    assert "METR measures each AI agent" in text and "fits a straight line to the logarithm" in text
    assert [] == [doc["title"] for doc in docs if "¶" in doc["title"]]
    # A heading's section holds the prose up to the next heading, across code cells.
    [trend] = [doc["text"] for doc in docs if doc["location"] == "notebooks/metr-time-horizons/#fitting-the-trend"]
    assert "fits a straight line" in trend and "The straight lines on the log scale" in trend
    page = (site / "notebooks" / "metr-time-horizons" / "index.html").read_text()
    assert 'class="anchor-link"' not in page and 'class="headerlink"' in page
    # Each notebook's own entry holds the prose under its title (a search hit's excerpt),
    # and its title is no second entry.
    pages = {doc["location"]: doc for doc in notebooks if "#" not in doc["location"]}
    assert pages and all(doc["text"] for doc in pages.values()), [doc["location"] for doc in pages.values()]
    assert "METR measures each AI agent" in pages["notebooks/metr-time-horizons/"]["text"]
    assert [] == [
        doc["location"]
        for doc in notebooks
        if "#" in doc["location"] and doc["title"] == pages[doc["location"].split("#")[0]]["title"]
    ]


def test_calculator_controls_stay_out_of_the_index(docs: list[dict]) -> None:
    """A calculator is found by its title, summary and inputs, not by its preset buttons or
    the line naming the active preset (search showed them run together: "…(US
    order)Epoch replicationReset", "Showing the defaults: …")."""
    [split] = [doc["text"] for doc in docs if doc["location"] == "essays/scaling-paradox/#the-compute-optimal-split"]
    assert "Training compute" in split  # a calculator's own words (an input's label) are found
    assert "Epoch replicationReset" not in split  # the preset buttons, run together
    text = "\n".join(doc["text"] for doc in docs)
    assert "Showing the defaults" not in text and "(US order)Epoch" not in text


def test_data_pages_are_titled_in_words(docs: list[dict]) -> None:
    """A data page's title names its data, not its file."""
    for location in ("data/metr_horizons/", "data/hamilton_weibull/"):
        [title] = [doc["title"] for doc in docs if doc["location"] == location]
        assert not re.search(r"\.csv|_", title), title
        assert " " in title


def test_notebook_chrome_is_marked_after_its_class(hook) -> None:
    """Prompts, code, the copy button and printed output are marked for search to skip (the
    mark goes last, so `<div class="highlight-ipynb` still starts the code's tag); heading
    anchors become Material's; a notebook page without code fails the build loudly."""
    from mkdocs.exceptions import PluginError

    html = (
        '<h1 id="t">T<a class="anchor-link" href="#t">¶</a></h1><div class="jp-InputPrompt jp-InputArea-prompt">In [1]:</div>'
        '<clipboard-copy for="cell-1"><div><span class="notice" hidden>Copied!</span></div></clipboard-copy>'
        '<div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'
        '<div class="jp-RenderedText jp-OutputArea-output" tabindex="0"><pre>1</pre></div><p>Prose.</p>'
    )
    assert (
        '<h1 id="t">T<a class="headerlink" href="#t" title="Permanent link">¶</a></h1>'
        '<div class="jp-InputPrompt jp-InputArea-prompt" data-search-exclude>In [1]:</div>'
        '<clipboard-copy data-search-exclude for="cell-1"><div><span class="notice" hidden>Copied!</span></div></clipboard-copy>'
        '<div class="highlight-ipynb hl-python" data-search-exclude><pre>x = 1</pre></div>'
        '<div class="jp-RenderedText jp-OutputArea-output" tabindex="0" data-search-exclude><pre>1</pre></div><p>Prose.</p>'
    ) == hook.notebook_for_search(html)
    with pytest.raises(PluginError, match="mkdocs-jupyter's markup changed"):
        hook.notebook_for_search("<p>Only prose.</p>")


def test_a_notebooks_title_comes_first(hook) -> None:
    """mkdocs-jupyter's scripts and wrappers come before a notebook's title; the title moves
    ahead of them, so that search makes the prose under it the page's own entry (with the
    title as a section of its own, the page's hit showed no excerpt)."""
    from mkdocs.exceptions import PluginError

    html = '<script>x()</script><div class="jupyter-wrapper"><h1 id="t">T</h1><p>Prose.</p></div>'
    assert '<h1 id="t">T</h1><script>x()</script><div class="jupyter-wrapper"><p>Prose.</p></div>' == (
        hook.title_first(html)
    )
    with pytest.raises(PluginError, match="without a title"):
        hook.title_first("<p>Prose.</p>")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>about 10⁻⁷ petaflop</p>", '<p>about 10⁻⁷<span class="search-twin" hidden> = 1e−7</span> petaflop</p>'),
        ("<p>4 × 10²¹ FLOP</p>", '<p>4 × 10²¹<span class="search-twin" hidden> = 4e21</span> FLOP</p>'),
        # Not text: a tag's attributes, an SVG's labels, code, what search skips; 110² is no power of ten.
        ('<p title="10²⁶">110²</p>', '<p title="10²⁶">110²</p>'),
        ("<svg><text>10²⁶</text></svg><code>10⁶</code>", "<svg><text>10²⁶</text></svg><code>10⁶</code>"),
        ("<dl data-search-exclude><dd>10²⁶</dd></dl>", "<dl data-search-exclude><dd>10²⁶</dd></dl>"),
    ],
)
def test_superscript_powers_in_text_gain_their_typed_form(hook, html: str, expected: str) -> None:
    """10²⁶ written in Unicode superscripts gets the twin " = 1e26" in running text only; a
    negative power's twin has a minus sign (U+2212), so search keeps "1e−7" one word."""
    assert expected == hook.index_powers_of_ten(html)


def test_a_negative_formula_power_is_one_search_word(hook) -> None:
    """\\(10^{-3}\\) is indexed as "1e−3" (one word), and keeps its machine value 1e-3."""
    html = hook.index_powers_of_ten(KATEX_POWER.format(tex="10^{-3}"))
    assert '<data value="1e-3" data-search-exclude>' in html
    assert '<span class="search-twin" hidden>10<sup>−3</sup> = 1e−3</span>' in html


def test_negative_and_superscript_powers_are_in_the_index(docs: list[dict]) -> None:
    """The scaling paradox writes compute as 10⁻⁷ to 10⁻¹ petaflop/s-days and GPT-4's as
    2 × 10²⁵ FLOP: the index holds "1e−7" and "2e25" on that page."""
    [text] = [
        doc["text"] for doc in docs if doc["location"].startswith("essays/scaling-paradox/") and "10⁻⁷" in doc["text"]
    ]
    assert "10⁻⁷ = 1e−7" in text and "2 × 10²⁵ = 2e25" in text


def test_horizon_symbols_in_text_gain_their_typed_form(hook) -> None:
    """T₅₀ in running text gets the twin " = T50"; not inside a word, an attribute or code."""
    assert (
        '<p>at T₅₀<span class="search-twin" hidden> = T50</span> and T₈₀<span class="search-twin" hidden> = T80</span>,'
        ' AT₅₀ <code>T₅₀</code> <b title="T₅₀">x</b></p>'
    ) == hook.index_powers_of_ten('<p>at T₅₀ and T₈₀, AT₅₀ <code>T₅₀</code> <b title="T₅₀">x</b></p>')


def test_horizon_symbols_are_in_the_index_as_typed(docs: list[dict]) -> None:
    """The half-life essay and the glossary write T₅₀; the index holds "T50" beside it."""
    found = {doc["location"].split("#")[0] for doc in docs if "T₅₀ = T50" in doc["text"]}
    assert {"glossary/", "essays/half-life/"} <= found
