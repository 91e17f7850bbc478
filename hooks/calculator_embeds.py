"""MkDocs hook: expand ``<!-- md:calculator ID -->`` into a working calculator.

A page embeds a calculator with that one line. The hook checks the id against the
declarations in :mod:`calculators` (an unknown id fails the build), runs the calculator's
defaults through :func:`calculators.run` (the same entry point the browser uses) and writes
the complete, static calculator into the page: the form, the default result, a static SVG of
the chart and the compiled chart spec the browser brings to life. Nothing here computes a
formula of its own.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

import vl_convert
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from calculators import CALCULATORS, Calculator, get_calculator, run, vega_lite_spec

SHORTCODE = re.compile(r"<!--\s*md:calculator\s+(?P<id>[^\s>]*)\s*-->")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for match in SHORTCODE.finditer(markdown):
        if match["id"] not in CALCULATORS:
            known = ", ".join(sorted(CALCULATORS))
            raise PluginError(f"{page.file.src_uri}: unknown calculator {match['id']!r} (known: {known})")
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return SHORTCODE.sub(lambda match: render_calculator(get_calculator(match["id"])), html)


def render_calculator(calculator: Calculator) -> str:
    """The static HTML of ``calculator`` showing its default result."""
    result = run(calculator.id, calculator.defaults())
    if not result["ok"]:
        raise PluginError(f"calculator {calculator.id!r} fails on its own defaults: {result['errors']}")
    spec = vega_lite_spec(calculator.chart, result["chart"])
    svg = vl_convert.vegalite_to_svg(spec)
    vega_spec = json.dumps(vl_convert.vegalite_to_vega(spec), separators=(",", ":"))
    cid = calculator.id
    parts = [
        f'<section class="calc" data-calculator="{escape(cid)}" data-state="static" aria-label="Calculator: {escape(calculator.title)}">',
        '<div class="calc__head">',
        f'<p class="calc__title">{escape(calculator.title)}</p>',
        '<p class="calc__status" data-calc-status role="status">Showing the result computed when this page was built.</p>',
        "</div>",
        f'<p class="calc__summary">{escape(calculator.summary)}</p>',
        _presets(calculator),
        '<form class="calc__form" novalidate>',
        *(_field(cid, spec_) for spec_ in calculator.inputs),
        "</form>",
        '<p class="calc__error calc__error--general" data-error-for="" hidden></p>',
        _outputs(calculator, result),
        # The compiled spec rides in an attribute, not a <script>: Material's instant
        # navigation re-runs every <script> in the content, and drops its type on the way.
        f'<figure class="calc__chart" data-chart-spec="{escape(vega_spec)}">',
        f'<div class="calc__chart-canvas" data-chart role="img" aria-label="{escape(calculator.chart.description)}">{svg}</div>',
        f"<figcaption>{escape(calculator.chart.description)}</figcaption>",
        "</figure>",
        _sources(calculator),
        "</section>",
    ]
    return "\n".join(parts)


def _field(cid: str, spec: Any) -> str:
    base = f"{cid}-{spec.name}"
    unit = f' <span class="calc__unit">({escape(spec.unit)})</span>' if spec.unit else ""
    bounds = "".join(
        f' {attr}="{value:g}"' for attr, value in (("min", spec.minimum), ("max", spec.maximum)) if value is not None
    )
    return (
        '<div class="calc__field">'
        f'<label for="{base}">{escape(spec.label)}{unit}</label>'
        f'<input id="{base}" name="{escape(spec.name)}" type="number" inputmode="decimal" step="{spec.step}"{bounds} '
        f'value="{spec.default:g}" data-default="{spec.default:g}" aria-describedby="{base}-why {base}-error">'
        f'<p class="calc__why" id="{base}-why">{escape(spec.why)}</p>'
        f'<p class="calc__error" id="{base}-error" data-error-for="{escape(spec.name)}" hidden></p>'
        "</div>"
    )


def _presets(calculator: Calculator) -> str:
    if not calculator.presets:
        return ""
    buttons = "".join(
        f'<button type="button" class="md-button calc__preset" data-preset="{escape(p.id)}" '
        f'data-values="{escape(json.dumps(dict(p.values)))}" title="{escape(p.source)}">{escape(p.label)}</button>'
        for p in calculator.presets
    )
    return f'<div class="calc__presets" role="group" aria-label="Presets">{buttons}</div>'


def _outputs(calculator: Calculator, result: dict[str, Any]) -> str:
    rows = "".join(
        f'<div class="calc__output"><dt>{escape(o.label)}</dt><dd>'
        f'<output data-output="{escape(o.name)}">{escape(result["outputs"][o.name]["text"])}</output>'
        + (f' <span class="calc__unit">{escape(o.unit)}</span>' if o.unit else "")
        + "</dd></div>"
        for o in calculator.outputs
    )
    return f'<dl class="calc__outputs" aria-live="polite" aria-atomic="true">{rows}</dl>'


def _sources(calculator: Calculator) -> str:
    items = "".join(
        f"<li><strong>{escape(p.label)}</strong>: {escape(p.source)}</li>" for p in calculator.presets
    )
    if not items:
        return ""
    return f'<details class="calc__sources"><summary>Where the presets come from</summary><ul>{items}</ul></details>'
