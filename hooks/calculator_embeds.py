"""MkDocs hook: expand ``<!-- md:calculator ID -->`` into a working calculator.

A page embeds a calculator with that one line. The hook checks the id against the
declarations in :mod:`calculators` (an unknown id fails the build), runs the calculator's
defaults through :func:`calculators.run` (the same entry point the browser uses) and writes
the complete, static calculator into the page: the form, the default result, static SVGs of
the chart (one drawn for wide screens, one for phones) and the compiled chart spec the
browser brings to life. Such a page also starts Python's worker from the top of its
``<head>``, so Python loads while the page itself does. Nothing here computes a formula of
its own.
"""

from __future__ import annotations

import csv
import json
import re
from html import escape
from pathlib import Path
from typing import Any

import vega_renders
from head_start import first_in_head
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from calculators import (
    CALCULATORS,
    Calculator,
    __version__,
    export,
    get_calculator,
    run,
    static_spec,
    vega_lite_spec,
)
from calculators._chart import chart_description, phone_spec
from calculators._declare import form_text
from calculators._typed import key_text

SHORTCODE = re.compile(r"<!--\s*md:calculator\s+(?P<id>[^\s>]*)\s*-->")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for match in SHORTCODE.finditer(markdown):
        if match["id"] not in CALCULATORS:
            known = ", ".join(sorted(CALCULATORS))
            raise PluginError(f"{page.file.src_uri}: unknown calculator {match['id']!r} (known: {known})")
    return markdown


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Downloads of every calculator's default result, so the buttons work without Python:
    # CSV and JSON that say where they come from (the page's address, the site's version,
    # the licence), and the chart as SVG and PNG.
    pages = calculator_pages(files)
    for calculator in CALCULATORS.values():
        exported = export(calculator.id, calculator.defaults(), __version__)
        about = download_about(config, pages.get(calculator.id, ""), calculator.id)
        for kind in ("csv", "json"):
            content = with_about(kind, exported[kind], about)
            files.append(File.generated(config, download_path(calculator.id, kind), content=content))
        spec = static_spec(vega_lite_spec(calculator.chart, run(calculator.id, calculator.defaults())["chart"]))
        drawing = titled_svg(vega_renders.svg(spec), chart_description(calculator.chart))
        files.append(File.generated(config, download_path(calculator.id, "svg"), content=drawing))
        files.append(
            File.generated(config, download_path(calculator.id, "png"), content=vega_renders.png(spec, scale=2))
        )
    return files


def titled_svg(svg: str, title: str) -> str:
    """A chart's SVG file that names itself: a ``<title>`` first, which viewers show and screen
    readers read as its name (on the page the picture's box names it; a file stands alone).
    downloads.js does the same for the live chart."""
    opened = svg.index(">") + 1
    return f"{svg[:opened]}<title>{escape(title, quote=False)}</title>{svg[opened:]}"


def calculator_pages(files: Files) -> dict[str, str]:
    """Each embedded calculator's page address (site-relative), from the pages' sources."""
    found: dict[str, str] = {}
    for file in files.documentation_pages():
        for match in SHORTCODE.finditer(Path(file.abs_src_path).read_text(encoding="utf-8")):
            found.setdefault(match["id"], file.url)
    return found


def download_about(config: MkDocsConfig, page_url: str, calculator_id: str) -> dict[str, str]:
    """Where a download comes from: the permalink of its result (for the defaults: the page's
    calculator), the site's release and the licence (from CITATION.cff via hooks/citation.py)."""
    release = config.extra.get("release", {})
    base = (config.site_url or "").rstrip("/") + "/"
    return {
        "permalink": f"{base}{page_url}#calc-{calculator_id}",
        "site_version": str(release.get("version", __version__)),
        "licence": str(release.get("licence", "")),
        "licence_url": str(release.get("licence_url", "")),
    }


def with_about(kind: str, text: str, about: dict[str, str]) -> str:
    """A CSV or JSON download with ``about`` written in (the browser's downloads.js does the
    same for live results): CSV rows of section "about" under the header, so any CSV reader
    still reads one table; a JSON "about" object first."""
    if kind == "csv":
        header, rest = text.split("\n", 1)
        labels = {
            "permalink": "Permalink",
            "site_version": "Site version",
            "licence": "Licence",
            "licence_url": "Licence text",
        }
        empty = "," * (len(next(csv.reader([header]))) - 4)  # the header's other columns, left empty
        rows = "".join(f"about,{name},{labels[name]},{_csv_field(value)}{empty}\n" for name, value in about.items())
        return f"{header}\n{rows}{rest}"
    indented = json.dumps(about, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    return '{\n  "about": ' + indented + ",\n" + text[2:]


def _csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value


def download_name(calculator_id: str, inputs: dict[str, str], kind: str) -> str:
    """A download's file name naming its inputs: ``half-life_t50-59_p-0.8_shape-1.csv``."""
    parts = [calculator_id] + [f"{name}-{re.sub(r'[^0-9eE.+-]', '_', value)}" for name, value in inputs.items()]
    return "_".join(parts) + f".{kind}"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The pip install line heading "Python for this result" (hooks/python_package.py).
    install = config.extra.get("install", {}).get("comment", "")
    register_anchors(page, html)
    return SHORTCODE.sub(
        lambda match: render_calculator(
            get_calculator(match["id"]), page.url, install, download_about(config, page.url, match["id"])
        ),
        html,
    )


def register_anchors(page: Page, html: str) -> None:
    """Tell MkDocs each calculator's section id (``calc-ID``), so a strict build accepts
    links such as ``half-life.md#calc-half-life`` and still fails on a calculator the page
    lacks (MkDocs checks anchors once every page is built, against what Markdown wrote)."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(f"calc-{match['id']}" for match in SHORTCODE.finditer(html))


# Pages with a calculator start Python's worker from the top of <head>, before the browser is
# busy with the rest of the page: a worker created later waits for the page's main thread,
# which Material's scripts keep busy for the first second. runtime.js adopts this worker,
# and replays what it said before runtime.js was there. The script is inline (one fetch
# fewer); hooks/csp.py hashes it into the Content-Security-Policy like Material's own. When
# the browser asks to save data it starts nothing: calculator.js then starts Python once a
# calculator comes near the screen (save-data.js), so a page only read downloads no Python.
WORKER_SCRIPT = "javascripts/calculators/worker.js"
EARLY_START = (
    '<script>try{{if(!navigator.connection?.saveData){{const w=new Worker({url},{{type:"module",name:"python"}}),e=[];'
    "w.onmessage=w.onerror=(x)=>{{e.push(x)}};self.pythonWorker={{worker:w,early:e}}}}}}catch(x){{}}</script>"
)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if 'data-calculator="' not in output:
        return output
    url = json.dumps(get_relative_url(WORKER_SCRIPT, page.url or "index.html"))
    script = EARLY_START.format(url=url)
    return first_in_head(output, script, page.file.src_uri, "to start Python from")


def download_path(calculator_id: str, kind: str) -> str:
    """Where the default result's download lives in the site."""
    return f"assets/downloads/{calculator_id}.{kind}"


def render_calculator(
    calculator: Calculator, page_url: str = "", install: str = "", about: dict[str, str] | None = None
) -> str:
    """The static HTML of ``calculator`` showing its default result, for a page at ``page_url``;
    ``install`` (the ``# pip install …`` line) heads its Python, which the browser keeps
    when it replaces the code below it with each live result's.
    ``about`` (see :func:`download_about`) rides in ``data-about`` for the live downloads.

    Site search indexes the calculator's title, summary, inputs and sources; its status,
    presets and the line naming the active one, results, chart, table, code and buttons carry
    ``data-search-exclude``. (Material's search ends an
    exclusion at the first closing tag of the same name, so it marks elements that hold no
    element of their own kind.)
    """
    result = run(calculator.id, calculator.defaults())
    if not result["ok"]:
        raise PluginError(f"calculator {calculator.id!r} fails on its own defaults: {result['errors']}")
    spec = vega_lite_spec(calculator.chart, result["chart"])
    # The picture is static (shown in the reader's font, drawn with the build's); the spec
    # the page runs live is the chart itself.
    svg = vega_renders.svg(static_spec(spec))
    phone = vega_renders.svg(phone_spec(calculator.chart, result["chart"]))
    vega_spec = json.dumps(vega_renders.vega(spec), separators=(",", ":"))
    cid = calculator.id
    parts = [
        f'<section class="calc" id="calc-{escape(cid)}" data-calculator="{escape(cid)}" data-state="static" '
        f'data-about="{escape(json.dumps(about or {}))}" '
        f'aria-label="Calculator: {escape(calculator.title)}">',
        '<div class="calc__head">',
        f'<p class="calc__title">{escape(calculator.title)}</p>',
        '<p class="calc__status" data-calc-status data-search-exclude role="status">Showing the result computed when this page was built.</p>',
        "</div>",
        f'<p class="calc__summary">{escape(calculator.summary)}</p>',
        _presets(calculator),
        '<form class="calc__form" novalidate>',
        *(_field(cid, spec_) for spec_ in calculator.inputs),
        "</form>",
        '<p class="calc__error calc__error--general" data-error-for="" hidden></p>',
        _outputs(calculator, result),
        _toolbar(cid, page_url),
        # The compiled spec rides in an attribute, not a <script>: Material's instant
        # navigation re-runs every <script> in the content, and drops its type on the way.
        f'<figure class="calc__chart" data-search-exclude data-chart-spec="{escape(vega_spec)}" '
        # What a tap on the chart reads out (javascripts/calculators/chart.js): the axes'
        # fields and titles; the values come as the rows' x_text and y_text.
        f'data-x="{escape(calculator.chart.x.field)}" data-x-title="{escape(calculator.chart.x.title)}" '
        f'data-y="{escape(calculator.chart.y.field)}" data-y-title="{escape(calculator.chart.y.title)}">',
        f'<div class="calc__chart-canvas" data-chart role="img" aria-label="{escape(chart_description(calculator.chart))}" '
        f'style="{chart_sizes(svg, phone)}">'
        f'{svg}<div class="calc__chart-phone" data-chart-phone>{phone}</div></div>',
        f"<figcaption>{escape(chart_description(calculator.chart))}"
        '<span class="calc__pinned-note" data-pinned-note hidden> Dashed grey lines: the pinned setting.</span></figcaption>',
        "</figure>",
        _table(result["table"]),
        '<details class="calc__python" data-search-exclude><summary>Python for this result</summary>'
        f"<pre><code data-python-code>{_install_lines(install)}<span data-python>{escape(result['python'])}</span></code></pre>"
        "<p>Run the first line in a terminal to install the package (standard library only, Python 3.11 "
        "or newer), then the rest in Python to get exactly the numbers shown.</p></details>",
        _sources(calculator),
        "</section>",
    ]
    return "\n".join(parts)


def chart_sizes(wide: str, phone: str) -> str:
    """The static drawings' sizes, for the stylesheet to hold each chart's exact place while
    the browser skips drawing it off screen, and to keep the live chart's height reserved as
    it replaces the picture (stylesheets/calculators.css).

    Two static charts are built: ``wide``, scaled to the column's width, and ``phone``, drawn
    for a phone's width (:func:`calculators._chart.phone_spec`; the wide one shrunk to a phone
    would print its text at 5 to 6 px) and shown at its own size there, or narrower on a
    screen narrower than it. The stylesheet picks one by media query, so it works without
    JavaScript; the first live result replaces both (javascripts/calculators/chart.js).
    """
    wide_width, wide_height = vega_renders.size(wide)
    phone_width, phone_height = vega_renders.size(phone)
    return (
        f"--wide-height: {wide_height:g}px; --wide-ratio: {wide_height / wide_width:.6f}; "
        f"--phone-width: {phone_width:g}px; --phone-ratio: {phone_height / phone_width:.6f}"
    )


def _install_lines(install: str) -> str:
    return f"<span data-python-install>{escape(install)}\n\n</span>" if install else ""


def _toolbar(cid: str, page_url: str) -> str:
    calculator = get_calculator(cid)
    defaults = {spec.name: key_text(spec.default) for spec in calculator.inputs}

    def download(kind: str, label: str) -> str:
        href = get_relative_url(download_path(cid, kind), page_url or "index.html")
        return (
            f'<a class="md-button calc__action" href="{escape(href)}" download="{escape(download_name(cid, defaults, kind))}" '
            f'data-download="{kind}">{label}</a>'
        )

    return (
        '<div class="calc__actions" data-search-exclude role="group" aria-label="Share, compare and download">'
        '<button type="button" class="md-button calc__action" data-action="pin">Pin for comparison</button>'
        '<button type="button" class="md-button calc__action" data-action="unpin" hidden>Clear pinned</button>'
        '<button type="button" class="md-button calc__action" data-action="copy-link">Copy link</button>'
        '<button type="button" class="md-button calc__action" data-action="copy-python">Copy as Python</button>'
        + download("csv", "Download CSV")
        + download("json", "Download JSON")
        + download("svg", "Chart as SVG")
        + download("png", "Chart as PNG")
        + '<p class="calc__notice" data-notice role="status"></p>'
        "</div>"
    )


def _table(table: dict[str, Any]) -> str:
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in table["columns"])
    rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table["rows"])
    points = "".join(
        f"<li><strong>{escape(p['label'])}</strong>: {escape(p['x'])}, {escape(p['y'])}</li>" for p in table["points"]
    )
    return (
        '<details class="calc__table" data-search-exclude><summary>Chart data as a table</summary>'
        f"<ul data-table-points>{points}</ul>"
        f'<div class="calc__table-scroll"><table><thead><tr data-table-head>{head}</tr></thead>'
        f"<tbody data-table-body>{rows}</tbody></table></div></details>"
    )


def _field(cid: str, spec: Any) -> str:
    base = f"{cid}-{spec.name}"
    unit = f' <span class="calc__unit">({escape(spec.unit)})</span>' if spec.unit else ""
    described = f'aria-describedby="{base}-why {base}-error"'
    if spec.choices:
        # A choice is a list of its options by name; each option's value is the number the
        # function, the permalink and the presets use, written as a preset writes it.
        options = "".join(
            f'<option value="{form_text(value)}"{" selected" if value == spec.default else ""}>{escape(label)}</option>'
            for value, label in spec.choices
        )
        control = (
            f'<select id="{base}" name="{escape(spec.name)}" data-default="{form_text(spec.default)}" {described}>'
            f"{options}</select>"
        )
    else:
        control = _text_input(base, spec, described)
    return (
        '<div class="calc__field">'
        f'<label for="{base}">{escape(spec.label)}{unit}</label>'
        f"{control}"
        f'<p class="calc__why" id="{base}-why">{escape(spec.why)}</p>'
        f'<p class="calc__error" id="{base}-error" data-error-for="{escape(spec.name)}" hidden></p>'
        "</div>"
    )


def _text_input(base: str, spec: Any, described: str) -> str:
    # A text field with a decimal keypad, not type="number": a number field hands the page
    # an empty string for "abc", "1e400" or "--5", so the reader would be told the field is
    # empty. As text, what the reader typed reaches Python and gets the true message.
    # Read-only as built: without JavaScript nothing can recompute, so a field takes no typing
    # (by keyboard too; the stylesheet stops pointer and tap); calculator.js lifts it on mount.
    return (
        f'<input id="{base}" name="{escape(spec.name)}" type="text" inputmode="decimal" readonly '
        'autocomplete="off" spellcheck="false" '
        f'value="{form_text(spec.default)}" data-default="{form_text(spec.default)}" {described}>'
    )


def _presets(calculator: Calculator) -> str:
    """The preset buttons and "Reset", and a line saying which setting the form shows.

    Each button carries every value it sets, written as a reader would type them
    (:func:`calculators.form_text`): its own, and the default of each input it neither
    names nor keeps, so the result never depends on what was clicked before. The inputs it
    keeps are named in words on the button's description and in the sources list."""
    buttons = "".join(
        f'<button type="button" class="md-button calc__preset" data-preset="{escape(p.id)}" aria-pressed="false" '
        f'data-values="{escape(json.dumps({k: form_text(v) for k, v in calculator.preset_values(p).items()}))}" '
        f'data-keeps="{escape(_kept(calculator, p))}" title="{escape(p.source)}">{escape(p.label)}</button>'
        for p in calculator.presets
    )
    origin = calculator.default_preset
    reset_title = (
        f"Every input back to its default: {origin.label}. {origin.source}"
        if origin
        else "Every input back to its default."
    )
    reset = (
        '<button type="button" class="md-button calc__preset calc__reset" data-action="reset" '
        f'title="{escape(reset_title)}">Reset</button>'
    )
    shown = f"Showing the defaults: {origin.label}." if origin else "Showing the defaults."
    return (
        f'<div class="calc__presets" role="group" aria-label="Presets" data-search-exclude>{buttons}{reset}</div>'
        f'<p class="calc__preset-state" data-preset-state data-defaults="{escape(shown)}" data-search-exclude>{escape(shown)}</p>'
    )


def _kept(calculator: Calculator, preset: Any) -> str:
    """The inputs ``preset`` leaves as the reader set them, in words ("" when none)."""
    kept = [spec.label for spec in calculator.inputs if spec.name in preset.keeps]
    if not kept:
        return ""
    changed = [spec.label for spec in calculator.inputs if spec.name not in preset.keeps]
    if len(kept) > len(changed):  # shorter to name what it sets
        return f"Sets only {_listed(changed)}; keeps the other inputs as you set them."
    return f"Keeps your {_listed(kept)} as you set {'it' if len(kept) == 1 else 'them'}."


def _listed(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else "; ".join(labels[:-1]) + " and " + labels[-1]


def _outputs(calculator: Calculator, result: dict[str, Any]) -> str:
    shown = result["outputs"]
    rows = "".join(
        f'<div class="calc__output"><dt>{escape(o.label)}</dt><dd>'
        f'<output data-output="{escape(o.name)}">{escape(shown[o.name]["text"])}</output>'
        + (
            f' <span class="calc__unit" data-unit="{escape(o.name)}">{escape(shown[o.name]["unit"])}</span>'
            if o.unit
            else ""
        )
        + f'<span class="calc__pinned" data-pinned="{escape(o.name)}" hidden></span>'
        + "</dd></div>"
        for o in calculator.outputs
    )
    return f'<dl class="calc__outputs" data-search-exclude aria-live="polite" aria-atomic="true">{rows}</dl>'


def _sources(calculator: Calculator) -> str:
    # "[@key; ...]" is left for hooks/bibliography.py, which links it to the page's sources.
    def item(preset: Any, note: str) -> str:
        kept = _kept(calculator, preset)
        return (
            f"<li><strong>{escape(preset.label)}</strong>{note}: {escape(preset.source)}"
            + (f" [{'; '.join('@' + key for key in preset.cites)}]" if preset.cites else "")
            + (f" {escape(kept)}" if kept else "")
            + "</li>"
        )

    origin = [item(calculator.default_preset, " (the defaults, and Reset)")] if calculator.default_preset else []
    items = "".join([*origin, *(item(p, "") for p in calculator.presets)])
    if not items:
        return ""
    return f'<details class="calc__sources"><summary>Where the defaults and presets come from</summary><ul>{items}</ul></details>'
