"""Every internal link and anchor of the built site points at something that exists."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

ATTRIBUTE = re.compile(r"""<(a|link|script|img|source)\b[^>]*?\s(href|src)=["']([^"']+)["']""", re.I)
IDS = re.compile(r"""\sid=["']([^"']+)["']""")


def internal_targets(site: Path):
    """(page, target file, fragment) for every same-site link in every built page."""
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for _, _, raw in ATTRIBUTE.findall(html):
            url = urlsplit(unescape(raw))
            if url.scheme or url.netloc or raw.startswith(("mailto:", "javascript:", "data:")):
                continue
            path = unquote(url.path)
            if path.startswith("/"):  # root-relative, as in 404.html
                target = (site / path.lstrip("/")).resolve()
            else:
                target = page if not path else (page.parent / path).resolve()
            if target.is_dir() or path.endswith("/"):
                target = target / "index.html"
            yield page, target, url.fragment


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    """No link, script, stylesheet or image points to a missing file or a missing anchor."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page, target, fragment in internal_targets(site):
        if not target.exists():
            broken.append(f"{page.relative_to(site)} -> {target} (missing file)")
            continue
        if fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = set(IDS.findall(target.read_text(encoding="utf-8")))
            if unquote(fragment) not in ids[target]:
                broken.append(f"{page.relative_to(site)} -> {target.relative_to(site)}#{fragment} (missing anchor)")
    assert [] == broken
