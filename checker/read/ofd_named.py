"""A file named .ofd that is really something else: a PDF or Word file saved under the
name a document system gave it, or a site's error page saved under the link's name."""

from __future__ import annotations

from checker.read.container import WORD_KINDS, is_ofd, sniff
from checker.read.errors import InputError, phrase
from checker.read.source import SourceText


def read_ofd_named(data: bytes) -> SourceText:
    """A file named .ofd: an OFD package, or a PDF, Word file or web page under that name."""
    kind = sniff(data)
    if kind == "zip" and is_ofd(data):
        from checker.read.ofd import read_ofd_bytes

        return read_ofd_bytes(data)
    if kind == "pdf":
        from checker.read.pdf_text import read_pdf_bytes

        return read_pdf_bytes(data)
    if kind in WORD_KINDS:
        from checker.read.word import read_doc_named

        return read_doc_named(data)
    raise InputError("corrupt", error=phrase("corrupt.not-ofd"))
