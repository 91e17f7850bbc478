"""MkDocs hook: on a page with a calculator, Material's bundle waits until Python has started.

Material's bundle costs a cold visit about half a second of the main thread (evaluating it,
then restyling the whole page several times as it sets up the header, palette, tables and
links). On a 2-core machine that half second runs beside Python's start in its worker and
slows it: in alternating cold visits of the half-life page the calculators went live 100 to
200 ms sooner without it (README, Performance). Nothing the bundle does is needed to read
the page or to use a calculator, so on such a page:

- the bundle's ``<script>`` becomes an inert data block that keeps its address
  (``data-material-bundle``); ``javascripts/calculators/material.js`` loads it once the
  calculators have shown their first results (or Python's start has failed, or the browser
  asks to save data), or at once when the reader first clicks, taps, scrolls with a wheel or
  presses a key. Pages without a calculator load it as Material does.
- every page says it has JavaScript from the top of its ``<head>`` (``<html class="js">``,
  which Material's bundle would otherwise set as it starts), so the calculators' buttons and
  Material's search button, which ``.no-js`` hides, show from the first frame whenever the
  bundle comes; and doing it before the body exists restyles nothing. With JavaScript off
  the script does not run and the page keeps ``no-js``.

``hooks/csp.py`` hashes the inline script into the Content-Security-Policy; the bundle,
loaded from the site's own origin, needs nothing more.
"""

from __future__ import annotations

import re

from head_start import first_in_head
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

BUNDLE = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
HELD = '<script type="text/plain" data-material-bundle data-src="{src}"></script>'
SAYS_SCRIPTED = '<script>document.documentElement.classList.replace("no-js","js")</script>'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_bundle_held(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # Material's 404 page is a template rendered on its own, not a page (and has no calculator).
    return with_bundle_held(output_content, template_name) if template_name == "404.html" else output_content


def with_bundle_held(output: str, name: str) -> str:
    """``output`` saying from its head that it is scripted, and holding Material's bundle back
    if it has a calculator."""
    if len(BUNDLE.findall(output)) != 1:
        raise PluginError(f"{name}: Material's bundle not found once (Material changed?)")
    if 'class="no-js"' not in output:
        raise PluginError(f'{name}: no <html class="no-js"> (Material changed?)')
    output = first_in_head(output, SAYS_SCRIPTED, name, "to say the page has JavaScript")
    if 'data-calculator="' in output:
        output = BUNDLE.sub(lambda match: HELD.format(src=match["src"]), output)
    return output
