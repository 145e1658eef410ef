"""A docx whose body is a part Word shows in place (w:altChunk) reads as that part's text."""

from __future__ import annotations

import codecs

import pytest

from checker.api import analyse_bytes, check_file
from checker.read import read_bytes
from checker.read.docx_chunks import MAX_CHUNK_BYTES
from tests.conftest import TODAY
from tests.read.altchunk_docx import TITLE_PARAGRAPHS, altchunk_docx, html_chunk, seed0_altchunk, seed0_lines
from tests.read_support import fixture

TITLE = seed0_lines()[:TITLE_PARAGRAPHS]


def _summary(result):
    return (
        result.score,
        [(e.id, e.status) for e in result.elements],
        [(f.rule, f.line, f.column, f.excerpt) for f in result.findings],
    )


def test_an_html_chunk_body_checks_as_the_html_copy():
    result = analyse_bytes(seed0_altchunk(), "seed0-altchunk.docx", today=TODAY).result
    assert result.status == "ok", result.error
    assert _summary(result) == _summary(check_file(fixture("seed0.html"), today=TODAY))


def test_an_html_chunk_is_read_in_place_after_the_title_paragraphs():
    assert read_bytes(seed0_altchunk(), ".docx").text == "\n".join(seed0_lines())


def test_a_plain_text_chunk_is_read_in_place():
    text = "\r\n".join(seed0_lines()[TITLE_PARAGRAPHS:]).encode("gb18030")
    data = altchunk_docx(text, "text/plain", part_name="word/afchunk1.txt")
    assert read_bytes(data, ".docx").text == "\n".join(seed0_lines())


def test_an_mht_chunk_is_read_in_place():
    page = html_chunk(seed0_lines()[TITLE_PARAGRAPHS:])
    archive = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + codecs.encode(page, "base64")
        + b"\r\n--b--\r\n"
    )
    data = altchunk_docx(archive, "message/rfc822", part_name="word/afchunk1.mht")
    assert read_bytes(data, ".docx").text == "\n".join(seed0_lines())


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            altchunk_docx(b"\x89PNG\r\n\x1a\n", "image/png", part_name="word/afchunk1.png"), id="unknown"
        ),
        pytest.param(altchunk_docx(html_chunk(["x"]), relationship=False), id="relationship-missing"),
        pytest.param(altchunk_docx(b"   "), id="blank"),
        pytest.param(
            altchunk_docx(b"{\\rtf1 x}", "application/rtf", part_name="word/afchunk1.rtf"), id="rtf"
        ),
    ],
)
def test_a_chunk_that_shows_nothing_is_skipped(data):
    assert read_bytes(data, ".docx").text == "\n".join(TITLE)


def test_a_chunk_whose_part_is_missing_is_corrupt_like_any_dangling_relationship():
    result = analyse_bytes(altchunk_docx(None), "missing.docx", today=TODAY).result
    assert result.status == "error"
    assert result.error.code == "corrupt"


def test_a_huge_chunk_is_refused_as_too_large(monkeypatch):
    data = seed0_altchunk()
    monkeypatch.setattr("checker.read.docx_chunks.MAX_CHUNK_BYTES", 1000)
    result = analyse_bytes(data, "huge.docx", today=TODAY).result
    assert result.status == "error"
    assert result.error.code == "too-large"


def test_a_chunk_too_large_to_unpack_is_a_zip_bomb():
    data = altchunk_docx(b"<p>" + b"a" * MAX_CHUNK_BYTES + b"</p>")
    result = analyse_bytes(data, "huge.docx", today=TODAY).result
    assert result.status == "error"
    assert result.error.code == "zip-bomb"


def test_a_chunk_with_a_page_nested_too_deep_gives_the_html_error():
    data = altchunk_docx(b"<div>" * 100_000)
    result = analyse_bytes(data, "deep.docx", today=TODAY).result
    assert result.status == "error"
    assert result.error.code == "too-deep"
