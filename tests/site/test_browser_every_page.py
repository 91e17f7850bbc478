"""Every page the build writes, visited once for everything a page must do in any state:

- **On a phone, in every state**: at 375 px nothing reaches past the screen's right edge
  unless a box that scrolls holds it (tools/screenshots.py's check, the one it runs on every
  shot), with JavaScript off, with JavaScript on before Python is live, and live.
- **Under the Content-Security-Policy**: whether the host sends it as a header (``_headers``)
  or ignores that file and only the ``<meta>`` policy in the page applies (GitHub Pages), no
  violation and no console error, Material's inline and bundled scripts ran, and every
  calculator on the page went live (worker, Python, Vega's interpreter) and drew its chart.
- **Accessible**: axe-core (self-hosted from node_modules) finds no violation of serious or
  critical impact at 1280 px, light and dark, the calculators live (so the live chart and its
  messages are checked too).

One test a page, so the workers of `make test` share them. The live checks run in one tab
a worker keeps, which moves from page to page as a reader clicking links does (Material's
instant navigation), so Python starts once a worker, not once a page: the page at 375 px
until every calculator is live, then at 1280 px for axe, light and dark. The states without
Python are loaded in two more tabs a worker keeps, one with JavaScript off and one whose
requests for Python never answer (only for pages with a calculator: on the others that state
is the live one).

The tab reads each page under the ``<meta>`` policy of the page it first loaded, the same
policy every page carries (test_every_page_carries_the_policy_as_meta proves it, and that each
page's inline scripts are allowed by their hashes). One page of each kind (HEADER_PAGES) is
also loaded afresh, in a profile of its own, under the header policy, which is that policy
plus ``frame-ancestors`` (only who may frame the page); what the header adds that a ``<meta>``
cannot is the policy of the scripts it does not reach: the calculators' worker and the
service worker. Those loads follow each other as one reader's visits: the first calculator
page is a first visit (Python from the start-up library), the next a returning visit (from the
service worker's snapshot), so both ways Python starts run under the policy. (Each way is also
checked on its own, under the meta policy, by tests/site/test_browser_startup.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from browser_helpers import (
    BOOT_MS,
    MATERIAL_RAN,
    MATERIAL_SETTLED,
    hold_python,
    navigate,
    page_addresses,
    settle_material,
    wait_until,
)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 800}
WIDE = {"width": 1280, "height": 900}

# Every HTML file the build writes, one test each (a test of its own checks the list).
PAGES = sorted([*(address + "index.html" for address in page_addresses()), "404.html"])
# One page of each kind, loaded under the header policy too: the home page, the 404 page (at
# the site's root whatever address failed), an essay with calculators (worker, Python,
# snapshot), the time-horizon explorer (its own fitting and bands), a data page (a Vega chart
# without Python), a notebook and the longest page of the API reference.
HEADER_PAGES = [
    "index.html",
    "404.html",
    "essays/half-life/index.html",
    "time-horizons/index.html",
    "data/metr_horizons/index.html",
    "notebooks/metr-time-horizons/index.html",
    "python/trends/index.html",
]

# Recorded from the first script on, so a violation before the page's own scripts counts too.
WATCH_VIOLATIONS = """
self.__violations = [];
document.addEventListener("securitypolicyviolation", (event) =>
    self.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""

SCHEME = {"light": "default", "dark": "slate"}  # Material's name for each

# In dark mode axe runs only the rules a scheme can change, those about colour: the other
# rules read the document's structure, names and roles, which are the same in either scheme
# (the scheme is a stylesheet switch), and were checked in light mode on the same document.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.fixture(scope="module")
def overflow(repo_module) -> str:
    return repo_module("tools/screenshots.py").OVERFLOW


@pytest.fixture(scope="module")
def profile(browser) -> Iterator[object]:
    """One reader's browser profile for the header pages' full loads, shared on this worker."""
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    yield context
    context.close()


@pytest.fixture(scope="module")
def reader_tab(browser, base_url) -> Iterator[tuple[object, list[str]]]:
    """One reader's tab, kept for this module's pages on this worker, with what went wrong in
    it since the list was last cleared: console errors and warnings, uncaught errors and
    requests to another origin."""
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    problems = watch(page, base_url)
    page.goto(base_url)
    yield page, problems
    context.close()


def watch(page, url: str) -> list[str]:
    """What goes wrong on ``page`` from now on (a list that grows): console errors and
    warnings, uncaught errors and requests to an origin other than ``url``'s."""
    problems: list[str] = []
    origin = urlsplit(url).netloc
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "request",
        lambda r: (
            urlsplit(r.url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(r.url).netloc != origin
            and problems.append(f"request to another origin: {r.url}")
        ),
    )
    return problems


def wait_until_live(page) -> None:
    """Until every calculator on the page is live and has drawn its chart."""
    for root in page.locator("[data-calculator]").all():
        expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
        expect(root.locator(".calc__chart-live svg")).to_be_visible(timeout=60_000)


@pytest.fixture(scope="module")
def without_js(browser) -> Iterator[object]:
    """A phone's tab with JavaScript off, kept for this module's pages on this worker."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def before_python(browser) -> Iterator[object]:
    """A phone's tab with JavaScript on whose requests for Python never answer, so each page
    stays as a reader sees it before Python is live (no service worker, which would answer
    them from its cache)."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    hold_python(context)
    yield context.new_page()
    context.close()


def meta_policy(page) -> str:
    return page.locator('head > meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


def serious_violations(page, rules: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now (of ``rules`` only,
    when given)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> tag would be refused by the
        # page's own Content-Security-Policy (its <meta>), as it should be.
        page.evaluate(AXE.read_text())
    return page.evaluate(
        """async (rules) => {
            const options = { resultTypes: ["violations"] };
            if (rules) options.runOnly = { type: "rule", values: rules };
            const { violations } = await axe.run(document, options);
            return violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }""",
        rules,
    )


def visit(profile, url: str) -> dict[str, object]:
    """Load ``url`` in a new tab of ``profile`` (a full load, not instant navigation), wait
    until each calculator is live and has drawn its chart, and return what went wrong."""
    page = profile.new_page()
    problems = watch(page, url)
    response = page.goto(url)
    try:
        page.wait_for_load_state("load")
        wait_until_live(page)
        # Material's bundle runs at once, or on a calculator page once the first charts are drawn.
        wait_until(page, "typeof document$ !== 'undefined'")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        ran = page.evaluate(MATERIAL_RAN)  # Material's inline head script and its bundle both ran
        return {
            "header": response.headers.get("content-security-policy"),
            "meta": meta_policy(page),
            "ran": ran,
            "violations": page.evaluate("self.__violations"),
            "problems": problems,
        }
    finally:
        page.close()


def test_the_pages_tested_are_the_pages_built(site) -> None:
    """PAGES, known before the build, is every HTML file the build wrote."""
    assert "404.html" in PAGES and "index.html" in PAGES
    assert PAGES == sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@pytest.mark.parametrize("name", PAGES)
def test_every_page_fits_a_phone_works_under_the_policy_and_is_accessible(
    reader_tab, without_js, before_python, site, base_url, overflow, name: str
) -> None:
    """The page, 404 included: at 375 px no sideways scrolling with JavaScript off, before
    Python is live and live; under the meta policy nothing blocked, no console error or
    warning, no request to another origin, every calculator live; and at 1280 px, light and
    dark (the reader's system setting, which the page follows as it changes), no serious or
    critical axe-core finding."""
    url = base_url + name.removesuffix("index.html")
    without_js.goto(url)
    phone = {"without JavaScript": without_js.evaluate(overflow)}
    if "data-calculator=" in (site / name).read_text():
        before_python.goto(url, wait_until="domcontentloaded")
        settle_material(before_python)
        phone["before Python"] = before_python.evaluate(overflow)
        assert 0 == before_python.locator('[data-calculator][data-state="live"]').count()  # still before Python

    page, problems = reader_tab
    problems.clear()
    page.set_viewport_size(PHONE)
    if name == "404.html":
        page.goto(url)  # what a host serves for an address it does not have: never reached by a link
    else:
        page.evaluate("self.__violations = []")
        navigate(page, url)
    ran = page.evaluate(MATERIAL_RAN)
    wait_until_live(page)
    phone["live"] = page.evaluate(overflow)
    page.set_viewport_size(WIDE)
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        # The longest pages (the API reference) take seconds to restyle on a busy machine.
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEME[scheme], timeout=30_000)
        # Material fades parts of the page in (the navigation, when the screen widens, by an
        # opacity transition); axe measures colours as they are drawn, so it waits for them.
        page.evaluate(MATERIAL_SETTLED)
        found[scheme] = serious_violations(page, None if scheme == "light" else COLOUR_RULES)
    page.emulate_media(color_scheme="light")

    assert {state: [] for state in phone} == phone
    assert meta_policy(page)
    assert {"ran": True, "violations": [], "problems": [], "axe": {"light": [], "dark": []}} == {
        "ran": ran,
        "violations": page.evaluate("self.__violations"),
        "problems": problems,
        "axe": found,
    }


def test_every_page_carries_the_policy_as_meta(site, repo_module) -> None:
    """Each built page starts its head with the header's policy, less what a meta cannot carry,
    before any script."""
    csp = repo_module("hooks/csp.py")
    header = repo_module("tools/serve_site.py").site_policy(site)
    expected = "; ".join(
        d for d in header.split("; ") if d.split()[0] not in ("frame-ancestors", "report-uri", "sandbox")
    )
    assert "frame-ancestors" in header and "frame-ancestors" not in expected
    # Nothing the header adds changes how a page works (a sandbox would), so a page that works
    # under its meta policy works under the header (HEADER_PAGES are loaded to show it).
    added = {d.split()[0] for d in header.split("; ")} - {d.split()[0] for d in expected.split("; ")}
    assert added == {"frame-ancestors"}, added
    for name in PAGES:
        html = (site / name).read_text()
        meta = f'<meta http-equiv="Content-Security-Policy" content="{expected}">'
        assert html.count(meta) == 1, name
        assert html.index(meta) < html.index("<script"), name
        assert csp.inline_script_hashes(html) <= set(header.split("script-src ")[1].split(";")[0].split()), name


def test_the_header_pages_are_pages_built() -> None:
    assert set(HEADER_PAGES) <= set(PAGES) and len(set(HEADER_PAGES)) == len(HEADER_PAGES)


@pytest.mark.parametrize("name", HEADER_PAGES)
def test_one_page_of_each_kind_works_under_the_header(profile, csp_url, name: str) -> None:
    """Each of HEADER_PAGES loads under the header policy as well, with nothing blocked."""
    seen = visit(profile, csp_url + name)
    assert seen["meta"] and seen["header"]
    assert {"ran": True, "violations": [], "problems": []} == {
        key: seen[key] for key in ("ran", "violations", "problems")
    }


def test_the_meta_policy_is_enforced(browser, base_url) -> None:
    """Served without the header, a script injected into the page is refused by the meta
    policy alone (so the tests above would see a page that needed more than the policy allows)."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.add_init_script(WATCH_VIOLATIONS)
    response = page.goto(base_url + "glossary/")
    assert "content-security-policy" not in response.headers
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "self.__injected = true";
            document.head.append(script);
        }"""
    )
    assert page.evaluate("self.__injected === undefined")
    assert [v for v in page.evaluate("self.__violations") if v.startswith("script-src")]
    context.close()
