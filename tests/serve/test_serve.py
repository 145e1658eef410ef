"""The local self-check page: served on loopback, checks an uploaded report, renders it."""

from __future__ import annotations

import base64
import json
import os
import threading
import urllib.error
import urllib.request

import pytest

from checker.api import check_file
from checker.options import CheckOptions
from checker.packs.pack import load_pack
from checker.serve.server import make_server
from tests.browser import launch, require_chromium
from tests.conftest import ROOT, SEEDS

FORMATS = ROOT / "tests" / "fixtures" / "formats"


@pytest.fixture(scope="module")
def server():
    httpd = make_server(CheckOptions(pack=load_pack()), "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def post(base: str, name: str, data: bytes) -> dict:
    body = json.dumps({"name": name, "data": base64.b64encode(data).decode()}).encode()
    request = urllib.request.Request(f"{base}/check", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read().decode("utf-8"))


def test_page_is_served_self_contained(server):
    with urllib.request.urlopen(f"{server}/", timeout=10) as answer:
        page = answer.read().decode("utf-8")
        policy = answer.headers["Content-Security-Policy"]
    assert "法治政府建设年度报告自查" in page and "/*JS*/" not in page
    assert "http://" not in page.replace(server, "") and "https://" not in page
    assert "connect-src 'self'" in policy


def test_uploaded_text_report_is_checked(server):
    [result] = post(server, "000.txt", SEEDS["000"].read_bytes())["results"]
    assert result["status"] == "ok" and result["meta"]["agency"] == "株洲市退役军人事务局"
    statuses = {e["id"]: e["status"] for e in result["elements"]}
    assert statuses["signature"] == "present" and statuses["problems"] == "weak"


def test_uploaded_docx_gives_the_text_verdict(server):
    [docx] = post(server, "seed1.docx", (FORMATS / "seed1.docx").read_bytes())["results"]
    [text] = post(server, "seed1.txt", SEEDS["001"].read_bytes())["results"]
    assert docx["score"] == text["score"]
    assert [e["status"] for e in docx["elements"]] == [e["status"] for e in text["elements"]]


def test_bad_upload_is_an_error_result_not_a_crash(server):
    [result] = post(server, "broken.docx", b"PK\x03\x04 broken")["results"]
    assert result["status"] == "error" and result["error"]["code"] == "corrupt"
    request = urllib.request.Request(f"{server}/check", b"not json", {"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 400


def test_page_renders_a_check_in_headless_chromium(server, tmp_path):
    require_chromium()
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        page.goto(server + "/")
        page.set_input_files("#file", str(SEEDS["003"]))
        page.wait_for_selector("#result .finding")
        text = page.inner_text("#result")
        expected = check_file(SEEDS["003"]).score
        assert "魏都区退役军人事务局" in text and f"{expected} 分" in text
        assert "退役军事务局" in text and "建议：" in text
        assert page.locator("#result .el").count() == 7
        shot = (
            ROOT / "docs" / "serve.png" if os.environ.get("FZCHECK_UPDATE_SCREENSHOT") else tmp_path / "s.png"
        )
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert outside == []
