"""A file named .pdf that is really a Word file or a web page: a download link that served the
Word original, or the site's error page saved under the link's name."""

from __future__ import annotations

from checker.read.container import WORD_KINDS, sniff
from checker.read.source import SourceText


def read_pdf_named(data: bytes) -> SourceText:
    """A PDF by the PDF reader; a Word file or web page under a .pdf name by its own."""
    if sniff(data) in WORD_KINDS:
        from checker.read.word import read_doc_named

        return read_doc_named(data)
    from checker.read.pdf_text import read_pdf_bytes

    return read_pdf_bytes(data)
