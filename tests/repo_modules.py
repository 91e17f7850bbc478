"""Import a file of this repository that is not on ``sys.path`` (a hook, a tool) by its path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_module(relative: str) -> ModuleType:
    """Import the repository file ``relative`` (``hooks/vega_renders.py``) by its path, with its
    folder on sys.path while it runs, as MkDocs imports hooks (so a hook imports the modules
    beside it: vega_renders)."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module
