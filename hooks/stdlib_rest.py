"""The rest of Pyodide's standard library, fetched only if Python imports from it.

The precompiled start-up library (``hooks/startup_library.mjs``) holds, as bytecode, every
standard-library module that Python's start and the calculators import, and the core. Every
other module of Pyodide's standard library (about half of its size: codecs, email, xml,
unittest, ...) is in a second file, the rest, which a visit does not download: no calculator
imports from it (the Pyodide test layer checks that every reader's case is answered without
it). Should Python import one of its modules all the same (an import inside a function that no
test reached, say), this finder fetches the rest once, checks its size and SHA-256, and imports
from it, so the import works as if the module had been in the library all along.

The build compiles this file into the start-up library as the module ``_stdlib_rest``, with
``MODULES`` set to the names of the rest's modules and packages; ``docs/javascripts/
calculators/worker.js`` installs the finder after Python starts from that library, giving it a
synchronous download (a worker may make one). Only the standard library's own modules are
imported here, and only built-in ones (``zlib``, ``_sha2``) or frozen ones (``zipimport``), so
the finder never needs the rest to load itself.
"""

from __future__ import annotations

import sys
import zipimport
import zlib
from typing import TYPE_CHECKING

import _sha2

if TYPE_CHECKING:  # not at run time: neither module is in the start-up library
    from collections.abc import Callable
    from importlib.machinery import ModuleSpec

# The names of the modules and packages in the rest; the build sets them.
MODULES: frozenset[str] = frozenset()
# Where the rest is written once fetched (Pyodide's in-memory file system).
PATH = "/lib/python-stdlib-rest.zip"


class RestOfTheLibrary:
    """A finder, last on ``sys.meta_path``, for the modules in the rest: the first import of
    one fetches the rest (``load``, which returns the gzipped file's bytes or a JavaScript
    ``Uint8Array`` of them, and raises if it cannot), checks it against
    ``size`` and ``sha256``, and writes it out inflated; every import of one then comes from
    it through ``zipimport``."""

    def __init__(self, load: Callable[[], bytes], size: int, sha256: str) -> None:
        self.load = load
        self.size = size
        self.sha256 = sha256
        self.fetches = 0  # downloads of the rest: one at most, unless one arrives damaged
        self.ready = False

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if fullname not in MODULES:
            return None
        self._fetch_once()
        package = fullname.rpartition(".")[0]
        # A module of a package in the start-up library (encodings.latin_1, say) is looked
        # for in that package's folder of the rest: its package's __path__ is the library's.
        where = f"{PATH}/{package.replace('.', '/')}/" if package else PATH
        return zipimport.zipimporter(where).find_spec(fullname)

    def _fetch_once(self) -> None:
        if self.ready:
            return
        self.fetches += 1
        try:
            loaded = self.load()
        except Exception as error:  # a network failure, as the browser reports it
            raise ImportError(f"the rest of Python's standard library did not download: {error}") from error
        # bytes, or a JavaScript Uint8Array, which Pyodide hands over as a proxy.
        gzipped = loaded.to_bytes() if hasattr(loaded, "to_bytes") else bytes(loaded)
        if len(gzipped) != self.size or _sha2.sha256(gzipped).hexdigest() != self.sha256:
            # The import fails as the bug it is; a later one fetches the rest again.
            raise ImportError("the rest of Python's standard library arrived damaged")
        with open(PATH, "wb") as file:
            file.write(zlib.decompress(gzipped, wbits=31))
        self.ready = True


def install(load: Callable[[], bytes], size: int, sha256: str) -> RestOfTheLibrary:
    """Put a finder for the rest last on ``sys.meta_path`` (once); the finder."""
    for finder in sys.meta_path:
        if isinstance(finder, RestOfTheLibrary):
            return finder
    finder = RestOfTheLibrary(load, size, sha256)
    sys.meta_path.append(finder)
    return finder
