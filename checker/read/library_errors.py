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


# (pattern in the library's message, or exception type name) → the cause in plain Chinese
_CAUSES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), sentence)
    for pattern, sentence in (
        (r"entity amplification|entity.*(?:loop|recursion)|entities? .*exceed",
         "XML 中的实体引用展开过多，疑似“实体炸弹”，为安全起见拒绝读取"),
        (r"Excessive depth", "XML 嵌套过深"),
        (r"password required|is encrypted", "文件已加密"),
        (r"Failed to load page", "PDF 中有页面结构损坏，无法打开该页"),
        (r"Failed to load document|Data format error|PdfiumError", "PDF 文件结构损坏，无法打开"),
        (r"zip file version|compression (?:type|method)",
         "压缩包使用了不支持的版本或压缩方式"),
        (r"Bad CRC|CRC-32", "压缩包中的数据校验失败，文件不完整或已损坏"),
        (r"not a zip file|Bad magic number|Truncated|BadZipFile|End-of-central-directory",
         "zip 压缩包结构损坏或不完整"),
        (r"^(?:error|zlib)\b.*(?:inflat|decompress)|Error -3 while decompressing", "压缩数据损坏"),
        (r"XMLSyntaxError|Specification mandates|StartTag|EndTag|not well-formed|Premature end|"
         r"Opening and ending tag|Document is empty|xmlParse|attributes? construct",
         "XML 内容不符合语法"),
        (r"EOFError|unpack requires|struct\.error", "文件数据不完整，可能被截断"),
    )
)  # fmt: skip
_LOCATION = re.compile(r"\s*\(<string>, line \d+\)$")
_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?")
MAX_DETAIL = 160


def describe(exc: BaseException) -> str:
    """A library's complaint about a file as the cause in plain Chinese, its own words (at most
    ``MAX_DETAIL`` characters, no Python object reprs) trailing in brackets as the detail:
    "PDF 中有页面结构损坏，无法打开该页（详情：Failed to load page.）"."""
    detail = library_text(exc)
    subject = f"{type(exc).__name__} {detail}"
    sentence = next((text for pattern, text in _CAUSES if pattern.search(subject)), "文件内容无法解析")
    return f"{sentence}（详情：{detail}）"


def library_text(exc: BaseException) -> str:
    """An exception's message on one line, shortened, without object reprs or lxml's
    "(<string>, line 1)"; the exception's name when it says nothing."""
    text = _LOCATION.sub("", _OBJECT_REPR.sub("", str(exc).strip("'\"")))
    text = " ".join(text.split())
    if len(text) > MAX_DETAIL:
        text = text[: MAX_DETAIL - 1] + "…"
    return text or type(exc).__name__
