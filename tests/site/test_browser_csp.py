"""Under the site's strict Content-Security-Policy (only this origin, no 'unsafe-eval'),
pages load and a calculator computes, with no violation reported.

No string is evaluated in the page: waits poll the page through Playwright's locators.
"""

from __future__ import annotations

from playwright.sync_api import expect

from calculators import CALCULATORS, run

from browser_helpers import BOOT_MS, expect_outputs, fill_input


def test_policy_is_strict(site, repo_module) -> None:
    """The policy names no other origin and allows neither eval nor inline script by default."""
    policy = repo_module("tools/serve_site.py").site_policy(site)
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy
    assert "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
    assert "http" not in policy and "*" not in policy


def test_calculator_works_under_the_policy(browser, csp_url) -> None:
    """The half-life calculator boots, recomputes and draws its live chart; nothing is blocked."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(csp_url + "essays/half-life/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    root = page.locator('.calc[data-calculator="half-life"]')
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    example = CALCULATORS["half-life"].example
    for name, value in example.items():
        fill_input(root, name, value)
    expect_outputs(root, run("half-life", example))
    expect(root.locator(".calc__chart-live svg")).to_be_visible()
    expect(root.locator(".calc__chart-canvas > svg")).to_have_count(0)
    page.get_by_role("link", name="How this site works").first.click()
    expect(page).to_have_url(csp_url + "how-it-works/")
    context.close()
    assert [] == problems
