"""The page left open while the service is stopped and started again (the clerk closed the
window running ``fzcheck serve``, then ran it again): what a check says meanwhile, and after."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from checker.serve.settings import ServeSettings
from tests.browser import require_chromium
from tests.serve.live import live_server
from tests.serve.test_page import FORMATS

CHECKED = 60_000


class Service:
    """A service that can be stopped and started again on the same port."""

    def __init__(self) -> None:
        self.running = ExitStack()
        self.port = 0
        self.base = self.start()

    def start(self) -> str:
        base = self.running.enter_context(live_server(ServeSettings(workers=1), port=self.port))
        self.port = int(base.rsplit(":", 1)[1])
        return base

    def stop(self) -> None:
        self.running.close()


@pytest.fixture(scope="module")
def service():
    require_chromium()
    service = Service()
    yield service
    service.stop()


@pytest.fixture(scope="module")
def server(service):  # the page fixture opens the page on this service
    return service.base


def test_a_stopped_service_is_said_plainly_and_a_restarted_one_checks_again(browser_page, console, service):
    page = browser_page
    service.stop()
    console.expect("ERR_CONNECTION_REFUSED")  # the browser logs it; the page says it plainly
    page.set_input_files("#file", str(FORMATS / "seed1.docx"))
    page.wait_for_selector("#failure:not([hidden])", timeout=CHECKED)
    said = page.inner_text("#failure")
    assert "连不上检查服务" in said and "再选一次文件" in said
    assert "刷新" not in said  # a reload with the service down shows only the browser's error page
    service.start()
    page.set_input_files("#file", str(FORMATS / "seed1.docx"))
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    assert not page.is_visible("#failure")
