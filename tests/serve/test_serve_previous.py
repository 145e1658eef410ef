"""Last year's report on the self-check service: the optional ``previous`` file of
``POST /api/check`` and ``/api/annotate``, and the page's "去年的报告（可选）" in a real browser."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import httpx
import pytest

from checker.serve.settings import ServeSettings
from tests.check.previous_pairs import write_pairs
from tests.serve.live import live_server

RULE = "copy-previous-year"


@pytest.fixture(scope="module")
def pairs(tmp_path_factory) -> dict[str, Path]:
    return write_pairs(tmp_path_factory.mktemp("pairs"))


@pytest.fixture(scope="module")
def service():
    with live_server(ServeSettings(workers=1)) as base:
        yield base


def post(
    base: str, this: Path, previous: Path | None, fmt: str = "json", route: str = "check"
) -> httpx.Response:
    files = {"file": (this.name, this.read_bytes(), "text/plain")}
    if previous is not None:
        files["previous"] = (previous.name, previous.read_bytes(), "text/plain")
    params = {"format": fmt} if route == "check" else {}
    return httpx.post(f"{base}/api/{route}", params=params, files=files, data={"lang": "zh"}, timeout=120)


def copies(answer: httpx.Response) -> list[dict]:
    return [f for f in answer.json()["results"][0]["findings"] if f["rule"] == RULE]


def test_the_api_finds_what_check_previous_finds(service, pairs):
    found = copies(post(service, pairs["verbatim"], pairs["previous"]))
    assert [f["message"] for f in found if f["severity"] == "warning"] == [
        "存在的不足和原因部分与本单位2023年报告100%相同。"
    ]
    assert any("零突破" in f["excerpt"] for f in found)
    assert copies(post(service, pairs["verbatim"], None)) == []


def test_the_result_page_says_what_the_comparison_found(service, pairs):
    html = post(service, pairs["different"], pairs["previous"], "html").text
    assert "已与去年的报告 previous.txt 比对：没有发现照搬的部分。" in html
    same_year = post(service, pairs["whole"], pairs["verbatim"], "html").text
    assert "是2024年的报告，本报告是2024年的，不是上一年度" in same_year
    twice = post(service, pairs["whole"], pairs["whole"], "html").text
    assert "与本次检查的是同一份报告，未比对" in twice


def test_an_unusable_previous_file_is_named_and_the_report_checked(service, pairs, tmp_path):
    broken = tmp_path / "2023.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    answer = post(service, pairs["verbatim"], broken, "html")
    assert answer.status_code == 200
    assert "去年的报告 2023.docx 无法读取" in answer.text and "fz-score" in answer.text
    refused = httpx.post(
        f"{service}/api/check",
        files={"file": ("a.txt", pairs["verbatim"].read_bytes(), "text/plain")},
        data={"previous": "去年的报告"},
        timeout=60,
    )
    assert refused.status_code == 400 and "previous 字段应是文件" in refused.json()["error"]["message"]
    two = httpx.post(
        f"{service}/api/check",
        files=[
            ("file", ("a.txt", pairs["verbatim"].read_bytes())),
            ("previous", ("b.txt", pairs["previous"].read_bytes())),
            ("previous", ("c.txt", pairs["previous"].read_bytes())),
        ],
        timeout=60,
    )
    assert two.status_code == 400 and "一次只能上传一个文件" in two.json()["error"]["message"]


def test_the_annotated_copy_has_the_comments(service, pairs):
    answer = post(service, pairs["verbatim"], pairs["previous"], route="annotate")
    assert answer.status_code == 200
    comments = zipfile.ZipFile(io.BytesIO(answer.content)).read("word/comments.xml").decode("utf-8")
    assert comments.count(RULE) == 3
    plain = post(service, pairs["verbatim"], None, route="annotate")
    assert RULE not in zipfile.ZipFile(io.BytesIO(plain.content)).read("word/comments.xml").decode("utf-8")


def test_the_page_shows_the_passages_carried_over_from_last_year(browser_page, pairs):
    page = browser_page
    page.set_input_files("#previous", str(pairs["previous"]))
    page.wait_for_selector("#previous-clear:not([hidden])")
    assert page.inner_text("#previous-state") == "将与去年的报告 previous.txt 比对"
    page.set_input_files("#file", str(pairs["verbatim"]))
    page.wait_for_selector("#result .fz-score", timeout=60_000)
    notes = page.locator(f'#result .fz-note[data-rule="{RULE}"]')
    assert notes.count() == 3
    assert "存在的不足和原因部分与本单位2023年报告100%相同" in " ".join(notes.all_inner_texts())
    # each is highlighted on its passage in the text
    marked = " ".join(
        page.locator(f'#result mark.fz-hl[data-n~="{n}"]').inner_text()
        for n in (note.get_attribute("id").removeprefix("fz-note-") for note in notes.all())
    )
    assert "零突破" in marked and "系统性开展法治学习交流机会较少" in marked
    # the choice stays over Reload, and "不比对" checks the report again without it
    page.reload()
    page.wait_for_selector(f'#result .fz-note[data-rule="{RULE}"]', timeout=60_000)
    assert page.inner_text("#previous-state") == "将与去年的报告 previous.txt 比对"
    page.click("#previous-clear")
    page.wait_for_selector("#result .fz-score", timeout=60_000)
    page.wait_for_function(
        f"!document.querySelector('#result .fz-note[data-rule=\"{RULE}\"]')", timeout=60_000
    )
    assert page.locator("#previous-clear").is_hidden()
