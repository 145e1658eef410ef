"""A file's name as text that every output can carry."""

from __future__ import annotations

from pathlib import Path


def name_of(path: str | Path) -> str:
    """``path`` as results, reports and stores write it.

    A file name that is not valid UTF-8 reaches Python with its stray bytes as lone surrogates,
    which no UTF-8 output (JSON, SARIF, XML, SQLite or PostgreSQL text) can hold: those bytes are
    written ``\\xNN``, so distinct names stay distinct. Every other name is kept as it is.
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text
