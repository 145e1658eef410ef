"""OFD reader (GB/T 33190-2016 版式文档): one line per visual line, labelled "第P页第L行".

The package is opened with the shared zip guards (:mod:`checker.read.ofd_package`), each
page's characters are placed from their TextCode positions (:mod:`checker.read.ofd_layout`)
and the lines are built, ordered and cleaned of page numbers and running headers/footers
exactly as for a PDF (:mod:`checker.read.paged`).
"""

from __future__ import annotations

from checker.read.errors import InputError
from checker.read.source import SourceText

MIN_TEXT_CHARS = 20  # fewer visible characters in the whole file: images only (a scan)


def read_ofd_bytes(data: bytes) -> SourceText:
    """Read an OFD package; InputError 'encrypted', 'corrupt', 'zip-bomb', 'too-deep',
    'too-many-pages', 'too-long' or 'no-text' (pages of images only)."""
    from checker.read.ofd_layout import Counter, page_glyphs, visual_lines
    from checker.read.ofd_package import OfdPackage
    from checker.read.paged import paged_source, visible_chars

    package = OfdPackage(data)
    try:
        counter = Counter()
        boxed = [
            visual_lines(page_glyphs(package.page_roots(content), counter))
            for content in package.pages(package.document())
        ]
    finally:
        package.close()
    source = paged_source(boxed, "ofd")
    if visible_chars(source) < MIN_TEXT_CHARS:
        raise InputError("no-text", pages=len(boxed))
    return source
