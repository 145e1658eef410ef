"""Word files read by what they are, not by their name.

Offices rename freely: a docx saved as ``.doc``, an old binary .doc renamed ``.docx``, a
web page "saved as Word". Both suffixes come here; the content decides whether the docx
reader (:mod:`checker.read.docx_text`), the converters (:mod:`checker.read.office_convert`)
or the HTML reader gets the bytes, so those readers need not know each other.
"""

from __future__ import annotations

from checker.read.container import is_encrypted_ooxml, sniff
from checker.read.docx_text import read_docx_bytes
from checker.read.errors import InputError
from checker.read.html_text import read_html_bytes
from checker.read.office_convert import read_doc_bytes, read_odt_bytes, read_rtf_bytes
from checker.read.source import SourceText

_ODF_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


def is_odf_text(data: bytes) -> bool:
    """An OpenDocument text: a zip whose first entry, stored uncompressed, is its ``mimetype``
    (the ODF rule), so the name and the type sit at fixed places in the first bytes."""
    return data.startswith(b"PK\x03\x04") and data[30 : 30 + len(_ODF_MIMETYPE)] == _ODF_MIMETYPE


def _read_zip(data: bytes) -> SourceText:
    """A zip under a Word name: an OpenDocument text saved as .doc/.docx, else a docx."""
    return read_odt_bytes(data) if is_odf_text(data) else read_docx_bytes(data)


def read_docx_named(data: bytes) -> SourceText:
    """A file named .docx/.docm: a docx, or an old .doc under that name."""
    if sniff(data) == "ole":
        if is_encrypted_ooxml(data):
            raise InputError("encrypted")
        return read_doc_bytes(data)
    return _read_zip(data)


def read_doc_named(data: bytes) -> SourceText:
    """A file named .doc: a Word 97–2003 file, or a docx, ODT, HTML or RTF file under that name."""
    kind = sniff(data)
    if kind == "zip":
        return _read_zip(data)
    if kind == "html":
        return read_html_bytes(data)
    return read_doc_bytes(data)


def read_rtf_named(data: bytes) -> SourceText:
    """A file named .rtf: RTF, or a Word file under that name (Word opens either)."""
    kind = sniff(data)
    if kind == "rtf":
        return read_rtf_bytes(data)
    if kind == "html":
        return read_html_bytes(data)
    return read_doc_named(data)


def read_odt_named(data: bytes) -> SourceText:
    """A file named .odt: an OpenDocument text, or a Word file under that name."""
    return read_odt_bytes(data) if is_odf_text(data) else read_doc_named(data)
