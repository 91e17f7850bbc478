"""MkDocs hook: a preview card per page, and the tags that make links to it show one.

When a page's address is shared (in a chat, a post, a slide), the other side shows the card
named by the page's Open Graph and Twitter tags. Each page gets a 1200 × 630 PNG with its
title and description on the site's colour and mark, drawn at build time from an SVG by
``vl-convert-python`` (already used for the charts; it draws with the system's fonts and
fetches nothing). Material's own social plugin is not used: it downloads its fonts from
Google Fonts while building.

Cards live at ``assets/cards/<page path>.png`` and are kept under ``build/renders/`` by a
hash of their SVG (vega_renders.py), so an unchanged page costs nothing. Image addresses are absolute, from
``site_url`` (the one ``SITE_URL`` setting), as Open Graph requires.
"""

from __future__ import annotations

import re
import textwrap
from html import escape
from pathlib import Path

import vega_renders
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
CARDS_DIR = "assets/cards"
WIDTH, HEIGHT = 1200, 630
# The site's colours (docs/stylesheets/identity.css) and mark (docs/assets/images/logo.svg).
BACKGROUND, ACCENT, MUTED = "#1d4d5c", "#f29a6b", "#c9dde2"
MARK = (
    '<path d="M9 8v31h31" fill="none" stroke="#fff" stroke-opacity=".6" stroke-width="3" '
    'stroke-linecap="round" stroke-linejoin="round"/>'
    '<path d="M11 36C16 20 24 15 37 12.5" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/>'
    f'<circle cx="37.5" cy="12.5" r="4" fill="{ACCENT}"/>'
)
FONT = "Liberation Sans, DejaVu Sans, sans-serif"


def card_path(page: Page) -> str:
    """Where a page's card lives in the site: ``assets/cards/essays/half-life.png``."""
    stem = page.url.strip("/") or "index"
    return f"{CARDS_DIR}/{stem}.png"


def card_svg(site_name: str, title: str, description: str) -> str:
    """The card as SVG: the mark and site name, the page's title, then its description."""
    title_lines = textwrap.wrap(title, 30)[:3]
    if len(textwrap.wrap(title, 30)) > 3:
        title_lines[-1] = title_lines[-1].rstrip(" .,;:") + "…"
    size = 68 if len(title_lines) < 3 else 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BACKGROUND}"/>',
        f'<rect y="{HEIGHT - 14}" width="{WIDTH}" height="14" fill="{ACCENT}"/>',
        f'<g transform="translate(80 64) scale(1.6)">{MARK}</g>',
        f'<text x="170" y="118" font-family="{FONT}" font-size="34" font-weight="bold" fill="#fff">{escape(site_name)}</text>',
    ]
    y = 250
    for line in title_lines:
        parts.append(
            f'<text x="80" y="{y}" font-family="{FONT}" font-size="{size}" font-weight="bold" fill="#fff">{escape(line)}</text>'
        )
        y += int(size * 1.2)
    for line in textwrap.wrap(description, 62)[: 3 if len(title_lines) < 3 else 2]:
        parts.append(
            f'<text x="80" y="{y + 20}" font-family="{FONT}" font-size="30" fill="{MUTED}">{escape(line)}</text>'
        )
        y += 42
    parts.append("</svg>")
    return "".join(parts)


def card_png(svg: str) -> bytes:
    return vega_renders.svg_to_png(svg)


def social_tags(page: Page, config: MkDocsConfig, title: str, description: str) -> str:
    image = f"{(config.site_url or '').rstrip('/')}/{card_path(page)}"
    url = page.canonical_url or ""
    tags = {
        "og:type": "website",
        "og:site_name": config.site_name,
        "og:title": title,
        "og:description": description,
        "og:url": url,
        "og:image": image,
        "og:image:type": "image/png",
        "og:image:width": str(WIDTH),
        "og:image:height": str(HEIGHT),
        "og:image:alt": f"{title}: {config.site_name}",
    }
    lines = [f'<meta property="{name}" content="{escape(value)}">' for name, value in tags.items()]
    twitter = {
        "twitter:card": "summary_large_image",
        "twitter:title": title,
        "twitter:description": description,
        "twitter:image": image,
    }
    lines += [f'<meta name="{name}" content="{escape(value)}">' for name, value in twitter.items()]
    return "\n".join(lines) + "\n"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri == "404.md":
        return output
    title = str(page.meta.get("title") or page.title or config.site_name)
    description = str(page.meta.get("description") or config.site_description or "")
    target = Path(config.site_dir) / card_path(page)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(card_png(card_svg(config.site_name, title, description)))
    tags = social_tags(page, config, title, description)
    output, found = re.subn(r"</head>", lambda _: tags + "</head>", output, count=1)
    if not found:
        raise PluginError(f"{page.file.src_uri}: no </head> for the social tags")
    return output
