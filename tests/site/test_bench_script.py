"""The benchmark script's handling of a crashed tab (benchmarks/run.py): a reference page's
reader is visited afresh and the crash reported; a crash of the calculator page ends the run."""

from __future__ import annotations

import pytest


class Crashed(Exception):
    """Playwright's error when a tab's renderer dies, as its message reads."""

    def __init__(self) -> None:
        super().__init__("Page.evaluate: Target crashed ")


def visits_failing(bench, monkeypatch: pytest.MonkeyPatch, failures: list[Exception]) -> list[str]:
    """Replace reader_visits with one that raises ``failures`` in turn, then succeeds; the
    pages it was asked for."""
    asked: list[str] = []

    def reader_visits(playwright, url, marker, network, page_kind):
        asked.append(url)
        if len(asked) <= len(failures):
            raise failures[len(asked) - 1]
        return 1000.0, 500.0, 1200.0 if page_kind else None

    monkeypatch.setattr(bench, "reader_visits", reader_visits)
    return asked


def test_a_reference_page_that_crashed_is_visited_afresh_and_reported(repo_module, monkeypatch) -> None:
    bench = repo_module("benchmarks/run.py")
    asked = visits_failing(bench, monkeypatch, [Crashed()])
    crashes: list[str] = []
    assert (1000.0, 500.0, None) == bench.reference_or_own_visits(
        None, "http://x/_bench/pyscript.html", "__ready", (20, 40), "pyscript", crashes
    )
    assert 2 == len(asked)
    assert ["pyscript (20 Mbit/s)"] == crashes


def test_a_reference_page_that_keeps_crashing_ends_the_run(repo_module, monkeypatch) -> None:
    bench = repo_module("benchmarks/run.py")
    visits_failing(bench, monkeypatch, [Crashed()] * (bench.REFERENCE_CRASH_RETRIES + 1))
    with pytest.raises(Crashed):
        bench.reference_or_own_visits(None, "http://x/_bench/pyscript.html", "__ready", None, "pyscript", [])


@pytest.mark.parametrize(
    ("name", "failure"),
    [("page", Crashed()), ("pyscript", RuntimeError("http://x/ never set __ready"))],
)
def test_a_crash_of_our_page_or_any_other_failure_ends_the_run(repo_module, monkeypatch, name, failure) -> None:
    bench = repo_module("benchmarks/run.py")
    asked = visits_failing(bench, monkeypatch, [failure])
    crashes: list[str] = []
    with pytest.raises(type(failure)):
        bench.reference_or_own_visits(None, "http://x/", "__live", None, name, crashes)
    assert 1 == len(asked)
    assert [] == crashes
