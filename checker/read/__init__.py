"""Readers: file bytes → :class:`SourceText`. Each format lives in its own module, imported lazily.

``READERS`` maps a file suffix to ``"module:function"``; the function takes the file's
bytes and returns a :class:`SourceText` or raises :class:`InputError`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from checker.read.errors import InputError, os_error
from checker.read.source import MAX_TEXT_CHARS, SourceText, refuse_too_many_lines, undo_double_encoding

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

READERS: dict[str, str] = {
    ".txt": "checker.read.text:read_text_bytes",
    ".text": "checker.read.text:read_text_bytes",
    ".docx": "checker.read.word:read_docx_named",
    ".docm": "checker.read.word:read_docx_named",
    ".pdf": "checker.read.pdf_named:read_pdf_named",
    ".ofd": "checker.read.ofd_named:read_ofd_named",
    ".html": "checker.read.html_text:read_html_bytes",
    ".htm": "checker.read.html_text:read_html_bytes",
    ".shtml": "checker.read.html_text:read_html_bytes",
    ".xhtml": "checker.read.html_text:read_html_bytes",
    ".doc": "checker.read.word:read_doc_named",
    ".wps": "checker.read.word:read_wps_named",
    ".rtf": "checker.read.word:read_rtf_named",
    ".odt": "checker.read.word:read_odt_named",
    ".mht": "checker.read.mht:read_mht_named",
    ".mhtml": "checker.read.mht:read_mht_named",
}


def supported_suffixes() -> tuple[str, ...]:
    """Suffixes that directory scans pick up."""
    return tuple(sorted(READERS))


def _reader_for(suffix: str) -> Callable[[bytes], SourceText]:
    target = READERS.get(suffix.lower())
    if target is None:
        raise InputError("unsupported", suffix=suffix or "(无扩展名)")
    module_name, func_name = target.split(":")
    return getattr(importlib.import_module(module_name), func_name)


def read_bytes(data: bytes, suffix: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read already-loaded bytes as the format named by ``suffix``."""
    if len(data) > max_bytes:
        raise InputError("too-large", size=len(data), limit=max_bytes)
    if not data.strip():
        raise InputError("empty")
    reader = _reader_for(suffix)
    try:
        source = reader(data)
    except (InputError, MemoryError, RecursionError):
        raise
    except Exception as exc:
        from checker.read.library_errors import LXML_MAX_DEPTH, describe, is_corrupt, too_deep

        if too_deep(exc):
            raise InputError("too-deep", limit=LXML_MAX_DEPTH) from exc
        if is_corrupt(exc):
            raise InputError("corrupt", error=describe(exc)) from exc
        raise
    if not source.text or source.text.isspace():  # a BOM, blanks, full-width spaces: stops at a letter
        raise InputError("empty")
    if len(source.text) > MAX_TEXT_CHARS:  # what every later stage's cost grows with
        raise InputError("too-long", chars=len(source.text), limit=MAX_TEXT_CHARS)
    refuse_too_many_lines(source.text.count("\n") + 1)
    return undo_double_encoding(source)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file; every failure is an :class:`InputError` with a stable code."""
    file_path = Path(path)
    data = read_file_bytes(file_path, max_bytes)
    return read_bytes(data, file_path.suffix, max_bytes=max_bytes)


def read_file_bytes(file_path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A report file's bytes, refused before reading when it is missing, not a regular file
    (FIFO, device, directory), over ``max_bytes`` or of an unknown format."""
    from checker.read.regular import NotRegular, TooLarge, read_regular

    try:
        os.stat(file_path)
    except OSError as exc:
        raise os_error(exc) from exc
    try:
        _reader_for(file_path.suffix)  # refuse unknown formats before reading the bytes
        data = read_regular(file_path, max_bytes)
    except NotRegular as exc:
        raise InputError("not-regular", kind=exc.kind) from exc
    except TooLarge as exc:
        raise InputError("too-large", size=exc.size, limit=exc.limit) from exc
    except OSError as exc:
        raise os_error(exc) from exc
    if file_path.name.startswith(OFFICE_LOCK_PREFIX) and len(data) <= OFFICE_LOCK_MAX_BYTES:
        raise InputError("lock-file")
    return data


# Word and WPS write "~$报告.docx" (a few hundred bytes: who has the file open) beside a file
# they have open; it is no document
OFFICE_LOCK_PREFIX = "~$"
OFFICE_LOCK_MAX_BYTES = 4096


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_TEXT_CHARS",
    "OFFICE_LOCK_PREFIX",
    "READERS",
    "InputError",
    "SourceText",
    "read_bytes",
    "read_file_bytes",
    "read_path",
]
