"""MkDocs hook: site search costs a reader nothing until it is used.

- Material starts its search worker (which builds the index of the whole site, a few hundred
  milliseconds of CPU) as soon as a page loads. On a page with a calculator that competes
  with Python starting on the same cores, so every page's ``__config`` names our wrapper
  ``assets/javascripts/workers/search-when-ready.js`` instead, with Material's worker in its
  address; the wrapper holds Material's messages until the page says to start (see the
  wrapper's header for when).
- Material also downloads the index itself (``search/search_index.json``, about 130 KB
  gzipped) as a page loads, though most readers never search. ``hooks/search_on_demand.js``,
  written inline before Material's bundle on every page (``hooks/csp.py`` hashes it into the
  Content-Security-Policy), holds that download until the reader reaches for search (see its
  header for when).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

WRAPPER = "search-when-ready.js"
MATERIAL_WORKER = re.compile(
    r'"search": "(?P<folder>(?:[^"]*/)?assets/javascripts/workers/)(?P<name>search\.[0-9a-f]+\.min\.js)"'
)


# Material's configuration, which its bundle reads, comes just before the bundle: the script
# that holds the index's download goes before both, so it runs before the bundle asks.
MATERIAL_CONFIG = '<script id="__config"'
ON_DEMAND = Path(__file__).with_name("search_on_demand.js")


def inline_index_script() -> str:
    """``search_on_demand.js`` as an inline script, without its comment lines."""
    lines = ON_DEMAND.read_text(encoding="utf-8").splitlines()
    code = "\n".join(line for line in lines if line.strip() and not line.lstrip().startswith("//"))
    return f"<script>{code}</script>"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output, found = MATERIAL_WORKER.subn(
        lambda match: f'"search": "{match["folder"]}{WRAPPER}?worker={match["name"]}"', output, count=1
    )
    if not found:
        raise PluginError(f"{page.file.src_uri}: Material's search worker not found in __config (Material changed?)")
    if output.count(MATERIAL_CONFIG) != 1:
        raise PluginError(f"{page.file.src_uri}: Material's __config script not found once (Material changed?)")
    return output.replace(MATERIAL_CONFIG, inline_index_script() + MATERIAL_CONFIG)
