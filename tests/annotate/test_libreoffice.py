"""LibreOffice opens the annotated copy: every comment and tracked change survives into PDF."""

from __future__ import annotations

import ctypes
import subprocess

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from checker.annotate import annotate
from tests.annotate.helpers import TODAY
from tests.annotate.test_fix import _with_defects
from tests.annotate.wordxml import comment_texts
from tests.read_support import require_tool

TEXT_ANNOTATION = 1  # FPDF_ANNOT_TEXT: how LibreOffice exports a comment (ExportNotes)
EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def _string(annotation, key: bytes) -> str:
    size = pdfium_raw.FPDFAnnot_GetStringValue(annotation, key, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_raw.FPDF_WCHAR))
    pdfium_raw.FPDFAnnot_GetStringValue(annotation, key, pointer, size)
    return buffer.raw.decode("utf-16-le").rstrip("\x00")


def _notes(pdf_path) -> list[tuple[str, str]]:
    """(author line, text) of each comment LibreOffice wrote into the PDF."""
    notes = []
    for page in pdfium.PdfDocument(pdf_path):
        for index in range(pdfium_raw.FPDFPage_GetAnnotCount(page.raw)):
            annotation = pdfium_raw.FPDFPage_GetAnnot(page.raw, index)
            if pdfium_raw.FPDFAnnot_GetSubtype(annotation) == TEXT_ANNOTATION:
                notes.append((_string(annotation, b"T"), _string(annotation, b"Contents")))
            pdfium_raw.FPDFPage_CloseAnnot(annotation)
    return notes


def test_libreoffice_renders_every_comment_and_the_tracked_changes(tmp_path):
    require_tool("soffice")
    out = annotate(_with_defects(), "report.docx", today=TODAY, fix=True)
    docx_path = tmp_path / "report.checked.docx"
    docx_path.write_bytes(out.data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            EXPORT,
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf_path = tmp_path / "report.checked.pdf"
    notes = _notes(pdf_path)
    expected = [text for _, text in comment_texts(out.data).values()]
    assert len(notes) == len(expected)
    assert all(author.startswith("fzcheck") for author, _ in notes)
    assert sorted(text.replace("\r", "\n") for _, text in notes) == sorted(expected)
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf_path))
    assert "妥否" in text  # a tracked deletion is shown struck through, not dropped
