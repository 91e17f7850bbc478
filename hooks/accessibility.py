"""MkDocs hook: give Material's search dialog and page-loading bar accessible names, and
make notebook code cells (which scroll sideways) reachable from the keyboard.

axe-core flags both (``aria-dialog-name``, ``aria-progressbar-name``): Material renders them
with a role but no name. Each fix-up must find its target, so a Material upgrade that
changes the markup fails the build instead of silently dropping the fix.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

FIXES = {
    '<div class="md-search" data-md-component="search" role="dialog">': (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search this site">'
    ),
    '<div class="md-progress" data-md-component="progress" role="progressbar">': (
        '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="Loading the page">'
    ),
}


# Notebook code cells scroll sideways; a keyboard user must be able to focus them to scroll.
NOTEBOOK_CODE = '<div class="highlight-ipynb'
NOTEBOOK_CODE_FOCUSABLE = '<div tabindex="0" class="highlight-ipynb'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = output.replace(NOTEBOOK_CODE, NOTEBOOK_CODE_FOCUSABLE)
    for before, after in FIXES.items():
        if before not in output:
            raise PluginError(
                f"{page.file.src_uri}: Material's markup changed; update hooks/accessibility.py ({before})"
            )
        output = output.replace(before, after)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # Material's 404 page is a template rendered on its own, not a page: same names for it.
    if template_name != "404.html":
        return output_content
    for before, after in FIXES.items():
        if before not in output_content:
            raise PluginError(f"404.html: Material's markup changed; update hooks/accessibility.py ({before})")
        output_content = output_content.replace(before, after)
    return output_content
