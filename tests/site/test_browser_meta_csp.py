"""Every page the build writes works under the site's Content-Security-Policy, whether the
host sends it as a header (``_headers``) or ignores that file and only the ``<meta>`` policy
in the page applies (GitHub Pages).

"Works" means: no violation and no console error, Material's inline and bundled scripts ran,
and every calculator on the page went live (worker, Python, Vega's interpreter) and drew its
live chart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import BOOT_MS

# Recorded from the first script on, so a violation before the page's own scripts counts too.
WATCH_VIOLATIONS = """
self.__violations = [];
document.addEventListener("securitypolicyviolation", (event) =>
    self.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


def built_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@pytest.fixture(scope="module")
def header_url(site, repo_module) -> Iterator[str]:
    """The built site served with its policy as a header too."""
    server, url = repo_module("tools/serve_site.py").serve_in_background(site, csp=True)
    yield url
    server.shutdown()
    server.server_close()


def meta_policy(page) -> str:
    return page.locator('head > meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


def check_page(browser, url: str) -> dict[str, object]:
    """Load ``url`` afresh (its service worker registers too) and return what went wrong on it."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH_VIOLATIONS)
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
        context.close()


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    found = built_pages(site)
    assert "404.html" in found and "index.html" in found
    return found


def test_every_page_carries_the_policy_as_meta(site, pages, repo_module) -> None:
    """Each built page starts its head with the header's policy, less what a meta cannot carry,
    before any script."""
    csp = repo_module("hooks/csp.py")
    header = repo_module("tools/serve_site.py").site_policy(site)
    expected = "; ".join(
        d for d in header.split("; ") if d.split()[0] not in ("frame-ancestors", "report-uri", "sandbox")
    )
    assert "frame-ancestors" in header and "frame-ancestors" not in expected
    for name in pages:
        html = (site / name).read_text()
        meta = f'<meta http-equiv="Content-Security-Policy" content="{expected}">'
        assert html.count(meta) == 1, name
        assert html.index(meta) < html.index("<script"), name
        assert csp.inline_script_hashes(html) <= set(header.split("script-src ")[1].split(";")[0].split()), name


@pytest.mark.parametrize("mode", ["meta", "header"])
def test_every_page_works_under_the_policy(browser, base_url, header_url, pages, mode: str) -> None:
    """Every page, 404 included, loads under the policy with nothing blocked."""
    root = base_url if mode == "meta" else header_url
    failures = {}
    for name in pages:
        seen = check_page(browser, root + name)
        assert seen["meta"], name
        assert (seen["header"] is None) == (mode == "meta"), name
        if seen["ran"] is not True or seen["violations"] or seen["problems"]:
            failures[name] = {key: seen[key] for key in ("ran", "violations", "problems")}
    assert {} == failures


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
