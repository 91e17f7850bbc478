"""One build, one id, and names that change with content: what keeps a page, its scripts and
its Python from coming from two deploys."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path


def test_own_scripts_and_styles_have_content_hashed_names(site: Path) -> None:
    """Every script of javascripts/calculators and stylesheet of stylesheets/ is named after
    the hash of its own text, no unhashed copy is left, and pages name only the hashed ones."""
    own = [*(site / "javascripts" / "calculators").glob("*.js"), *(site / "stylesheets").glob("*.css")]
    assert len(own) >= 10
    for path in own:
        _stem, digest, _suffix = path.name.rsplit(".", 2)
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:10] == digest, path.name
    for page in site.rglob("*.html"):
        html = page.read_text()
        for reference in re.findall(
            r"""(?<!assets/)(?:javascripts/calculators|stylesheets)/[\w.-]+\.(?:js|css)""", html
        ):
            assert re.search(r"\.[0-9a-f]{10}\.(js|css)$", reference), (page, reference)


def test_page_scripts_and_worker_share_the_build_id(site: Path) -> None:
    """Each calculator names its build; the page's runtime glue and the worker carry the same."""
    [runtime] = (site / "javascripts" / "calculators").glob("runtime.*.js")
    [worker] = (site / "javascripts" / "calculators").glob("worker.*.js")
    [build] = re.findall(r'^const BUILD = "([0-9a-f]{16})";$', runtime.read_text(), re.M)
    [manifest] = re.findall(r"^const MANIFEST = (\{.*\});$", worker.read_text(), re.M)
    assert build == json.loads(manifest)["build"]
    pages = [page.read_text() for page in site.rglob("index.html")]
    tags = [tag for html in pages for tag in re.findall(r"<section class=\"calc\"[^>]*>", html)]
    assert tags and all(f'data-build="{build}"' in tag for tag in tags)


def test_worker_knows_size_and_checksum_of_every_runtime_file(site: Path) -> None:
    """The manifest in the worker lists every file under assets/runtime/ with its real size
    and SHA-256, so a damaged download is caught."""
    [worker] = (site / "javascripts" / "calculators").glob("worker.*.js")
    [manifest] = re.findall(r"^const MANIFEST = (\{.*\});$", worker.read_text(), re.M)
    files = json.loads(manifest)["files"]
    runtime = site / "assets" / "runtime"
    on_disk = {
        p.relative_to(runtime).as_posix() for p in runtime.rglob("*") if p.is_file() and p.name != "runtime.json"
    }
    assert on_disk == set(files)
    for name, expected in files.items():
        content = (runtime / name).read_bytes()
        assert {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()} == expected
