"""Opening a Word package: the container checks, then python-docx on the main document part.

.docm, .dotx and .dotm hold the same WordprocessingML body under another main content type,
which python-docx refuses; they open here as ordinary documents (their macros are not read),
and so does a document saved as Strict Open XML.
Every message is for a user: no Python object reprs.
"""

from __future__ import annotations

import functools
import re
from io import BytesIO

from checker.read.container import open_zip, sniff
from checker.read.docx_strict import transitional
from checker.read.errors import InputError, phrase
from checker.read.library_errors import LXML_MAX_DEPTH, describe, too_deep

WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# .docm, .dotx and .dotm: the same WordprocessingML body under another main content type
WORD_VARIANTS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_DOCUMENT, _W_BODY = f"{_W_NS}document", f"{_W_NS}body"
_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?")


def open_docx(data: bytes):
    """The python-docx Document of a docx's bytes, after the container checks; InputError.

    Macro-enabled documents and templates (.docm, .dotx, .dotm, also under a .docx name)
    open as ordinary documents; their macros are not read.
    """
    data = transitional_package(data)
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return _main_document(data)
    except InputError:
        raise
    except PackageNotFoundError as exc:
        raise InputError("corrupt", error=phrase("corrupt.no-office-package")) from exc
    except KeyError as exc:  # a part or relationship the package lacks
        raise InputError("corrupt", error=phrase("corrupt.docx-missing-part", detail=_plain(exc))) from exc
    except Exception as exc:  # lxml XMLSyntaxError, zlib errors inside a damaged part …
        if too_deep(exc):
            raise InputError("too-deep", limit=LXML_MAX_DEPTH) from exc
        raise InputError("corrupt", error=phrase("corrupt.in-docx", cause=describe(exc))) from exc


def transitional_package(data: bytes) -> bytes:
    """A docx's bytes after the container checks, a Strict Open XML one with the transitional
    names (:mod:`checker.read.docx_strict`); InputError when it is no zip or a zip bomb."""
    if sniff(data) != "zip":  # an old .doc under a .docx name is routed by checker.read.word
        raise InputError("corrupt", error=phrase("corrupt.not-zip"))
    with open_zip(data) as archive:
        return transitional(data, archive)


@functools.cache
def _register_word_variants() -> None:
    """Let python-docx load the main part of a .docm/.dotx/.dotm as a Word document part."""
    from docx.opc.part import PartFactory
    from docx.parts.document import DocumentPart

    for content_type in WORD_VARIANTS:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)


def _main_document(data: bytes):
    """Open the package and return its Word Document; InputError when it is no Word file."""
    from docx.package import Package

    _register_word_variants()
    part = Package.open(BytesIO(data)).main_document_part
    content_type = part.content_type
    if content_type != WORD_DOCUMENT and content_type not in WORD_VARIANTS:
        raise InputError("corrupt", error=phrase("corrupt.docx-main-type", type=content_type))
    if part.element.tag != _W_DOCUMENT or part.element.find(_W_BODY) is None:  # <x/>, <html>
        raise InputError("corrupt", error=phrase("corrupt.docx-no-body"))
    return part.document


def _plain(exc: BaseException) -> str:
    """An exception's message for a user: no Python object reprs, no empty text."""
    text = " ".join(_OBJECT_REPR.sub("", str(exc).strip("'\"")).split())
    return text or type(exc).__name__
