"""MkDocs hook: typeset every formula at build time with KaTeX.

``pymdownx.arithmatex`` (generic mode) leaves maths as ``\\(…\\)`` in
``<span class="arithmatex">`` and ``\\[…\\]`` in ``<div class="arithmatex">``. This hook hands
each page's formulas to the pinned KaTeX (``node_modules/katex``, run by Node through
``hooks/katex_render.mjs``) and writes the resulting HTML and MathML into the page. Readers'
browsers then only need KaTeX's stylesheet and fonts: no script, no flash of raw TeX, maths
that reads without JavaScript, and no typesetting work competing with Python's start on
calculator pages. A formula KaTeX rejects fails the build, naming the page.

Notebook pages (mkdocs-jupyter) do not pass through arithmatex; their Jupyter-style
``$…$`` and ``$$…$$`` maths outside code is typeset the same way.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
RENDERER = Path(__file__).with_name("katex_render.mjs")
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</(?P=tag)>'
    r"(?P<punctuation>(?<=</span>)[,.;:!?)](?!\w))?",
    re.S,
)
#: A short inline formula and the punctuation right after it are kept on one line (site.css),
#: so a line never starts with the comma ("B = 410.7" at a line's end, ", α = 0.34" below;
#: a word joiner does not stop Chromium breaking after KaTeX's inline blocks). A longer
#: formula keeps the breaks KaTeX allows inside it.
SHORT_FORMULA = 30


class KatexProcess:
    """One Node process per build, started on first use."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None

    def render(self, formulas: list[tuple[str, bool]]) -> list[str]:
        if self._process is None:
            try:
                self._process = subprocess.Popen(
                    ["node", str(RENDERER)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
                )
            except FileNotFoundError as error:
                raise PluginError("typesetting maths needs Node.js (run `make setup`)") from error
        assert self._process.stdin and self._process.stdout
        self._process.stdin.write(json.dumps(formulas) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            self.close()
            raise PluginError("the KaTeX renderer stopped (is `npm ci` done?)")
        reply = json.loads(line)
        if "error" in reply:
            raise PluginError(f"KaTeX: {reply['error']}")
        return reply["html"]

    def close(self) -> None:
        if self._process is not None:
            self._process.stdin.close()  # type: ignore[union-attr]
            self._process.wait(timeout=30)
            self._process.stdout.close()  # type: ignore[union-attr]
            self._process = None


_katex = KatexProcess()
atexit.register(_katex.close)  # also when used outside a build, as the tests do


def typeset(page_html: str, where: str = "page") -> str:
    """``page_html`` with every arithmatex formula replaced by KaTeX's markup.

    A display formula of several parts side by side (separated by ``\\quad`` or
    ``\\qquad``) is also typeset for a phone, its parts one under another
    (:func:`stacked`); site.css shows that one on narrow screens, where the row would run
    past the edge. Search skips it, so the formula is indexed once.
    """
    matches = list(MATH.finditer(page_html))
    if not matches:
        return page_html
    formulas = [
        (html.unescape(m["inline"] if m["inline"] is not None else m["display"]).strip(), m["display"] is not None)
        for m in matches
    ]
    narrow = [stacked(tex) if display else None for tex, display in formulas]
    try:
        rendered = iter(_katex.render(formulas + [(tex, True) for tex in narrow if tex]))
    except PluginError as error:
        raise PluginError(f"{where}: {error}") from None
    shown = [next(rendered) for _ in formulas]
    phone = [next(rendered) if tex else "" for tex in narrow]
    parts = iter(zip(shown, phone, strict=True))

    def replaced(match: re.Match[str]) -> str:
        wide, stack = next(parts)
        if stack:
            stack = f'<div class="arithmatex-narrow" data-search-exclude>{stack}</div>'
        formula = f'<{match["tag"]} class="arithmatex">{searchable(wide)}{stack}</{match["tag"]}>'
        if match["punctuation"] and len(match["inline"] or "") <= SHORT_FORMULA:
            return f'<span class="arithmatex-nowrap">{formula}{match["punctuation"]}</span>'
        return formula + (match["punctuation"] or "")

    return MATH.sub(replaced, page_html)


#: A space between the parts of a display formula written side by side, and its number.
PART_SPACE = re.compile(r"\\q?quad\b")
TAG = re.compile(r"\\tag\{[^{}]*\}\s*$")


def stacked(tex: str) -> str | None:
    """A display formula of parts side by side (``a, \\qquad b``) as the same parts one under
    another, its ``\\tag`` after them; None for a formula of one part. Only a space after a
    comma or semicolon at the formula's top level splits it (not inside braces, a
    ``\\left…\\right`` pair or an environment of its own, nor ``x \\quad \\text{…}``)."""
    if "\\begin" in tex:
        return None
    tag = TAG.search(tex)
    body = tex[: tag.start()] if tag else tex
    parts, depth, start = [], 0, 0
    for position, char in enumerate(body):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and (space := PART_SPACE.match(body, position)):
            before = body[:position]
            if before.rstrip().endswith((",", ";")) and before.count("\\left") == before.count("\\right"):
                parts.append(body[start:position])
                start = space.end()
    if not parts:
        return None
    parts.append(body[start:])
    lines = " \\\\ ".join(part.strip() for part in parts if part.strip())
    return f"\\begin{{gathered}}{lines}\\end{{gathered}}" + (f" {tag[0]}" if tag else "")


def searchable(katex_html: str) -> str:
    """KaTeX's markup with the formula left once, in readable symbols, for site search.

    KaTeX writes each formula as MathML (with the TeX source inside) for screen readers and
    as HTML for the eye. Search skips the MathML, which holds no nested ``<math>`` (Material's
    search ends an exclusion at the first closing tag of the same name).
    """
    tag = '<math xmlns="http://www.w3.org/1998/Math/MathML"'
    if katex_html.count(tag) != 1:
        raise PluginError(f"KaTeX's markup changed (expected one {tag}>): update hooks/math.py")
    return katex_html.replace(tag, tag + " data-search-exclude")


# Notebook pages (mkdocs-jupyter) keep Jupyter's $…$ and $$…$$ in their text. Pandoc's rule
# tells maths from prices: the opening $ has a non-space on its right, the closing $ a
# non-space on its left and no digit after it ("about $3,000 against about $3" is no maths).
DOLLAR_MATH = re.compile(r"\$\$(?P<display>[^$]+?)\$\$|(?<![\\$])\$(?=[^\s$])(?P<inline>[^$]*?[^\s$\\])\$(?![\d$])")
# Every character of the page falls in one token: a comment, a tag, a run of text, or a
# lone "<" (as in a script's "a<b"), so the page comes back unchanged apart from the maths.
TOKEN = re.compile(r"<!--.*?-->|<(?P<close>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9]*)[^>]*>|[^<]+|<", re.S)
VERBATIM = {"pre", "code", "script", "style", "textarea"}


def mark_dollar_maths(page_html: str) -> str:
    """Notebook HTML with $…$ / $$…$$ outside code turned into arithmatex's markup."""
    out: list[str] = []
    inside: list[str] = []
    for match in TOKEN.finditer(page_html):
        if match[0].startswith("<"):
            if not match["tag"]:  # a comment or a lone "<"
                out.append(match[0])
                continue
            tag = match["tag"].lower()
            if tag in VERBATIM:
                if match["close"] and tag in inside:
                    inside.remove(tag)
                elif not match["close"] and not match[0].endswith("/>"):
                    inside.append(tag)
            out.append(match[0])
        elif inside:
            out.append(match[0])
        else:
            out.append(DOLLAR_MATH.sub(_arithmatex, match[0]))
    return "".join(out)


def _arithmatex(match: re.Match[str]) -> str:
    if match["display"] is not None:
        return f'<div class="arithmatex">\\[{match["display"]}\\]</div>'
    return f'<span class="arithmatex">\\({match["inline"]}\\)</span>'


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files) -> str:
    if page.file.src_uri.endswith((".py", ".ipynb")):
        page_html = mark_dollar_maths(page_html)
    return typeset(page_html, page.file.src_uri)


def on_post_build(config: MkDocsConfig) -> None:
    _katex.close()


def on_build_error(error: Exception) -> None:
    _katex.close()
