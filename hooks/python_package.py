"""MkDocs hook: the core's wheel at a stable address, and the one line that installs it.

``hooks/runtime_assets.py`` builds the wheel into ``assets/runtime/core-<hash>/`` for the
browser (an address that changes with every change of the sources, so it can be cached for
good). Readers installing the package want an address that names the release instead:
``python/<wheel file>``, e.g. ``python/scaling_series_companion-0.1.0-py3-none-any.whl``.
A release's pages and its wheel live under the same versioned address (``make publish``),
so a citation and an install line from one release keep pointing at the same code.

The install line, ``pip install <site_url>python/<wheel file>``, works from any machine
once the site is published (the package has no dependencies). It is written wherever a
page has ``<!-- md:pip-install -->``, at the top of every calculator's "Python for this
result" (``hooks/calculator_embeds.py`` reads ``config.extra["install"]``) and so in
"Copy as Python". This hook must run after ``runtime_assets``, which adds the wheel.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from calculators import install_comment

PACKAGE_DIR = "python"
SHORTCODE = re.compile(r"<!--\s*md:pip-install\s*-->")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    wheels = [f for f in files if f.src_uri.startswith("assets/runtime/core-") and f.src_uri.endswith(".whl")]
    if len(wheels) != 1:
        raise PluginError(f"expected the core's one wheel from runtime_assets, found {len(wheels)}")
    name = wheels[0].src_uri.rsplit("/", 1)[1]
    files.append(File.generated(config, f"{PACKAGE_DIR}/{name}", abs_src_path=wheels[0].abs_src_path))
    # mike's plugin (make publish) appends the release's folder to site_url without a slash.
    url = f"{(config.site_url or '').rstrip('/')}/{PACKAGE_DIR}/{name}"
    config.extra["install"] = {
        "url": url,
        "wheel": name,
        "command": f"pip install {url}",
        "comment": install_comment(url),
    }
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    command = config.extra["install"]["command"]
    return SHORTCODE.sub(lambda _: f"```sh\n{command}\n```", markdown)
