"""A griffe extension: the core's docstrings, as the API reference page shows them.

The core's docstrings are written for ``help()`` and doctest: Google-style sections, plus
reST roles (``:func:`horizon```), doctest examples anywhere in the text, and now and then
several parameters sharing one entry (``a, b, c: the fit's E, A and B``). mkdocstrings reads
Markdown, so before rendering, each docstring gets:

- its doctest examples fenced as Python console code (otherwise ``>>>`` reads as a quote);
- reST roles turned into inline code;
- shared parameter entries split into one entry per name, each with the shared text.

The source files are not changed; only what the "Use the Python package" page shows.
Loaded by mkdocstrings (``extensions`` in ``mkdocs.yml``).
"""

from __future__ import annotations

import re

import griffe

ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|obj|exc):`~?([^`]+)`")


def markdown_docstring(text: str) -> str:
    return _split_shared_entries(_fence_doctests(ROLE.sub(r"`\1`", text)))


def _fence_doctests(text: str) -> str:
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            block = []
            while i < len(lines) and lines[i].strip() and lines[i].startswith(indent):
                block.append(lines[i][len(indent) :])
                i += 1
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _split_shared_entries(text: str) -> str:
    """``a, b,\\n    c: text`` (one Args entry for several names) → one entry per name."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = re.match(r"^(\s+)(\w+(?:,\s*\w+)*),\s*$", lines[i])
        if match and i + 1 < len(lines):  # the names run on to the next line
            rest = re.match(r"^\s+(\w+(?:,\s*\w+)*):\s*(.*)$", lines[i + 1])
            if rest:
                names = [n.strip() for n in (match[2] + "," + rest[1]).split(",")]
                out += [f"{match[1]}{name}: {_sentence(rest[2])}" for name in names]
                i += 2
                continue
        shared = re.match(r"^(\s+)(\w+(?:,\s*\w+)+):\s*(.*)$", lines[i])
        if shared:
            out += [f"{shared[1]}{name.strip()}: {_sentence(shared[3])}" for name in shared[2].split(",")]
            i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class MarkdownDocstrings(griffe.Extension):
    """Rewrites every docstring before mkdocstrings parses it."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: object) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)
