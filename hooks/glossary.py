"""MkDocs hook: calculators explain their terms by linking them to the glossary.

The glossary (``docs/glossary.md``) is the one place terms are defined. This hook gives each
of its entries an anchor (``glossary/#term-flop``) and, in every calculator the build wrote
(hooks/calculator_embeds.py runs first), links the first use of a term in its input labels,
units and output names to that entry, with the entry's first sentence as the link's title.
Terms are found by the patterns in :data:`LINKED`; each names a glossary entry, and an entry
that does not exist fails the build.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

GLOSSARY = "glossary.md"
#: What a calculator's words link to: a pattern, and the glossary entry (its term as written).
LINKED = (
    (r"\bFLOP\b", "FLOP"),
    (r"\bOOMs?\b|\b[Oo]rders? of magnitude\b", "OOM (order of magnitude)"),
    (r"\bnats\b", "Nats"),
    (r"\bRL\b", "RL (reinforcement learning)"),
    (r"\btime horizon\b", "Time horizon (T₅₀, T₈₀)"),
    (r"\bWeibull shape\b", "Weibull shape (k)"),
    (r"\bconstant hazard\b", "Hazard rate"),
    (r"\b[Ss]weet spot\b", "Sweet spot"),
    (r"\b[Ss]aturation\b", "Saturation point"),
    (r"\b[Tt]est loss\b", "Test loss"),
    (r"\b[Ee]ffective (?:training )?compute\b", "Effective compute"),
    (r"\b[Ll]ogistic\b", "Logistic curve (METR's fit)"),
    (r"\b[Pp]ost-training\b", "Post-training"),
    (r"\b[Ii]nference scaling\b", "Inference scaling (test-time compute)"),
    (r"\b[Dd]oubling time\b", "Doubling time"),
)
_ENTRY = re.compile(r"^(?P<term>\S[^\n]*)\n:   (?P<definition>[^\n]*)", re.MULTILINE)
_DT = re.compile(r"<dt>(?P<term>.*?)</dt>", re.DOTALL)
# Where a calculator names things: input labels (their units inside), units, output names.
_NAMING = re.compile(
    r'(<label for="[^"]*">|<span class="calc__unit">|<div class="calc__output"><dt>)(.*?)(</label>|</span>|</dt>)'
)

_entries: dict[str, tuple[str, str]] = {}


def slug(term: str) -> str:
    """The anchor of a glossary entry: ``term-`` and its words in lower case, dashed, with
    subscript digits as digits (``Time horizon (T₅₀, T₈₀)`` is ``term-time-horizon-t50-t80``,
    the anchor it had when the glossary wrote T50)."""
    plain = term.lower().translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
    return "term-" + re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def entries(markdown: str) -> dict[str, tuple[str, str]]:
    """Each glossary term with its anchor and the first sentence of its definition, in plain
    text (citations, links and maths markers dropped)."""
    found = {}
    for match in _ENTRY.finditer(markdown):
        text = re.sub(r"\s*\[@[^\]]*\]", "", match["definition"])
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = text.replace("\\(", "").replace("\\)", "").replace("*", "")
        first = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0].rstrip(";.") + "."
        found[match["term"].strip()] = (slug(match["term"].strip()), first)
    return found


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _entries.clear()
    _entries.update(entries((Path(config.docs_dir) / GLOSSARY).read_text(encoding="utf-8")))
    missing = [term for _, term in LINKED if term not in _entries]
    if missing:
        raise PluginError(f"hooks/glossary.py links terms the glossary lacks: {missing}")
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == GLOSSARY:
        return _DT.sub(lambda m: f'<dt id="{slug(_plain(m["term"]))}">{m["term"]}</dt>', html)
    if 'class="calc"' not in html:
        return html
    glossary = get_relative_url(GLOSSARY.removesuffix(".md") + "/", page.url or "index.html")
    sections = re.split(r'(?=<section class="calc")', html)
    return "".join(
        _link_terms(section, glossary) if section.startswith('<section class="calc"') else section
        for section in sections
    )


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).strip()


def _link_terms(section: str, glossary: str) -> str:
    """The first use of each term in one calculator's names, linked to its entry."""
    done: set[str] = set()

    def link_text(text: str) -> str:
        for pattern, term in LINKED:
            if term in done:
                continue
            anchor, definition = _entries[term]
            match = re.search(pattern, text)
            if match:
                done.add(term)
                link = f'<a class="calc__term" href="{glossary}#{anchor}" title="{escape(definition)}">{match[0]}</a>'
                return text[: match.start()] + link + link_text(text[match.end() :])
        return text

    def link_naming(match: re.Match[str]) -> str:
        # Only the text between tags: never inside an attribute or a link already made.
        parts = re.split(r"(<[^>]+>)", match[2])
        inner = "".join(part if part.startswith("<") else link_text(part) for part in parts)
        return match[1] + inner + match[3]

    return _NAMING.sub(link_naming, section)
