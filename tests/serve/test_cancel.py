"""A slow check called off: the clerk presses "取消" or chooses another file, a script closes
its connection. The service stops the check and its worker takes the next file at once (it
kept the first check running to its time limit, the clerk waiting behind it). One worker,
and a check that never ends (``tests.serve.endless``) under a 90 s time limit."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx
import pytest

from checker.serve import pool as pool_module
from checker.serve.application import create_app
from checker.serve.runner import serving
from checker.serve.settings import ServeSettings
from tests.browser import require_chromium
from tests.conftest import SEEDS
from tests.serve.endless import ENDLESS_JOB, MARK
from tests.serve.live import HOST, raw, server_log
from tests.serve.test_page import FORMATS

SOON = 30  # s: the next check's answer comes well before the endless check's 90 s limit


@pytest.fixture(scope="module")
def log():
    with server_log() as handler:
        yield handler


@pytest.fixture(scope="module")
def app(log):
    require_chromium()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pool_module, "SERVE_JOB", ENDLESS_JOB)
        application = create_app(ServeSettings(workers=1, timeout=90))
        with serving(application, HOST) as base:
            application.state.base = base
            yield application


@pytest.fixture(scope="module")
def server(app):  # the page fixture opens the page on this service
    return app.state.base


def wait_until(condition: Callable[[], bool], seconds: float = SOON) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        time.sleep(0.02)


def endless_report(tmp_path):
    path = tmp_path / "误拖的三百页报告.txt"
    path.write_text(SEEDS["001"].read_text(encoding="utf-8") + MARK, encoding="utf-8")
    return path


def running(app) -> Callable[[], bool]:
    pool = app.state.service.pool
    return lambda: not pool.idle and pool.admitted == 1  # the one worker has the endless check


def stopped(log) -> int:
    """How many running checks the server log says were stopped for a client gone."""
    return sum("cancelled while running" in r.getMessage() for r in log.records)


def test_a_client_that_goes_away_has_its_check_stopped(app, log, tmp_path):
    """curl interrupted, a script's connection closed: the check is stopped, the server log
    says so, and the next report is checked at once on the replaced worker."""
    pool = app.state.service.pool
    before = stopped(log)
    text = endless_report(tmp_path).read_text(encoding="utf-8")
    body = json.dumps({"text": text}).encode("utf-8")
    head = "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {len(body)}"
    sock = raw(app.state.base)
    sock.sendall(head.encode("ascii") + b"\r\n\r\n" + body)
    wait_until(running(app))
    sock.close()
    answer = httpx.post(
        f"{app.state.base}/api/check", data={"text": SEEDS["000"].read_text("utf-8")}, timeout=SOON
    )
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "ok"
    assert stopped(log) == before + 1 and pool.admitted == 0
    assert "its worker was stopped and replaced" in log.records[-1].getMessage()


def test_cancel_on_the_page_stops_the_check_and_the_next_file_is_checked_at_once(
    browser_page, app, log, tmp_path
):
    page = browser_page
    before = stopped(log)
    slow = endless_report(tmp_path)
    page.set_input_files("#file", str(slow))
    cancel = page.get_by_role("button", name="取消")
    cancel.wait_for(state="visible")
    wait_until(running(app))
    cancel.click()
    page.wait_for_function(
        "name => document.querySelector('[role=status]').textContent.includes('已取消检查：' + name)",
        arg=slow.name,
    )
    assert not cancel.is_visible() and page.locator("#result *").count() == 0
    wait_until(lambda: stopped(log) == before + 1)
    page.set_input_files("#file", str(FORMATS / "seed1.docx"))
    page.wait_for_selector("#result .fz-score", timeout=SOON * 1000)
    assert not cancel.is_visible()


def test_choosing_another_file_stops_the_check_under_way(browser_page, app, log, tmp_path):
    page = browser_page
    before = stopped(log)
    page.set_input_files("#file", str(endless_report(tmp_path)))
    wait_until(running(app))
    page.set_input_files("#file", str(FORMATS / "seed2.docx"))
    page.wait_for_selector("#result .fz-score", timeout=SOON * 1000)
    assert page.inner_text("#result h1") == "seed2.docx"
    assert stopped(log) == before + 1
