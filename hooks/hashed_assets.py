"""MkDocs hook: the site's own scripts and styles get content-hashed names.

``javascripts/calculators/index.js`` is written as ``index.<hash>.js`` (and so on for every
module of that folder and every stylesheet under ``stylesheets/``), as Material names its own
bundles. A host that caches for a while (GitHub Pages sends ``max-age=600``) can then never
pair a new page with old code: new HTML names new files. The hash covers a file's final text,
in which the names of the modules it loads are already hashed, so a change anywhere below a
module renames it too.

References are rewritten where they are: the imports between the modules (``"./render.js"``,
``new URL("./worker.js", import.meta.url)``), Vega's interpreter's import of its shim, the
pages' ``<script>`` and ``<link>`` tags (through ``extra_javascript`` and ``extra_css``) and the
inline script that starts Python's worker from a calculator page's ``<head>``. Runs after
``runtime_assets.py`` and ``calculator_embeds.py``, which write into these files and pages.
``sw.js`` keeps its name: a service worker's address must not change.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

HASHED = re.compile(r"^(javascripts/calculators/[^/]+\.js|stylesheets/[^/]+\.css)$")
# Files that name hashed files without being hashed themselves.
REFERRERS = ("assets/vendor/vega-interpreter/vega-interpreter.js",)
SIBLING = re.compile(r"""(["'])\./(?P<name>[\w-]+\.js)\1""")

_names: dict[str, str] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    sources = {file.src_uri: file for file in files if HASHED.match(file.src_uri)}
    texts = {uri: file.content_string for uri, file in sources.items()}
    _names.clear()
    _names.update(hashed_names(texts))
    for uri, file in sources.items():
        files.remove(file)
        files.append(File.generated(config, _names[uri], content=rewrite(uri, texts[uri], _names)))
    for uri in REFERRERS:
        file = files.get_file_from_path(uri)
        if file is None:
            raise PluginError(f"{uri} is missing")
        files.remove(file)
        files.append(File.generated(config, uri, content=rewrite_paths(file.content_string, _names)))
    for extra in (config.extra_javascript, config.extra_css):
        for index, item in enumerate(extra):
            path = getattr(item, "path", item)
            if path in _names:
                if hasattr(item, "path"):
                    item.path = _names[path]
                else:
                    extra[index] = _names[path]
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The inline worker start (calculator_embeds.py) names the worker by its site path.
    return rewrite_paths(output, _names)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return rewrite_paths(output, _names)


def hashed_names(texts: dict[str, str]) -> dict[str, str]:
    """Each file's hashed site path; a module's hash covers its siblings' hashed names."""
    names: dict[str, str] = {}

    def name(uri: str, seen: tuple[str, ...] = ()) -> str:
        if uri in names:
            return names[uri]
        if uri in seen:
            raise PluginError(f"{uri} imports itself through {' -> '.join(seen)}")
        folder = PurePosixPath(uri).parent
        for match in SIBLING.finditer(texts[uri]):
            sibling = (folder / match["name"]).as_posix()
            if sibling in texts:
                name(sibling, (*seen, uri))
        final = rewrite(uri, texts[uri], names)
        digest = hashlib.sha256(final.encode()).hexdigest()[:10]
        path = PurePosixPath(uri)
        names[uri] = path.with_name(f"{path.stem}.{digest}{path.suffix}").as_posix()
        return names[uri]

    for uri in sorted(texts):
        name(uri)
    return names


def rewrite(uri: str, text: str, names: dict[str, str]) -> str:
    """``text`` of ``uri`` with its sibling modules named by their hashed names."""
    folder = PurePosixPath(uri).parent

    def sibling(match: re.Match[str]) -> str:
        target = (folder / match["name"]).as_posix()
        if target not in names:
            return match[0]
        return f"{match[1]}./{PurePosixPath(names[target]).name}{match[1]}"

    return SIBLING.sub(sibling, text)


def rewrite_paths(text: str, names: dict[str, str]) -> str:
    """``text`` with every reference to a hashed file's site path (after a quote or slash)
    pointing at its hashed name."""
    for original, hashed in names.items():
        text = re.sub(rf"(?<=[\"'/]){re.escape(original)}(?=[\"'?#])", hashed, text)
    return text
