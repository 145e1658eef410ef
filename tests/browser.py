"""Headless Debian Chromium for the page tests (dashboard, self-check page)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_chromium() -> None:
    """Skip with the reason outside CI when Chromium is missing; in CI that is a failure."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail("CI must have /usr/bin/chromium (apt-get install chromium)")
    pytest.skip("需要 /usr/bin/chromium（apt-get install chromium）才能在浏览器中检查页面")


def launch(playwright):
    """A headless Chromium that makes no background requests."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
