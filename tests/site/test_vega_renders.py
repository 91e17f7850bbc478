"""The build's drawings (hooks/vega_renders.py): each drawn once, then read back while what it
is drawn from is unchanged, and drawn afresh when that changes."""

from __future__ import annotations

import pytest
import vl_convert

from repo_modules import load_module

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
    "data": {"values": [{"x": 1, "y": 2}, {"x": 2, "y": 3}]},
    "mark": "line",
    "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}},
}


def test_a_drawing_is_made_once_and_read_back_until_its_spec_changes(tmp_path, monkeypatch) -> None:
    renders = load_module("hooks/vega_renders.py")
    monkeypatch.setattr(renders, "CACHE", tmp_path)
    first = renders.svg(SPEC)
    assert first == vl_convert.vegalite_to_svg(SPEC)
    assert renders.vega(SPEC) == vl_convert.vegalite_to_vega(SPEC)
    assert renders.png(SPEC, scale=2)[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(list(tmp_path.iterdir())) == 3  # svg, Vega and PNG, each whole (no .part left)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("drawn again")

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", refuse)
    assert renders.svg(SPEC) == first  # read back, not drawn
    with pytest.raises(AssertionError, match="drawn again"):
        renders.svg({**SPEC, "mark": "point"})  # another chart is drawn
    monkeypatch.undo()
    renders = load_module("hooks/vega_renders.py")
    monkeypatch.setattr(renders, "CACHE", tmp_path)
    # The options count: a PNG at another scale is another drawing.
    assert renders.png(SPEC, scale=1) != renders.png(SPEC, scale=2)
