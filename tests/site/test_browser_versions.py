"""The browser tests run in Debian's Chromium headless shell, the bench and the screenshot tool
in Debian's Chromium (tools/chromium.py): what the tests show holds for the readers' browser
only while both are the same Chromium, built from one source at one version."""

from __future__ import annotations

import re
import subprocess


def test_the_tests_headless_shell_is_the_readers_chromium_version(browser, repo_module) -> None:
    """Playwright's view of the shell it started, against what Debian's ``chromium`` says it is;
    `make chromium` installs both packages together, and a later upgrade of one alone fails here."""
    chromium = repo_module("tools/chromium.py").CHROMIUM
    said = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=True).stdout
    readers = re.search(r"Chromium (\d+(?:\.\d+){3})", said)
    assert readers, said
    assert browser.version == readers.group(1), (
        f"tests run in chromium-headless-shell {browser.version}, readers' chromium is {readers.group(1)}: "
        "apt-get install chromium chromium-headless-shell"
    )
