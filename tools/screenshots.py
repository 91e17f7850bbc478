"""Screenshot every page of a built site, the way issue 16 asks the team to look at it.

Each page (every ``index.html`` of the build, and ``404.html``) is shot full length at 375 px
and 1280 px wide, in the light and the dark scheme (the system preference the browser reports,
which the site follows until a reader picks one), in three states:

* ``before``: JavaScript on, but Python never arrives (its downloads are held), as a reader
  sees a calculator page in its first seconds, or for good on a slow link;
* ``live``: after every calculator on the page is live (pages without one: once loaded);
* ``nojs``: JavaScript off.

Besides the pictures it checks each shot for what a picture can hide and lists it in
``report.txt`` (and exits with status 1 if it found any): content wider than the screen at
375 px (an element reaching past the right edge that no scrolling box holds).

    .venv/bin/mkdocs build --strict -d /tmp/site
    .venv/bin/python tools/screenshots.py /tmp/site /tmp/shots            # everything
    .venv/bin/python tools/screenshots.py /tmp/site /tmp/shots --page glossary/ --state nojs

Shots are named ``<page>--<width>-<scheme>-<state>.png`` (the home page is ``home``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve_site  # this folder's static server, as the tests use
from chromium import CHROMIUM, CHROMIUM_ARGS  # how every tool and test starts Chromium

WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")
STATES = ("before", "live", "nojs")
BOOT_SECONDS = 120

#: Elements reaching past the right edge of the screen, unless a box that scrolls or clips
#: sideways holds them (a wide table or formula in its scroller is fine; the page is not).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const held = (element) => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      const clips = getComputedStyle(box).overflowX !== "visible";
      if (clips && box.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.position === "fixed") continue;
    if (held(element)) continue;
    const name = element.tagName.toLowerCase() + (element.className && typeof element.className === "string"
      ? "." + element.className.trim().split(/\\s+/).join(".") : "");
    wide.push(`${name} reaches ${Math.round(box.right)} px`);
  }
  const page = document.documentElement.scrollWidth;
  return [page > width ? `page scrolls sideways to ${page} px` : null, ...wide.slice(0, 5)].filter(Boolean);
}"""


def pages(site: Path) -> list[str]:
    """Every page of the build, as addresses relative to the site's root."""
    found = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.split("/")[0] in {"assets", "javascripts", "search"}:
            continue
        found.append("" if relative == "." else relative + "/")
    return [*found, "404.html"]


def shot_name(page: str, width: int, scheme: str, state: str) -> str:
    stem = page.strip("/").replace("/", "_").removesuffix(".html") or "home"
    return f"{stem}--{width}-{scheme}-{state}.png"


def overflow(page: object) -> list[str]:
    return page.evaluate(OVERFLOW)  # type: ignore[attr-defined, no-any-return]


def shoot(site: Path, out: Path, only: list[str], states: list[str]) -> list[str]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server, base = serve_site.serve_in_background(site)
    problems: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width, scheme, state in _combinations(states):
                context = browser.new_context(
                    viewport={"width": width, "height": 900 if width > 500 else 800},
                    color_scheme=scheme,  # type: ignore[arg-type]
                    java_script_enabled=state != "nojs",
                    service_workers="block",
                )
                if state == "before":
                    context.route("**/assets/runtime/**", lambda route: None)  # held, never answered
                page = context.new_page()
                for address in only or pages(site):
                    page.goto(base + address, wait_until="load" if state != "before" else "domcontentloaded")
                    if state == "live":
                        _wait_live(page)
                    elif state == "before":
                        page.wait_for_timeout(800)  # fonts and layout settle; Python is still away
                    name = shot_name(address, width, scheme, state)
                    page.screenshot(path=str(out / name), full_page=True, timeout=180_000)
                    if width < 500:
                        problems += [f"{name}: {found}" for found in overflow(page)]
                    print(name, flush=True)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    (out / "report.txt").write_text("".join(f"{line}\n" for line in problems) or "nothing found\n")
    return problems


def _combinations(states: list[str]) -> Iterator[tuple[int, str, str]]:
    for state in states:
        for width in WIDTHS:
            for scheme in SCHEMES:
                yield width, scheme, state


def _wait_live(page: object) -> None:
    """Until every calculator on the page is live (or one has failed, which the shot shows)."""
    deadline = time.monotonic() + BOOT_SECONDS
    while time.monotonic() < deadline:
        waiting = page.evaluate(  # type: ignore[attr-defined]
            """() => [...document.querySelectorAll(".calc")].filter(
                 (calc) => !["live", "failed"].includes(calc.dataset.state)).length"""
        )
        if not waiting:
            page.wait_for_timeout(300)  # the chart's last redraw  # type: ignore[attr-defined]
            return
        time.sleep(0.25)
    raise TimeoutError(f"{page.url}: calculators not live after {BOOT_SECONDS} s")  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (mkdocs build -d SITE)")
    parser.add_argument("out", type=Path, help="the folder for the shots and report.txt (outside the repository)")
    parser.add_argument("--page", action="append", default=[], help="only this page (repeatable), e.g. glossary/")
    parser.add_argument("--state", action="append", choices=STATES, default=[], help="only this state (repeatable)")
    args = parser.parse_args()
    problems = shoot(args.site, args.out, args.page, args.state or list(STATES))
    print("\n".join(problems) or "nothing found")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
