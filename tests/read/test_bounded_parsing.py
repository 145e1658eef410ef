"""Legal but huge or deep files finish within the budget or are refused with their code;
library errors on corrupt files are ``corrupt``, not ``internal``."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import checker.read as read
from checker.api import check_file
from checker.read import InputError
from checker.read.depth import MAX_DEPTH, check_depth
from tests.conftest import SEEDS

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def check_command(*paths: Path) -> tuple[list[dict], float, int]:
    """``fzcheck check --format json`` in a fresh process: rows, seconds, peak RSS in MB."""
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-config", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.monotonic() - started
    assert "Traceback" not in run.stderr, run.stderr
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return json.loads(run.stdout)["results"], seconds, peak


@pytest.mark.parametrize("tag", ["div", "table", "span", "blockquote"])
@pytest.mark.parametrize("limit", [10, 100])
def test_nesting_deeper_than_the_limit_is_refused(tag, limit):
    inside = f"<{tag}>" * limit + "法治" + f"</{tag}>" * limit
    check_depth(inside, limit)
    with pytest.raises(InputError) as info:
        check_depth(f"<{tag}>" + inside, limit)
    assert info.value.code == "too-deep" and info.value.details["limit"] == limit


def test_unclosed_optional_and_void_tags_do_not_count():
    check_depth("<p>段落" * 50_000 + "<br><img src=x><li>项" * 10_000, limit=10)


def test_real_pages_pass_the_depth_scan():
    for page in FORMATS.glob("*.html"):
        check_depth(page.read_bytes().decode("utf-8", "replace"), limit=60)


@pytest.mark.parametrize("markup", ["<div>{}</div>", "<table><tr><td>{}</td></tr></table>"])
def test_html_30000_deep_is_refused_fast(tmp_path, markup):
    opening, closing = markup.split("{}")
    page = tmp_path / "deep.html"
    page.write_text(f"<html><body>{opening * 30_000}法治{closing * 30_000}</body></html>", encoding="utf-8")
    started = time.monotonic()
    result = check_file(page)
    assert result.error.code == "too-deep" and str(MAX_DEPTH) in result.error.message
    assert time.monotonic() - started < 20  # lexbor alone takes seconds on it


@pytest.mark.parametrize("limit", [50_000, 200_000])
def test_text_longer_than_the_cap_is_refused(tmp_path, monkeypatch, limit):
    monkeypatch.setattr(read, "MAX_TEXT_CHARS", limit)
    line = SEEDS["000"].read_text(encoding="utf-8").replace("\n", "")
    path = tmp_path / "line.txt"
    path.write_text((line * (2 * limit // len(line) + 1))[: limit + 1], encoding="utf-8")
    result = check_file(path)
    assert result.error.code == "too-long" and str(limit) in result.error.message
    path.write_text(line, encoding="utf-8")
    assert check_file(path).status == "ok"


def test_a_50_mb_single_line_text_is_refused_under_1_gb(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_text(("法治政府建设" * 2_900_000)[:17_000_000], encoding="utf-8")  # 51 MB, under the byte cap
    rows, seconds, peak = check_command(path)
    assert rows[0]["error"]["code"] == "too-long"
    assert seconds < 60 and peak < 1024


def test_a_docx_of_24_entries_of_10_mb_finishes_under_1_gb(tmp_path):
    source = zipfile.ZipFile(FORMATS / "seed0.docx")
    path = tmp_path / "huge.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info.filename))
        for i in range(24):
            out.writestr(f"word/media/blob{i}.bin", b"\0" * (10 * 1024 * 1024))
    rows, seconds, peak = check_command(path)
    assert rows[0]["status"] in ("ok", "error")
    if rows[0]["status"] == "error":
        assert rows[0]["error"]["code"] in ("zip-bomb", "too-large")
    else:
        assert rows[0]["is_report"]
    assert seconds < 60 and peak < 1024


def test_a_pdf_page_that_fails_to_load_is_corrupt(tmp_path):
    data = (FORMATS / "seed0.pdf").read_bytes()
    broken = data.replace(b"/Type /Page\n", b"/Type /Pagx\n").replace(b"/Type/Page", b"/Type/Pagx")
    assert broken != data
    path = tmp_path / "broken.pdf"
    path.write_bytes(broken)
    result = check_file(path)
    assert result.error.code == "corrupt", result.error


def test_a_zip_of_an_unsupported_version_is_corrupt(tmp_path):
    data = bytearray((FORMATS / "seed0.docx").read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # "version needed to extract" of every central directory entry
        data[at + 6 : at + 8] = (99).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path = tmp_path / "future.docx"
    path.write_bytes(bytes(data))
    result = check_file(path)
    assert result.error.code == "corrupt" and "zip file version" in result.error.message
