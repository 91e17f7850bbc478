"""Input checks shared by every formula, and the two errors a reader may see.

The core speaks to readers through exactly two exceptions, both ``ValueError`` so that code
catching ``ValueError`` keeps working:

- :class:`InputError`: an input is outside what the formula accepts. The message names the
  parameter and its allowed range, and the error carries the parameter's name, so a form can
  show it next to the input that caused it (with the input's label in place of the name).
- :class:`OutOfRangeError`: every input is acceptable, but the result they combine into
  cannot be computed: too large or too small for a float, or a result these inputs do not
  have (a curve with no sweet spot). The message says which result.

:func:`calculators.run` turns only these two into messages; any other exception is a bug and
propagates. Each check below returns the value as a float or raises :class:`InputError`.
Readers see the messages word for word, so they are plain sentences.

Numbers in a message are written by :func:`show`, in the voice of whoever reads it. A Python
caller reads Python: ``got -1e+24``, text that pastes back into code, as the parameter names
beside it do. A reader of the page reads the form: inside :func:`numbers_as_fields` (which
:func:`calculators.run` enters), ``got -10^24``, the number as the form's field writes it
(:func:`calculators._typed.form_text`), so the message echoes what the reader sees, as
``run`` names the input by the label the reader sees. The split is the same one as for names:
the core's words stay Python's, and the page's are the form's.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from ._typed import form_text

__all__ = [
    "InputError",
    "OutOfRangeError",
    "finite",
    "non_negative",
    "numbers_as_fields",
    "one_of",
    "positive",
    "probability",
    "result",
    "show",
]


class InputError(ValueError):
    """An input outside what a formula accepts; ``parameter`` names it."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


class OutOfRangeError(ValueError):
    """Acceptable inputs whose result cannot be computed; the message says which result."""


def finite(name: str, value: float) -> float:
    """Return ``value`` as a float, or raise if it is not a finite real number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(name, f"{name} must be a number, got {value!r}")
    try:
        number = float(value)
    except OverflowError:  # an int beyond the float range
        raise InputError(name, f"{name} must be a finite number, got an integer too large for a float") from None
    if not math.isfinite(number):
        raise InputError(name, f"{name} must be a finite number, got {number}")
    return number


def positive(name: str, value: float) -> float:
    """Return ``value`` if it is finite and strictly greater than 0."""
    number = finite(name, value)
    if number <= 0:
        raise InputError(name, f"{name} must be greater than 0, got {show(number)}")
    return number


def non_negative(name: str, value: float) -> float:
    """Return ``value`` if it is finite and at least 0."""
    number = finite(name, value)
    if number < 0:
        raise InputError(name, f"{name} must be 0 or more, got {show(number)}")
    return number


def probability(name: str, value: float) -> float:
    """Return ``value`` if it lies strictly between 0 and 1."""
    number = finite(name, value)
    if not 0 < number < 1:
        raise InputError(name, f"{name} must be strictly between 0 and 1, got {show(number)}")
    return number


def result(what: str, value: float) -> float:
    """Return a computed ``value`` if it is finite, else explain that it is out of range.

    Inputs can each be valid and still combine into a number no float can hold (a horizon
    of 10^400 minutes, say). That is reported as an :class:`OutOfRangeError` rather than
    ``inf``.
    """
    if not math.isfinite(value):
        raise OutOfRangeError(f"{what} is too large to compute")
    return value


def one_of(name: str, value: float, choices: Sequence[tuple[float, str]]) -> float:
    """``value`` if it is one of ``choices`` (each a value and its name), else
    :class:`InputError` naming every option, by its value and its name.

    >>> one_of("report", 1.1, [(1.0, "Time Horizon 1.0"), (1.1, "Time Horizon 1.1")])
    1.1
    >>> one_of("report", 2.0, [(1.0, "Time Horizon 1.0"), (1.1, "Time Horizon 1.1")])
    Traceback (most recent call last):
    ...
    calculators._checks.InputError: report must be one of "Time Horizon 1.0" = 1 or "Time Horizon 1.1" = 1.1, got 2
    """
    if any(value == allowed for allowed, _ in choices):
        return value
    options = [f'"{label}" = {show(allowed)}' for allowed, label in choices]
    listed = ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0]
    raise InputError(name, f"{name} must be one of {listed}, got {show(value)}")


#: Whether :func:`show` writes numbers as the form's fields do (inside :func:`numbers_as_fields`).
_AS_FIELDS: ContextVar[bool] = ContextVar("calculators_numbers_as_fields", default=False)


@contextmanager
def numbers_as_fields() -> Iterator[None]:
    """While inside, messages write numbers as the form's fields show them (see :func:`show`).

    >>> with numbers_as_fields():
    ...     show(-1e24)
    '-10^24'
    >>> show(-1e24)
    '-1e+24'
    """
    token = _AS_FIELDS.set(True)
    try:
        yield
    finally:
        _AS_FIELDS.reset(token)


def show(number: float, digits: int | None = None) -> str:
    """A number in a message: every digit, or ``digits`` significant ones for a computed
    value, written for whoever reads the message.

    For Python, as Python writes it without a trailing ``.0``; inside
    :func:`numbers_as_fields` (the page), as the form's fields write it, powers of ten as
    ``10^24`` and thousands separated (:func:`calculators._typed.form_text`). Either text reads
    back as the same number, in Python or in the field.

    >>> show(1.5), show(-3.0), show(1.0000001), show(-0.0), show(1e-320), show(2 / 3, 3)
    ('1.5', '-3', '1.0000001', '-0', '1e-320', '0.667')
    >>> with numbers_as_fields():
    ...     show(1e-320), show(5.88e23), show(25000.0), show(2 / 3, 3), show(float("inf"))
    ('10^-320', '5.88 × 10^23', '25,000', '0.667', 'inf')
    """
    if digits is not None and math.isfinite(number):
        number = float(f"{number:.{digits}g}")
    if _AS_FIELDS.get() and math.isfinite(number):
        return form_text(number)
    text = repr(number)
    return text[:-2] if text.endswith(".0") else text
