"""MkDocs hook: citations by key from the site's one bibliography, ``docs/references.bib``.

A page cites as pandoc does: ``[@kaplan2020]``, ``[@ord2025logx; @brown2024monkeys]`` or
with a locator, ``[@ord2025governance, appendix]``. Each citation becomes author–year links,
"(Kaplan et al. 2020)", to the page's own list of sources (an entry's biblatex
``shorthand`` field, such as "Ord, Scaling Paradox" for the essays, replaces the author and
year, so that a dozen "Ord 2025" entries need no letters to tell them apart), which ``<!-- md:sources -->``
writes from exactly the keys the page cites. ``<!-- md:bibliography KEYWORD -->`` (on the
Sources page) lists every entry whose ``keywords`` field is KEYWORD, each with the pages that
cite it.

The build fails on an unknown key, on a page that cites without a Sources list (or lists
without citing), on a list not right under a "Sources" heading, and on a bibliography pybtex
cannot read (a duplicate key, say).
``tests/site/test_bibliography.py`` fails on an entry that no page cites.

Citations are replaced in the page's HTML, not its Markdown, so that notebook pages
(mkdocs-jupyter), which never pass through the Markdown stage, are served the same way.
Text inside ``<pre>`` and ``<code>`` is left alone, so a page can show the syntax itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from html import escape
from pathlib import Path
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from pybtex.database import BibliographyData, Person, parse_file

ROOT = Path(__file__).resolve().parent.parent
BIB_FILE = ROOT / "docs" / "references.bib"

_KEY = r"[A-Za-z0-9][\w:-]*"
# One cited source inside the brackets: "@key" and an optional ", locator".
_ONE = rf"@(?P<key>{_KEY})(?:\s*,\s*(?P<locator>[^;\]]+?))?\s*(?=;|$)"
CITATION = re.compile(rf"\[\s*(?P<body>@{_KEY}(?:\s*,\s*[^;\]]+?)?\s*(?:;\s*@{_KEY}(?:\s*,\s*[^;\]]+?)?\s*)*)\]")
SOURCES = re.compile(r"<!--\s*md:sources\s*-->")
BIBLIOGRAPHY = re.compile(r"<!--\s*md:bibliography\s+(?P<keyword>[\w-]+)\s*-->")
# What must come just before a page's list: its "Sources" heading (level 2, as every page's
# last section), so the list never reads as more items of the section above it.
_SOURCES_HEADING = re.compile(r"<h2\b[^>]*>\s*Sources\b(?:(?!</?h\d).)*</h2>\s*(?:<p>\s*)?$", re.DOTALL)
# Where citations are shown, not made: code (in HTML or Markdown) and inside HTML tags.
_SKIP_HTML = re.compile(r"<(pre|code)\b.*?</\1>|<[^>]*>", re.DOTALL)
_VERBATIM_MARKDOWN = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`", re.DOTALL | re.MULTILINE)

_MONTHS = ("January February March April May June July August September October November December").split()


class Reference(NamedTuple):
    """One bibliography entry, ready to show."""

    key: str
    label: str  # "Ord 2025a": what the in-text citation says
    html: str  # the full reference, for a list item
    keywords: frozenset[str]


# --- reading the bibliography ------------------------------------------------------------


def load(path: Path = BIB_FILE) -> dict[str, Reference]:
    """Every entry of the bibliography, keyed by its citation key."""
    try:
        data = parse_file(str(path), bib_format="bibtex")
    except Exception as error:  # pybtex raises many kinds; the build must say which file
        raise PluginError(f"{path.name}: {error}") from None
    return references(data)


def references(data: BibliographyData) -> dict[str, Reference]:
    """Label and format every entry; labels that would collide get a, b, c by date."""
    base: dict[str, str] = {}
    shorthands = {key: _plain(e.fields["shorthand"]) for key, e in data.entries.items() if "shorthand" in e.fields}
    for key, entry in data.entries.items():
        missing = [field for field in ("title", "date", "url", "urldate") if field not in entry.fields]
        if missing or not entry.persons.get("author"):
            raise PluginError(f"references.bib: entry {key!r} lacks {', '.join(missing) or 'author'}")
        base[key] = f"{_author_label(entry.persons['author'])} {entry.fields['date'][:4]}"
    groups: dict[str, list[str]] = defaultdict(list)
    for key, label in base.items():
        if key not in shorthands:
            groups[label].append(key)
    labels = {**base, **shorthands}
    for label, keys in groups.items():
        if len(keys) > 1:
            ordered = sorted(
                keys, key=lambda k: (_sortable(data.entries[k].fields["date"]), _plain(data.entries[k].fields["title"]))
            )
            for index, key in enumerate(ordered):
                labels[key] = label + "abcdefghijklmnopqrstuvwxyz"[index]
    return {
        key: Reference(
            key=key,
            label=labels[key],
            html=_reference_html(data.entries[key], labels[key]),
            keywords=frozenset(k.strip() for k in entry.fields.get("keywords", "").split(",") if k.strip()),
        )
        for key, entry in data.entries.items()
    }


def _sortable(iso: str) -> str:
    """A date for ordering: a bare year or month sorts after the dated entries within it."""
    return "-".join([*iso.split("-"), "99", "99"][:3])


def _linked(text: str) -> str:
    """Escaped text with its web addresses made into links."""
    return re.sub(r"https://[^\s<>\"']+[^\s<>\"'.,;:)]", lambda m: f'<a href="{m[0]}">{m[0]}</a>', escape(text))


def _plain(text: str) -> str:
    """BibTeX text as a reader sees it: no braces, escapes or double hyphens."""
    text = re.sub(r"\\([&_%$#])", r"\1", text)
    return text.replace("{", "").replace("}", "").replace("--", "–")


def _surname(person: Person) -> str:
    return _plain(" ".join(person.prelast_names + person.last_names))


def _author_label(people: list[Person]) -> str:
    named = [p for p in people if _surname(p) != "others"]
    if len(named) >= 3 or len(named) < len(people):
        return f"{_surname(named[0])} et al."
    if len(named) == 2:
        return f"{_surname(named[0])} and {_surname(named[1])}"
    return _surname(named[0])


def _full_name(person: Person) -> str:
    given = " ".join(person.first_names + person.middle_names)
    return _plain(f"{given} {_surname(person)}".strip())


def _authors(people: list[Person]) -> str:
    names = [_full_name(p) for p in people if _surname(p) != "others"]
    if len(names) < len(people):
        return ", ".join(names) + " et al."
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def human_date(iso: str) -> str:
    """``2025-01-21`` → ``21 January 2025``; ``2025-01`` → ``January 2025``; ``2025`` stays."""
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _reference_html(entry, label: str) -> str:
    fields = entry.fields
    title = _plain(fields["title"])
    # "2025b" where the label carries the letter; a shorthand label ("Ord, Scaling
    # Paradox") leaves the plain year.
    year = fields["date"][:4] if "shorthand" in fields else label.rsplit(" ", 1)[1]
    venue = _plain(fields.get("journal") or fields.get("publisher") or "")
    if fields.get("volume"):
        venue += f" {fields['volume']}"
    if fields.get("pages"):
        venue += f", {_plain(fields['pages'])}"
    # A shorthand is what the in-text citation says, so the list shows it to match by.
    shown_label = f"<strong>{escape(label)}</strong>: " if "shorthand" in fields else ""
    bits = [
        f"{shown_label}{escape(_authors(entry.persons['author']))} ({escape(year)}).",
        f'<a href="{escape(fields["url"])}">{escape(title)}</a>{"" if title[-1] in "?!." else "."}',
    ]
    published = human_date(fields["date"])
    bits.append(f"{escape(venue)}, {published}." if venue and venue != "arXiv" else f"{published}.")
    if fields.get("eprint"):
        bits.append(f"arXiv:{escape(fields['eprint'])}.")
    if fields.get("note"):
        bits.append(_linked(_plain(fields["note"])).rstrip(".") + ".")
    bits.append(f"Address checked {human_date(fields['urldate'])}.")
    return " ".join(bits)


# --- finding citations ----------------------------------------------------------------------


def cited_keys(text: str, *, markdown: bool = False) -> list[str]:
    """The keys cited in ``text`` (HTML, or a page's Markdown source), in order, each once."""
    verbatim = _VERBATIM_MARKDOWN if markdown else _SKIP_HTML
    keys: list[str] = []
    for match in CITATION.finditer(verbatim.sub("", text)):
        for one in re.finditer(_ONE, match["body"]):
            if one["key"] not in keys:
                keys.append(one["key"])
    return keys


def cited_by_page(docs_dir: Path) -> dict[str, list[str]]:
    """Each page source (Markdown, or a jupytext notebook) mapped to the keys it cites.

    A page made from a data file of the same name (``corrections.md`` from
    ``corrections.yml``) cites what that file cites.
    """
    found: dict[str, list[str]] = {}
    for path in sorted(docs_dir.rglob("*")):
        if path.suffix not in {".md", ".py", ".yml"} or not path.is_file() or "javascripts" in path.parts:
            continue
        page = path.with_suffix(".md") if path.suffix == ".yml" else path
        if path.suffix == ".yml" and not page.is_file():
            continue
        keys = cited_keys(path.read_text(encoding="utf-8"), markdown=True)
        if keys:
            src = page.relative_to(docs_dir).as_posix()
            found[src] = list(dict.fromkeys(found.get(src, []) + keys))
    return found


# --- the hook ------------------------------------------------------------------------------

_STATE: dict[str, object] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _STATE["references"] = load()
    _STATE["cited_by"] = cited_by_page(Path(config.docs_dir))
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    refs: dict[str, Reference] = _STATE["references"]  # type: ignore[assignment]
    where = page.file.src_uri
    keys = cited_keys(html)
    unknown = [key for key in keys if key not in refs]
    if unknown:
        raise PluginError(f"{where}: no entry in references.bib for {', '.join(sorted(unknown))}")
    has_list = bool(SOURCES.search(html))
    if keys and not has_list:
        raise PluginError(f"{where}: cites sources but has no '<!-- md:sources -->' list")
    if has_list and not keys:
        raise PluginError(f"{where}: has a '<!-- md:sources -->' list but cites nothing")
    for marker in SOURCES.finditer(html):
        if not _SOURCES_HEADING.search(html, 0, marker.start()):
            raise PluginError(f"{where}: '<!-- md:sources -->' must come right after a '## Sources' heading")
    html = _replace_outside_verbatim(html, lambda match: _citation_html(match, refs))
    html = SOURCES.sub(lambda _: _source_list([refs[key] for key in keys]), html)
    return BIBLIOGRAPHY.sub(lambda match: _bibliography_html(match["keyword"], refs, page, files), html)


def _replace_outside_verbatim(html: str, replace) -> str:
    """Replace citations in text only: not in code, and not inside a tag (an attribute)."""
    pieces, last = [], 0
    for block in _SKIP_HTML.finditer(html):
        pieces.append(CITATION.sub(replace, html[last : block.start()]))
        pieces.append(block[0])
        last = block.end()
    pieces.append(CITATION.sub(replace, html[last:]))
    return "".join(pieces)


def _citation_html(match: re.Match[str], refs: dict[str, Reference]) -> str:
    parts = []
    for one in re.finditer(_ONE, match["body"]):
        ref = refs[one["key"]]
        link = f'<a class="citation__link" href="#ref-{ref.key}">{escape(ref.label)}</a>'
        parts.append(f"{link}, {one['locator'].strip()}" if one["locator"] else link)
    return f'<span class="citation">({"; ".join(parts)})</span>'


def _sort_key(ref: Reference) -> tuple[str, str]:
    return (ref.label.lower(), ref.key)


def _source_list(refs: list[Reference]) -> str:
    items = "".join(f'<li id="ref-{ref.key}">{ref.html}</li>' for ref in sorted(refs, key=_sort_key))
    return f'<ul class="references">{items}</ul>'


def _bibliography_html(keyword: str, refs: dict[str, Reference], page: Page, files: Files) -> str:
    chosen = [ref for ref in refs.values() if keyword in ref.keywords]
    if not chosen:
        raise PluginError(f"{page.file.src_uri}: no bibliography entry has keywords = {{{keyword}}}")
    cited_by: dict[str, list[str]] = _STATE["cited_by"]  # type: ignore[assignment]
    items = []
    for ref in sorted(chosen, key=_sort_key):
        pages = [src for src, keys in cited_by.items() if ref.key in keys]
        links = []
        for src in pages:
            file = files.get_file_from_path(src)
            if file is None or file.page is None or file.page is page:
                continue
            title = escape(file.page.title or src)
            links.append(f'<a href="{get_relative_url(file.url, page.url)}">{title}</a>')
        cited = f' <span class="references__cited">Cited on {", ".join(links)}.</span>' if links else ""
        items.append(f'<li id="ref-{ref.key}">{ref.html}{cited}</li>')
    return f'<ul class="references">{"".join(items)}</ul>'
