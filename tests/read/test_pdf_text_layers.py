"""PDF text layers as other exporters write them, made from the seed PDFs: look-alike radicals
in the ToUnicode map (macOS Word/WPS), fake bold printed twice over, and fonts whose map
points into the private-use area (a garbled layer)."""

from __future__ import annotations

import pytest

from checker.api import analyse_bytes
from checker.read import pdf_ocr
from checker.read.pdf_text import read_pdf_bytes
from tests.pdf_rewrite import fake_bold_pdf, remap_to_unicode
from tests.read_support import fixture, require_tool
from tests.text_variants import KANGXI


def _seed_pdf(name: str) -> bytes:
    return fixture(name).read_bytes()


def _to_radical(code: int) -> int:
    return ord(KANGXI.get(chr(code), chr(code)))


def _to_private_use(code: int) -> int:
    return 0xE000 + code % 0x1000 if 0x4E00 <= code <= 0x9FFF else code


@pytest.mark.parametrize("name", ["seed0.pdf", "seed2.pdf"])
def test_a_pdf_whose_map_names_kangxi_radicals_scores_as_the_seed(name):
    data = _seed_pdf(name)
    radicals = remap_to_unicode(data, _to_radical)
    assert any("\u2f00" <= char <= "\u2fd5" for char in read_pdf_bytes(radicals).text)
    original, changed = analyse_bytes(data, name).result, analyse_bytes(radicals, name).result
    assert changed.score == original.score
    assert [(f.rule, f.line, f.column) for f in changed.findings] == [
        (f.rule, f.line, f.column) for f in original.findings
    ]


@pytest.mark.parametrize("name", ["seed0.pdf", "seed2.pdf", "two-column-seed4.pdf"])
def test_a_fake_bold_pdf_reads_each_glyph_once(name):
    data = _seed_pdf(name)
    assert read_pdf_bytes(fake_bold_pdf(data)).text == read_pdf_bytes(data).text


def test_a_garbled_text_layer_without_ocr_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(pdf_ocr, "ocr_available", lambda: False)
    garbled = remap_to_unicode(_seed_pdf("seed0.pdf"), _to_private_use)
    result = analyse_bytes(garbled, "seed0.pdf").result
    assert result.status == "error" and result.error is not None
    assert result.error.code == "garbled-text"
    assert "乱码" in result.error.message and "第1、2、3、4页" in result.error.message


def test_a_garbled_text_layer_is_read_by_ocr():
    require_tool("tesseract")
    data = _seed_pdf("seed0.pdf")
    garbled = remap_to_unicode(data, _to_private_use)
    source = read_pdf_bytes(garbled)
    assert source.format == "pdf-ocr"
    result = analyse_bytes(garbled, "seed0.pdf").result
    assert result.is_report and result.score is not None
    assert result.score >= analyse_bytes(data, "seed0.pdf").result.score - 5
