"""How the tests, the bench and the screenshot tool start Debian's Chromium (Playwright
cannot download browsers here; DESIGN.md asks for these flags).

Two builds of the same Chromium, from one Debian source package and at one version:

- ``CHROMIUM`` (``chromium``): the browser readers run. The bench measures in it, the
  screenshot tool looks through it, and the tests that depend on how a reader's browser
  behaves run in it.
- ``HEADLESS_SHELL`` (``chromium-headless-shell``): the same Blink and V8 on Chromium's content
  layer alone (the "old" headless mode, without the browser's own layer of windows, profile
  services and extensions), the build Playwright itself runs headless tests in. A page load
  costs about 1 CPU-s less in it (measured on the 2-core machine: the half-life page without
  JavaScript 0.4 CPU-s against 1.4, with Python held 0.7 against 1.7, opened afresh until
  live 1.9 against 3.0), so the browser tests run in it; tests/site/conftest.py says which
  tests cannot.

The flags:

- ``--no-sandbox``: the sandbox needs user namespaces, which a root container lacks.
- no background traffic (networking, component updates, sync): this machine's closed network
  refuses it, many connections at a time.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
