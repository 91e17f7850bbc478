"""MkDocs hook: the site's Content-Security-Policy, as a header file and in every page.

Once every file is written, each HTML file the build wrote (pages, notebooks and the error
page ``404.html``, which MkDocs renders without the page events) is read, the SHA-256 of each
inline ``<script>`` is collected, whatever its type (Material's instant navigation re-inserts
the scripts of the content it swaps in as plain scripts, so a notebook's configuration block
runs as one), and the policy goes to two places:

- ``_headers`` (the format of Netlify and Cloudflare Pages; other hosts copy the one line),
  for hosts that send headers. ``tools/serve_site.py --csp`` sends it locally.
- a ``<meta http-equiv="Content-Security-Policy">`` at the top of every page's ``<head>``,
  before any script, for hosts that ignore ``_headers`` (GitHub Pages). A policy in a
  ``<meta>`` cannot carry ``frame-ancestors``, ``report-uri`` or ``sandbox`` (browsers ignore
  them there and log an error), so the meta policy is the header's without them.

The policy allows only this site's own origin; WebAssembly needs ``'wasm-unsafe-eval'``.
Charts need no ``'unsafe-eval'``: Vega runs its expressions in its interpreter.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from pathlib import Path

from head_start import first_in_head
from mkdocs.config.defaults import MkDocsConfig

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
BASE_POLICY = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
# Directives a <meta> policy cannot carry (CSP Level 3, section 3.3).
HEADER_ONLY = ("frame-ancestors", "report-uri", "sandbox")
# The meta goes first in <head> (after the charset, which must come first), so the policy
# covers every script after it, the inline worker start of calculator pages included.
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = set().union(*(inline_script_hashes(text) for text in texts.values()))
    (site / "_headers").write_text(f"/*\n  Content-Security-Policy: {policy(hashes)}\n")
    meta = META.format(policy=escape(meta_policy(hashes), quote=False).replace('"', "&quot;"))
    for page, text in texts.items():
        page.write_text(with_meta(text, meta, page.relative_to(site).as_posix()), encoding="utf-8")


def with_meta(html: str, meta: str, name: str) -> str:
    """``html`` with ``meta`` as the first element of its head after the charset."""
    return first_in_head(html, meta, name, "for the Content-Security-Policy")


def inline_script_hashes(html: str) -> set[str]:
    """``'sha256-…'`` sources for each inline script in ``html``, of any type."""
    found = set()
    for match in SCRIPT.finditer(html):
        if re.search(r"\bsrc=", match["attrs"]):
            continue
        digest = hashlib.sha256(match["body"].encode()).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def policy(hashes: set[str]) -> str:
    """The policy as one header value."""
    return "; ".join(BASE_POLICY).format(hashes=" ".join(sorted(hashes)))


def meta_policy(hashes: set[str]) -> str:
    """The same policy without the directives a ``<meta>`` cannot carry."""
    kept = [directive for directive in BASE_POLICY if directive.split()[0] not in HEADER_ONLY]
    return "; ".join(kept).format(hashes=" ".join(sorted(hashes)))
