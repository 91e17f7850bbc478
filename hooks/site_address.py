"""MkDocs hook: where the site lives, from one setting, ``SITE_URL``.

``mkdocs.yml`` reads ``site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]``, so the public
address is given once, in the environment of the build, and MkDocs uses it for canonical
links and the sitemap; the citation block, the install command and the social cards read
it from ``config.site_url`` too. Without ``SITE_URL`` the build is a *local preview*: its
addresses are those of ``make serve``, and every citation says it is a local preview.

A publishing build (``SITE_PUBLISH=1``, which ``make publish`` sets) refuses to run without
a public ``SITE_URL``, so a deployed site can never carry the local address.

The outcome is left in ``config.extra["address"]`` for the other hooks and the templates:
``{"url": ..., "root": ..., "local_preview": bool}``. ``url`` is where this build lives
(mike's plugin adds a release's folder to it, ``SITE_URL/<version>/``); ``root`` is
``SITE_URL`` itself, under which every release keeps its folder.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    setting = os.environ.get("SITE_URL", "").strip()
    publishing = os.environ.get("SITE_PUBLISH", "") not in ("", "0")
    problem = address_problem(setting, publishing=publishing)
    if problem:
        raise PluginError(problem)
    url = config.site_url or ""
    root = setting.rstrip("/") + "/" if setting else url
    config.extra["address"] = {"url": url, "root": root, "local_preview": not setting}
    return config


def address_problem(setting: str, *, publishing: bool) -> str | None:
    """Why ``setting`` (the value of ``SITE_URL``, "" when unset) cannot be used, or None."""
    if not setting:
        if publishing:
            return (
                "A publishing build needs the site's public address: set SITE_URL, "
                "for example `SITE_URL=https://example.org/companion/ make publish`."
            )
        return None
    parts = urlsplit(setting)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return f"SITE_URL must be an absolute http(s) address such as https://example.org/, got {setting!r}"
    if parts.query or parts.fragment:
        return f"SITE_URL must not carry a query or fragment, got {setting!r}"
    if publishing and (parts.hostname in LOCAL_HOSTS or parts.scheme != "https"):
        return f"A publishing build needs a public https address in SITE_URL, got {setting!r}"
    return None
