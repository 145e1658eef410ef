"""Parts a Word body shows in place (w:altChunk): an HTML page, a web archive or plain text.

OA systems and web editors write a docx whose body is one such part; Word renders it where
the w:altChunk stands. Its lines come from the reader of its format (:mod:`html_text`,
:mod:`mht`, :mod:`text`), read as a whole page shows (Word keeps no article container).
A chunk of another type (RTF, a nested docx) or whose relationship is missing gives no
lines: RTF would need LibreOffice, whose converter module reads docx itself (an import
cycle), and OA systems write HTML. A part larger than any report is refused like a file
that large.
"""

from __future__ import annotations

from checker.read.errors import InputError
from checker.read.html_text import html_fragment_lines
from checker.read.mht import page_html
from checker.read.text import decode_bytes, normalise_newlines

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAX_CHUNK_BYTES = 20 * 1024 * 1024  # a report's page is under a megabyte
_HTML = frozenset({"text/html", "application/xhtml+xml"})
_MHT = frozenset({"message/rfc822", "multipart/related", "application/x-mimearchive"})
_TEXT = frozenset({"text/plain"})


def _plain_lines(data: bytes) -> list[str]:
    text, _encoding = decode_bytes(data)
    return normalise_newlines(text).split("\n")


def _mht_lines(data: bytes) -> list[str]:
    return html_fragment_lines(page_html(data)[0])


def _reader(content_type: str):
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in _HTML:
        return html_fragment_lines
    if kind in _MHT:
        return _mht_lines
    if kind in _TEXT:
        return _plain_lines
    return None


def chunk_lines(part, chunk) -> list[str]:
    """The lines an altChunk shows; ``part``: the python-docx part holding the body."""
    relationship = part.rels.get(chunk.get(f"{{{R}}}id") or "")
    if relationship is None or relationship.is_external:
        return []
    target = relationship.target_part
    reader = _reader(target.content_type or "")
    if reader is None:
        return []
    data = target.blob or b""
    if len(data) > MAX_CHUNK_BYTES:
        raise InputError("too-large", size=len(data), limit=MAX_CHUNK_BYTES)
    if not data.strip():
        return []
    try:
        lines = reader(data)
    except InputError as error:
        if error.code == "empty":
            return []
        raise
    return lines if any(line.strip() for line in lines) else []
