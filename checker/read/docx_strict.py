"""A Word document saved as Strict Open XML (ISO/IEC 29500 strict) read as an ordinary one.

Word's "Strict Open XML Document" writes the same elements under other namespace names
(http://purl.oclc.org/ooxml/wordprocessingml/main for w:, and so on) and relationship types;
python-docx knows only the transitional names and finds no main document. The package is
rewritten with the transitional names before it is opened: element for element the same
document, so the reader and ``fzcheck annotate`` (whose copy is then transitional, which
every Word opens) need nothing else.
"""

from __future__ import annotations

import io
import zipfile

_STRICT_MAIN = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_STRICT = b"http://purl.oclc.org/ooxml/"
# strict name → transitional name; the relationship-type names follow their namespace
_NAMES = (
    (b"wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"officeDocument/relationships/extendedProperties", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    (b"officeDocument/relationships/customProperties", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"),
    (b"officeDocument/relationships", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"officeDocument/extendedProperties", b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"officeDocument/customProperties", b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"officeDocument/docPropsVTypes", b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (b"officeDocument/sharedTypes", b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"),
    (b"officeDocument/math", b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"officeDocument/customXml", b"http://schemas.openxmlformats.org/officeDocument/2006/customXml"),
    (b"officeDocument/bibliography", b"http://schemas.openxmlformats.org/officeDocument/2006/bibliography"),
    (b"drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"drawingml/wordprocessingDrawing", b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"drawingml/picture", b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
    (b"drawingml/chart", b"http://schemas.openxmlformats.org/drawingml/2006/chart"),
    (b"drawingml/diagram", b"http://schemas.openxmlformats.org/drawingml/2006/diagram"),
    (b"schemaLibrary/main", b"http://schemas.openxmlformats.org/schemaLibrary/2006/main"),
)  # fmt: skip


def is_strict(archive: zipfile.ZipFile) -> bool:
    """Whether the package's main document is linked by the strict relationship type."""
    try:
        return _STRICT_MAIN in archive.read("_rels/.rels")
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False  # no package relationships: python-docx says what is wrong


def transitional(data: bytes, archive: zipfile.ZipFile) -> bytes:
    """``data`` (the zip ``archive`` holds) with strict names made transitional; unchanged
    when the document is not strict."""
    if not is_strict(archive):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in archive.infolist():
            payload = archive.read(item)
            if item.filename.endswith((".xml", ".rels")) and _STRICT in payload:
                payload = _renamed(payload)
            target.writestr(item, payload)
    return out.getvalue()


def _renamed(payload: bytes) -> bytes:
    for strict, plain in _NAMES:
        payload = payload.replace(_STRICT + strict, plain)
    return payload
