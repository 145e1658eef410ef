"""Every format a report arrives in yields the seed's text (issue 4)."""

from __future__ import annotations

import pytest

from checker.read import read_path
from checker.text.script import looks_traditional, to_simplified
from tests.conftest import seed_text
from tests.read_support import (
    FORMATS,
    SEED_KEYS,
    fixture,
    han_coverage,
    require_tool,
    squeeze,
)

PDF_SEEDS = sorted(int(path.stem[4:]) for path in FORMATS.glob("seed*.pdf"))


@pytest.mark.parametrize("key", SEED_KEYS)
def test_docx_text_is_the_seed_text(key):
    source = read_path(fixture(f"seed{int(key)}.docx"))
    assert source.format == "docx"
    assert squeeze(source.text) == squeeze(seed_text(key))


@pytest.mark.parametrize("key", SEED_KEYS)
def test_docx_gives_one_line_per_paragraph_with_labels(key):
    source = read_path(fixture(f"seed{int(key)}.docx"))
    paragraphs = [line.strip() for line in seed_text(key).splitlines() if line.strip()]
    lines = source.text.split("\n")
    assert len(lines) == len(paragraphs) == len(source.line_labels)
    assert source.label(1) == "第1段"


@pytest.mark.parametrize("number", PDF_SEEDS)
def test_pdf_text_holds_the_seed_text_in_order(number):
    key = f"{number:03d}"
    source = read_path(fixture(f"seed{number}.pdf"))
    assert source.format == "pdf"
    assert han_coverage(seed_text(key), source.text) >= 0.98
    assert squeeze(seed_text(key)) in squeeze(source.text)


@pytest.mark.parametrize("key", SEED_KEYS)
def test_html_body_is_the_seed_text(key):
    source = read_path(fixture(f"seed{int(key)}.html"))
    assert source.format == "html"
    assert squeeze(seed_text(key)) in squeeze(source.text)
    assert han_coverage(seed_text(key), source.text) >= 0.98


@pytest.mark.parametrize("key", SEED_KEYS)
def test_doc_text_is_the_seed_text(key):
    require_tool("antiword", "soffice")
    source = read_path(fixture(f"seed{int(key)}.doc"))
    assert source.format == "doc"
    assert squeeze(source.text) == squeeze(seed_text(key))


def test_doc_through_libreoffice_when_antiword_is_missing(monkeypatch):
    require_tool("soffice")
    from checker.read import office_convert

    monkeypatch.setattr(office_convert, "antiword_path", lambda: None)
    source = read_path(fixture("seed2.doc"))
    assert squeeze(source.text) == squeeze(seed_text("002"))


def test_wps_is_read_through_libreoffice():
    require_tool("soffice")
    source = read_path(fixture("seed4.wps"))
    assert source.format == "wps"
    assert squeeze(source.text) == squeeze(seed_text("004"))


@pytest.mark.parametrize(
    ("name", "key", "encoding"),
    [
        ("seed0.txt", "000", "utf-8-sig"),
        ("seed0.gb18030.txt", "000", "gb18030"),
        ("seed1.gbk.txt", "001", "gb18030"),
        ("seed2.utf16le.txt", "002", "utf-16-le"),
        ("seed3.utf16be.txt", "003", "utf-16"),
    ],
)
def test_text_encodings_decode_to_the_seed(name, key, encoding):
    source = read_path(fixture(name))
    assert source.encoding == encoding
    assert source.text == seed_text(key).replace("\r\n", "\n")


def test_cr_only_newlines_become_lf():
    source = read_path(fixture("seed1.gbk.txt"))  # written with lone CR line ends
    assert "\r" not in source.text
    assert source.text.count("\n") == seed_text("001").count("\n")


def test_crlf_newlines_become_lf():
    source = read_path(fixture("seed0.txt"))
    assert "\r" not in source.text
    assert source.text.split("\n") == seed_text("000").split("\n")


def test_big5_traditional_text_decodes_and_simplifies():
    source = read_path(fixture("seed4.big5.txt"))
    assert source.encoding == "big5"
    assert looks_traditional(source.text)
    simplified = to_simplified(source.text)
    assert len(simplified) == len(source.text)
    assert not looks_traditional(simplified)
    assert han_coverage(seed_text("004"), simplified) >= 0.98
