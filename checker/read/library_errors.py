"""Which exceptions from parsing libraries mean "this file is corrupt".

pypdfium2 raises ``PdfiumError: Failed to load page`` on a broken page, ``zipfile`` raises
``NotImplementedError: zip file version`` or ``BadZipFile`` on a damaged archive, lxml raises
``XMLSyntaxError`` on broken document XML. They describe the input, not a bug in fzcheck, so a
reader's failure of this kind becomes the ``corrupt`` error code instead of ``internal``.
"""

from __future__ import annotations

import struct
import traceback
import zlib

_CORRUPT_TYPES: tuple[type[BaseException], ...] = (zlib.error, struct.error, EOFError)
_LIBRARIES = ("pypdfium2", "zipfile", "lxml", "docx", "xml", "zlib", "selectolax", "olefile")


LXML_MAX_DEPTH = 256  # libxml2 refuses deeper XML unless parsing with huge_tree


def too_deep(exc: BaseException) -> bool:
    """Whether ``exc`` is libxml2 refusing XML nested deeper than ``LXML_MAX_DEPTH``: the same
    refusal as ``too-deep`` for markup, not damage."""
    return type(exc).__name__ == "XMLSyntaxError" and "Excessive depth in document" in str(exc)


def is_corrupt(exc: BaseException) -> bool:
    """Whether ``exc`` is a parsing library's complaint about its input."""
    import zipfile

    if isinstance(exc, (*_CORRUPT_TYPES, zipfile.BadZipFile)):
        return True
    module = type(exc).__module__ or ""
    if module.split(".")[0] in _LIBRARIES:
        return True
    # builtin exceptions (NotImplementedError, ValueError, KeyError …) raised inside a library
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        where = frames[-1].filename.replace("\\", "/")
        return any(f"/{name}/" in where or where.endswith(f"/{name}.py") for name in _LIBRARIES)
    return False
