"""The self-check page's test fixtures: a live service and a browser page on it, offline."""

from __future__ import annotations

import pytest

from checker.serve.settings import ServeSettings
from tests.browser import launch, require_chromium
from tests.serve.console import Console
from tests.serve.live import live_server

SCREEN = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def server():
    require_chromium()
    with live_server(ServeSettings(workers=2)) as base:
        yield base


@pytest.fixture
def console() -> Console:
    """The browser's errors and policy violations during the test."""
    return Console()


@pytest.fixture
def browser_page(server, console):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport=SCREEN, accept_downloads=True)
        console.watch(context)
        page = context.new_page()
        page.on(
            "request",
            lambda r: None if r.url.startswith((server, "blob:", "data:")) else outside.append(r.url),
        )
        page.goto(server + "/")
        yield page
        browser.close()
    assert outside == []  # offline: no font, script or picture from anywhere but the service
    assert console.faults() == []  # no console error, uncaught exception or CSP violation
