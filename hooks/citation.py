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
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.datetime.now(tz=dt.timezone.utc).date()


def site_version() -> str:
    """``0.1.0`` plus ``+g<commit>`` when built from a git checkout."""
    done = subprocess.run(
        ["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    commit = done.stdout.strip()
    return f"{calculators.__version__}+g{commit}" if done.returncode == 0 and commit else calculators.__version__


VERSION = site_version()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "404.md" or page.meta.get("cite") is False:
        return markdown
    title = page.meta.get("title") or page.title or config.site_name
    return markdown.rstrip() + "\n\n" + cite_block(title, page.canonical_url or page.url)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Notebook pages (mkdocs-jupyter) never pass through on_page_markdown.
    if not page.file.src_uri.endswith((".py", ".ipynb")):
        return html
    title = page.title or config.site_name
    plain, bibtex = citation_texts(title, page.canonical_url or page.url)
    return (
        html
        + '<details class="quote"><summary>Cite this page</summary>'
        + f"<pre><code>{escape(plain)}</code></pre><pre><code>{escape(bibtex)}</code></pre></details>"
    )


def cite_block(title: str, url: str) -> str:
    """The Markdown of the collapsible citation block."""
    plain, bibtex = citation_texts(title, url)
    return "\n".join(
        [
            '??? quote "Cite this page"',
            "",
            "    ```text",
            f"    {plain}",
            "    ```",
            "",
            "    ```bibtex",
            *("    " + line for line in bibtex.splitlines()),
            "    ```",
            "",
        ]
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
