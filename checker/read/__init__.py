"""Readers: file bytes → :class:`SourceText`. Each format lives in its own module, imported lazily.

``READERS`` maps a file suffix to ``"module:function"``; the function takes the file's
bytes and returns a :class:`SourceText` or raises :class:`InputError`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from checker.read.errors import InputError, os_error
from checker.read.source import SourceText

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

READERS: dict[str, str] = {
    ".txt": "checker.read.text:read_text_bytes",
    ".text": "checker.read.text:read_text_bytes",
    ".docx": "checker.read.word:read_docx_named",
    ".docm": "checker.read.word:read_docx_named",
    ".pdf": "checker.read.pdf_text:read_pdf_bytes",
    ".html": "checker.read.html_text:read_html_bytes",
    ".htm": "checker.read.html_text:read_html_bytes",
    ".shtml": "checker.read.html_text:read_html_bytes",
    ".xhtml": "checker.read.html_text:read_html_bytes",
    ".doc": "checker.read.word:read_doc_named",
    ".wps": "checker.read.office_convert:read_wps_bytes",
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
    return _reader_for(suffix)(data)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file; every failure is an :class:`InputError` with a stable code."""
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
    except OSError as exc:
        raise os_error(exc) from exc
    if size > max_bytes:
        raise InputError("too-large", size=size, limit=max_bytes)
    _reader_for(file_path.suffix)  # refuse unknown formats before reading the bytes
    try:
        data = file_path.read_bytes()
    except OSError as exc:
        raise os_error(exc) from exc
    return read_bytes(data, file_path.suffix, max_bytes=max_bytes)


__all__ = ["DEFAULT_MAX_BYTES", "READERS", "InputError", "SourceText", "read_bytes", "read_path"]
