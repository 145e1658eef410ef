"""Writing a format one result at a time: the writer base, the run's tally, spools and framed JSON.

``fzcheck check`` over a folder hands each result to every format's writer as soon as it is
checked, so memory stays flat however many files there are and the screen fills as it goes.
A format whose head depends on the whole run (JUnit's totals, SARIF's rules and errors, the
Markdown summary) keeps its body in a :class:`Spool` and writes the head at :meth:`close`.
The bytes are those the whole-run rendering gave (``tests/formats/test_streaming.py``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any, Protocol

import msgspec

from checker.formats import FORMATTERS, RenderContext
from checker.model import Result

SPOOL_MEMORY = 8 * 1024 * 1024  # characters a spool keeps in memory before moving to a temporary file
HOLE = "\x00fzcheck-streamed\x00"  # stands for a streamed list or object in a document given to framed()


class TextSink(Protocol):
    """Where a writer's text goes: an open file, the screen, a spool."""

    def write(self, text: str, /) -> Any: ...


class Tally(msgspec.Struct):
    """What a run's summary counts: files, passed and failed reports, errors, non-reports."""

    total: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    not_reports: int = 0

    def add(self, result: Result) -> None:
        self.total += 1
        self.errors += result.status == "error"
        if result.status == "ok" and result.is_report:
            self.passed += result.passed
            self.failed += not result.passed
        elif result.status == "ok":
            self.not_reports += 1

    @classmethod
    def of(cls, results: Iterable[Result]) -> Tally:
        tally = cls()
        for result in results:
            tally.add(result)
        return tally


class FormatWriter:
    """One format's output, fed result by result: :meth:`add` each, then :meth:`close` once."""

    def __init__(self, out: TextSink, ctx: RenderContext) -> None:
        self.out = out
        self.ctx = ctx

    def add(self, result: Result) -> None:  # pragma: no cover - every format overrides it
        raise NotImplementedError

    def close(self) -> None:
        """Write what follows the last result (a summary, closing brackets, a spooled body)."""


def open_writer(name: str, out: TextSink, ctx: RenderContext) -> FormatWriter:
    """A writer of format ``name`` (a key of :data:`~checker.formats.FORMATTERS`) into ``out``."""
    import importlib

    module_name = FORMATTERS[name].split(":")[0]
    return importlib.import_module(module_name).Writer(out, ctx)


def render_all(writer: type[FormatWriter], results: Iterable[Result], ctx: RenderContext) -> str:
    """The whole output of ``results`` as one string (the API and the tests use it)."""
    buffer = io.StringIO()
    sink = writer(buffer, ctx)
    for result in results:
        sink.add(result)
    sink.close()
    return buffer.getvalue()


class Spool:
    """Text kept in memory up to :data:`SPOOL_MEMORY` characters, then in a temporary file."""

    def __init__(self) -> None:
        import tempfile  # the formats that spool (JUnit, SARIF, Markdown) only

        self.file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by copy_to
            max_size=SPOOL_MEMORY, mode="w+", encoding="utf-8"
        )
        self.empty = True

    def write(self, text: str) -> None:
        """Keep ``text``."""
        if text:
            self.file.write(text)
            self.empty = False

    def copy_to(self, out: TextSink) -> None:
        """Write everything spooled to ``out`` and release the spool."""
        import shutil

        self.file.seek(0)
        shutil.copyfileobj(self.file, out)  # type: ignore[arg-type]
        self.file.close()


def dumps(value: Any) -> str:
    """The JSON of every format: UTF-8 text as it is, two-space indents."""
    import json  # the JSON formats only: a plain check does without it

    return json.dumps(value, ensure_ascii=False, indent=2)


def framed(document: dict[str, Any], holes: int) -> list[tuple[str, str]]:
    """Split ``dumps(document)`` at its ``holes`` values equal to :data:`HOLE`: the text before
    each (and after the last, with indent ``""``), paired with the indent of the hole's line."""
    pieces = dumps(document).split(dumps(HOLE))
    if len(pieces) != holes + 1:
        raise ValueError(f"expected {holes} holes in the document, found {len(pieces) - 1}")
    framed_pieces = []
    for piece in pieces[:-1]:
        line = piece[piece.rfind("\n") + 1 :]
        framed_pieces.append((piece, " " * (len(line) - len(line.lstrip(" ")))))
    framed_pieces.append((pieces[-1], ""))
    return framed_pieces


class JsonItems:
    """A JSON list (or object) written item by item exactly as :func:`dumps` nests it at
    ``indent``: ``[`` and the first item, ``,`` before each further one, the closing bracket."""

    def __init__(self, out: TextSink, indent: str, brackets: str = "[]") -> None:
        self.out = out
        self.indent = indent
        self.inner = indent + "  "
        self.brackets = brackets
        self.count = 0

    def add(self, value: Any, key: str | None = None) -> None:
        self.add_dumped(dumps(value), key)

    def add_dumped(self, text: str, key: str | None = None) -> None:
        """An item given as :func:`dumps` wrote it at the top level (``key`` inside an object)."""
        text = text.replace("\n", "\n" + self.inner)
        if key is not None:
            text = f"{dumps(key)}: {text}"
        lead = self.brackets[0] if self.count == 0 else ","
        self.out.write(f"{lead}\n{self.inner}{text}")
        self.count += 1

    def close(self) -> None:
        self.out.write(f"\n{self.indent}{self.brackets[1]}" if self.count else self.brackets)
