"""Scanned PDFs: pages that only draw an image are read by Tesseract OCR.

The scans are made here from the seed PDF fixture: each page rendered to a grey image at
150 dpi (a common scanner setting) and placed alone on a page of a new PDF, so the file has
no text layer at all, as a scanner's has.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from checker.api import check_file
from checker.formats import RenderContext
from checker.formats.text import render
from checker.options import CheckOptions
from checker.read import InputError, pdf_ocr, read_path
from checker.read.pdf_ocr import tsv_glyphs
from tests.conftest import seed_text
from tests.read_support import fixture, han_coverage, require_tool

SCAN_DPI = 150


def _scan(source: Path, target: Path, pages: set[int] | None = None) -> Path:
    """``source`` with the chosen pages (all by default) replaced by their picture."""
    original = pdfium.PdfDocument(source)
    out = pdfium.PdfDocument.new()
    out.import_pages(original)
    for index in range(len(original)) if pages is None else sorted(pages):
        page = original[index]
        width, height = page.get_size()
        bitmap = page.render(scale=SCAN_DPI / 72, grayscale=True)
        out.del_page(index)
        scanned = out.new_page(width, height, index=index)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        scanned.insert_obj(image)
        scanned.gen_content()
    out.save(target)
    return target


@pytest.fixture(scope="module")
def scanned_seed(tmp_path_factory) -> Path:
    return _scan(fixture("seed0.pdf"), tmp_path_factory.mktemp("scan") / "scanned-seed0.pdf")


def _statuses(path: Path) -> dict[str, str]:
    return {element.id: element.status for element in check_file(str(path)).elements}


def test_a_scanned_report_is_read_by_ocr(scanned_seed):
    require_tool("tesseract")
    source = read_path(scanned_seed)
    assert source.format == "pdf-ocr"
    assert han_coverage(seed_text("000"), source.text) >= 0.98
    lines = source.text.split("\n")
    assert lines[0] == "株洲市退役军人事务局"  # the running header "公开发布稿" above it is dropped
    assert not any(re.fullmatch(r"[一—\-\s]*\d+[一—\-\s]*", line) for line in lines)  # page numbers
    assert all(re.fullmatch(r"第\d页第\d+行", label) for label in source.line_labels or ())
    assert source.layout is not None and all(hint is not None for hint in source.layout)


def test_a_scanned_report_scores_as_its_text_layer(scanned_seed):
    require_tool("tesseract")
    printed = check_file(str(fixture("seed0.pdf")))
    scanned = check_file(str(scanned_seed))
    assert _statuses(scanned_seed) == _statuses(fixture("seed0.pdf"))
    assert scanned.meta == printed.meta
    assert scanned.score == printed.score


def test_the_user_is_told_the_text_came_from_ocr(scanned_seed):
    require_tool("tesseract")
    result = check_file(str(scanned_seed))
    assert result.format == "pdf-ocr"
    assert "扫描件：文字由软件识别（OCR）得出" in render([result], RenderContext(CheckOptions()))
    assert "recognised by OCR" in render([result], RenderContext(CheckOptions(lang="en")))


def test_a_scanned_signature_page_is_read_with_the_text_pages(tmp_path):
    require_tool("tesseract")
    last = len(pdfium.PdfDocument(fixture("seed0.pdf"))) - 1
    mixed = _scan(fixture("seed0.pdf"), tmp_path / "signed.pdf", pages={last})
    source = read_path(mixed)
    assert source.format == "pdf-ocr"
    assert source.text.split("\n")[-2:] == ["株洲市退役军人事务局", "2025年 1月23日"]
    statuses = _statuses(mixed)
    assert statuses["signature"] == "present" and statuses["date"] == "present"


def test_without_tesseract_a_scan_says_what_to_install(scanned_seed, monkeypatch):
    monkeypatch.setattr(pdf_ocr, "ocr_available", lambda: False)
    with pytest.raises(InputError) as caught:
        read_path(scanned_seed)
    assert caught.value.code == "needs-ocr"
    result = check_file(str(scanned_seed))
    assert result.error is not None and "tesseract-ocr-chi-sim" in result.error.message


def test_too_many_scanned_pages_are_refused_unread(scanned_seed, monkeypatch):
    monkeypatch.setattr(pdf_ocr, "MAX_OCR_PAGES", 2)
    monkeypatch.setattr(pdf_ocr, "recognise_pages", _never)
    with pytest.raises(InputError) as caught:
        read_path(scanned_seed)
    assert caught.value.code == "needs-ocr"


def _never(*_args, **_kwargs):
    raise AssertionError("OCR must not start")


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(*rows: tuple[int, int, int, int, int, int, str]) -> str:
    lines = [TSV_HEADER]
    for level, line, left, top, width, height, text in rows:
        lines.append(f"{level}\t1\t1\t1\t{line}\t0\t{left}\t{top}\t{width}\t{height}\t90\t{text}")
    return "\n".join(lines)


def test_overlapping_word_boxes_keep_their_reading_order():
    """Tesseract gives 矛盾 a box five characters wide, overlapping the next words."""
    tsv = _tsv(
        (4, 1, 100, 100, 400, 40, ""),
        (5, 1, 100, 100, 200, 40, "矛盾"),
        (5, 1, 190, 100, 40, 40, "靠"),
        (5, 1, 240, 100, 40, 40, "法"),
        (4, 2, 100, 200, 300, 40, ""),
        (5, 2, 100, 200, 60, 40, "2025"),
        (5, 2, 170, 200, 40, 40, "年"),
        (5, 2, 220, 200, 20, 40, "1"),
        (5, 2, 240, 200, 40, 40, "月"),
        (5, 2, 290, 200, 50, 40, "23"),
        (4, 3, 100, 300, 300, 40, ""),
        (5, 3, 100, 300, 80, 40, "Page"),
        (5, 3, 200, 300, 20, 40, "3"),
    )
    glyphs = tsv_glyphs(tsv, page_height=842.0)
    rows: dict[float, list] = {}
    for glyph in glyphs:
        rows.setdefault(glyph.baseline, []).append(glyph)
    texts = [
        "".join(g.char for g in sorted(row, key=lambda g: g.x) if not g.generated or g.char != " ")
        for _, row in sorted(rows.items(), reverse=True)
    ]
    assert texts == ["矛盾靠法", "2025年1月23", "Page3"]
    spaces = [g for g in glyphs if g.generated]
    assert len(spaces) == 1  # only between two Latin words
    assert rows[842.0 - 140 * 72 / 200][0].baseline == pytest.approx(842.0 - 50.4)
