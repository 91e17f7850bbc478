"""Fixtures for the site layer: one strict build per run (tests/builds.py), a local server, a browser."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest

from builds import Build, build_once, mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# The flags DESIGN.md asks for: no sandbox as root, and no background traffic that this
# machine's closed network would refuse.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def load_module(relative: str) -> ModuleType:
    """Import a repository file that is not on sys.path (a hook, a tool) by its path."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The tests that read one of the extra builds (tests/builds.py) are slow, as whichever runs
# first makes that build: they start early (conftest.py), while the other worker runs the
# core suite in Pyodide.
EXTRA_BUILDS = ("gh_pages", "build_b")


@pytest.hookimpl(tryfirst=True)  # before conftest.py orders the tests by their markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if set(EXTRA_BUILDS) & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def repo_module():
    """Import a repository file by path, e.g. ``repo_module("hooks/prose_numbers.py")``."""
    return load_module


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """`mkdocs build --strict` of the real configuration into a temporary folder, once for
    the whole run (every worker reads the same build)."""
    return build_once(tmp_path_factory, "site", mkdocs_build)


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    """The built site's folder; fails (not skips) the tests that need it if the build failed."""
    assert 0 == build.returncode, build.log
    return build.site


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 by the same server `make serve` uses."""
    server, url = load_module("tools/serve_site.py").serve_in_background(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page plus what it logged and where it sent requests."""

    page: object
    console_errors: list[str]
    foreign_requests: list[str]


def new_watched_page(browser: object, base_url: str) -> tuple[object, Watched]:
    """A new context and page that record console errors and requests to other origins."""
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1280, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
        accept_downloads=True,
    )
    page = context.new_page()
    origin = urlsplit(base_url).netloc
    result = Watched(page, [], [])
    page.on("console", lambda m: m.type == "error" and result.console_errors.append(m.text))
    page.on("pageerror", lambda e: result.console_errors.append(str(e)))

    def check_request(request: object) -> None:
        url = urlsplit(request.url)  # type: ignore[attr-defined]
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != origin:
            result.foreign_requests.append(request.url)  # type: ignore[attr-defined]

    page.on("request", check_request)
    return context, result


@pytest.fixture
def watched(browser: object, base_url: str) -> Iterator[Watched]:
    """A fresh page (Python boots anew on it) that must log no console error and send no
    request to another origin."""
    context, result = new_watched_page(browser, base_url)
    yield result
    context.close()
    assert [] == result.console_errors
    assert [] == result.foreign_requests


@pytest.fixture(scope="session")
def _reader(browser: object, base_url: str) -> Iterator[Watched]:
    context, result = new_watched_page(browser, base_url)
    result.page.goto(base_url)  # type: ignore[attr-defined]
    yield result
    context.close()


@pytest.fixture
def reader(_reader: Watched, base_url: str) -> Iterator[Watched]:
    """One reader's visit shared by many tests, moving between pages by Material's instant
    navigation, as a person clicking links does: Python boots once for the whole session.

    Each test starts with the viewport reset and must log no console error and send no
    request to another origin.
    """
    _reader.console_errors.clear()
    _reader.foreign_requests.clear()
    _reader.page.set_viewport_size({"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield _reader
    assert [] == _reader.console_errors
    assert [] == _reader.foreign_requests
