"""MkDocs hook: the dark scheme for a reader whose system prefers it, with JavaScript off too.

Material picks the colour scheme with JavaScript. Its page starts light (the ``<body>`` carries
the first palette entry's scheme, ``default``); a small inline script applies a choice the
reader saved with the toggle, and its bundle then applies the system's preference (mkdocs.yml's
palette follows ``prefers-color-scheme`` until the reader picks one). Without JavaScript
neither runs, and a reader whose system is dark gets the light scheme.

This hook writes ``stylesheets/dark-without-js.css``: every rule of Material's palette and of
the site's own stylesheets written for the dark scheme (``[data-md-color-scheme=slate]``),
scoped instead to a page that is still in its starting scheme with no choice applied (``body``
still ``default`` and without ``data-md-color-media``, which both Material's inline script and
its bundle set whenever they apply a palette) and wrapped in ``@media (prefers-color-scheme:
dark)``. So the dark rules live once, where they are written, and apply:

* with JavaScript off, when the system prefers dark;
* with JavaScript on, from the first paint until Material's bundle has run, when the system
  prefers dark and the reader saved no choice (the scheme Material will pick anyway, so the
  page does not flash light first); a saved choice is applied by Material's inline script
  before the first paint, and then these rules step aside.

Pages can bring their own dark rules too: mkdocs-jupyter writes a notebook's styles into its
page, in ``<style>`` elements. Each such element gets its re-scoped twin just after it.

The rewritten selectors outrank the light ones they replace (an added attribute and
pseudo-class), whatever the order of the stylesheets. Runs before hooks/hashed_assets.py,
which gives the file its hashed name.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

OUTPUT = "stylesheets/dark-without-js.css"
PALETTE = re.compile(r"^assets/stylesheets/palette\.[0-9a-f]+\.min\.css$")
OWN = re.compile(r"^stylesheets/[^/]+\.css$")
#: The dark scheme's attribute selector, quoted or not.
SLATE = re.compile(r"""\[data-md-color-scheme=(["']?)slate\1\]""")
#: A page whose scheme no script has set: Material's first palette entry, no media applied.
UNSET = "[data-md-color-scheme=default]:not([data-md-color-media])"
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(?P<css>.*?)</style>", re.S)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Last, after the stylesheets it is made from.
    config.extra_css.append(OUTPUT)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    palette = [file for file in files if PALETTE.match(file.src_uri)]
    if len(palette) != 1:
        raise PluginError(f"expected one Material palette stylesheet, found {[f.src_uri for f in palette]}")
    sources = [palette[0]] + [
        file for file in files if OWN.match(file.src_uri) and file.src_uri != OUTPUT and file.src_uri.endswith(".css")
    ]
    css = "\n".join(f"/* from {file.src_uri} */\n{dark_rules(file.content_string)}" for file in sources)
    files.append(File.generated(config, OUTPUT, content=without_js(css)))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return STYLE_ELEMENT.sub(_with_twin, output)


def _with_twin(style: re.Match[str]) -> str:
    if not SLATE.search(style["css"]):
        return style[0]
    return f"{style[0]}<style>{without_js(dark_rules(style['css']))}</style>"


def without_js(rules: str) -> str:
    """The dark rules, applied when the system prefers dark and no scheme has been set."""
    if not rules.strip():
        raise PluginError("no dark-scheme rules found: did Material's palette stylesheet change?")
    return (
        "/* Written by hooks/dark_without_js.py: the dark scheme's rules for a page no script has\n"
        "   set a scheme on (JavaScript off, or before Material's bundle runs). */\n"
        f"@media (prefers-color-scheme: dark) {{\n{rules}\n}}\n"
    )


# Remembered: every notebook page carries the same large <style> elements (mkdocs-jupyter's
# theme), which would otherwise be parsed again on each of them.
@functools.lru_cache(maxsize=64)
def dark_rules(css: str) -> str:
    """Every rule of ``css`` that styles the dark scheme, its selectors re-scoped to
    :data:`UNSET`; the rules for the light scheme or for both are left out.

    >>> dark_rules('a{color:red}[data-md-color-scheme="slate"] a, b{color:blue}')
    '[data-md-color-scheme=default]:not([data-md-color-media]) a{color:blue}'
    """
    return "\n".join(_dark(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))


def _dark(rules: list[Any]) -> list[str]:
    out: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                SLATE.sub(UNSET, selector.strip())
                for selector in _split_selectors(tinycss2.serialize(rule.prelude))
                if SLATE.search(selector) and ":not(" not in selector
            ]
            if selectors:
                out.append(f"{','.join(selectors)}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports"} and rule.content:
            inner = _dark(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True))
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
    return out


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:is(a, b)``)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts
