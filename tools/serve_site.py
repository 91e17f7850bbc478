"""Serve the built site on 127.0.0.1, as `make serve` and the browser tests do.

Python's own static server with the headers a Pyodide site needs: the right MIME types for
WebAssembly and ES modules, and no caching while developing. It also serves ``sitemap.xml``
with its addresses moved to the origin being served: Material's instant navigation only
handles links listed in the sitemap, and keeps their port, so a sitemap written for
``site_url`` would turn every local click into a full page load (and a second Python boot). An
address the site lacks gets the site's own ``404.html`` (search and the main links), with
status 404, as a static host serves it. Used as a script
(``python tools/serve_site.py [--port 8000] [--dir site]``) and imported by the tests, which
can also send a host's ``Cache-Control`` (GitHub Pages sends ``max-age=600``) and "deploy"
another build to the running server by setting its ``site_dir``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent


class SiteHandler(SimpleHTTPRequestHandler):
    # The folder is read from the server at each request, so a test can deploy a new build.
    def __init__(self, *args: object, **kwargs: object) -> None:
        server = args[2]
        super().__init__(*args, directory=str(server.site_dir), **kwargs)  # type: ignore[attr-defined, arg-type]

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".woff2": "font/woff2",
        ".svg": "image/svg+xml",
    }

    # Compressed as static hosts compress them (the bench serves gzipped, like GitHub Pages).
    COMPRESSIBLE: ClassVar[set[str]] = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".txt", ".xml"}

    def do_GET(self) -> None:
        if self.path.split("?")[0].endswith("/sitemap.xml"):
            self._send_local_sitemap()
        elif not self._send_gzipped():
            super().do_GET()

    def _send_gzipped(self) -> bool:
        """With the server's ``gzip`` on, answer a file of a compressible type gzipped when the
        browser accepts it; False when the request is not one of those."""
        if not self.server.gzip or "gzip" not in self.headers.get("Accept-Encoding", ""):  # type: ignore[attr-defined]
            return False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESSIBLE or not path.is_file():
            return False
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def _send_local_sitemap(self) -> None:
        path = Path(self.translate_path(self.path.split("?")[0]))
        if not path.is_file():
            self.send_error(404)
            return
        origin = f"http://{self.headers.get('Host', '127.0.0.1')}"
        body = re.sub(r"(<loc>|href=\")https?://[^/<\"]+", rf"\g<1>{origin}", path.read_text()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", self.server.cache_control)  # type: ignore[attr-defined]
        if self.server.csp:  # type: ignore[attr-defined]
            self.send_header("Content-Security-Policy", self.server.csp)  # type: ignore[attr-defined]
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


@functools.lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), 6)


def site_policy(directory: Path) -> str:
    """The Content-Security-Policy the build wrote into ``_headers`` (hooks/csp.py)."""
    for line in (directory / "_headers").read_text().splitlines():
        name, _, value = line.strip().partition(":")
        if name == "Content-Security-Policy":
            return value.strip()
    raise ValueError(f"no Content-Security-Policy in {directory / '_headers'}")


class SiteServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that leaves a page while a file is still downloading (a test closing
        its page, a blocked request) is not an error: only other failures are printed."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(
    directory: Path,
    port: int = 0,
    verbose: bool = False,
    csp: bool = False,
    cache_control: str = "no-cache",
    gzip: bool = False,
) -> ThreadingHTTPServer:
    """A server for ``directory`` on 127.0.0.1 (port 0 picks a free port); with ``csp``, every
    response carries the site's Content-Security-Policy; with ``gzip``, text and WebAssembly
    go gzipped to browsers that accept it. Every response carries ``cache_control``; setting
    the server's ``site_dir`` later serves another folder."""
    server = SiteServer(("127.0.0.1", port), SiteHandler)
    server.site_dir = directory  # type: ignore[attr-defined]
    server.cache_control = cache_control  # type: ignore[attr-defined]
    server.verbose = verbose  # type: ignore[attr-defined]
    server.csp = site_policy(directory) if csp else ""  # type: ignore[attr-defined]
    server.gzip = gzip  # type: ignore[attr-defined]
    server.daemon_threads = True
    return server


def serve_in_background(
    directory: Path, csp: bool = False, cache_control: str = "no-cache", gzip: bool = False
) -> tuple[ThreadingHTTPServer, str]:
    """Start a server in a daemon thread; returns it and its base URL."""
    server = make_server(directory, csp=csp, cache_control=cache_control, gzip=gzip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=ROOT / "site")
    parser.add_argument("--csp", action="store_true", help="send the site's Content-Security-Policy")
    args = parser.parse_args()
    server = make_server(args.dir, args.port, verbose=True, csp=args.csp)
    print(f"Serving {args.dir} at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
