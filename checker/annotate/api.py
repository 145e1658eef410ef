"""Annotate a report from Python: bytes in, the annotated .docx out.

>>> from checker.annotate import annotate_bytes
>>> docx_bytes = annotate_bytes(open("report.docx", "rb").read(), "report.docx", fix=True)

``annotate_bytes`` checks the file exactly as ``check`` does (same pack, language, date),
then returns the document with each finding as a Word comment by "fzcheck", missing
elements commented where they belong, a summary comment on the title and, with
``fix=True``, the rules' mechanical fixes as tracked changes. A docx is copied with its
formatting and text untouched; txt, pdf, ofd, html, doc and wps become a new docx, one
paragraph per paragraph. Input ``check`` refuses raises :class:`AnnotateError` with the
same code and message.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from checker.annotate.annotator import annotate_into
from checker.annotate.docxmap import docx_line_map
from checker.annotate.newdoc import new_document
from checker.annotate.package import WordPackage
from checker.api import analyse_bytes, analyse_source, error_result, read_input
from checker.i18n import t
from checker.model import Result
from checker.options import CheckOptions, options_from
from checker.outfiles import ANNOTATED_SUFFIX, cannot_write, write_atomically
from checker.read import InputError
from checker.read.container import sniff
from checker.read.docx_package import open_docx, transitional_package
from checker.read.docx_text import DocxReading, read_document

if TYPE_CHECKING:
    from checker.check.previous import PreviousReport

OUTPUT_SUFFIX = ANNOTATED_SUFFIX
DOCX_SUFFIXES = (".docx", ".docm", ".doc")  # names under which the reader reads a zip as docx
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
Settle = Callable[[Result], Result]


class AnnotateError(Exception):
    """The input cannot be annotated; ``code`` and ``message`` are those ``check`` reports."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Annotated(msgspec.Struct, frozen=True):
    """The annotated .docx, the check result it shows, and how much was added."""

    data: bytes
    result: Result
    comments: int
    changes: int


def _refuse(result: Result) -> AnnotateError:
    error = result.error
    return AnnotateError(error.code, error.message) if error else AnnotateError("internal", "")


def annotate(
    data: bytes,
    name: str,
    *,
    fix: bool = False,
    options: CheckOptions | None = None,
    settle: Settle | None = None,
    previous: PreviousReport | None = None,
    **overrides: Any,
) -> Annotated:
    """Check ``data`` (a file's bytes; ``name`` gives its format by its suffix) and annotate it.

    ``options`` / keyword overrides as for :func:`checker.api.check_file` (pack, lang, today…);
    ``settle`` turns the check's result into the one shown (``fzcheck annotate`` applies the
    config's waivers, the baseline and the gates with it, as ``check`` does); ``previous``:
    last year's report, whose carried-over passages get a comment each (``check --previous``).
    Raises :class:`AnnotateError` for input ``check`` cannot read (same code and message).
    """
    chosen = options_from(options, **overrides)
    pack, lang = chosen.rule_pack(), chosen.lang
    chosen = chosen.with_changes(pack=pack)
    package_data, word, reading = _read_docx(data, name, chosen.max_bytes)
    if word is not None and reading is not None:  # read once: the Document checked is the one annotated
        analysis = analyse_source(reading.source, data, name, options=chosen)
    else:
        word, analysis = None, analyse_bytes(data, name, options=chosen)
    result, parsed, source = analysis.result, analysis.document, analysis.source
    if result.status == "error" or parsed is None or source is None:
        raise _refuse(result)
    if previous is not None:
        from checker.check.previous import compare  # numpy and the audit's copy detection: only now

        result = compare(analysis, previous, chosen, str(Path(name).resolve()))
    if settle is not None:
        result = settle(result)
    lines = source.text.split("\n")
    try:
        if word is not None and reading is not None:
            package = WordPackage(package_data, word.element, word.part.partname.membername)
            line_map = docx_line_map(reading.paragraphs, lines, reading.unread_runs, reading.chunk_lines)
        else:
            package, line_map = new_document(parsed, lines)
        comments, changes = annotate_into(package, line_map, parsed, result, pack, lines, lang, fix)
        out = package.save()
    except MemoryError:
        raise
    except Exception as exc:  # a layout this module does not handle: a plain error, no traceback
        raise _refuse(error_result(name, "internal", lang, error=f"{type(exc).__name__}: {exc}")) from exc
    return Annotated(out, result, comments, changes)


def _read_docx(data: bytes, name: str, max_bytes: int) -> tuple[bytes, Any, DocxReading | None]:
    """(the package's bytes, its Document, what the reader read of it) when the reader would
    read ``data`` as a docx (a Strict Open XML one as the transitional package it is read as),
    else ``data`` and Nones: then ``analyse_bytes`` reads it and reports any problem exactly
    as ``check`` does."""
    if Path(name).suffix.lower() not in DOCX_SUFFIXES or len(data) > max_bytes or sniff(data) != "zip":
        return data, None, None
    try:
        package = transitional_package(data)
        document = open_docx(package)
        return package, document, read_document(document)
    except MemoryError:
        raise
    except Exception:
        return data, None, None


def annotate_bytes(
    data: bytes, name: str, *, fix: bool = False, options: CheckOptions | None = None, **overrides: Any
) -> bytes:
    """The annotated .docx for a file's bytes (``name``: its file name, for the format).

    ``fix`` adds the tracked changes; ``options`` or overrides such as ``pack="veterans"``,
    ``lang="en"``, ``today=date(2025, 3, 1)`` as for ``check``. Serve the result as
    ``DOCX_MEDIA_TYPE`` named ``output_name(name)``. Raises :class:`AnnotateError` (``code``,
    ``message``) for input ``check`` refuses.
    """
    return annotate(data, name, fix=fix, options=options, **overrides).data


def output_name(name: str) -> str:
    """``report.pdf`` → ``report.checked.docx``: the default name of the annotated copy."""
    path = Path(name)
    return path.with_name(path.stem + OUTPUT_SUFFIX).name


def annotate_file(
    path: str | Path,
    output: str | Path | None = None,
    *,
    force: bool = False,
    fix: bool = False,
    options: CheckOptions | None = None,
    settle: Settle | None = None,
    **overrides: Any,
) -> tuple[Path, Annotated]:
    """Annotate a file and write the copy (default ``<name>.checked.docx`` beside it).

    Never overwrites the input, nor an existing output unless ``force``; the copy is
    written to a temporary file and renamed, so a failure never leaves half a file.
    """
    chosen = options_from(options, **overrides)
    target = annotation_target(path, output, force=force, lang=chosen.lang)
    annotated = annotate_path(path, fix=fix, options=chosen, settle=settle)
    write_annotated(target, annotated, chosen.lang)
    return target, annotated


def annotation_target(path: str | Path, output: str | Path | None, *, force: bool, lang: str) -> Path:
    """Where the annotated copy of ``path`` goes; raises :class:`AnnotateError` (``same-file``,
    ``exists``) when writing there would overwrite the input or, without ``force``, a file."""
    source_path = Path(path)
    target = Path(output) if output is not None else source_path.with_name(output_name(source_path.name))
    if _same_file(source_path, target):
        raise AnnotateError("same-file", t("annotate.same-file", lang, file=target))
    if target.exists() and not force:
        raise AnnotateError("exists", t("annotate.exists", lang, file=target))
    return target


def annotate_path(
    path: str | Path,
    *,
    fix: bool = False,
    options: CheckOptions | None = None,
    settle: Settle | None = None,
    previous: PreviousReport | None = None,
) -> Annotated:
    """Read and annotate a file without writing anything (the part ``fzcheck annotate`` runs
    within its time and memory budget); raises :class:`AnnotateError` as :func:`annotate`."""
    chosen = options_from(options)
    try:
        data = read_input(Path(path), chosen.max_bytes)
    except InputError as exc:
        raise _refuse(error_result(str(path), exc.code, chosen.lang, **exc.details)) from exc
    return annotate(data, str(path), fix=fix, options=chosen, settle=settle, previous=previous)


def write_annotated(target: Path, annotated: Annotated, lang: str) -> None:
    """Write the annotated copy atomically; raises :class:`AnnotateError` ``cannot-write``."""
    try:
        write_atomically(target, annotated.data)
    except OSError as exc:
        raise AnnotateError("cannot-write", str(cannot_write(target, exc, lang))) from exc


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False
