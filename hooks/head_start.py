"""Not a hook itself: puts an element first in a page's ``<head>`` (after the charset, which
must come first), for the hooks whose elements must come before anything else the page loads:
``csp.py`` (the policy, which must cover every script after it), ``calculator_embeds.py``
(Python's early start) and ``material_after_python.py`` (the page saying it has JavaScript).
Each adds its element where the others add theirs, so the hook that runs last puts its own
first: the policy, then Python's start, then the script class.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

HEAD_OPEN = re.compile(r"<head>\s*(<meta charset=[^>]*>)?", re.I)


def first_in_head(html: str, element: str, name: str, purpose: str) -> str:
    """``html`` with ``element`` first in its ``<head>`` after the charset; a page ``name``
    without a ``<head>`` fails the build, saying what the element was ``purpose`` for
    (``"to start Python from"``)."""
    html, found = HEAD_OPEN.subn(lambda match: match[0] + element, html, count=1)
    if not found:
        raise PluginError(f"{name}: no <head> {purpose}")
    return html
