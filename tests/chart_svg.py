"""Charts drawn as the tests read them.

Readers' charts carry no ARIA text of Vega's own on their marks (``chart_config``: it wrote
values as code does, and the chart's description and table say it all). Tests, though, tell
a chart's marks apart by the names Vega gives them ("Curve: …", a point's label), so they
draw with that text switched back on. It changes attributes only, never what is drawn.
"""

from __future__ import annotations

import copy
from typing import Any

import vl_convert


def svg_with_mark_names(spec: dict[str, Any]) -> str:
    """The SVG vl-convert draws for ``spec``, with Vega's ARIA text on every mark that does
    not turn it off itself."""
    named = copy.deepcopy(spec)
    named.setdefault("config", {}).setdefault("mark", {})["aria"] = True
    return vl_convert.vegalite_to_svg(named)
