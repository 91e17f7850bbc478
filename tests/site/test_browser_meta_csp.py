"""Every page the build writes works under the site's Content-Security-Policy, whether the
host sends it as a header (``_headers``) or ignores that file and only the ``<meta>`` policy
in the page applies (GitHub Pages).

"Works" means: no violation and no console error, Material's inline and bundled scripts ran,
and every calculator on the page went live (worker, Python, Vega's interpreter) and drew its
live chart.

Every page is loaded under the ``<meta>`` policy alone. Under the header the page gets the
same policy plus ``frame-ancestors`` (test_every_page_carries_the_policy_as_meta proves it,
page by page), which only restricts who may frame the page; what the header adds that a
``<meta>`` cannot is the policy of the scripts it does not reach: the calculators' worker and
the service worker. So the header run loads one page of each kind (HEADER_PAGES), not all.

The pages are loaded one after another in one browser profile per worker, as one reader
would open them: the first calculator page a worker loads is a first visit (Python from the
start-up library), the later ones returning visits (from the service worker's snapshot), so
both ways Python starts run under the policy. (Each way is also checked on its own, under
this same meta policy, by tests/site/test_browser_startup.py.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from browser_helpers import BOOT_MS, page_addresses

# Recorded from the first script on, so a violation before the page's own scripts counts too.
WATCH_VIOLATIONS = """
self.__violations = [];
document.addEventListener("securitypolicyviolation", (event) =>
    self.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


# Every HTML file the build writes, one test each (a test of its own checks the list).
PAGES = sorted([*(address + "index.html" for address in page_addresses()), "404.html"])
# One page of each kind, loaded under the header policy too: the home page, the 404 page (at
# the site's root whatever address failed), an essay with calculators (worker, Python,
# snapshot), the time-horizon explorer (its own fitting and bands), a data page (a Vega chart
# without Python), a notebook and the Python package page (the longest, API reference).
HEADER_PAGES = [
    "index.html",
    "404.html",
    "essays/half-life/index.html",
    "time-horizons/index.html",
    "data/metr_horizons/index.html",
    "notebooks/metr-time-horizons/index.html",
    "python/index.html",
]


@pytest.fixture(scope="module")
def header_url(site, repo_module) -> Iterator[str]:
    """The built site served with its policy as a header too."""
    server, url = repo_module("tools/serve_site.py").serve_in_background(site, csp=True)
    yield url
    server.shutdown()
    server.server_close()


def meta_policy(page) -> str:
    return page.locator('head > meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


@pytest.fixture(scope="module")
def profile(browser) -> Iterator[object]:
    """One reader's browser profile, shared by this module's page loads on this worker."""
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    yield context
    context.close()


def check_page(profile, url: str) -> dict[str, object]:
    """Load ``url`` in a new tab of ``profile`` (a full load, not instant navigation) and return
    what went wrong on it."""
    page = profile.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(url)
    try:
        page.wait_for_load_state("load")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        # Material's inline head script and its bundle both ran.
        ran = page.evaluate("__md_scope instanceof URL && typeof document$.subscribe === 'function'")
        for root in page.locator("[data-calculator]").all():
            expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
            expect(root.locator(".calc__chart-live svg")).to_be_visible(timeout=60_000)
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


@pytest.mark.parametrize(
    ("name", "mode"), [*((name, "meta") for name in PAGES), *((name, "header") for name in HEADER_PAGES)]
)
def test_every_page_works_under_the_policy(profile, base_url, header_url, name: str, mode: str) -> None:
    """Every page, 404 included, loads under its meta policy with nothing blocked, and each
    of HEADER_PAGES under the header as well. One test per page and mode, so the two workers
    of `make test` share them."""
    root = base_url if mode == "meta" else header_url
    seen = check_page(profile, root + name)
    assert seen["meta"]
    assert (seen["header"] is None) == (mode == "meta")
    assert {"ran": True, "violations": [], "problems": []} == {
        key: seen[key] for key in ("ran", "violations", "problems")
    }


def test_the_meta_policy_is_enforced(browser, base_url) -> None:
    """Served without the header, a script injected into the page is refused by the meta
    policy alone (so the test above would see a page that needed more than the policy allows)."""
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
