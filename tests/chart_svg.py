"""Charts drawn as the tests read them.

Readers' charts carry no ARIA text of Vega's own on their marks and axes (``chart_config``:
Vega wrote values as code does, and the chart's description and table say it all). Tests,
though, find a chart's axes and tell its marks apart by the names Vega gives them ("Y-axis
titled …", "Curve: …"), so they draw with those names switched back on. That changes
attributes only, never what is drawn.

Drawn through the build's own cache of vl-convert's drawings (hooks/vega_renders.py, in
``build/renders/``): several test files draw the same chart (a calculator's phone picture,
its wide chart), on either worker, and a drawing costs about 60 ms.
"""

from __future__ import annotations

import copy
from typing import Any

from repo_modules import load_module

vega_renders = load_module("hooks/vega_renders.py")


def svg_with_names(spec: dict[str, Any]) -> str:
    """The SVG vl-convert draws for ``spec``, with Vega's ARIA names on every axis and mark
    that does not turn them off itself."""
    named = copy.deepcopy(spec)
    config = named.setdefault("config", {})
    for part in ("mark", "axis"):
        config.setdefault(part, {})["aria"] = True
    svg: str = vega_renders.svg(named)
    return svg
