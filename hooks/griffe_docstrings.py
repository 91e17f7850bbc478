"""A griffe extension: the core's docstrings, as the API reference pages show them.

The core's docstrings are written for ``help()`` and doctest: Google-style sections, plus
reST roles (``:func:`horizon```), doctest examples anywhere in the text, and now and then
several parameters sharing one entry (``a, b, c: the fit's E, A and B``). mkdocstrings reads
Markdown, so before rendering, each docstring gets:

- its doctest examples fenced as Python console code (otherwise ``>>>`` reads as a quote);
- reST roles turned into inline code;
- shared parameter entries split into one entry per name, each with the shared text;
- powers of ten in the prose written as readers read them everywhere else on the site:
  ``1e23`` and ``10^23`` become 10²³, ``5.88e23`` becomes 5.88 × 10²³. Code keeps Python's
  notation (doctests, inline code): it is what a reader copies and runs.

A module constant documented by ``#:`` comments above it (Sphinx's convention, which griffe
does not read) gets them as its docstring, and its value shows in the same notation
(``EU_AI_ACT_THRESHOLD_FLOP = 10²⁵``, where Python's own text would be ``1e+25``): the line
is read for the value, while code imports the constant by name.

A parameter that defaults to a constant the package does not export shows the constant's
value (``weight=0.7``, not ``weight=ORD_INFERENCE_WEIGHT``, a name the reference has no entry
for); an exported constant keeps its name.

The source files are not changed; only what the API reference (docs/python/) shows.
Loaded by mkdocstrings (``extensions`` in ``mkdocs.yml``).
"""

from __future__ import annotations

import re

import griffe

from calculators._format import power_of_ten as written_power

ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|obj|exc):`~?([^`]+)`")
#: A number in Python's exponent notation: ``1e23``, ``5.88e-7``, ``1e+25``.
EXPONENT = re.compile(r"(?<![\w.])(?P<mantissa>\d+(?:\.\d+)?)e(?P<power>[+-]?\d+)(?![\w.])")
#: A power of ten written with a caret: ``10^23``, ``10^-300``, ``10^{12}``, ``10^±300``.
CARET = re.compile(r"(?<![\w.])10\^(?:\{(?P<braced>[^{}]+)\}|(?P<power>[-+±−]?\d+(?:\.\d+)?))")
#: Inline code (one or more backticks) and fenced blocks, which keep Python's notation.
CODE = re.compile(r"^(?P<fence>[ \t]*```).*?^(?P=fence)[ \t]*$|(?P<ticks>`+).+?(?P=ticks)", re.M | re.S)


def markdown_docstring(text: str) -> str:
    return _powers_of_ten(_split_shared_entries(_fence_doctests(ROLE.sub(r"`\1`", text))))


def power_of_ten(power: str, mantissa: str = "1") -> str:
    """``10`` to ``power`` as the site writes it, times ``mantissa`` unless that is 1.

    >>> power_of_ten("+25"), power_of_ten("-7", "5.88"), power_of_ten("±300"), power_of_ten("26.8")
    ('10²⁵', '5.88 × 10⁻⁷', '10<sup>±300</sup>', '10<sup>26.8</sup>')
    """
    power = power.removeprefix("+").replace("−", "-")
    if re.fullmatch(r"-?\d+", power):  # a whole power: the site's own notation
        return written_power(int(power), "1" if float(mantissa) == 1 else mantissa)
    written = f"10<sup>{power}</sup>"  # 10^±300 or 10^26.8, which no superscript digits write
    return written if float(mantissa) == 1 else f"{mantissa} × {written}"


def _powers_of_ten(text: str) -> str:
    r"""Powers of ten in ``text``'s prose as the site writes them; code left as it is.

    >>> _powers_of_ten("about 80 at 1e23 FLOP, once d > 10^10; `1e23` and\n```pycon\n>>> f(1e24)\n```")
    'about 80 at 10²³ FLOP, once d > 10¹⁰; `1e23` and\n```pycon\n>>> f(1e24)\n```'
    """

    def prose(part: str) -> str:
        part = EXPONENT.sub(lambda m: power_of_ten(m["power"], m["mantissa"]), part)
        return CARET.sub(lambda m: power_of_ten(m["braced"] or m["power"]), part)

    out, start = [], 0
    for code in CODE.finditer(text):
        out += [prose(text[start : code.start()]), code[0]]
        start = code.end()
    return "".join(out) + prose(text[start:])


def written_value(value: str) -> str:
    """A constant's value as the reference shows it: a float in exponent notation as a power
    of ten (``1e+25`` → ``10²⁵``), anything else as Python writes it."""
    match = EXPONENT.fullmatch(value.strip())
    return power_of_ten(match["power"], match["mantissa"]) if match else value


def comment_docstring(attribute: griffe.Attribute) -> str | None:
    """The ``#:`` comment lines just above a module constant, as its docstring."""
    if isinstance(attribute.filepath, list) or not attribute.lineno:
        return None
    try:
        lines = attribute.lines_collection[attribute.filepath]
    except KeyError:
        return None
    above = []
    for line in reversed(lines[: attribute.lineno - 1]):
        if not line.startswith("#:"):
            break
        above.insert(0, line[2:].strip())
    return " ".join(above) or None


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


def _functions(obj: griffe.Object) -> list[griffe.Function]:
    """Every function defined in ``obj`` and below it (not those it imports)."""
    found: list[griffe.Function] = []
    for member in obj.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Function):
            found.append(member)
        elif isinstance(member, (griffe.Module, griffe.Class)):
            found += _functions(member)
    return found


def written_private_defaults(package: griffe.Module) -> None:
    """A parameter whose default is a constant the package does not export
    (``weight=ORD_INFERENCE_WEIGHT``) shows the constant's value (``weight=0.7``): the reader
    of a signature has no entry to look the name up in. Exported constants keep their name,
    which links to their entry."""
    public = set(package.exports or ())
    for function in _functions(package):
        for parameter in function.parameters:
            default = parameter.default
            if not isinstance(default, griffe.ExprName) or default.name in public:
                continue
            try:
                constant = package.modules_collection.get_member(default.canonical_path)
            except (KeyError, ValueError):
                continue
            if isinstance(constant, griffe.Attribute) and constant.value is not None:
                parameter.default = written_value(str(constant.value))


class MarkdownDocstrings(griffe.Extension):
    """Rewrites every docstring before mkdocstrings parses it, and shows the values of
    private constants that parameters default to."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: object) -> None:
        written_private_defaults(pkg)

    def on_instance(self, *, obj: griffe.Object, **kwargs: object) -> None:
        if isinstance(obj, griffe.Attribute) and obj.parent is not None and obj.parent.is_module:
            if obj.docstring is None and (comment := comment_docstring(obj)):
                obj.docstring = griffe.Docstring(comment, parent=obj)
            if isinstance(obj.value, str):
                obj.value = written_value(obj.value)
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)
