"""Word files read by what they are, not by their name.

Offices rename freely: a docx saved as ``.doc`` or ``.wps``, an old binary .doc renamed ``.docx``, a
web page "saved as Word", a web archive (MHT) or Word 2003 XML that a document system
names ``.doc``. These suffixes come here; the content decides whether the docx reader
(:mod:`checker.read.docx_text`), the converters (:mod:`checker.read.office_convert`), the
HTML, MHT (:mod:`checker.read.mht`) or Word 2003 XML (:mod:`checker.read.wordml2003`)
reader gets the bytes, so those readers need not know each other.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.read.container import is_encrypted_ooxml, is_ofd, sniff
from checker.read.docx_text import read_docx_bytes
from checker.read.errors import InputError
from checker.read.html_text import read_html_bytes
from checker.read.mht import read_mht_bytes
from checker.read.office_convert import read_doc_bytes, read_odt_bytes, read_rtf_bytes, read_wps_bytes
from checker.read.source import SourceText
from checker.read.wordml2003 import read_wordml_bytes

_ODF_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


def is_odf_text(data: bytes) -> bool:
    """An OpenDocument text: a zip whose first entry, stored uncompressed, is its ``mimetype``
    (the ODF rule), so the name and the type sit at fixed places in the first bytes."""
    return data.startswith(b"PK\x03\x04") and data[30 : 30 + len(_ODF_MIMETYPE)] == _ODF_MIMETYPE


def _read_zip(data: bytes) -> SourceText:
    """A zip under a Word (or PDF) name: an OpenDocument text saved as .doc/.docx, an OFD
    package, else a docx."""
    if is_odf_text(data):
        return read_odt_bytes(data)
    if is_ofd(data):
        from checker.read.ofd import read_ofd_bytes

        return read_ofd_bytes(data)
    return read_docx_bytes(data)


_TEXT_READERS = {"html": read_html_bytes, "mht": read_mht_bytes, "wordml": read_wordml_bytes}


def read_docx_named(data: bytes) -> SourceText:
    """A file named .docx/.docm: a docx, or an old .doc, web archive or Word 2003 XML under
    that name."""
    kind = sniff(data)
    if kind == "ole":
        if is_encrypted_ooxml(data):
            raise InputError("encrypted")
        return read_doc_bytes(data)
    if kind in ("mht", "wordml"):
        return _TEXT_READERS[kind](data)
    if kind == "pdf":
        return _read_pdf(data)
    return _read_zip(data)


def _read_pdf(data: bytes) -> SourceText:
    """A PDF under a Word name (a site's "下载 Word 版" link that serves the PDF)."""
    from checker.read.pdf_text import read_pdf_bytes

    return read_pdf_bytes(data)


def _by_content(data: bytes, binary: Callable[[bytes], SourceText]) -> SourceText:
    """A zip, a PDF or a text format by its own reader (with its own guards), else ``binary``."""
    kind = sniff(data)
    if kind == "zip":
        return _read_zip(data)
    if kind == "pdf":
        return _read_pdf(data)
    if kind in _TEXT_READERS:
        return _TEXT_READERS[kind](data)
    return binary(data)


def read_doc_named(data: bytes) -> SourceText:
    """A file named .doc: a Word 97–2003 file, or a docx, ODT, HTML, MHT, Word 2003 XML or
    RTF file under that name."""
    return _by_content(data, read_doc_bytes)


def read_wps_named(data: bytes) -> SourceText:
    """A file named .wps: a WPS (or Word 97–2003) binary file, or a docx, ODT, web page, MHT,
    Word 2003 XML or RTF under that name (a zip bomb named .wps is refused as one, not handed
    to LibreOffice)."""
    if sniff(data) == "rtf":
        return read_rtf_bytes(data)
    return _by_content(data, read_wps_bytes)


def read_rtf_named(data: bytes) -> SourceText:
    """A file named .rtf: RTF, or a Word file under that name (Word opens either)."""
    if sniff(data) == "rtf":
        return read_rtf_bytes(data)
    return read_doc_named(data)


def read_odt_named(data: bytes) -> SourceText:
    """A file named .odt: an OpenDocument text, or a Word file under that name."""
    return read_odt_bytes(data) if is_odf_text(data) else read_doc_named(data)
