"""MkDocs hook: tell the service worker (``docs/sw.js``) what this build is made of.

Once every file is written, the manifest goes into ``sw.js``'s placeholder line:

- ``files``: every file of the site but its pages, with its size and SHA-256, so the service
  worker caches a copy only when it is exactly the build's (a damaged or stale copy is never
  kept), and deletes whatever the build no longer has;
- ``pages``: each page's address (its folder) and title, for the offline page that lists
  what a reader can still open;
- ``kit``: what any calculator page needs besides the page itself (the site's scripts, Vega
  and its interpreter, Pyodide, and the precompiled start-up library, which holds the core),
  cached together with such a page. Pyodide's stock standard library and the core's wheel are
  not in it (the worker fetches them only when it falls back to that library), nor is the
  rest of the standard library (fetched only if Python imports from it, which no calculator
  does: ``hooks/stdlib_rest.py``), nor the memory snapshot:
- ``snapshot``: the memory snapshot of Python, which the service worker fetches in the
  background only once a page's calculators have drawn their first results and the
  browser does not ask to save data, so a first visit pays no byte for it.

Because the manifest changes with every build, so does ``sw.js``, and the browser installs
the new service worker after a deploy. ``sitemap.xml`` is left out: hosts (and
``tools/serve_site.py``) may rewrite it.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

SERVICE_WORKER = "sw.js"
PLACEHOLDER = "const OFFLINE = null; // @offline-manifest"
UNLISTED = {SERVICE_WORKER, "sitemap.xml", "sitemap.xml.gz", "_headers"}
KIT = re.compile(
    r"^(javascripts/calculators/|assets/vendor/vega|assets/runtime/(?!runtime\.json|pyodide-[^/]*/python_stdlib\.zip|.*/snapshot-|.*/stdlib-rest-|.*\.whl$))"
)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    manifest = offline_manifest(site)
    worker = site / SERVICE_WORKER
    text = worker.read_text(encoding="utf-8")
    if text.count(PLACEHOLDER) != 1:
        raise PluginError(f"docs/{SERVICE_WORKER} must hold the line {PLACEHOLDER!r} exactly once")
    worker.write_text(
        text.replace(PLACEHOLDER, f"const OFFLINE = {json.dumps(manifest, separators=(',', ':'))};"), encoding="utf-8"
    )


def offline_manifest(site: Path) -> dict[str, object]:
    """Files (size, SHA-256), pages (title) and the calculator kit of the site in ``site``."""
    files: dict[str, list[object]] = {}
    pages: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if name.endswith(".html"):
            if name == "index.html" or name.endswith("/index.html"):
                title = TITLE.search(path.read_text(encoding="utf-8"))
                pages[name[: -len("index.html")]] = unescape(title[1].strip()) if title else name
            continue
        if name in UNLISTED:
            continue
        content = path.read_bytes()
        files[name] = [len(content), hashlib.sha256(content).hexdigest()]
    runtime = json.loads((site / "assets" / "runtime" / "runtime.json").read_text(encoding="utf-8"))
    snapshot = f"assets/runtime/{runtime['snapshot']}"
    if snapshot not in files:
        raise PluginError(f"the build has no {snapshot}")
    return {"files": files, "pages": pages, "kit": [name for name in files if KIT.match(name)], "snapshot": snapshot}
