"""What vl-convert draws for the build, kept between builds in ``build/renders/``.

Not a hook itself: the hooks that draw charts (calculator_embeds, data_charts, social_cards)
import it. A strict build draws about 90 charts and cards, a third of a warm build's time,
and most are the same from one build to the next (and across the test run's three builds,
which copy this checkout's ``build/``). Each drawing is named by the hash of what it was drawn
from: vl-convert's version, the function, the spec or SVG and the options, so a changed chart
is drawn afresh and an unchanged one is read back. It is written whole under a temporary name
and then renamed, so builds side by side never read half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import build_caches
import vl_convert

CACHE = Path(__file__).resolve().parents[1] / "build" / "renders"
VERSION = version("vl-convert-python")


def _kept(function: str, source: Any, suffix: str, **options: Any) -> bytes:
    """vl_convert's ``function`` of ``source`` with ``options``, as bytes, drawn once."""
    key = json.dumps([VERSION, function, source, options], sort_keys=True, separators=(",", ":"))
    path = CACHE / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.{suffix}"
    if not path.is_file():
        drawn = getattr(vl_convert, function)(source, **options)
        if isinstance(drawn, dict):
            content = json.dumps(drawn, separators=(",", ":")).encode()
        elif isinstance(drawn, str):
            content = drawn.encode()
        else:
            content = bytes(drawn)
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(content)
        partial.replace(path)
    else:
        build_caches.used(path)
    return path.read_bytes()


def svg(spec: dict[str, Any]) -> str:
    """The Vega-Lite ``spec`` drawn as SVG (vl_convert.vegalite_to_svg)."""
    return _kept("vegalite_to_svg", spec, "svg").decode()


def size(drawing: str) -> tuple[float, float]:
    """The width and height a drawing of :func:`svg` declares on its root (CSS pixels)."""
    root = re.match(r"\s*<svg\b[^>]*>", drawing)
    found = root and dict(re.findall(r'\s(width|height)="([\d.]+)"', root.group(0)))
    if not found or len(found) != 2:
        raise ValueError("a drawing without its width and height on the root <svg>")
    return float(found["width"]), float(found["height"])


def png(spec: dict[str, Any], scale: float = 1) -> bytes:
    """The Vega-Lite ``spec`` drawn as PNG at ``scale`` (vl_convert.vegalite_to_png)."""
    return _kept("vegalite_to_png", spec, "png", scale=scale)


def vega(spec: dict[str, Any]) -> dict[str, Any]:
    """The Vega-Lite ``spec`` compiled to Vega (vl_convert.vegalite_to_vega)."""
    compiled: dict[str, Any] = json.loads(_kept("vegalite_to_vega", spec, "json"))
    return compiled


def svg_to_png(drawing: str) -> bytes:
    """An SVG drawing as PNG (vl_convert.svg_to_png)."""
    return _kept("svg_to_png", drawing, "png")
