"""Each way Python starts gives CPython's answers: from the precompiled start-up library (a
first visit), from the memory snapshot (a returning reader), and without it when the saved
snapshot is damaged or belongs to another build, or when the library does not arrive
(Pyodide's own). With the browser asking to save data, a page only read downloads no Python,
and Python starts once a calculator comes near the screen."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import expect

from calculators import CALCULATORS, run

from browser_helpers import BOOT_MS, expect_outputs, fill_input, own_file

PAGE = "essays/half-life/"
ID = "half-life"
# How Python started (worker.js's boot answer), read through the page's own runtime module.
START = """async (runtime) => {
    const { onStatus } = await import(runtime);
    return await new Promise((resolve) => onStatus((status) => status.state === "live" && resolve(status.versions.start)));
}"""
SNAPSHOT_CACHED = """async () => {
    for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys())
            if (request.url.includes("/snapshot-")) return request.url;
    return null;
}"""
# Replace the cached snapshot with `body`, keeping (or replacing) the checksum the service
# worker stored with it.
TAMPER = """async ([url, body, checksum]) => {
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        const kept = await cache.match(url);
        if (!kept) continue;
        const headers = new Headers(kept.headers);
        if (checksum) headers.set("X-Content-SHA256", checksum);
        await cache.put(url, new Response(new TextEncoder().encode(body), { headers }));
        return true;
    }
    return false;
}"""
# SHA-256 of the cached snapshot's bytes.
CACHED_SHA = """async (url) => {
    const kept = await caches.match(url);
    if (!kept) return null;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await kept.arrayBuffer()));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}"""


def started(page, site: Path, base_url: str) -> str:
    """How Python started on ``page``, once it is live."""
    expect(page.locator(f'.calc[data-calculator="{ID}"]')).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    return page.evaluate(START, base_url + own_file(site, "javascripts/calculators/runtime.js"))


def gives_cpython_answers(page) -> None:
    """The example inputs give CPython's outputs, and so does the example with its first input
    doubled."""
    root = page.locator(f'.calc[data-calculator="{ID}"]')
    example = dict(CALCULATORS[ID].example)
    first = CALCULATORS[ID].inputs[0].name
    for inputs in (example, {**example, first: example[first] * 2}):
        for name, value in inputs.items():
            fill_input(root, name, value)
        expect_outputs(root, run(ID, inputs))


def every_calculator_gives_cpython_answers(page) -> None:
    """Each calculator on the page, the core's data readers among them (the time-horizon
    calculator reads METR's file), gives CPython's outputs for its example inputs."""
    roots = page.locator("[data-calculator]").all()
    ids = [root.get_attribute("data-calculator") for root in roots]
    assert "time-horizons" in ids, ids
    for root, calculator_id in zip(roots, ids, strict=True):
        expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
        example = dict(CALCULATORS[calculator_id].example)
        for name, value in example.items():
            fill_input(root, name, value)
        expect_outputs(root, run(calculator_id, example))


def runtime_downloads(page) -> list[str]:
    """The runtime files ``page`` (and its workers) receive from now on. (A look into the
    cache alone, such as the worker's for the snapshot, receives nothing on a first visit.)"""
    found: list[str] = []
    page.on(
        "response", lambda response: "/assets/runtime/" in response.url and response.ok and found.append(response.url)
    )
    return found


def returning_reader(browser, base_url: str):
    """A context whose first visit is over and whose service worker holds the snapshot."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + PAGE)
    expect(page.locator(f'.calc[data-calculator="{ID}"]')).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    deadline = time.monotonic() + 90
    while not (url := page.evaluate(SNAPSHOT_CACHED)):
        assert time.monotonic() < deadline, "the service worker did not fetch the snapshot"
        time.sleep(0.25)
    return context, page, url


def test_first_visit_boots_from_the_library_and_fetches_no_snapshot(browser, base_url, site) -> None:
    """A first visit starts from the precompiled library, which holds the core, never fetches
    Pyodide's own library, the core's wheel, the rest of the standard library or the snapshot,
    and computes CPython's answers."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    requests = runtime_downloads(page)
    page.goto(base_url + PAGE)
    assert "library" == started(page, site, base_url)
    gives_cpython_answers(page)
    assert any("/python_stdlib-pyodide-" in url for url in requests), requests
    assert not any(url.endswith(("/python_stdlib.zip", ".whl")) or "/snapshot-" in url for url in requests), requests
    assert not any("/stdlib-rest-" in url for url in requests), requests
    context.close()


# Python in the worker imports two modules only the rest of the standard library holds (a
# package of its own, and a module of a package the library holds) as soon as it has started.
IMPORTS_FROM_THE_REST = """pyodide.runPython(`
import email.message, encodings.latin_1
assert "abc".encode("latin-1") == b"abc" and email.message.EmailMessage() is not None
`);
"""


def test_an_import_from_the_rest_of_the_library_fetches_it_once(browser, base_url, site) -> None:
    """Should Python import a standard-library module the start-up library leaves out, the
    worker fetches the rest of the library (synchronously, as an import runs), once, and the
    import works: Python goes live and computes CPython's answers. (The worker's script is
    changed here to make such an import: none of the calculators does.)"""
    context = browser.new_context(service_workers="block")
    start = 'const calculators = pyodide.pyimport("calculators");'

    def importing(route) -> None:
        script = route.fetch().text()
        assert 1 == script.count(start)
        route.fulfill(body=script.replace(start, IMPORTS_FROM_THE_REST + start), content_type="text/javascript")

    context.route("**/javascripts/calculators/worker*.js", importing)
    page = context.new_page()
    requests = runtime_downloads(page)
    page.goto(base_url + PAGE)
    assert "library" == started(page, site, base_url)
    gives_cpython_answers(page)
    assert 1 == len([url for url in requests if "/stdlib-rest-" in url]), requests
    context.close()


def test_returning_visit_restores_the_snapshot(browser, base_url, site) -> None:
    """Once a visit is over, the service worker holds the snapshot; the next visit restores
    it, downloads nothing, and every calculator on the page computes CPython's answers (the
    restored Python has no file of the core: its data came in the snapshot)."""
    context, first, _ = returning_reader(browser, base_url)
    first.close()
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert "snapshot" == started(page, site, base_url)
    gives_cpython_answers(page)
    every_calculator_gives_cpython_answers(page)
    context.close()


def test_damaged_snapshot_is_skipped_and_fetched_again(browser, base_url, site) -> None:
    """A saved snapshot whose bytes changed (its checksum still this build's) is refused:
    Python starts from the library, gives CPython's answers, and the service worker fetches
    a good copy again."""
    context, first, url = returning_reader(browser, base_url)
    good = first.evaluate(CACHED_SHA, url)
    assert first.evaluate(TAMPER, [url, "not a snapshot", None])
    first.close()
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert "library" == started(page, site, base_url)
    gives_cpython_answers(page)
    deadline = time.monotonic() + 60
    while page.evaluate(CACHED_SHA, url) != good:
        assert time.monotonic() < deadline, "the damaged snapshot was not replaced"
        time.sleep(0.25)
    context.close()


def test_snapshot_of_another_build_is_not_used(browser, base_url, site) -> None:
    """A saved snapshot that belongs to another build (another checksum) is not this build's:
    Python starts from the library and gives CPython's answers."""
    context, first, url = returning_reader(browser, base_url)
    assert first.evaluate(TAMPER, [url, "another build's snapshot", "0" * 64])
    first.close()
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert "library" == started(page, site, base_url)
    gives_cpython_answers(page)
    context.close()


def test_library_that_does_not_arrive_falls_back_to_pyodides_own(browser, base_url, site) -> None:
    """The precompiled library answers 404: Python starts from Pyodide's own library with the
    core's wheel beside it and gives CPython's answers."""
    context = browser.new_context(service_workers="block")
    context.route("**/python_stdlib-pyodide-*.zip.gz", lambda route: route.fulfill(status=404, body="gone"))
    page = context.new_page()
    requests = runtime_downloads(page)
    page.goto(base_url + PAGE)
    assert "stock" == started(page, site, base_url)
    gives_cpython_answers(page)
    assert any(url.endswith("/python_stdlib.zip") for url in requests), requests
    assert any(url.endswith(".whl") for url in requests), requests
    context.close()


SAVE_DATA = "Object.defineProperty(NetworkInformation.prototype, 'saveData', { get: () => true });"


def test_save_data_starts_python_only_near_a_calculator(browser, base_url) -> None:
    """With the browser asking to save data, a calculator page read from its top downloads no
    Python and says when it will start; scrolled to, the calculator starts Python and goes live."""
    context = browser.new_context(viewport={"width": 1280, "height": 500})
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    requests = runtime_downloads(page)
    page.goto(base_url + PAGE)
    root = page.locator(f'.calc[data-calculator="{ID}"]')
    expect(root).to_have_attribute("data-state", "idle")
    assert root.evaluate("(node) => node.getBoundingClientRect().top > 3 * innerHeight")
    expect(root.locator("[data-calc-status]")).to_contain_text("asks to save data")
    page.wait_for_timeout(2000)
    assert [] == requests
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    assert any("pyodide.asm.wasm" in url for url in requests)
    context.close()
