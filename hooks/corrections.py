"""MkDocs hook: the public corrections log, ``docs/corrections.yml``.

Every change to a claim a reader could have cited is one entry of that file (date, page,
severity, what the page said, what it says now, and why; a change made alike on several
pages names them as a list, and counts as one entry on each). From it this hook writes

* the Corrections page, where ``<!-- md:corrections -->`` becomes the dated list, newest
  first, one heading per date and page so that each can be linked to;
* on every page with an entry, a notice under its title linking to that page's entries.

Each entry is also tied to the releases, read from git: every tag ``v<version>``, with the
release date from that tag's ``CITATION.cff`` and the entries of that tag's log. An entry
names the first release whose log holds it, and the last release before that, whose archived copy of the page (mike keeps every
release at ``SITE_URL/<version>/``) shows the text a reader may have cited. A build without
a public address names the releases without linking to them, as a preview has no archive.

The footer links to the Corrections page on every page (``overrides/partials/copyright.html``).
A malformed entry, or one naming a page that does not exist, fails the build.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
LOG_FILE = ROOT / "docs" / "corrections.yml"
PAGE = "corrections.md"
SEVERITIES = {
    "wrong": "Wrong",
    "misleading": "Misleading",
    "unsourced": "Unsourced",
    "note": "Clarified",
}
SHORTCODE = re.compile(r"<!--\s*md:corrections\s*-->")
_MONTHS = "January February March April May June July August September October November December".split()


class Correction(NamedTuple):
    date: dt.date
    page: str  # source path under docs/
    severity: str
    was: str
    now: str
    why: str


#: Maths as a programmer types it, which the page would show as typed: a caret power
#: (``10^26``, ``a^20``) or an underscore subscript (``k_C``). Entries write 10²⁶,
#: ``10<sup>26.8</sup>`` and ``k<sub>C</sub>``, as the other pages show them.
TYPED_MATHS = re.compile(r"\^|\b[A-Za-z]_[A-Za-z0-9]{1,3}\b")


def load(path: Path = LOG_FILE) -> list[Correction]:
    """Every entry of the log, newest first (entries of one date keep their order). An entry
    that writes maths as typed (:data:`TYPED_MATHS`) fails the build: it would read so on the
    page. (Only the current log is checked; a release's copy is as it was published.)"""
    entries = load_text(path.read_text(encoding="utf-8"))
    for entry in entries:
        for field in ("was", "now", "why"):
            if typed := TYPED_MATHS.search(getattr(entry, field)):
                raise PluginError(
                    f"corrections.yml: entry of {entry.date} on {entry.page}: {field} writes {typed[0]!r}; "
                    "write powers as 10²⁶ or 10<sup>26.8</sup> and subscripts as k<sub>C</sub>"
                )
    return entries


def load_text(text: str) -> list[Correction]:
    """The entries of a log given as text (a release's copy is read from git)."""
    raw = yaml.safe_load(text) or []
    entries: list[Correction] = []
    for number, item in enumerate(raw, 1):
        fields = {"date", "page", "severity", "was", "now", "why"}
        if not isinstance(item, dict) or set(item) != fields:
            raise PluginError(f"corrections.yml: entry {number} must have exactly {sorted(fields)}")
        if item["severity"] not in SEVERITIES:
            raise PluginError(f"corrections.yml: entry {number}: severity must be one of {sorted(SEVERITIES)}")
        if not isinstance(item["date"], dt.date):
            raise PluginError(f"corrections.yml: entry {number}: date must be written as YYYY-MM-DD")
        # One change made alike on several pages is written once, with a list of its pages,
        # and shown under each of them.
        pages = item["page"] if isinstance(item["page"], list) else [item["page"]]
        if not pages or not all(isinstance(page, str) and page for page in pages):
            raise PluginError(f"corrections.yml: entry {number}: page must be a path or a list of paths")
        fields = {k: (v.strip() if isinstance(v, str) else v) for k, v in item.items() if k != "page"}
        entries += [Correction(page=page, **fields) for page in pages]
    return sorted(entries, key=lambda c: c.date, reverse=True)


def human_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def anchor(day: dt.date, page: str) -> str:
    """The id of one page's entries for one date on the Corrections page."""
    return f"{day.isoformat()}-" + re.sub(
        r"[^a-z0-9]+", "-", page.removesuffix(".md").removesuffix(".py").lower()
    ).strip("-")


def grouped(entries: list[Correction]) -> dict[dt.date, dict[str, list[Correction]]]:
    groups: dict[dt.date, dict[str, list[Correction]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        groups[entry.date][entry.page].append(entry)
    return groups


class Release(NamedTuple):
    version: str
    date: dt.date
    corrections: frozenset[tuple[str, str, str]]  # the key of every entry its log held


def published_releases(repo: Path = ROOT) -> list[Release]:
    """Every release tagged in ``repo`` (``v<version>``), oldest first; none outside a git
    checkout. A tag whose CITATION.cff disagrees with its name fails the build."""

    def git(*args: str) -> str | None:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
        return done.stdout if done.returncode == 0 else None

    releases = []
    for tag in (git("tag", "--list", "v*") or "").split():
        cff = yaml.safe_load(git("show", f"{tag}:CITATION.cff") or "") or {}
        if str(cff.get("version")) != tag.removeprefix("v") or not isinstance(cff.get("date-released"), dt.date):
            raise PluginError(f"release tag {tag}: its CITATION.cff must give version {tag[1:]} and date-released")
        log = git("show", f"{tag}:docs/corrections.yml")
        held = frozenset(key(entry) for entry in (load_text(log) if log else []))
        releases.append(Release(str(cff["version"]), cff["date-released"], held))
    return sorted(releases, key=lambda release: (release.date, release.version))


def key(entry: Correction) -> tuple[str, str, str]:
    """What identifies an entry across releases (its wording may be fixed later; its page, date
    and new text are what a release published)."""
    return (entry.date.isoformat(), entry.page, entry.now)


def release_of(entry: Correction, releases: list[Release]) -> tuple[Release | None, Release | None]:
    """The first release whose corrections log holds ``entry`` (None: not released yet), and the
    newest release before it, which still showed the text as it was (None: there is none)."""
    for number, release in enumerate(releases):
        if key(entry) in release.corrections:
            return release, releases[number - 1] if number else None
    return None, releases[-1] if releases else None


def release_line(entry: Correction, releases: list[Release], root: str | None, page_url: str) -> str:
    """One sentence saying in which release a correction appears and where the earlier text is
    archived. ``root`` is the site's public address (None for a preview: names, no links)."""

    def named(release: Release, path: str = "") -> str:
        label = f"release {release.version}"
        return f"[{label}]({root}{release.version}/{path})" if root else label

    first, before = release_of(entry, releases)
    published = (
        f"Published in {named(first)} ({human_date(first.date)})." if first else "Not yet in a published release."
    )
    if before is None:
        return published
    return f"{published} The page as {named(before, page_url)} showed it is archived unchanged."


def log_markdown(
    entries: list[Correction], files: Files, here: Page, releases: list[Release] | None = None, root: str | None = None
) -> str:
    """The Corrections page's list, as Markdown (so entries may use links and citations)."""
    releases = releases or []
    lines = []
    for day, pages in grouped(entries).items():
        lines += [f"## {human_date(day)} {{#{day.isoformat()}}}", ""]
        for src, items in pages.items():
            title = page_title(files, src)
            lines += [f"### [{title}]({get_relative_url(src, here.file.src_uri)}) {{#{anchor(day, src)}}}", ""]
            file = files.get_file_from_path(src)
            lines += [release_line(items[0], releases, root, file.url if file else ""), ""]
            for item in items:
                lines += [
                    f"- **{SEVERITIES[item.severity]}.** {item.now}",
                    f"    - *Before:* {item.was}",
                    f"    - *Why:* {item.why}",
                ]
            lines.append("")
    return "\n".join(lines)


def page_title(files: Files, src: str) -> str:
    """The title readers see at the top of the page: a notebook's first heading, a page's
    front matter title or first heading; else the navigation's. (Not the navigation's first:
    it is shortened within its section, so two pages can share it, as the METR notebook and
    data page do.)"""
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    if src.endswith(".py"):
        found = re.search(r"^# # (.+)$", text, re.MULTILINE)
    else:
        found = re.search(r"^title:\s*(.+)$", text, re.MULTILINE) or re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    if found:
        return found[1].strip().strip("\"'")
    file = files.get_file_from_path(src)
    return file.page.title if file is not None and file.page is not None and file.page.title else src


_STATE: dict[str, list[Correction]] = {}
_RELEASES: dict[str, list[Release]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _STATE["entries"] = load()
    _RELEASES["all"] = published_releases()
    return config


def _root(config: MkDocsConfig) -> str | None:
    """The public address of the whole archive (every release's folder is under it), or None
    for a local preview (hooks/site_address.py)."""
    address = config.extra.get("address", {})
    return None if address.get("local_preview", True) else address.get("root")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for entry in _STATE["entries"]:
        if files.get_file_from_path(entry.page) is None:
            raise PluginError(f"corrections.yml: no page {entry.page!r} (give its path under docs/)")
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    if not SHORTCODE.search(markdown):
        raise PluginError(f"{PAGE}: the '<!-- md:corrections -->' list is missing")
    log = log_markdown(_STATE["entries"], files, page, _RELEASES["all"], _root(config))
    return SHORTCODE.sub(lambda _: log, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A notice under the title of a page that has been corrected, newest date first."""
    mine = [entry for entry in _STATE["entries"] if entry.page == page.file.src_uri]
    if not mine:
        return html
    corrections = files.get_file_from_path(PAGE)
    if corrections is None:
        raise PluginError(f"corrections.yml has entries but there is no {PAGE}")
    base = get_relative_url(corrections.url, page.url)
    days = sorted({entry.date for entry in mine}, reverse=True)
    links = ", ".join(f'<a href="{base}#{anchor(day, page.file.src_uri)}">{human_date(day)}</a>' for day in days)
    count = len(mine)
    cited = ""
    _, before = release_of(max(mine, key=lambda entry: entry.date), _RELEASES["all"])
    root = _root(config)
    if before is not None:
        archived = f"release {before.version}"
        if root:
            archived = f'<a href="{root}{before.version}/{page.url}">{archived}</a>'
        cited = f" The page as {archived} showed it is archived unchanged."
    # Out of the search index (Material's data-search-exclude): the notice would otherwise
    # open the excerpt of every corrected page's first hit, in place of the page's own words.
    notice = (
        '<aside class="admonition info correction-notice" aria-label="Corrections" data-search-exclude>'
        '<p class="admonition-title">Corrected</p>'
        f"<p>We corrected {count} claim{'s' if count != 1 else ''} on this page on {links}. "
        f"The corrections log says what it said before and why it changed.{cited}</p></aside>"
    )
    h1_end = html.find("</h1>")
    if h1_end < 0:
        return notice + html
    return html[: h1_end + 5] + notice + html[h1_end + 5 :]
