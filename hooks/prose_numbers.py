"""MkDocs hook: numbers in the prose are computed by the core, never typed.

``<!-- md:value horizon_ratio(p=0.8, shape=0.6) -->`` becomes ``6.61``;
``<!-- md:value survival(t=2, t50=1) | percent -->`` becomes ``25%``. After the ``|``
comes a :func:`calculators.format_value` kind and, optionally, the significant digits
(``| number 4``) or ``exact`` for a value exact by what it is, such as a whole power of 2
(``| multiplier exact`` writes 2²⁰ as ×1,048,576, where 3 figures would give ×1,050,000).
Only a single call of a public function of :mod:`calculators` with literal numbers is
allowed; anything else, and any ``ValueError`` from the core, fails the build with the
page's name.
"""

from __future__ import annotations

import ast
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import calculators

SHORTCODE = re.compile(
    r"<!--\s*md:value\s+(?P<call>[^|>]+?)\s*(?:\|\s*(?P<kind>\w+)(?:\s+(?:(?P<digits>\d+)|(?P<exact>exact)))?\s*)?-->"
)
# Public functions that return a number (not classes, not the calculator registry).
FUNCTIONS = {
    name: getattr(calculators, name)
    for name in calculators.__all__
    if callable(getattr(calculators, name)) and not isinstance(getattr(calculators, name), type)
}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        try:
            value = evaluate(match["call"])
            kind, digits = match["kind"] or "number", int(match["digits"] or 3)
            return calculators.format_value(value, kind, digits, exact=bool(match["exact"]))
        except (ValueError, TypeError) as error:
            raise PluginError(f"{page.file.src_uri}: {match[0]!r}: {error}") from None

    return SHORTCODE.sub(replace, markdown)


def evaluate(source: str) -> float:
    """Evaluate ``name(arg=number, ...)`` with ``name`` a public core function."""
    try:
        node = ast.parse(source.strip(), mode="eval").body
    except SyntaxError as error:
        raise ValueError(f"not a function call: {error.msg}") from None
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        raise ValueError("expected one call such as survival(t=2, t50=1)")
    function = FUNCTIONS.get(node.func.id)
    if function is None:
        raise ValueError(f"{node.func.id!r} is not a public function of calculators")
    args = [_number(arg) for arg in node.args]
    kwargs = {keyword.arg: _number(keyword.value) for keyword in node.keywords if keyword.arg}
    return float(function(*args, **kwargs))


def _number(node: ast.expr) -> float:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_number(node.operand)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    raise ValueError("arguments must be plain numbers")
