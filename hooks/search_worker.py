"""MkDocs hook: Material's search worker waits until the page lets it build the index.

Material starts its search worker (which builds the index of the whole site, a few hundred
milliseconds of CPU) as soon as a page loads. On a page with a calculator that competes with
Python starting on the same cores, so every page's ``__config`` names our wrapper
``assets/javascripts/workers/search-when-ready.js`` instead, with Material's worker in its
address; the wrapper holds Material's messages until the page says to start (see the
wrapper's header for when).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

WRAPPER = "search-when-ready.js"
MATERIAL_WORKER = re.compile(
    r'"search": "(?P<folder>(?:[^"]*/)?assets/javascripts/workers/)(?P<name>search\.[0-9a-f]+\.min\.js)"'
)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output, found = MATERIAL_WORKER.subn(
        lambda match: f'"search": "{match["folder"]}{WRAPPER}?worker={match["name"]}"', output, count=1
    )
    if not found:
        raise PluginError(f"{page.file.src_uri}: Material's search worker not found in __config (Material changed?)")
    return output
