"""Hostile request bodies get a 400 in plain words of the chosen language: lone surrogate escapes
and deep nesting in JSON, forms the multipart parser refuses; a pasted text that is not UTF-8 is
read as an uploaded .txt is (its encoding detected), never checked as mojibake."""

from __future__ import annotations

import logging
import re

import httpx
import pytest

from checker.serve.settings import ServeSettings
from tests.conftest import SEEDS
from tests.serve.live import live_server, server_log

ENGLISH_LIBRARY_TEXT = re.compile(
    r"JSONDecodeError|UnicodeDecodeError|RecursionError|must be a|Missing boundary|Too many|Invalid multipart"
    r"|Maximum number|maximum size|multipart\.|got \w+"
)


@pytest.fixture(scope="module")
def log():
    with server_log() as handler:
        yield handler


@pytest.fixture(scope="module")
def server(log):
    with live_server(ServeSettings(workers=1, max_upload=1024 * 1024)) as base:
        yield base


JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize("endpoint", ["check", "annotate"])
@pytest.mark.parametrize(
    ("body", "zh", "en"),
    [
        (
            b'{"text": "\\ud800abc"}',
            "字段 text 中有无效的 Unicode 字符",
            "the field text holds an invalid Unicode",
        ),
        (b'{"text": "x", "pack": "\\udfff"}', "字段 pack 中有无效的 Unicode 字符", "the field pack holds"),
        (b"[" * 100_000 + b"]" * 100_000, "嵌套过深", "nested too deeply"),
        (b"{not json", "不是有效的 JSON（第 1 行第 2 列附近）", "not valid JSON (near line 1, column 2)"),
        (b"\xff\xfe", "请求体不是 UTF-8 编码", "the body is not UTF-8"),
        (b"[1, 2]", "收到的是列表", "got a list"),
        (b'{"text": 5}', "字段 text 应为文字", "the field text must be a string"),
    ],
)
def test_bad_json_is_400_in_plain_words(server, log, endpoint, body, zh, en):
    before = len(log.records)
    for lang, expected in (("zh", zh), ("en", en)):
        answer = httpx.post(f"{server}/api/{endpoint}?lang={lang}", content=body, headers=JSON, timeout=60)
        assert answer.status_code == 400, answer.text
        error = answer.json()["error"]
        assert error["code"] == "bad-json" and expected in error["message"], error
        assert lang == "en" or not ENGLISH_LIBRARY_TEXT.search(error["message"]), error
    assert not [r for r in log.records[before:] if r.exc_info or r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("kwargs", "zh"),
    [
        ({"content": b"x", "headers": {"Content-Type": "multipart/form-data"}}, "缺少 multipart 分隔符"),
        ({"data": {f"f{i}": "x" for i in range(20)}}, "字段过多"),
        ({"data": {"file": "not a file part"}}, "字段 file 应为上传的文件"),
        ({"files": [("file", ("a.txt", b"a")), ("file", ("b.txt", b"b"))]}, "一次只能上传一个文件"),
        ({"data": {"text": "x"}, "files": {"pack": ("p.yaml", b"p")}}, "字段 pack 应为文字，而不是文件"),
    ],
)
def test_a_malformed_form_is_400_in_chinese(server, kwargs, zh):
    answer = httpx.post(f"{server}/api/check", timeout=60, **kwargs)
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    assert message.startswith("上传的表单格式不正确：") and zh in message, message
    assert not ENGLISH_LIBRARY_TEXT.search(message), message


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
@pytest.mark.parametrize("form", ["multipart", "urlencoded"])
def test_pasted_text_not_in_utf8_is_read_like_an_uploaded_txt(server, encoding, form):
    text = SEEDS["000"].read_text(encoding="utf-8")
    raw = text.encode(encoding)
    as_file = httpx.post(f"{server}/api/check", files={"file": ("r.txt", raw)}, timeout=60).json()
    if form == "multipart":
        files = {"text": (None, raw, "text/plain")}  # a field, not a file: no file name
        pasted = httpx.post(f"{server}/api/check", files=files, timeout=60).json()
    else:
        from urllib.parse import quote_from_bytes

        body = b"text=" + quote_from_bytes(raw).encode("ascii")
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        pasted = httpx.post(f"{server}/api/check", content=body, headers=headers, timeout=60).json()
    [expected], [got] = as_file["results"], pasted["results"]
    assert expected["is_report"] is True
    assert got["is_report"] is True and got["score"] == expected["score"]
