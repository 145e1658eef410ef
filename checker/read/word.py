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
from checker.read.office_convert import read_doc_bytes
from checker.read.source import SourceText


def read_docx_named(data: bytes) -> SourceText:
    """A file named .docx/.docm: a docx, or an old .doc under that name."""
    if sniff(data) == "ole":
        if is_encrypted_ooxml(data):
            raise InputError("encrypted")
        return read_doc_bytes(data)
    return read_docx_bytes(data)


def read_doc_named(data: bytes) -> SourceText:
    """A file named .doc: a Word 97–2003 file, or a docx, HTML or RTF file under that name."""
    kind = sniff(data)
    if kind == "zip":
        return read_docx_bytes(data)
    if kind == "html":
        return read_html_bytes(data)
    return read_doc_bytes(data)
