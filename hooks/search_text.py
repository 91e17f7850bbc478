"""MkDocs hook: what site search indexes is what a reader would type, and nothing else.

Material's search indexes each page's HTML text. Two things there do not read as a reader
searches, and this hook fixes both before the index is built (it runs after hooks/math.py):

* **Powers of ten.** Prose writes a threshold as 10²⁶, in maths (``\\(10^{26}\\)``, which
  KaTeX's markup leaves in the index as "1026"), as ``10<sup>26</sup>`` or in Unicode
  superscripts (``4 × 10²¹``, ``10⁻⁷``). Each gets a hidden twin for search: the formula's is
  ``10<sup>26</sup> = 1e26`` (the formula itself is left out), the others' " = 1e26". The
  index then holds "1e26"; the browser's search wrapper takes " = 1e26" out of each result
  before it is shown, so an excerpt reads 10²⁶ as the page does. A negative power is indexed as
  "1e−7", with a minus sign (U+2212): Material's search splits words at a hyphen, so "1e-7"
  would be indexed as the two words "1e" and "7". The browser's search wrapper
  (assets/javascripts/workers/search-when-ready.js) reads a query of "1e-7", "10^-7",
  "10**-7" or "10⁻⁷" (typed or pasted) as "1e−7", and "10^26" or "10²⁶" as "1e26", so each of
  those forms finds the page.
* **Horizon symbols.** Pages write the task length an agent completes with probability p
  as charts and labels do, with the percentage as a subscript: T₅₀, T₈₀ (or \\(T_{50}\\) in
  maths). A reader types "T50". Each T₅₀ in running text gets the hidden twin " = T50", so
  the index holds the typed form (which the wrapper also keeps out of excerpts), and the
  search wrapper reads a query of "T₅₀" as "T50".
* **Notebook chrome.** mkdocs-jupyter writes prompts ("In [1]:"), code, its copy button
  ("Copied!"), printed output and figures (whose tick labels and legends are SVG text) into
  the page; they are marked ``data-search-exclude``, so a
  notebook is found by its prose. Its heading anchors become Material's ``headerlink``
  (which search leaves out of titles, so no "¶"), styled as on every other page, its
  Markdown cells are unwrapped, so each paragraph is found under its own heading, and its
  title comes first, so its hit shows the prose under it as an excerpt.

Material's search ends an exclusion at the first closing tag of the same name, so only
elements holding no element of their own kind are marked.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# ----------------------------------------------------------------------------- powers of ten

#: A formula that is only a power of ten, with an optional coefficient: 10^{26}, 10^{26.8},
#: 5.88 \times 10^{23}, 10^{-3}.
POWER_TEX = re.compile(
    r"\s*(?:(?P<coefficient>\d+(?:\.\d+)?)\s*\\(?:times|cdot)\s*)?10\s*\^\s*(?:\{\s*(?P<braced>[-−]?\d+(?:\.\d+)?)\s*\}|(?P<digit>\d))\s*"
)
#: ``10<sup>26</sup>`` written in a page's own HTML, not already inside a twin.
POWER_HTML = re.compile(r"(?<![\w.])10<sup>(?P<exponent>[-−]?\d+(?:\.\d+)?)</sup>")
#: ``10²⁶``, ``4 × 10²¹`` or ``10⁻⁷`` written in Unicode superscripts in a page's text.
POWER_UNICODE = re.compile(
    r"(?<![\w.])(?:(?P<coefficient>\d+(?:\.\d+)?)\s?×\s?)?10(?P<exponent>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
)
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
#: ``T₅₀``, ``T₈₀``: a horizon symbol, as :func:`calculators.horizon_symbol` writes it.
HORIZON_UNICODE = re.compile(r"(?<![\w])T(?P<percent>[₀₁₂₃₄₅₆₇₈₉]+)(?![₀₁₂₃₄₅₆₇₈₉])")
SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
#: What search does not index, or does not index as text, so gets no twin: a tag's own
#: markup (its attributes), and the whole of an element search skips. Material ends an
#: exclusion at the first closing tag of the same name, and so does this.
NOT_TEXT = re.compile(
    r"<(?P<raw>svg|script|style|pre|code|textarea|title)\b.*?</(?P=raw)\s*>"
    r"|<(?P<excluded>\w+)\b[^>]*\bdata-search-exclude\b[^>]*>.*?</(?P=excluded)\s*>"
    r"|<[^>]*>",
    re.S,
)
INLINE_MATH = '<span class="arithmatex">'
ANNOTATION = re.compile(r'<annotation encoding="application/x-tex">(?P<tex>.*?)</annotation>', re.S)
SPAN_TAG = re.compile(r"<span\b|</span>")


def e_notation(exponent: str, coefficient: str | None = None) -> str:
    """The number as a machine reads it: ``e_notation("26") == "1e26"``, ``("23", "5.88") ==
    "5.88e23"``, ``("−3") == "1e-3"``."""
    return f"{coefficient or '1'}e{exponent.replace('−', '-')}"


def search_word(exponent: str, coefficient: str | None = None) -> str:
    """The number as the index holds it: :func:`e_notation` with a negative power's minus as
    U+2212, so that search keeps "1e−3" one word (it splits words at a hyphen)."""
    return e_notation(exponent, coefficient).replace("-", "−")


def twin(exponent: str, coefficient: str | None = None, *, shown: bool = True) -> str:
    """The hidden text search indexes for a power of ten: shown by search as 10²⁶ = 1e26, or
    only " = 1e26" after a ``10<sup>26</sup>`` the index already holds (``shown=False``)."""
    # "= 1e26", not "(1e26)": the index keeps punctuation on its words (no trimmer in
    # Material's pipeline), so "(1e26)" would not match a search for 1e26.
    typed = f"= {search_word(exponent, coefficient)}"
    if not shown:
        return f'<span class="search-twin" hidden> {typed}</span>'
    times = f"{coefficient} × " if coefficient else ""
    return f'<span class="search-twin" hidden>{times}10<sup>{exponent.replace("-", "−")}</sup> {typed}</span>'


def index_powers_of_ten(page_html: str) -> str:
    """Each inline formula that is a power of ten is left out of the index (its markup reads
    "1026") and followed by its twin; each ``10<sup>n</sup>`` gets its twin after it."""
    out: list[str] = []
    position = 0
    while (start := page_html.find(INLINE_MATH, position)) >= 0:
        end = _element_end(page_html, start)
        formula = page_html[start:end]
        annotation = ANNOTATION.search(formula)
        power = POWER_TEX.fullmatch(annotation["tex"]) if annotation else None
        out.append(_with_html_twins(page_html[position:start]))
        if power:
            exponent = power["braced"] or power["digit"]
            value = e_notation(exponent, power["coefficient"])
            out.append(
                f'<data value="{value}" data-search-exclude>{formula}</data>{twin(exponent, power["coefficient"])}'
            )
        else:
            out.append(formula)
        position = end
    out.append(_with_html_twins(page_html[position:]))
    return "".join(out)


def _with_html_twins(page_html: str) -> str:
    page_html = POWER_HTML.sub(lambda m: m[0] + twin(m["exponent"], shown=False), page_html)
    out, position = [], 0
    for skipped in NOT_TEXT.finditer(page_html):
        out += [_with_unicode_twins(page_html[position : skipped.start()]), skipped[0]]
        position = skipped.end()
    out.append(_with_unicode_twins(page_html[position:]))
    return "".join(out)


def _with_unicode_twins(text: str) -> str:
    """``10²⁶`` in running text (never markup) gains the twin " = 1e26", and ``T₅₀`` the
    twin " = T50"."""
    text = POWER_UNICODE.sub(
        lambda m: m[0] + twin(m["exponent"].translate(SUPERSCRIPTS), m["coefficient"], shown=False), text
    )
    return HORIZON_UNICODE.sub(lambda m: m[0] + horizon_twin(m["percent"].translate(SUBSCRIPTS)), text)


def horizon_twin(percent: str) -> str:
    """The hidden text search indexes after T₅₀: " = T50", the symbol as a reader types it."""
    return f'<span class="search-twin" hidden> = T{percent}</span>'


def _element_end(page_html: str, start: int) -> int:
    """Where the ``<span>`` opened at ``start`` closes (just past its ``</span>``)."""
    depth = 0
    for tag in SPAN_TAG.finditer(page_html, start):
        depth += 1 if tag[0] == "<span" else -1
        if depth == 0:
            return tag.end()
    raise PluginError("an inline formula's <span> never closes (KaTeX's markup changed?)")


# ---------------------------------------------------------------------------- notebook chrome

#: The parts of mkdocs-jupyter's page that are not prose, by class; each holds no element of
#: its own tag (checked by the tests on the built index).
NOTEBOOK_CHROME = (
    "jp-InputPrompt",  # In [1]:
    "jp-OutputPrompt",  # Out [1]:
    "highlight-ipynb",  # the code, highlighted
    "clipboard-copy-txt",  # the code again, for the copy button
    "jp-RenderedText",  # printed output
    "jp-RenderedSVG",  # a figure (its ticks and legend as text)
)
# The attribute goes last in the tag: hooks/accessibility.py finds notebook code by the
# tag's start, `<div class="highlight-ipynb`, to make it focusable.
CHROME_TAG = re.compile(r'<div\b[^>]*\bclass="[^"]*\b(?:' + "|".join(NOTEBOOK_CHROME) + r')\b[^"]*"[^>]*')
COPY_BUTTON = re.compile(r"<clipboard-copy\b")
ANCHOR_LINK = re.compile(r'<a class="anchor-link" href="(#[^"]*)">¶</a>')


#: A Markdown cell as mkdocs-jupyter writes it: its prose four <div>s deep.
MARKDOWN_CELL = re.compile(
    r'<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell"[^>]*>\s*<div class="jp-Cell-inputWrapper"[^>]*>\s*'
    r'<div class="jp-Collapser[^"]*">\s*</div>\s*<div class="jp-InputArea jp-Cell-inputArea">'
    r'<div class="jp-InputPrompt[^"]*"[^>]*>\s*</div>'
    r'<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput"[^>]*>(?P<prose>.*?)'
    r"</div>\s*</div>\s*</div>\s*</div>",
    re.S,
)


def unwrap_prose(page_html: str) -> str:
    """A notebook's Markdown cells as plain prose, side by side with its code cells.

    Material's search gives a heading's section only what follows it inside the heading's
    parent element; wrapped in its cell, a heading would keep just its own cell's prose, and
    every later paragraph would be found under the notebook's title instead. Unwrapped, each
    heading's section runs to the next heading, as on every other page (and the prose reads
    in the site's own type rather than Jupyter's).
    """
    cells = page_html.count('<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell"')
    page_html, unwrapped = MARKDOWN_CELL.subn(lambda m: m["prose"], page_html)
    if unwrapped != cells:
        raise PluginError(f"unwrapped {unwrapped} of {cells} Markdown cells: update hooks/search_text.py")
    return page_html


#: A notebook's title, its first ``<h1>``.
TITLE = re.compile(r"<h1\b.*?</h1>", re.S)


def title_first(page_html: str) -> str:
    """A notebook's page with its title moved to the start, before mkdocs-jupyter's scripts,
    styles and wrappers. Material's search makes the text before a page's first ``<h1>`` the
    page's own entry and the ``<h1>`` a section of its own: the notebook's hit showed its title
    with no excerpt, the prose sitting in a second entry under the same title."""
    title = TITLE.search(page_html)
    if not title:
        raise PluginError("a notebook without a title (# heading): update hooks/search_text.py")
    return title[0] + page_html[: title.start()] + page_html[title.end() :]


def notebook_for_search(page_html: str) -> str:
    """A notebook's HTML with its prose unwrapped (:func:`unwrap_prose`), its title first
    (:func:`title_first`), its chrome marked for search to skip and Material's heading
    anchors, so its headings index without "¶"."""
    page_html = unwrap_prose(page_html)
    page_html, found = CHROME_TAG.subn(lambda m: m[0] + " data-search-exclude", page_html)
    if not found:
        raise PluginError(
            "a notebook page without code cells: mkdocs-jupyter's markup changed; update hooks/search_text.py"
        )
    page_html = COPY_BUTTON.sub("<clipboard-copy data-search-exclude", page_html)
    return title_first(ANCHOR_LINK.sub(r'<a class="headerlink" href="\1" title="Permanent link">¶</a>', page_html))


def is_notebook(page: Page) -> bool:
    return page.file.src_uri.endswith((".py", ".ipynb"))


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: object) -> str:
    if is_notebook(page):
        page_html = notebook_for_search(page_html)
    return index_powers_of_ten(page_html)
