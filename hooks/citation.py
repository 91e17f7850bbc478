"""MkDocs hook: a "Cite this page" block at the foot of every page.

Who wrote the companion, its title, licence, version and release date live once, in
``CITATION.cff`` at the top of the repository (GitHub's "Cite this repository" reads the same
file); the page's address comes from ``site_url`` (the one setting ``SITE_URL``, see
``hooks/site_address.py``). Each page gets its citation as plain text, BibTeX and CSL-JSON,
naming it as a page of the companion ("… In: Scaling Series Companion"). Essay pages, whose
front matter names their essay (``essay: ord2025halflife``), also get "Cite the original
essay", made from that essay's entry in ``docs/references.bib``, so Ord's title, date and
address are never typed twice.

The "accessed" date is the reader's: the page says where to write it, and
``javascripts/cite.js`` fills in the reader's today when scripts run. A local preview (no
``SITE_URL``) says so in every citation. The build also writes ``CITATION.cff`` and
``references.bib`` into the site, the former with the published address added.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from html import escape
from pathlib import Path
from typing import NamedTuple

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pybtex.database import parse_file

import calculators

ROOT = Path(__file__).resolve().parent.parent
CFF_FILE = ROOT / "CITATION.cff"
BIB_FILE = ROOT / "docs" / "references.bib"

# SPDX identifiers used in CITATION.cff, as readers know them.
LICENCES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "MIT": ("MIT", "https://opensource.org/license/mit"),
}
MONTHS = "January February March April May June July August September October November December".split()
# What a reader sees where the access date goes until cite.js writes their today.
ACCESSED = {"text": "[the date you read it]", "iso": "YYYY-MM-DD"}


class Release(NamedTuple):
    """The companion as ``CITATION.cff`` describes it."""

    title: str
    authors: tuple[str, ...]
    version: str
    released: dt.date
    licence: str  # the text's and figures' licence, as readers know it ("CC BY 4.0")
    licence_url: str
    code_licence: str


def read_release() -> Release:
    """The release described by ``CITATION.cff``; a missing or unknown field fails the build."""
    data = yaml.safe_load(CFF_FILE.read_text(encoding="utf-8"))
    missing = [k for k in ("title", "authors", "version", "date-released", "license") if not data.get(k)]
    if missing:
        raise PluginError(f"CITATION.cff lacks {', '.join(missing)}")
    licences = data["license"] if isinstance(data["license"], list) else [data["license"]]
    unknown = [spdx for spdx in licences if spdx not in LICENCES]
    if unknown or len(licences) != 2:
        raise PluginError(
            f"CITATION.cff: license must list the text's and the code's, of {sorted(LICENCES)}; got {licences}"
        )
    released = data["date-released"]
    if not isinstance(released, dt.date):
        released = dt.date.fromisoformat(str(released))
    return Release(
        title=str(data["title"]),
        authors=tuple(_cff_name(person) for person in data["authors"]),
        version=str(data["version"]),
        released=released,
        licence=LICENCES[licences[0]][0],
        licence_url=LICENCES[licences[0]][1],
        code_licence=LICENCES[licences[1]][0],
    )


def _cff_name(person: dict) -> str:
    if person.get("name"):
        return str(person["name"])
    return " ".join(str(person[k]) for k in ("given-names", "name-particle", "family-names") if person.get(k))


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# --- the hook --------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    release = read_release()
    if release.version != calculators.__version__:
        raise PluginError(
            f"CITATION.cff names version {release.version} but calculators.__version__ is "
            f"{calculators.__version__}: a release sets both"
        )
    if os.environ.get("SITE_PUBLISH", "") not in ("", "0"):
        tags = _tags_at_head()
        if f"v{release.version}" not in tags:
            raise PluginError(
                f"A publishing build must be of the release it cites: tag this commit "
                f"v{release.version} (CITATION.cff's version) first; tags here: {sorted(tags) or 'none'}"
            )
    if release.title != config.site_name:
        raise PluginError(f"CITATION.cff's title {release.title!r} differs from site_name {config.site_name!r}")
    config.extra["release"] = {
        "version": release.version,
        "date": release.released.isoformat(),
        "licence": release.licence,
        "licence_url": release.licence_url,
        "code_licence": release.code_licence,
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # mike's plugin (make publish) appends the release's folder to site_url without a slash.
    url = (config.site_url or "").rstrip("/") + "/"
    files.append(File.generated(config, "CITATION.cff", content=published_cff(url, _local(config))))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Written as HTML rather than Markdown so that notebook pages (mkdocs-jupyter), which
    # never pass through the Markdown stage, get the very same block.
    if page.file.src_uri == "404.md" or page.meta.get("cite") is False:
        return html
    title = page.meta.get("title") or page.title or config.site_name
    url = page.canonical_url or page.url
    block = cite_block(read_release(), title, url, local_preview=_local(config))
    essay = page.meta.get("essay")
    if essay:
        block += essay_block(str(essay), page.file.src_uri)
    return html + block


def _tags_at_head() -> set[str]:
    done = subprocess.run(["git", "tag", "--points-at", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    return set(done.stdout.split()) if done.returncode == 0 else set()


def _local(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("address", {}).get("local_preview", True))


def published_cff(url: str, local_preview: bool) -> str:
    """The site's copy of CITATION.cff: the repository's, with the address the site lives at."""
    text = CFF_FILE.read_text(encoding="utf-8")
    if local_preview:
        return text
    return text.rstrip("\n") + f"\nurl: {json.dumps(url)}\n"


# --- citing a page of the companion ----------------------------------------------------------


def cite_block(release: Release, title: str, url: str, *, local_preview: bool) -> str:
    """The HTML of the collapsible "Cite this page" block (site search skips it: it is on every page)."""
    texts = page_citation(release, title, url, local_preview=local_preview)
    note = (
        '<p class="cite__preview"><strong>Local preview.</strong> This copy was built without the '
        "site's public address (<code>SITE_URL</code>), so the address below is this computer's: "
        "cite the published site instead.</p>"
        if local_preview
        else ""
    )
    return (
        '<details class="quote cite" data-search-exclude><summary>Cite this page</summary>'
        f"{note}{_formats(texts)}"
        f'<p class="cite__licence">Text and figures: <a href="{escape(release.licence_url)}">{escape(release.licence)}</a>. '
        f"Code: {escape(release.code_licence)}. Fill in the date you read the page; "
        "for the argument itself, cite Toby Ord's essay.</p>"
        "</details>"
    )


def page_citation(release: Release, title: str, url: str, *, local_preview: bool) -> dict[str, str]:
    """Plain text, BibTeX and CSL-JSON citing one page of the companion."""
    authors = _join(release.authors)
    if local_preview:
        edition = f"local preview of version {release.version}, not a published release"
    else:
        edition = f"version {release.version}, released {long_date(release.released)}"
    closing = "" if title[-1:] in "?!." else "."
    plain = (
        f"{authors} ({release.released.year}). “{title}{closing}” In: {release.title}, {edition}. "
        f"{url}. Licence: {release.licence}. Accessed {ACCESSED['text']}."
    )
    key = "companion-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "home")
    fields = {
        "author": "{" + _bibtex(authors) + "}",
        "title": _bibtex(title),
        "booktitle": _bibtex(release.title),
        "version": release.version + (" (local preview)" if local_preview else ""),
        "date": release.released.isoformat(),
        "url": url,
        "urldate": ACCESSED["iso"],
        "note": f"Licence: {release.licence}",
    }
    bibtex = _bibtex_entry("online", key, fields)
    csl = {
        "id": key,
        "type": "webpage",
        "title": title,
        "container-title": release.title,
        "author": [{"literal": name} for name in release.authors],
        "version": fields["version"],
        "issued": {"date-parts": [[release.released.year, release.released.month, release.released.day]]},
        "URL": url,
        "accessed": {"raw": ACCESSED["iso"]},
        "license": release.licence,
    }
    return {"plain": plain, "bibtex": bibtex, "csl": _csl_json(csl)}


# --- citing Ord's essay ----------------------------------------------------------------------


def essay_block(key: str, src_uri: str) -> str:
    """ "Cite the original essay", from the essay's entry in docs/references.bib."""
    data = parse_file(str(BIB_FILE), bib_format="bibtex")
    if key not in data.entries:
        raise PluginError(f"{src_uri}: front matter names essay {key!r}, which docs/references.bib lacks")
    entry = data.entries[key]
    fields = entry.fields
    title = _plain(fields["title"])
    authors = _join(
        [" ".join(p.first_names + p.middle_names + p.prelast_names + p.last_names) for p in entry.persons["author"]]
    )
    closing = "" if title[-1:] in "?!." else "."
    venue = _plain(fields.get("publisher", ""))
    plain = (
        f"{_plain(authors)} ({fields['date'][:4]}). “{title}{closing}” {venue + ', ' if venue else ''}"
        f"{_human(fields['date'])}. {fields['url']}. Accessed {ACCESSED['text']}."
    )
    # The entry as the bibliography holds it, less the site's own bookkeeping (its keywords,
    # and the date we checked the address, which the reader replaces with theirs).
    kept = {"author": " and ".join(str(person) for person in entry.persons["author"])}
    kept |= {name: value for name, value in fields.items() if name.lower() not in ("keywords", "urldate")}
    kept["urldate"] = ACCESSED["iso"]
    bibtex = _bibtex_entry(entry.type, key, kept)
    return (
        '<details class="quote cite" data-search-exclude><summary>Cite the original essay</summary>'
        f"{_formats({'plain': plain, 'bibtex': bibtex})}"
        "</details>"
    )


# --- formatting --------------------------------------------------------------------------------


def _formats(texts: dict[str, str]) -> str:
    names = {"plain": "Plain text", "bibtex": "BibTeX", "csl": "CSL-JSON"}
    parts = []
    for kind, text in texts.items():
        marked = _mark_accessed(escape(text))
        parts.append(f'<p class="cite__format">{names[kind]}</p><pre class="cite__text"><code>{marked}</code></pre>')
    return "".join(parts)


def _mark_accessed(text: str) -> str:
    """Wrap each access-date placeholder so cite.js can write the reader's date into it."""
    for form, shown in ACCESSED.items():
        text = text.replace(shown, f'<span data-cite-accessed="{form}">{shown}</span>')
    return text


def _csl_json(item: dict) -> str:
    """One CSL-JSON item in a list, a field a line (short enough to read and wrap)."""
    lines = [f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}" for name, value in item.items()]
    return "[{\n" + ",\n".join(lines) + "\n}]"


def _join(names: list[str] | tuple[str, ...]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _human(iso: str) -> str:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return long_date(dt.date(*parts))
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _plain(text: str) -> str:
    text = re.sub(r"\\([&_%$#])", r"\1", text)
    return text.replace("{", "").replace("}", "").replace("--", "–")


def _bibtex(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def _bibtex_entry(kind: str, key: str, fields: dict[str, str]) -> str:
    width = max(len(name) for name in fields)
    lines = [f"@{kind}{{{key},"] + [f"  {name.ljust(width)} = {{{value}}}," for name, value in fields.items()] + ["}"]
    return "\n".join(lines)
