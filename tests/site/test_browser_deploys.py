"""A tab stays open while the site is deployed again: the reader never sees numbers from two
builds on one page.

Two builds are served in turn at one origin, with the ``Cache-Control: max-age=600`` GitHub
Pages sends. The second build's core computes a different task length (``horizon`` doubled: tests/builds.py),
so every number tells which build made it: build A's are CPython's here, build B's come from
B's own copy of the core, run in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from calculators import CALCULATORS, run

from browser_helpers import BOOT_MS, expect_outputs, fill_input, navigate

ROOT = Path(__file__).resolve().parents[2]
ID = "half-life"
PAGE = "essays/half-life/"
FIRST = "essays/log-x-chart/"  # another calculator page, where the reader starts
EXAMPLE = CALCULATORS[ID].example


def run_b(repo: Path, inputs: dict) -> dict:
    """Build B's core on ``inputs``, in its own interpreter."""
    code = "import json, sys, calculators; print(json.dumps(calculators.run(sys.argv[1], json.loads(sys.argv[2]))))"
    done = subprocess.run(
        [sys.executable, "-c", code, ID, json.dumps(inputs)],
        env={**os.environ, "PYTHONPATH": str(repo)},
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture
def host(site, repo_module) -> Iterator[tuple[object, str]]:
    """Build A served as GitHub Pages would: ``max-age=600`` on every file."""
    server, url = repo_module("tools/serve_site.py").serve_in_background(site, cache_control="max-age=600")
    yield server, url
    server.shutdown()
    server.server_close()


def texts(root) -> dict[str, str]:
    return {name: root.locator(f'[data-output="{name}"]').text_content() for name in run(ID, {})["outputs"]}


def test_the_two_builds_differ(build_b) -> None:
    """Sanity: the changed core gives other numbers, for the defaults and for the example."""
    repo, _ = build_b
    for inputs in ({}, EXAMPLE):
        assert run(ID, inputs)["outputs"] != run_b(repo, inputs)["outputs"]


def test_instant_navigation_after_a_deploy_never_mixes_builds(browser, host, build_b) -> None:
    """Python of build A is running; after the deploy the reader clicks to a page of build B.
    Build A's scripts do not compute it: the page keeps B's own result and says to reload,
    and the reload brings B's scripts and Python, which compute B's numbers."""
    server, url = host
    repo, site_b = build_b
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + FIRST)
    expect(page.locator(".calc").first).to_have_attribute("data-state", "live", timeout=BOOT_MS)

    server.site_dir = site_b  # the deploy
    navigate(page, url + PAGE)
    root = page.locator(f'.calc[data-calculator="{ID}"]')
    expect(root).to_have_attribute("data-state", "outdated")
    expect(root.locator("[data-calc-status]")).to_contain_text("This page was updated")
    built_b = run_b(repo, {})
    expect_outputs(root, built_b)
    expect(root.locator('input[name="t50"]')).to_be_disabled()
    page.wait_for_timeout(3000)  # time enough for build A's Python to have answered, were it asked
    expect_outputs(root, built_b)

    root.get_by_role("button", name="Reload this page").click()
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    for name, value in EXAMPLE.items():
        fill_input(root, name, value)
    expect_outputs(root, run_b(repo, EXAMPLE))
    context.close()


def test_reload_after_a_deploy_with_max_age_gets_one_build(browser, host, build_b) -> None:
    """With ``max-age=600`` the browser keeps build A's scripts; a reload after the deploy
    gets B's page, which names B's scripts (hashed names), so Python, page and numbers are B's."""
    server, url = host
    repo, site_b = build_b
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + PAGE)
    root = page.locator(f'.calc[data-calculator="{ID}"]')
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    for name, value in EXAMPLE.items():
        fill_input(root, name, value)
    expect_outputs(root, run(ID, EXAMPLE))

    server.site_dir = site_b
    page.reload()  # the address carries the example's inputs (permalink)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_MS)
    expect_outputs(root, run_b(repo, EXAMPLE))
    root.locator('input[name="t50"]').fill("100")
    expect_outputs(root, run_b(repo, {**EXAMPLE, "t50": "100"}))
    context.close()
