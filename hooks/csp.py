"""MkDocs hook: the site's Content-Security-Policy, with hashes of Material's inline scripts.

Every page's executable inline ``<script>`` is hashed (SHA-256) as the page is written, and
the policy is saved as ``_headers`` (the format of Netlify and Cloudflare Pages; other hosts
copy the one line) for the host to send. ``tools/serve_site.py --csp`` sends it locally and
the browser tests use a calculator under it.

The policy allows only this site's own origin; WebAssembly needs ``'wasm-unsafe-eval'``.
Charts need no ``'unsafe-eval'``: Vega runs its expressions in its interpreter.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
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

_hashes: set[str] = set()


def on_pre_build(config: MkDocsConfig) -> None:
    _hashes.clear()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _hashes.update(inline_script_hashes(output))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    (Path(config.site_dir) / "_headers").write_text(f"/*\n  Content-Security-Policy: {policy(_hashes)}\n")


def inline_script_hashes(html: str) -> set[str]:
    """``'sha256-…'`` sources for each executable inline script in ``html``."""
    found = set()
    for match in SCRIPT.finditer(html):
        attrs = match["attrs"]
        if re.search(r"\bsrc=", attrs):
            continue
        kind = re.search(r"""\btype=["']?([^"'\s>]+)""", attrs)
        if (kind[1].lower() if kind else "") not in EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode()).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def policy(hashes: set[str]) -> str:
    """The policy as one header value."""
    return "; ".join(BASE_POLICY).format(hashes=" ".join(sorted(hashes)))
