"""What readers can ask the core, as cases both Pythons answer: CPython here and Pyodide in
tests/pyodide (the code readers run, from the site's start-up library).

Standard library and the core only, so it runs unchanged in Pyodide without pytest. Every
case is one calculator and the inputs a form or a link hands ``run_json`` (as text, as a
reader types it, or as a float, as a preset writes it). The cases are the same on every run
(a seeded generator, no clock), so the two Pythons answer exactly the same questions:

- each calculator's settings a reader sees: defaults, worked example and every preset;
- each input alone at each edge value (``EDGE_VALUES``), typed as text;
- text that is no number, or is one written oddly, in each input;
- seeded random settings of every input at once, inside the bounds each input declares
  (each choice's options, log-uniform on a log axis), typed the ways a reader types them;
- seeded random pairs of inputs at pairs of edge values;
- ``REPRODUCERS``: values that once reached readers as Python's own messages (issue 13).

:func:`answers` gives, for each case, ``run_json``'s answer and, for each calculator's defaults
and worked example, ``export_json``'s (the downloads): the two calls the site's worker makes.
"""

from __future__ import annotations

import hashlib
import json
import math
import pickle
import random
from typing import Any, NamedTuple

from calculators import CALCULATORS, run
from calculators._export import export_json
from calculators._runtime import run_json

#: Magnitudes at the edges of what a float holds, and the ones either side of them.
EDGE_MAGNITUDES = (0.0, 5e-324, 1e-320, 1e-300, 1e-10, 1e10, 1e300, 1.7e308)
#: What every input is tried with: the magnitudes, with both signs (so -0 too).
EDGE_VALUES = tuple(sign * magnitude for magnitude in EDGE_MAGNITUDES for sign in (1.0, -1.0))

#: Values readers could type that once reached them as Python's own messages (issue 13), or
#: as an error of the core's.
REPRODUCERS = {
    "logx-slope-factor-huge": ("log-x-reader", {"slope_factor": "1.7e308"}),
    "cost-per-success-subnormal-task": (
        "cost-per-success",
        {"task_hours": "1e-320", "t50_hours": "1e300", "steps_per_hour": "1e10", "shape": "10"},
    ),
    "sigmoid-midpoint-huge": ("sigmoid-or-exponential", {"years_to_midpoint": "1.7e308", "years_ahead": "1e10"}),
    "half-life-subnormal-shape": ("half-life", {"t50": "1.7e308", "p": "0.5", "shape": "5e-324"}),
    "lifetime-compute-tiny": (
        "lifetime-compute",
        {"tokens": "1e-300", "queries": "0", "post_training": "0", "factor": "1e-300"},
    ),
    # A chart whose values span less than the smallest normal float: placing its labels
    # overflowed ("Something went wrong"). Found by the cases below, 2026-12-05.
    "inference-share-subnormal-trend": ("inference-share", {"trend_slope": "0.0", "trend_intercept": "1e-320"}),
}

#: Text in a field that is no number, or a number written as people write them.
ODD_TEXT = ("", " ", "abc", "--5", "1e400", "-1e400", "nan", "inf", "1,5", "½", "0x10", " 2 ", "１２")

#: Random settings a calculator, and random pairs of inputs at edge values. (Each valid
#: case costs about 8 ms in CPython and twice that in Pyodide.)
RANDOM_SETTINGS = 4
EDGE_PAIRS = 8
SEED = 20261205


class Case(NamedTuple):
    """One question to the core: a calculator, the inputs handed to it, and whether its
    downloads (``export_json``) are asked for too."""

    calculator_id: str
    inputs: dict[str, Any]
    downloads: bool = False


def reader_settings(calculator_id: str, example: bool = True) -> dict[str, dict[str, Any]]:
    """The settings of a calculator a reader sees, by name: its defaults, its worked example
    (unless ``example`` is false) and each preset, each over the defaults."""
    calculator = CALCULATORS[calculator_id]
    defaults = calculator.defaults()
    settings = {"defaults": defaults}
    if example:
        settings["example"] = {**defaults, **calculator.example}
    return settings | {preset.id: {**defaults, **calculator.preset_values(preset)} for preset in calculator.presets}


#: run's results already computed in this process, pickled (:func:`ran`).
_RAN: dict[tuple[str, str], bytes] = {}


def ran(calculator_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """``run(calculator_id, values)``, computed once a process for the same values: many tests
    read each reader setting's result (every calculator's defaults, example and presets), and
    computing one takes milliseconds, mostly placing its chart's labels. Each call returns a
    copy of its own, which a test may change."""
    key = (calculator_id, json.dumps(values, sort_keys=True))
    if key not in _RAN:
        _RAN[key] = pickle.dumps(run(calculator_id, values))
    result: dict[str, Any] = pickle.loads(_RAN[key])
    return result


def _random_value(spec: Any, rng: random.Random) -> float:
    """A value of one input a reader might set: one of a choice's options, or a number inside
    its declared bounds (else within a few powers of ten of its default)."""
    if spec.choices:
        return float(rng.choice(spec.choices)[0])
    default = spec.default
    if spec.scale == "log" and default > 0:
        low = spec.minimum if spec.minimum is not None and spec.minimum > 0 else default / 1e3
        high = spec.maximum if spec.maximum is not None else default * 1e3
        return math.exp(rng.uniform(math.log(low), math.log(high)))
    span = abs(default) * 4 or 10.0
    low = spec.minimum if spec.minimum is not None else default - span
    high = spec.maximum if spec.maximum is not None else default + span
    return rng.uniform(low, high)


def _typed(value: float, rng: random.Random) -> object:
    """``value`` as a reader's field or a link hands it over: text of several kinds, or the float."""
    return rng.choice((value, repr(value), f"{value:g}", f"{value:.3g}", f" {value:.6g} "))


def cases() -> list[Case]:
    """Every case, in a fixed order."""
    found: list[Case] = []
    for calculator_id in sorted(CALCULATORS):
        rng = random.Random(f"{SEED}-{calculator_id}")
        inputs = CALCULATORS[calculator_id].inputs
        # The downloads of the defaults and the worked example: the same code writes every
        # other setting's, and what differs between settings is run's, asked of every case.
        settings = reader_settings(calculator_id)
        found += [Case(calculator_id, values, name in ("defaults", "example")) for name, values in settings.items()]
        for spec in inputs:
            found += [Case(calculator_id, {spec.name: repr(value)}) for value in EDGE_VALUES]
            found += [Case(calculator_id, {spec.name: text}) for text in ODD_TEXT]
        for _ in range(RANDOM_SETTINGS):
            found.append(Case(calculator_id, {spec.name: _typed(_random_value(spec, rng), rng) for spec in inputs}))
        if len(inputs) > 1:
            for _ in range(EDGE_PAIRS):
                first, second = rng.sample(inputs, 2)
                values = {first.name: repr(rng.choice(EDGE_VALUES)), second.name: repr(rng.choice(EDGE_VALUES))}
                found.append(Case(calculator_id, values))
    found += [Case(calculator_id, inputs) for calculator_id, inputs in REPRODUCERS.values()]
    return found


def answers(version: str) -> list[list[str | None]]:
    """For each case of :func:`cases`, ``[run_json's answer, export_json's or None]`` (None
    where the case does not ask for the downloads). ``version`` is the core's version the
    downloads name."""
    found: list[list[str | None]] = []
    for case in cases():
        typed = json.dumps(case.inputs)
        found.append(
            [
                run_json(case.calculator_id, typed),
                export_json(case.calculator_id, typed, version) if case.downloads else None,
            ]
        )
    return found


def digest(answer: list[str | None]) -> str:
    """A short fingerprint of one case's answers, to compare two runs' without sending them
    whole (tens of megabytes of charts, slow to hand from Pyodide to Node)."""
    return hashlib.sha256(json.dumps(answer, ensure_ascii=False).encode()).hexdigest()[:32]
