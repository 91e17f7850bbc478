"""Python comes back by itself from what goes wrong on an unlucky visit: a download that
stalls, breaks off or arrives damaged, a worker that throws or exits, the network dropping
and coming back. The status says at each moment what is true; where Python cannot run, the
inputs say why they do nothing and the result, table and downloads are the build's.

Faults are made with Playwright's routing: the first request for a file is stalled, aborted
or garbled (later ones go through), or the worker's script is served with one line changed.
The page runs on Playwright's clock, which the tests move over the page's pauses before a new
try and its wait for an answer that will never come (browser_helpers.hurry_python), so the
tests do not sit out seconds the page only counts down.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import expect

from calculators import CALCULATORS, __version__, export, run
from calculators._typed import read_number

from browser_helpers import BOOT_MS, SKIP_MS, expect_outputs, fill_input, hurry_python

PAGE = "essays/half-life/"
ID = "half-life"
EXAMPLE = CALCULATORS[ID].example
# Every value data-state takes, in order, from the first script on, and every text its status
# shows: a status that lasts only the page's first pause before a new try (1 s) can fall between
# two polls of a waiting assertion on a loaded machine, so tests look for it in this record.
RECORD_STATES = """
self.__states = [];
self.__statuses = [];
new MutationObserver((changes) => {
    for (const change of changes) {
        if (change.type !== "attributes") continue;
        const state = change.target.dataset.state;
        if (change.target.dataset.calculator === "half-life" && self.__states.at(-1) !== state) self.__states.push(state);
    }
    const status = document.querySelector('.calc[data-calculator="half-life"] [data-calc-status]')?.textContent;
    if (status && self.__statuses.at(-1) !== status) self.__statuses.push(status);
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-state"] });
"""


def open_page(browser, fault=None, query: str = ""):
    """A fresh visit (no service worker, so every fault reaches the page) with ``fault(context)``
    set up first, on Playwright's clock (time runs, and a test may move it on); returns the
    context, the page and the calculator."""
    context = browser.new_context(service_workers="block", accept_downloads=True)
    if fault:
        fault(context)
    page = context.new_page()
    page.clock.install()
    page.add_init_script(RECORD_STATES)
    page.goto(PAGE_URL[0] + PAGE + (f"?{query}" if query else ""))
    return context, page, page.locator(f'.calc[data-calculator="{ID}"]')


PAGE_URL: list[str] = []


def first_time(context, pattern: str, act) -> list[int]:
    """Route ``pattern``: its first request gets ``act(route)``, later ones go through."""
    seen: list[int] = []

    def handle(route) -> None:
        seen.append(1)
        if len(seen) == 1:
            act(route)
        else:
            route.continue_()

    context.route(pattern, handle)
    return seen


def changed_worker(context, line: str, changed: str) -> list[int]:
    """The first worker's script is served with ``line`` (found exactly once) as ``changed``;
    a worker started after it gets the script as built."""

    def act(route) -> None:
        body = route.fetch().text()
        assert 1 == body.count(line), line
        route.fulfill(body=body.replace(line, changed), content_type="text/javascript")

    return first_time(context, "**/javascripts/calculators/worker*.js", act)


def sabotaged_worker(context, change: str) -> list[int]:
    """The first worker's script answers its first "run" request with ``change`` instead."""
    handler = "self.onmessage = async ({ data }) => {"
    return changed_worker(context, handler, handler + f'if (data.type === "run") {{ {change}; return; }}')


def expect_status_shown(page, text: str) -> None:
    """Wait until the calculator's status has shown ``text`` at some moment since the page opened."""
    page.wait_for_function(
        "text => self.__statuses.some((status) => status.includes(text))", arg=text, polling=100, timeout=BOOT_MS
    )


def expect_recovers(page, root, through: str) -> None:
    """Python goes live after passing through ``through``, and computes CPython's result."""
    hurry_python(page, root, "live")
    assert through in page.evaluate("self.__states"), page.evaluate("self.__states")
    for name, value in EXAMPLE.items():
        fill_input(root, name, value)
    expect_outputs(root, run(ID, EXAMPLE))
    expect(root).to_have_attribute("data-result", "fresh")


#: How long the worker waits for a download that receives nothing (worker.js), and how long the
#: first worker of the stalled-download test waits: its timers run in the worker, which
#: Playwright's clock does not reach, so the test would otherwise sit out the whole wait. Still
#: long enough that no download the test lets through stalls first on a loaded machine.
STALL = "const STALL_MS = 15_000;"
TEST_STALL = "const STALL_MS = 5_000;"


def test_stalled_download_is_timed_out_and_retried(browser, base_url) -> None:
    """A runtime download that never answers is given up (by the first worker after 5 s, not
    the built 15 s: the timer is the same code) and Python starts on a new try."""
    PAGE_URL[:] = [base_url]
    seen = []

    def fault(context) -> None:
        changed_worker(context, STALL, TEST_STALL)
        seen.append(first_time(context, "**/pyodide.asm.wasm", lambda route: None))

    context, page, root = open_page(browser, fault)
    expect_status_shown(page, "a download stalled")
    expect_recovers(page, root, "retrying")
    assert 2 == len(seen[0])
    context.close()


def test_aborted_download_is_retried(browser, base_url) -> None:
    """The WebAssembly binary's download breaks off once: the status says so, then Python runs."""
    PAGE_URL[:] = [base_url]
    context, page, root = open_page(browser, lambda c: first_time(c, "**/*.wasm", lambda route: route.abort()))
    expect_status_shown(page, "a download failed")
    expect_recovers(page, root, "retrying")
    context.close()


def test_garbled_download_is_refused_and_fetched_again(browser, base_url) -> None:
    """Pyodide's WebAssembly arrives with its size right but its bytes changed: the checksum
    refuses it, and the new try fetches it afresh rather than from the browser's cache."""
    PAGE_URL[:] = [base_url]

    def garble(route) -> None:
        body = bytearray(route.fetch().body())
        body[len(body) // 2] ^= 0xFF
        route.fulfill(body=bytes(body), content_type="application/wasm", headers={"Cache-Control": "max-age=600"})

    context, page, root = open_page(browser, lambda c: first_time(c, "**/pyodide.asm.wasm", garble))
    expect_status_shown(page, "arrived damaged")
    expect_recovers(page, root, "retrying")
    context.close()


def test_worker_error_replaces_the_worker(browser, base_url) -> None:
    """An uncaught error in the worker: it is replaced and the result follows from the new one."""
    PAGE_URL[:] = [base_url]
    workers = []
    context, page, root = open_page(
        browser, lambda c: workers.append(sabotaged_worker(c, 'setTimeout(() => { throw new Error("sabotaged"); })'))
    )
    expect_recovers(page, root, "retrying")
    assert ["loading", "live", "retrying", "loading", "live"] == page.evaluate("self.__states")
    assert 2 == len(workers[0])
    context.close()


def test_worker_that_exits_is_noticed_and_replaced(browser, base_url) -> None:
    """A worker that ends without a word: its unanswered request times out, the old result is
    marked stale meanwhile, and a new worker computes it."""
    PAGE_URL[:] = [base_url]
    workers = []
    context, page, root = open_page(browser, lambda c: workers.append(sabotaged_worker(c, "self.close()")))
    # Live: the first result is asked for at once, and the worker exits instead of answering.
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    page.clock.fast_forward(SKIP_MS)  # past the page's wait for an answer
    expect(root).to_have_attribute("data-result", "stale", timeout=BOOT_MS)
    expect_recovers(page, root, "loading")
    expect(root.locator("[data-calc-status]")).to_have_text("Live: Python is running in your browser.")
    assert 2 == len(workers[0])
    context.close()


def test_network_back_without_reload(browser, base_url) -> None:
    """The network drops while Python downloads: the status says offline (not that the
    browser cannot run it), and Python starts by itself once the network is back."""
    PAGE_URL[:] = [base_url]
    held = []
    context, page, root = open_page(browser, lambda c: first_time(c, "**/*.wasm", held.append))
    expect(root).to_have_attribute("data-state", "loading")
    page.wait_for_selector("[data-calc-status]", state="attached")
    while not held:
        page.wait_for_timeout(100)
    context.set_offline(True)
    held[0].abort("internetdisconnected")
    expect(root).to_have_attribute("data-state", "offline", timeout=BOOT_MS)
    expect(root.locator("[data-calc-status]")).to_contain_text("You are offline")
    expect(root.locator('input[name="t50"]')).to_be_disabled()
    context.set_offline(False)
    expect_recovers(page, root, "offline")
    context.close()


def test_when_python_cannot_run_controls_say_so_and_the_build_result_stays(browser, base_url) -> None:
    """With the runtime unreachable on every try, after the retries the status says Python
    failed and why, a "Try again" control appears, the inputs (set from a link) go back to the
    build's and are disabled with the reason beside them, and the result, table and downloads
    are the build's. Once the runtime is reachable, "Try again" brings Python up."""
    PAGE_URL[:] = [base_url]
    blocked = lambda route: route.abort()  # noqa: E731
    query = urlencode({f"{ID}.{name}": value for name, value in EXAMPLE.items()})
    context, page, root = open_page(browser, lambda c: c.route("**/*.wasm", blocked), query=query)
    hurry_python(page, root, "failed")
    assert ["loading", "retrying"] == page.evaluate("self.__states")[:2]
    expect(root.locator("[data-calc-status]")).to_contain_text("Python could not start (a download failed)")
    note = root.locator("[data-unavailable]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Changing the inputs needs Python")
    defaults = CALCULATORS[ID].defaults()
    for name, value in defaults.items():
        field = root.locator(f'form [name="{name}"]')
        expect(field).to_be_disabled()
        assert float(value) == read_number(field.input_value())
        assert note.get_attribute("id") in field.get_attribute("aria-describedby")
    for preset in root.locator("[data-preset]").all():
        expect(preset).to_be_disabled()
    expect_outputs(root, run(ID, {}))
    expect(root.locator(".calc__chart-canvas > svg")).to_be_visible()
    with page.expect_download() as download:
        root.locator('[data-download="csv"]').click()
    downloaded = Path(download.value.path()).read_text().splitlines(keepends=True)
    # The build writes where the file comes from (permalink, version, licence) as "about" rows.
    assert [line.split(",")[1] for line in downloaded if line.startswith("about,")] == [
        "permalink",
        "site_version",
        "licence",
        "licence_url",
    ]
    table = "".join(line for line in downloaded if not line.startswith("about,"))
    assert export(ID, defaults, __version__)["csv"] == table

    context.unroute("**/*.wasm", blocked)
    root.get_by_role("button", name="Try again").click()
    expect_recovers(page, root, "failed")
    expect(note).to_be_hidden()
    expect(root.get_by_role("button", name="Try again")).to_be_hidden()
    context.close()


def test_python_lost_for_good_after_live_restores_the_build_result(browser, base_url) -> None:
    """Live, then the worker exits and no new one can load: the page goes back to the build's
    result (its units too), chart and inputs, so what it shows and what it downloads agree."""
    PAGE_URL[:] = [base_url]
    seen: list[int] = []

    def fault(context) -> None:
        def handle(route) -> None:
            seen.append(1)
            if len(seen) > 1:
                return route.abort()
            body = route.fetch().text()
            handler = "self.onmessage = async ({ data }) => {"
            marker = 'if (data.type === "run" && data.inputs.t50 === "7") { self.close(); return; }'
            route.fulfill(body=body.replace(handler, handler + marker), content_type="text/javascript")

        context.route("**/javascripts/calculators/worker*.js", handle)

    context, page, root = open_page(browser, fault)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    expect(root.locator(".calc__chart-live svg")).to_be_visible(timeout=60_000)
    # A live result whose unit reads differently from the build's ("1 minute", not "minutes").
    root.locator('input[name="t50"]').fill("3.106")
    expect_outputs(root, one_minute := run(ID, {"t50": "3.106"}))
    assert one_minute["outputs"]["t_p"]["unit"] != run(ID, {})["outputs"]["t_p"]["unit"]
    root.locator('input[name="t50"]').fill("7")
    page.clock.fast_forward(SKIP_MS)  # past the page's wait for the answer the worker never sends
    hurry_python(page, root, "failed")
    expect_outputs(root, run(ID, {}))
    assert float(CALCULATORS[ID].defaults()["t50"]) == read_number(root.locator('input[name="t50"]').input_value())
    expect(root.locator(".calc__chart-canvas > svg")).to_be_visible()
    expect(root.locator(".calc__chart-live")).to_have_count(0)
    context.close()
