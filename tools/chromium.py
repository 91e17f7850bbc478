"""How the tests, the bench and the screenshot tool start Debian's Chromium (Playwright
cannot download browsers here; DESIGN.md asks for these flags).

- ``--no-sandbox``: the sandbox needs user namespaces, which a root container lacks.
- no background traffic (networking, component updates, sync): this machine's closed network
  refuses it, many connections at a time.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
