"""Scaling Series Companion: the models of Toby Ord's Scaling Series, as tested Python.

Every formula the site uses lives here, once. The same code runs at build time (to
pre-render results and numbers in the prose), in the reader's browser (Pyodide, in a Web
Worker) and under pytest. Standard library only.

>>> from calculators import survival, horizon
>>> survival(120, 60)                # twice the half-life: a quarter of tasks succeed
0.25
>>> round(horizon(0.8, 59), 1)       # 80% horizon of an agent whose T50 is 59 minutes
19.0
"""

from ._chart import vega_lite_spec
from ._declare import Axis, Calculator, Chart, Input, Output, Preset
from ._export import export, export_json
from ._format import format_value
from ._registry import CALCULATORS, get_calculator
from ._runtime import run, run_json
from ._snippet import python_snippet
from .half_life import horizon, horizon_ratio, survival

__version__ = "0.1.0"

__all__ = [
    "CALCULATORS",
    "Axis",
    "Calculator",
    "Chart",
    "Input",
    "Output",
    "Preset",
    "export",
    "export_json",
    "format_value",
    "get_calculator",
    "horizon",
    "horizon_ratio",
    "python_snippet",
    "run",
    "run_json",
    "survival",
    "vega_lite_spec",
]
