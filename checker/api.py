"""The Python API: check text, a file or many files and get typed :class:`Result` objects.

>>> from checker import check_text
>>> result = check_text(open("reports/000_ff357cf36fec75c2.txt", encoding="utf-8").read())
>>> result.score, [e.status for e in result.elements]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import replace

from checker.check.engine import evaluate
from checker.check.locate import Locus
from checker.digests import sha256_hex
from checker.i18n import t
from checker.model import Document, ErrorInfo, Result
from checker.options import CheckOptions, options_from
from checker.packs.model import Pack
from checker.parse.structure import parse_document
from checker.read import InputError, read_bytes
from checker.read.names import name_of
from checker.read.source import SourceText, undo_double_encoding
from checker.read.text import normalise_newlines

# Every function takes ``options`` (a CheckOptions) and, for convenience, keyword overrides of
# its fields: ``check_file(path, today=date(2026, 1, 1), pack="veterans")``.


def check_source(
    source: SourceText, *, path: str = "<text>", options: CheckOptions | None = None, **overrides: Any
) -> Result:
    """Check already-extracted text."""
    chosen = options_from(options, **overrides)
    pack = chosen.rule_pack()
    return evaluate(parse_document(source, report_titles(pack)), source, path, chosen, pack).result


def report_titles(pack: Pack) -> list[str]:
    """The pack's patterns of a report's title: they tell the report among a file's documents."""
    return pack.detection.get("title", [])


def check_text(
    text: str, *, path: str = "<text>", options: CheckOptions | None = None, **overrides: Any
) -> Result:
    """Check the text of a report given as a string."""
    source = undo_double_encoding(SourceText(normalise_newlines(text.lstrip("\ufeff"))))
    return check_source(source, path=path, options=options_from(options, **overrides))


def error_result(path: str, code: str, lang: str = "zh", **details: object) -> Result:
    if isinstance(details.get("why"), str):
        details["why"] = t(str(details["why"]), lang)
    if "kind" in details:  # a file kind (directory, fifo, device) in the user's language
        details = {**details, "kind": t(f"kind.{details['kind']}", lang)}
    return Result(path=path, status="error", error=ErrorInfo(code, t(f"error.{code}", lang, **details)))


class Analysis(msgspec.Struct, frozen=True):
    """A checked file with what was read, parsed and located in it (None when it could not be
    read)."""

    result: Result
    document: Document | None = None
    loci: dict[str, Locus | None] | None = None
    source: SourceText | None = None


def analyse_file(path: str | Path, *, options: CheckOptions | None = None, **overrides: Any) -> Analysis:
    """Read, parse and check one file, keeping the parsed document for further use (audit).

    Unreadable input gives an error result, never an exception; ``MemoryError`` is left to
    the caller, which may be a worker process with a memory budget.
    """
    chosen = options_from(options, **overrides)
    try:
        data = read_input(Path(path), chosen.max_bytes)
    except InputError as exc:
        return Analysis(error_result(name_of(path), exc.code, chosen.lang, **exc.details))
    return analyse_bytes(data, name_of(path), options=chosen)


def analyse_bytes(
    data: bytes, name: str, *, options: CheckOptions | None = None, **overrides: Any
) -> Analysis:
    """Check a file's bytes; ``name`` gives the format by its suffix and names the result."""
    chosen = options_from(options, **overrides)
    try:
        source = read_bytes(data, Path(name).suffix, max_bytes=chosen.max_bytes)
    except MemoryError:
        raise
    except Exception as exc:
        return Analysis(failure_result(name, chosen.lang, exc))
    return analyse_source(source, data, name, options=chosen)


def failure_result(name: str, lang: str, exc: Exception) -> Result:
    """The error result for an exception reading or checking a file (never a traceback)."""
    if isinstance(exc, InputError):
        return error_result(name, exc.code, lang, **exc.details)
    if isinstance(exc, RecursionError):  # pathological nesting in a document
        return error_result(name, "corrupt", lang, error=type(exc).__name__)
    return error_result(name, "internal", lang, error=f"{type(exc).__name__}: {exc}")


def analyse_source(
    source: SourceText, data: bytes, name: str, *, options: CheckOptions | None = None, **overrides: Any
) -> Analysis:
    """Parse and check text already read from ``data`` (the file's bytes, for its hash)."""
    chosen = options_from(options, **overrides)
    try:
        pack = chosen.rule_pack()
        document = parse_document(source, report_titles(pack))
        evaluation = evaluate(document, source, name, chosen, pack)
    except MemoryError:
        raise
    except Exception as exc:
        return Analysis(failure_result(name, chosen.lang, exc))
    result = replace(evaluation.result, sha256=sha256_hex(data))
    return Analysis(result, document, evaluation.loci, source)


def check_file(path: str | Path, *, options: CheckOptions | None = None, **overrides: Any) -> Result:
    """Check one file; unreadable input gives ``status='error'``, never an exception."""
    chosen = options_from(options, **overrides)
    try:
        return analyse_file(path, options=chosen).result
    except MemoryError:
        return error_result(name_of(path), "internal", chosen.lang, error="MemoryError")


def read_input(file_path: Path, max_bytes: int) -> bytes:
    """A file's bytes after the checks ``check`` makes (exists, regular, size, known format)."""
    from checker.read import read_file_bytes

    return read_file_bytes(file_path, max_bytes)


def check_files(
    paths: Iterable[str | Path], *, options: CheckOptions | None = None, **overrides: Any
) -> list[Result]:
    """Check several files in order; each bad file becomes an error Result."""
    chosen = options_from(options, **overrides)
    return [check_file(path, options=chosen) for path in paths]
