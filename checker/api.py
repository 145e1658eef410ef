"""The Python API: check text, a file or many files and get typed :class:`Result` objects.

>>> from checker import check_text
>>> result = check_text(open("reports/000_ff357cf36fec75c2.txt", encoding="utf-8").read())
>>> result.score, [e.status for e in result.elements]
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from checker.check.engine import Options, evaluate
from checker.i18n import t
from checker.model import Document, ErrorInfo, Result
from checker.packs.pack import Pack, load_pack
from checker.parse.structure import parse_document
from checker.read import DEFAULT_MAX_BYTES, InputError, read_bytes
from checker.read.source import SourceText
from checker.read.text import normalise_newlines


def _pack(pack: Pack | str | Path | None) -> Pack:
    return pack if isinstance(pack, Pack) else load_pack(pack or "national")


def check_source(
    source: SourceText,
    *,
    path: str = "<text>",
    pack: Pack | str | None = None,
    fail_under: float | None = None,
    lang: str = "zh",
    today: dt.date | None = None,
) -> Result:
    """Check already-extracted text."""
    document = parse_document(source)
    return evaluate(document, source, _pack(pack), path, Options(fail_under, lang, today))


def check_text(
    text: str,
    *,
    path: str = "<text>",
    pack: Pack | str | None = None,
    fail_under: float | None = None,
    lang: str = "zh",
    today: dt.date | None = None,
) -> Result:
    """Check the text of a report given as a string."""
    source = SourceText(normalise_newlines(text.lstrip("\ufeff")))
    return check_source(source, path=path, pack=pack, fail_under=fail_under, lang=lang, today=today)


def error_result(path: str, code: str, lang: str = "zh", **details: object) -> Result:
    return Result(path=path, status="error", error=ErrorInfo(code, t(f"error.{code}", lang, **details)))


@dataclass(frozen=True)
class Analysis:
    """A checked file with what was parsed from it (None when it could not be read)."""

    result: Result
    document: Document | None = None


def analyse_file(
    path: str | Path,
    *,
    pack: Pack | str | None = None,
    fail_under: float | None = None,
    lang: str = "zh",
    today: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Analysis:
    """Read, parse and check one file, keeping the parsed document for further use (audit).

    Unreadable input gives an error result, never an exception; ``MemoryError`` is left to
    the caller, which may be a worker process with a memory budget.
    """
    try:
        data = _read(Path(path), max_bytes)
    except InputError as exc:
        return Analysis(error_result(str(path), exc.code, lang, **exc.details))
    return analyse_bytes(
        data, str(path), pack=pack, fail_under=fail_under, lang=lang, today=today, max_bytes=max_bytes
    )


def analyse_bytes(
    data: bytes,
    name: str,
    *,
    pack: Pack | str | None = None,
    fail_under: float | None = None,
    lang: str = "zh",
    today: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Analysis:
    """Check a file's bytes; ``name`` gives the format by its suffix and names the result."""
    try:
        source = read_bytes(data, Path(name).suffix, max_bytes=max_bytes)
        document = parse_document(source)
        result = evaluate(document, source, _pack(pack), name, Options(fail_under, lang, today))
    except InputError as exc:
        return Analysis(error_result(name, exc.code, lang, **exc.details))
    except RecursionError as exc:  # pathological nesting in a document
        return Analysis(error_result(name, "corrupt", lang, error=type(exc).__name__))
    except MemoryError:
        raise
    except Exception as exc:
        return Analysis(error_result(name, "internal", lang, error=f"{type(exc).__name__}: {exc}"))
    return Analysis(replace(result, sha256=hashlib.sha256(data).hexdigest()), document)


def check_file(
    path: str | Path,
    *,
    pack: Pack | str | None = None,
    fail_under: float | None = None,
    lang: str = "zh",
    today: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Result:
    """Check one file; unreadable input gives ``status='error'``, never an exception."""
    try:
        return analyse_file(
            path, pack=pack, fail_under=fail_under, lang=lang, today=today, max_bytes=max_bytes
        ).result
    except MemoryError:
        return error_result(str(path), "internal", lang, error="MemoryError")


def _read(file_path: Path, max_bytes: int) -> bytes:
    from checker.read import _reader_for

    try:
        size = file_path.stat().st_size
    except OSError as exc:
        raise InputError("not-found", error=str(exc)) from exc
    if not file_path.is_file():
        raise InputError("unreadable", error="不是普通文件")
    if size > max_bytes:
        raise InputError("too-large", size=size, limit=max_bytes)
    _reader_for(file_path.suffix)
    try:
        return file_path.read_bytes()
    except OSError as exc:
        raise InputError("unreadable", error=str(exc)) from exc


def check_files(paths: Iterable[str | Path], **options: object) -> list[Result]:
    """Check several files in order; each bad file becomes an error Result."""
    return [check_file(path, **options) for path in paths]  # type: ignore[arg-type]
