"""MkDocs hook: a "Cite this page" block at the foot of every page.

The block gives a plain-text citation and a BibTeX entry with the page's title, its stable
address (``site_url`` plus the page's path), the site's version (the core's version plus
the git commit it was built from) and the build date. Set ``SOURCE_DATE_EPOCH`` for a
reproducible date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import calculators

ROOT = Path(__file__).resolve().parent.parent
AUTHOR = "Scaling Series Companion"


def build_date() -> dt.date:
    """Today, or the date in ``SOURCE_DATE_EPOCH`` when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def site_version() -> str:
    """``0.1.0`` plus ``+g<commit>`` when built from a git checkout."""
    done = subprocess.run(
        ["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    commit = done.stdout.strip()
    return f"{calculators.__version__}+g{commit}" if done.returncode == 0 and commit else calculators.__version__


VERSION = site_version()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Written as HTML rather than Markdown so that notebook pages (mkdocs-jupyter), which
    # never pass through the Markdown stage, get the very same block.
    if page.file.src_uri == "404.md" or page.meta.get("cite") is False:
        return html
    title = page.meta.get("title") or page.title or config.site_name
    return html + cite_block(title, page.canonical_url or page.url)


def cite_block(title: str, url: str) -> str:
    """The HTML of the collapsible citation block (site search skips it: it is on every page)."""
    plain, bibtex = citation_texts(title, url)
    return (
        '<details class="quote" data-search-exclude><summary>Cite this page</summary>'
        f"<pre><code>{escape(plain)}</code></pre><pre><code>{escape(bibtex)}</code></pre></details>"
    )


def citation_texts(title: str, url: str) -> tuple[str, str]:
    """The plain-text citation and the BibTeX entry for a page."""
    date = build_date()
    plain = f"{AUTHOR} ({date.year}). “{title}”. Version {VERSION}, built {date:%-d %B %Y}. {url}"
    key = "ssc-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "home")
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  author       = {{{{{AUTHOR}}}}},",
            f"  title        = {{{{{_bibtex_escape(title)}}}}},",
            f"  year         = {{{date.year}}},",
            f"  howpublished = {{\\url{{{url}}}}},",
            f"  note         = {{Version {VERSION}, built {date.isoformat()}}},",
            "}",
        ]
    )
    return plain, bibtex


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)
