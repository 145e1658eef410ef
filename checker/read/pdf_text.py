"""PDF reader (pypdfium2): one line per visual line, labelled "第P页第L行".

Characters are placed by their own coordinates (baseline, then x) rather than taken in
content-stream order, because LibreOffice draws fallback-font glyphs such as “ ” after
the CJK run they belong to. Wrapped lines are deliberately not re-joined and spaces are
not touched: the normaliser does both, for every format alike. Page numbers and running
headers/footers are dropped here (see :mod:`checker.read.pdf_furniture`).
"""

from __future__ import annotations

import ctypes

from checker.read.errors import InputError
from checker.read.pdf_columns import Glyph, boxed_lines, is_latin
from checker.read.pdf_layout import LineBox
from checker.read.source import SourceText

FPDF_ERR_PASSWORD = 4
# an annual report has 5-50 pages, a compilation of them a few hundred; 5,000 pages of text
# would pass the 5,000,000-character cap only after minutes of reading
MAX_PAGES = 5000
MIN_TEXT_CHARS = 20  # fewer visible characters than this in the whole file: a scan
GARBLED_SHARE = 0.3  # a page whose characters are this share unmapped has a garbled text layer
_SKIP_CODES = {0, 0xFFFE, 0xFFFF, 0x0D, 0x0A, 0x02}
WIDE_GAP_EM = 1.0
OVERPRINT_EM = 0.3  # the same glyph drawn again this close is fake bold, one character
OVERPRINT_LOOKBACK = 2  # a narrow glyph (“) printed twice too may sort between the two
_MAX_TILT = 0.05  # radians; tilted text is a watermark or a stamp, not running text


def _page_glyphs(textpage, raw) -> list[Glyph]:
    handle = textpage.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()  # the loose box spans the glyph's advance, not just its ink
    glyphs: list[Glyph] = []
    for index in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, index)
        if code in _SKIP_CODES or (code < 0x20 and code != 0x09) or code > 0x10FFFF:
            continue
        angle = raw.FPDFText_GetCharAngle(handle, index)
        if min(angle, abs(6.283185307179586 - angle)) > _MAX_TILT:
            continue
        raw.FPDFText_GetCharOrigin(handle, index, x, y)
        raw.FPDFText_GetLooseCharBox(handle, index, box)
        size = raw.FPDFText_GetFontSize(handle, index) or (box.top - box.bottom) or 10.0
        generated = code == 0x20 and bool(raw.FPDFText_IsGenerated(handle, index))
        glyphs.append(Glyph(chr(code), x.value, max(box.right, x.value), y.value, size, generated))
    return glyphs


def _visual_lines(glyphs: list[Glyph]) -> list[tuple[str, LineBox]]:
    """Group glyphs into lines by baseline (top to bottom, two columns in turn), each line
    ordered by x, with the line's box in its column's frame for layout hints."""
    return boxed_lines(glyphs, _line_text)


def _line_text(line: list[Glyph]) -> str:
    """Characters left to right. pdfium's guessed spaces are kept only next to Latin letters
    or digits ("工作 2 次"): beside CJK they come from narrow fallback glyphs such as “.
    A glyph printed again a hair to the right (fake bold, 法法治治) is read once."""
    line.sort(key=lambda g: g.x)
    parts: list[str] = []
    inked: list[Glyph] = []  # the glyphs with ink read so far
    for index, glyph in enumerate(line):
        previous = line[index - 1] if index else None
        if not glyph.char.isspace():
            if any(_overprints(glyph, earlier) for earlier in inked[-OVERPRINT_LOOKBACK:]):
                continue
            inked.append(glyph)
        if glyph.generated:
            following = line[index + 1] if index + 1 < len(line) else None
            if not any(other is not None and is_latin(other.char) for other in (previous, following)):
                continue
        elif (
            previous is not None
            and glyph.char != " "
            and previous.char != " "
            and glyph.x - previous.right > WIDE_GAP_EM * max(previous.size, glyph.size)
        ):
            parts.append(" ")  # a tab stop or table column with nothing drawn between
        parts.append(glyph.char)
    return "".join(parts).strip()


def _overprints(glyph: Glyph, previous: Glyph) -> bool:
    """Whether ``glyph`` repeats ``previous`` at almost the same place."""
    return glyph.char == previous.char and glyph.x - previous.x < OVERPRINT_EM * max(
        previous.size, glyph.size
    )


def _open(data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == FPDF_ERR_PASSWORD:
            raise InputError("encrypted") from exc
        from checker.read.library_errors import describe

        raise InputError("corrupt", error=describe(exc)) from exc


def extract_pages(data: bytes) -> list[list[str]]:
    """Visual lines of every page, furniture included."""
    return [[text for text, _ in page] for page in extract_page_lines(data)[0]]


def extract_page_lines(data: bytes) -> tuple[list[list[tuple[str, LineBox]]], frozenset[int]]:
    """Visual lines of every page with their boxes, furniture included, and the indexes of
    the pages read by OCR (scans, when Tesseract is installed)."""
    glyph_pages, recognised = _glyph_pages(data)
    return [_visual_lines(glyphs) for glyphs in glyph_pages], recognised


def _is_garbled(glyphs: list[Glyph]) -> bool:
    """Whether a page's text layer is mostly characters without meaning: private-use code
    points or U+FFFD, what pdfium gives for a font that has no ToUnicode map."""
    inked = [glyph.char for glyph in glyphs if not glyph.char.isspace()]
    unmapped = sum(char == "\ufffd" or "\ue000" <= char <= "\uf8ff" for char in inked)
    return len(inked) >= MIN_TEXT_CHARS and unmapped > GARBLED_SHARE * len(inked)


def _glyph_pages(data: bytes) -> tuple[list[list[Glyph]], frozenset[int]]:
    """Every page's glyphs: from the text layer, or by OCR for a page that only draws an
    image or whose text layer is garbled; InputError 'garbled-text' for a garbled page that
    cannot be recognised."""
    import pypdfium2.raw as raw

    from checker.read import pdf_ocr

    document = _open(data)
    try:
        if len(document) > MAX_PAGES:  # pdfium loads every page; a page costs its objects
            raise InputError("too-many-pages", pages=len(document), limit=MAX_PAGES)
        pages: list[list[Glyph]] = []
        scanned: list[int] = []
        garbled: list[int] = []
        for page_index in range(len(document)):
            page = document[page_index]
            textpage = page.get_textpage()
            try:
                glyphs = _page_glyphs(textpage, raw)
                if sum(not g.char.isspace() for g in glyphs) < MIN_TEXT_CHARS and pdf_ocr.draws_image(
                    page, raw
                ):
                    scanned.append(page_index)
                elif _is_garbled(glyphs):
                    garbled.append(page_index)
            finally:
                textpage.close()
                page.close()
            pages.append(glyphs)
        unreadable = sorted(scanned + garbled)
        if not unreadable or len(unreadable) > pdf_ocr.MAX_OCR_PAGES or not pdf_ocr.ocr_available():
            if garbled:
                raise InputError("garbled-text", pages="、".join(str(index + 1) for index in garbled))
            return pages, frozenset()
        scanned = unreadable
        for index, glyphs in pdf_ocr.recognise_pages(document, scanned).items():
            pages[index] = glyphs
        return pages, frozenset(scanned)
    finally:
        document.close()


def read_pdf_bytes(data: bytes) -> SourceText:
    """Read a .pdf report; InputError 'encrypted', 'corrupt' or 'needs-ocr'. A report read
    (in part) by OCR has the format "pdf-ocr"."""
    from checker.read.paged import paged_source, visible_chars

    boxed, recognised = extract_page_lines(data)
    source = paged_source(boxed, "pdf-ocr" if recognised else "pdf")
    if visible_chars(source) < MIN_TEXT_CHARS:
        raise InputError("needs-ocr", pages=len(boxed))
    return source
