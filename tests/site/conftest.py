"""Fixtures for the site layer: one strict build per run (tests/builds.py), a local server, a browser."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from subprocess import Popen
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from repo_modules import load_module

from builds import Build, build_once, shared_folder, start_builder

# Playwright's assertions retry until they hold, 5 s by default: too short, on a 2-core machine
# that several test runs share, for what the page does after Python answers (a live chart
# drawn). A longer wait costs nothing when the page is right.
expect.set_options(timeout=15_000)


# Started as tools/chromium.py says (the flags DESIGN.md asks for), and with WebAssembly
# compiled by V8's baseline compiler only: a test page lives seconds, while V8 would spend them
# optimising Pyodide's hot functions in the background, work no test gains from. Measured on
# this 2-core machine, four calculator pages each opened afresh and used took a fifth less CPU
# (24 s against 31 s, in the full browser); in the headless shell the half-life page opened
# afresh until live takes 1.8 CPU-s against 2.5 (2026-12-05). What the page computes is the
# same either way; how fast readers' browsers run it is `make bench`'s business, which starts
# Chromium as a reader's (benchmarks/run.py), as does the one test about V8's optimised code
# (`readers_chromium`, below).
_chromium = load_module("tools/chromium.py")
CHROMIUM = _chromium.CHROMIUM
HEADLESS_SHELL = _chromium.HEADLESS_SHELL
CHROMIUM_ARGS = [*_chromium.CHROMIUM_ARGS, "--js-flags=--liftoff-only"]


# The fixture that reads each build of tests/builds.py, by the build's name.
BUILD_FIXTURES = {"build": "site", "build_b": "build-b", "gh_pages": "release"}


def builds_read(item: pytest.Item) -> list[str]:
    """The builds a test reads, by name."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return [name for fixture, name in BUILD_FIXTURES.items() if fixture in fixtures]


@pytest.hookimpl(tryfirst=True)  # before conftest.py orders the tests by their markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if names := builds_read(item):
            item.add_marker(pytest.mark.build(*names))


def needed_builds(items: list[pytest.Item]) -> list[str]:
    """The builds the collected tests read, in BUILDS order (``site`` first)."""
    needed = {name for item in items for name in builds_read(item)}
    return [name for name in BUILD_FIXTURES.values() if name in needed]


# The builder process this process started, if it did (with xdist, the first worker to ask).
BUILDER = pytest.StashKey[Popen[bytes] | None]()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start making the builds the collected tests need, in the background (tests/builds.py),
    while the tests that need none run."""
    names = needed_builds(session.items)
    if names and not session.config.option.collectonly:
        # The run's temporary folders: the fixture tmp_path_factory is not available to hooks.
        factory = session.config._tmp_path_factory  # type: ignore[attr-defined]
        session.config.stash[BUILDER] = start_builder(shared_folder(factory), names)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The builder this process started ends with the run. Each build it makes is one a
    collected test reads, so a run that ends normally waits for it (another worker may still
    be waiting for one of its builds); a run cut short stops it and what it runs."""
    builder = session.config.stash.get(BUILDER, None)
    if builder is None:
        return
    if exitstatus == pytest.ExitCode.INTERRUPTED and builder.poll() is None:
        os.killpg(builder.pid, signal.SIGTERM)
    builder.wait()


@pytest.fixture(scope="session")
def repo_module():
    """Import a repository file by path, e.g. ``repo_module("hooks/prose_numbers.py")``."""
    return load_module


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """`mkdocs build --strict` of the real configuration into a temporary folder, once for
    the whole run (every worker reads the same build)."""
    return build_once(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def build_b(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build B's repository and site (tests/builds.py: make_build_b), made once for the run."""
    done = build_once(tmp_path_factory, "build-b")
    assert 0 == done.returncode, done.log
    return done.site.parent / "repo", done.site


@pytest.fixture(scope="session")
def gh_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gh-pages branch a release publishes (tests/builds.py: publish_release), written out;
    made once for the run."""
    done = build_once(tmp_path_factory, "release")
    assert 0 == done.returncode, done.log
    return done.site


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
def csp_url(site: Path) -> Iterator[str]:
    """The built site served with its Content-Security-Policy as a header too (as a host
    reading ``_headers`` serves it)."""
    server, url = load_module("tools/serve_site.py").serve_in_background(site, csp=True)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: object) -> Iterator[object]:
    """Debian's Chromium driven by Playwright: its headless shell, the same Blink and V8 at the
    same version as the reader's Chromium for about 1 CPU-s less a page load
    (tools/chromium.py; test_browser_versions.py checks the version)."""
    yield from _launched(playwright, HEADLESS_SHELL)


@pytest.fixture(scope="session")
def full_chromium(playwright: object) -> Iterator[object]:
    """Debian's Chromium as readers run it, window layer and all, for the tests where the
    headless shell does not behave as a reader's browser does: after a touch tap the shell
    sends the page a ``mouseout``, which phones do not (so a chart's tooltip, shown by the tap,
    would be hidden at once). Started only on a worker that runs such a test."""
    yield from _launched(playwright, CHROMIUM)


def _launched(playwright: object, executable: str) -> Iterator[object]:
    """Chromium from ``executable``, started with the tests' flags, until the caller is done."""
    chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)  # type: ignore[attr-defined]
    yield chromium
    chromium.close()


@pytest.fixture
def readers_chromium(playwright: object, tmp_path: Path) -> Iterator[object]:
    """A browser context of Chromium started as a reader's is, for what depends on it: the
    full browser (not the headless shell), V8 optimising WebAssembly as it does by default (no
    ``--liftoff-only``) and a profile on disk (Chromium keeps no code cache by address for a
    profile in memory). Its ``browser`` traces."""
    args = [arg for arg in CHROMIUM_ARGS if not arg.startswith("--js-flags")]
    context = playwright.chromium.launch_persistent_context(  # type: ignore[attr-defined]
        tmp_path / "profile", executable_path=CHROMIUM, args=args
    )
    yield context
    context.close()


@dataclass
class Watched:
    """A page plus what it logged and where it sent requests."""

    page: object
    console_errors: list[str]
    foreign_requests: list[str]


def new_watched_page(browser: object, base_url: str, service_worker: bool = True) -> tuple[object, Watched]:
    """A new context and page that record console errors and requests to other origins; with
    the site's service worker unless ``service_worker`` is false."""
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1280, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
        accept_downloads=True,
        service_workers="allow" if service_worker else "block",
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
    request to another origin; a first visit's without the service worker, whose precaching
    (about 0.7 CPU-s a visit) no test of this fixture is about: the service worker's own tests
    (test_browser_offline*.py, test_browser_startup.py, test_browser_deploys.py) have it, as
    do the readers who go from page to page (``reader`` below, and test_browser_every_page.py's,
    who visits every page)."""
    context, result = new_watched_page(browser, base_url, service_worker=False)
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
