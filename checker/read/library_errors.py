"""Which exceptions from parsing libraries mean "this file is corrupt".

pypdfium2 raises ``PdfiumError: Failed to load page`` on a broken page, ``zipfile`` raises
``NotImplementedError: zip file version`` or ``BadZipFile`` on a damaged archive, lxml raises
``XMLSyntaxError`` on broken document XML. They describe the input, not a bug in fzcheck, so a
reader's failure of this kind becomes the ``corrupt`` error code instead of ``internal``.

What they say is English library text ("Maximum entity amplification factor exceeded, see
xmlCtxtSetMaxAmplification."): :func:`describe` gives the user a Chinese sentence for the
cause, with the library's words after it as a detail for whoever reports the file.
"""

from __future__ import annotations

import re
import struct
import traceback
import zlib

from checker.read.errors import Phrase, phrase

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


# (pattern in the library's message, or exception type name) → the cause's catalogue key
_CAUSES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), key)
    for pattern, key in (
        (r"entity amplification|entity.*(?:loop|recursion)|entities? .*exceed", "cause.entity-bomb"),
        (r"Excessive depth", "cause.too-deep"),
        (r"password required|is encrypted", "cause.encrypted"),
        (r"Failed to load page", "cause.pdf-page"),
        (r"Failed to load document|Data format error|PdfiumError", "cause.pdf-document"),
        (r"zip file version|compression (?:type|method)", "cause.zip-version"),
        (r"Bad CRC|CRC-32", "cause.zip-crc"),
        (r"not a zip file|Bad magic number|Truncated|BadZipFile|End-of-central-directory",
         "cause.zip-broken"),
        (r"^(?:error|zlib)\b.*(?:inflat|decompress)|Error -3 while decompressing", "cause.deflate"),
        (r"XMLSyntaxError|Specification mandates|StartTag|EndTag|not well-formed|Premature end|"
         r"Opening and ending tag|Document is empty|xmlParse|attributes? construct",
         "cause.xml-syntax"),
        (r"EOFError|unpack requires|struct\.error", "cause.truncated"),
    )
)  # fmt: skip
_LOCATION = re.compile(r"\s*\(<string>, line \d+\)$")
_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?")
MAX_DETAIL = 160


def describe(exc: BaseException) -> Phrase:
    """A library's complaint about a file as the cause in the user's language, its own words (at
    most ``MAX_DETAIL`` characters, no Python object reprs) trailing in brackets as the detail:
    "PDF 中有页面结构损坏，无法打开该页（详情：Failed to load page.）"."""
    detail = library_text(exc)
    subject = f"{type(exc).__name__} {detail}"
    cause = next((key for pattern, key in _CAUSES if pattern.search(subject)), "cause.unparsable")
    return phrase("corrupt.cause", cause=phrase(cause), detail=detail)


def library_text(exc: BaseException) -> str:
    """An exception's message on one line, shortened, without object reprs or lxml's
    "(<string>, line 1)"; the exception's name when it says nothing."""
    text = _LOCATION.sub("", _OBJECT_REPR.sub("", str(exc).strip("'\"")))
    text = " ".join(text.split())
    if len(text) > MAX_DETAIL:
        text = text[: MAX_DETAIL - 1] + "…"
    return text or type(exc).__name__
