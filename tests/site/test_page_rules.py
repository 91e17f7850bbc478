"""Rules every public page keeps: derived numbers are computed, quoted ones cited, no internal notes.

These read the page sources (Markdown, and the Markdown cells of the jupytext notebooks), so
they run in a second and name the file and line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"

# A number as written in prose: 1.69, 406.4, 2,085.43, 172. Not part of a word or identifier
# (GPT-4, o3, arXiv:2503.14499, 314.0.7, #anchor-2), and not followed by more digits.
NUMBER = re.compile(r"(?<![\w.:/#-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w]|[.,]\d)")
CITATION = re.compile(r"\[@[\w:-]+")


@dataclass(frozen=True)
class Line:
    number: int  # in the file
    text: str
    kind: str  # "prose", "table" or "maths"


def significant_digits(whole: str, fraction: str | None) -> int:
    """1.69 → 3; 0.1535 → 4; 150 → 2; 2,085.43 → 6; 1.20 → 3 (written zeros after a point count)."""
    digits = whole.replace(",", "")
    if fraction:
        return len((digits + fraction).lstrip("0"))
    return max(1, len(digits.strip("0")))


def page_lines(path: Path, *, keep_code: bool = False) -> list[Line]:
    """The prose of a page as readers see it: no front matter, code, comments or link targets
    (inline code kept, if asked: code blocks never)."""
    raw = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".py":  # jupytext: only the Markdown cells, without their "# "
        cells, markdown = [], False
        for number, line in enumerate(raw, 1):
            if line.startswith("# %%"):
                markdown = "[markdown]" in line
            elif markdown:
                cells.append((number, line[2:] if line.startswith("# ") else line.lstrip("#")))
        numbered = cells
    else:
        numbered = list(enumerate(raw, 1))
    lines, fence, maths = [], False, False
    if numbered and numbered[0][1].strip() == "---":  # YAML front matter
        end = next(i for i, (_, text) in enumerate(numbered[1:], 1) if text.strip() == "---")
        numbered = numbered[end + 1 :]
    for number, text in numbered:
        stripped = text.strip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence:
            continue
        if stripped.startswith(("\\[", "$$")):
            maths = True
        kind = "maths" if maths else "table" if stripped.startswith("|") else "prose"
        if maths and (stripped.endswith("\\]") or (stripped.endswith("$$") and stripped != "$$")):
            maths = False
        text = re.sub(r"<!--.*?-->", "", text)  # md:value, md:calculator, md:sources
        if not keep_code:
            text = re.sub(r"`[^`]*`", "", text)  # code
        text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
        text = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", "", text)  # link definitions
        text = re.sub(r"\{#[^}]*\}|\\tag\{\d+\}", "", text)  # anchors, equation tags
        text = re.sub(r"[\^_]\{?-?\d+\}?", "", text)  # powers and subscripts: 10^{26}, a^20
        lines.append(Line(number, text, kind))
    return lines


def uncited_precise_numbers(path: Path, root: Path = DOCS) -> list[str]:
    """Numbers with three or more significant digits that are neither computed nor cited.

    "Cited" means the same line (one sentence, or one table row) carries a citation; a table
    or display formula may also lean on the sentence that introduces it.
    """
    found, context_cited = [], False
    for line in page_lines(path):
        cited = bool(CITATION.search(line.text)) or (line.kind != "prose" and context_cited)
        for match in NUMBER.finditer(line.text):
            whole, fraction = match.groups()
            plain = whole.replace(",", "")
            if not fraction and (re.fullmatch(r"(19|20)\d\d", plain) or plain.startswith("0")):
                continue  # a year, or an identifier such as GPT-4 0314
            if significant_digits(whole, fraction) >= 3 and not cited:
                found.append(f"{path.relative_to(root)}:{line.number}: {match[0]!r} in {line.text.strip()[:90]!r}")
        if line.kind == "prose" and line.text.strip():
            context_cited = bool(CITATION.search(line.text))
    return found


PAGES = sorted(p for p in [*DOCS.rglob("*.md"), *(DOCS / "notebooks").glob("*.py")] if "javascripts" not in p.parts)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_precise_numbers_are_computed_or_cited(path: Path) -> None:
    """A derived number comes from the core (<!-- md:value -->); a quoted one sits by its citation."""
    assert not uncited_precise_numbers(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fit gives 0.1535 here.", 1),
        ("The fit gives 0.1535 here [@hoffmann2022].", 0),
        ("Computed: <!-- md:value optimal_loss_exponent() -->.", 0),
        ("Pyodide 314.0.7 and GPT-4 0314 on arXiv:2503.14499 in 2025.", 0),
        ("About 0.45, or 150 days, or 1,000 times.", 0),
        ("Gopher has 281 billion and Elo 5,185.", 2),
        ("Intro with a source [@kaplan2020]:\n\n| row | 406.4 |", 0),
        ("Intro without one:\n\n| row | 406.4 |", 1),
        ("A formula [@hoffmann2022]:\n\n\\[\nE = 1.69\n\\]", 0),
        ("```\nx = 123.456\n```", 0),
    ],
)
def test_the_number_rule_itself(tmp_path: Path, text: str, expected: int) -> None:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    assert len(uncited_precise_numbers(page, root=tmp_path)) == expected


# Words that only make sense inside the team: a reader cannot follow them.
INTERNAL = re.compile(
    r"fact base|\u00a7\s?\d|shared/research|requested layout|someone should|no web access"
    r"|\bTODO\b|\bFIXME\b|\bXXX\b|recorded in the project|we have not checked|not checked here",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_pages_carry_no_internal_notes(path: Path) -> None:
    hits = [f"{line.number}: {line.text.strip()[:100]}" for line in page_lines(path) if INTERNAL.search(line.text)]
    assert not hits


def test_built_pages_carry_no_internal_notes(site: Path) -> None:
    """The same on what readers get, including calculator text written by the core."""
    for page in site.rglob("*.html"):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        assert not INTERNAL.search(text), (page, INTERNAL.search(text))


#: A number in e-notation (1e26, 5.88e23, 1e-7): how code writes numbers, not readers.
E_NOTATION = re.compile(r"(?<![\w.#/-])\d+(?:\.\d+)?e[+-]?\d+\b")
#: What may keep e-notation: code (and a notebook's copy of it for its copy button), scripts,
#: styles and drawings (their own checks apply), and
#: search's hidden twins, which hold the typed form on purpose (hooks/search_text.py).
NOT_PROSE = re.compile(
    r'<(script|style|pre|code|svg|textarea)\b.*?</\1>|<div class="clipboard-copy-txt"[^>]*>.*?</div>', re.S
)
TWIN = re.compile(r'<span class="search-twin" hidden>.*?</span>')


def test_built_prose_writes_powers_of_ten_for_readers(site: Path) -> None:
    """No page's text shows a number as 5.88e23 (the Python API page aside, whose examples
    are Python): prose writes 5.88 × 10²³."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(("assets/", "python/")):
            continue
        text = TWIN.sub(" ", NOT_PROSE.sub(" ", page.read_text(encoding="utf-8")))
        hits = E_NOTATION.findall(re.sub(r"<[^>]+>", " ", text))
        if hits:
            found[relative] = hits[:5]
    assert {} == found


def _exposed(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """``element`` and its descendants that assistive technology is shown: none under an
    ``aria-hidden="true"`` (Vega hides a title so, the phone chart's list of numbered labels)."""
    if element.get("aria-hidden") == "true":
        return
    yield element
    for child in element:
        yield from _exposed(child)


def test_charts_carry_no_aria_text_of_vegas_but_their_legends(site: Path) -> None:
    """In the static charts of every page and in the downloadable charts, Vega names no axis,
    line, point or label for screen readers: it wrote their values as code does ("Effective
    compute: 6.3095734448e+26", an axis "from 7.64041384906e+23"), under a picture whose
    accessible name already says what it shows and its axes in words. Legends keep theirs.
    And no accessible name anywhere writes a number in e-notation."""
    files = [*site.rglob("*.html"), *(site / "assets" / "downloads").rglob("*.svg")]
    assert any(path.suffix == ".svg" for path in files), "no downloadable chart was built"
    named: dict[str, set[str]] = {}
    coded: dict[str, list[str]] = {}
    charts = 0
    for path in sorted(files):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        for svg in re.findall(r'<svg [^>]*class="marks".*?</svg>', text, re.S):
            charts += 1
            for element in _exposed(ElementTree.fromstring(svg)):
                if "aria-label" in element.attrib and element.get("aria-roledescription") != "legend":
                    named.setdefault(where, set()).add(f"{element.get('class')}: {element.get('aria-label')}"[:120])
        hits = [hit for name in re.findall(r'aria-label="([^"]*)"', text) for hit in E_NOTATION.findall(name)]
        if hits:
            coded[where] = hits[:3]
    assert charts > 30, charts  # the check reads the charts at all
    assert {} == named
    assert {} == coded


#: A horizon symbol written flat, T50 or T80: charts, labels and messages write T₅₀.
FLAT_HORIZON = re.compile(r"(?<![\w{_])T\d{2,}\b")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_prose_writes_horizon_symbols_with_subscripts(path: Path) -> None:
    """Prose writes the p% time horizon as the charts and the calculators' labels do, T₅₀
    (or \\(T_{50}\\) in maths), never T50; code keeps Python's spelling (search finds either,
    tests/site/test_search_text.py)."""
    hits = [f"{line.number}: {line.text.strip()[:100]}" for line in page_lines(path) if FLAT_HORIZON.search(line.text)]
    assert not hits


def test_the_horizon_rule_itself(tmp_path: Path) -> None:
    """The rule sees T50 in prose and tables, and not T₅₀, \\(T_{50}\\), code or GPT50x."""
    page = tmp_path / "page.md"
    page.write_text("A T50 here.\n\n| T80 |\n\nT₅₀ and \\(T_{50}\\), `T50`, AT50.\n\n```\nT50\n```\n", encoding="utf-8")
    assert [1, 3] == [line.number for line in page_lines(page) if FLAT_HORIZON.search(line.text)]


#: A name from the Python package (calculators.survival) or any snake_case code name
#: (fit_exponential, is_sota), in code or not, and talk of "the core"; maths (\(y_1\)) is left
#: out first.
CODE_NAME = re.compile(r"\bcalculators\.\w|(?<![\\\w])[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\*_[a-z]")
INLINE_MATHS = re.compile(r"\\\(.*?\\\)")
THE_CORE = re.compile(r"\bthe (?:site's )?core\b", re.IGNORECASE)


def talks_code(text: str) -> bool:
    """Whether a line of prose names the package's code or speaks of "the core"."""
    return bool(CODE_NAME.search(INLINE_MATHS.sub("", text)) or THE_CORE.search(text))


#: Where code names belong: the Python pages (the reference is generated from the package), the
#: notebooks (which are Python) and the data pages (they name their files' columns).
CODE_PAGES = ("python.md", "python/", "notebooks/", "data/")


@pytest.mark.parametrize(
    "path",
    [p for p in PAGES if not str(p.relative_to(DOCS)).startswith(CODE_PAGES)],
    ids=lambda p: str(p.relative_to(DOCS)),
)
def test_prose_names_no_python_functions(path: Path) -> None:
    """An essay says in words what a formula does: no `calculators.fit_exponential`, no
    snake_case name such as is_sota, and no talk of "the core". A page may point Python users
    to the API reference with a link whose words describe the function (its address names it)."""
    hits = [
        f"{line.number}: {line.text.strip()[:100]}"
        for line in page_lines(path, keep_code=True)
        if line.kind != "maths" and talks_code(line.text)
    ]
    assert not hits


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The functions are `calculators.fit_exponential` and `fit_logistic`.", True),
        ("Each results file flags the models (`is_sota`).", True),
        ("the two `*_scaleup_cost_multiplier` functions", True),
        ("All figures are computed by the core when the site is built.", True),
        ("In Python, see [the fits](python.md#calculators.fit_exponential).", False),
        ("Let \\(y_1\\) and \\(s_{\\text{dep}}\\) be given; a hard-core reader; GPT-4.5.", False),
        ("```\nfit_logistic(x)\n```", False),
        ("\\[\n\\sum_i (t_i - \\bar t)\n\\]", False),
    ],
)
def test_the_code_name_rule_itself(tmp_path: Path, text: str, found: bool) -> None:
    """The rule sees package names and snake_case in prose and code spans, not in link
    targets, maths or code blocks."""
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    assert found == any(line.kind != "maths" and talks_code(line.text) for line in page_lines(page, keep_code=True))
