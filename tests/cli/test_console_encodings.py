"""fzcheck's output through a stream in the system's code page, as on Windows.

A redirected ``fzcheck check 报告.docx > 结果.txt`` on a Chinese Windows writes GBK, which has no
✓ or ✗: the command stopped with a traceback. An English Windows (cp1252, hosted CI runners)
can write no Chinese at all. PYTHONIOENCODING gives a Linux process the same streams.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, TODAY

SEED = str(SEEDS["000"])


def _run(encoding: str, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "FZCHECK_NO_CACHE": "1"}
    command = [sys.executable, "-m", "checker", *arguments[:1], "--no-config", "--today", TODAY.isoformat()]
    done = subprocess.run([*command, *arguments[1:]], cwd=ROOT, capture_output=True, env=env, check=False)
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    return done


def test_a_gbk_stream_gets_the_checklist_in_gbk_with_look_alike_marks():
    done = _run("gbk", "check", SEED)
    assert done.returncode == 0
    text = done.stdout.decode("gbk")  # every byte is GBK
    assert "√ 标题" in text and "△ 存在的不足和原因" in text
    assert "得分 86.4" in text


def test_a_stream_that_cannot_hold_chinese_is_written_in_utf8():
    for encoding in ("cp1252", "ascii", "latin-1"):
        done = _run(encoding, "check", SEED)
        assert done.returncode == 0
        assert "✓ 标题" in done.stdout.decode("utf-8"), encoding


def test_the_same_text_as_on_a_utf8_stream_but_for_the_marks():
    utf8 = _run("utf-8", "check", SEED).stdout.decode("utf-8")
    gbk = _run("gbk", "check", SEED).stdout.decode("gbk")
    assert gbk == utf8.replace("✓", "√").replace("✗", "×")


@pytest.mark.parametrize("encoding", ["gbk", "cp1252"])
def test_data_formats_are_utf8_whatever_the_console(encoding):
    reference = _run("utf-8", "check", "--format", "json", SEED).stdout
    assert _run(encoding, "check", "--format", "json", SEED).stdout == reference
    json.loads(reference.decode("utf-8"))
    junit = _run(encoding, "check", "--format", "junit", SEED).stdout
    assert junit.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert ET.fromstring(junit).tag == "testsuites"  # the bytes are what the header declares
    assert (
        _run(encoding, "check", "--format", "sarif", SEED).stdout
        == _run("utf-8", "check", "--format", "sarif", SEED).stdout
    )


def test_a_character_gbk_lacks_is_written_as_an_escape(tmp_path: Path):
    odd = tmp_path / "报告𠮷.txt"  # U+20BB7 is in GB18030 but not in GBK
    shutil.copyfile(SEED, odd)
    done = _run("gbk", "check", str(odd))
    assert done.returncode == 0
    assert "报告\\U00020bb7.txt" in done.stdout.decode("gbk")


def test_errors_on_a_gbk_stderr_are_sentences_not_tracebacks(tmp_path: Path):
    done = _run("gbk", "check", str(tmp_path / "没有这个文件.docx"))
    assert done.returncode != 0
    message = done.stderr.decode("gbk") + done.stdout.decode("gbk")
    assert "没有这个文件.docx" in message
