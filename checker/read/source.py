"""What every reader returns: decoded text with its original line structure."""

from __future__ import annotations

from typing import Literal

import msgspec
from msgspec.structs import force_setattr

import checker.regex_cache as regex_cache
from checker.read.errors import InputError
from checker.text import garble

MAX_TEXT_CHARS = 5_000_000  # extracted characters; an annual report has 5,000-50,000
# Lines a reader may give: an annual report has 100-5,000. 4 MB of newlines (a million empty
# lines in a small file) costs every later stage per line: refused, like too-long text.
MAX_LINES = 500_000
# Paragraphs a Word body may hold: the reader spends tens of microseconds on each, so a 49 KB
# docx of a million empty <w:p/> took 50 s; a report has a few thousand.
MAX_PARAGRAPHS = 100_000
_SURROGATE = regex_cache.compile("[\ud800-\udfff]")
Align = Literal["left", "centre", "right"]


def refuse_too_many_lines(lines: int) -> None:
    """``InputError("too-many-lines")`` when a file gives more than ``MAX_LINES`` lines."""
    if lines > MAX_LINES:
        raise InputError("too-many-lines", lines=lines, limit=MAX_LINES)


def refuse_too_many_paragraphs(paragraphs: int) -> None:
    """``InputError("too-many-lines")`` when a Word body holds more than ``MAX_PARAGRAPHS``
    paragraphs: counted before they are walked."""
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError("too-many-lines", lines=paragraphs, limit=MAX_PARAGRAPHS)


def scalar_text(text: str) -> str:
    """``text`` with surrogate pairs joined into their character and lone surrogates as U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class TableCell(msgspec.Struct, frozen=True):
    """Where a line sits in a Word table: the table's number in reading order and the row
    (both 1-based), and whether the table has one cell only (a 专栏 box framing running text)."""

    table: int
    row: int
    box: bool = False


class LineLayout(msgspec.Struct, frozen=True):
    """Where a line sits, when the reader knows: what the parser prefers to text guesses.

    ``align``: left (also justified), centre or right; ``size``: font size relative to the
    body text (1.0 = body); ``indent``: left indent in body characters from the body's left
    edge; ``gap``: extra space above in line heights (0 = ordinary spacing); ``full``: the
    line reaches the right margin; ``style``: "title" or "heading" (Word styles, outline
    levels) with its ``level`` (1 = a part); ``cell``: the line is in a table cell, not the
    report's own running text. None everywhere: the reader does not say.
    """

    align: Align | None = None
    size: float | None = None
    indent: float | None = None
    gap: float | None = None
    full: bool | None = None
    style: Literal["title", "heading"] | None = None
    level: int | None = None
    cell: TableCell | None = None


class SourceText(msgspec.Struct, frozen=True):
    """Text extracted from one file.

    ``text`` keeps the line structure a user sees in the original (lines split on ``\\n``).
    ``line_labels`` optionally names where each line sits in the original file
    (index 0 is line 1), e.g. "第2页第5行" for a PDF or "第12段" for a docx paragraph.
    ``meta`` holds container metadata such as an HTML page's 成文日期 or 发布机构.
    ``layout`` optionally gives each line's :class:`LineLayout` (PDF, docx).
    ``garbled`` holds the garbled lines (:func:`undo_double_encoding` finds them with the
    double encoding it undoes), None when no one has looked.
    """

    text: str
    format: str = "txt"
    encoding: str | None = None
    line_labels: tuple[str, ...] | None = None
    meta: dict[str, str] = msgspec.field(default_factory=dict)
    layout: tuple[LineLayout | None, ...] | None = None  # per line, like line_labels
    garbled: tuple[garble.Garble, ...] | None = None  # garbled lines; None: not looked for yet

    def __post_init__(self) -> None:
        """No surrogate code point leaves a reader (a docx's w:sym "D800", pdfium's UTF-16
        halves): they cannot be encoded, so every later stage that writes or tokenises the
        text would fail on them. Pairs become their character, lone halves U+FFFD."""
        if _has_surrogate(self.text):
            force_setattr(self, "text", scalar_text(self.text))
        if any(_has_surrogate(key + value) for key, value in self.meta.items()):
            force_setattr(
                self, "meta", {scalar_text(key): scalar_text(value) for key, value in self.meta.items()}
            )

    def label(self, line: int) -> str | None:
        """Human location of a 1-based line in the original file, if the reader knows one."""
        if self.line_labels is None or not 1 <= line <= len(self.line_labels):
            return None
        return self.line_labels[line - 1]


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a surrogate code point: UTF-8 encoding (C, ~2 ns a character)
    refuses exactly those, four times faster than a regex scan of every report."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def undo_double_encoding(source: SourceText) -> SourceText:
    """``source`` with a double encoding of its whole text undone (UTF-8 or GB18030 text once
    opened as Windows-1252, GBK or Big5 and saved again), whatever the format it came in, and
    its garbled lines found (``garbled``): every later stage then reads the report as it was
    written, and the check need not scan the text again. Ordinary text costs one regex pass."""
    if not garble.has_suspect(source.text):
        # recorded in place: a copy would check the whole text for surrogates again
        force_setattr(source, "garbled", ())
        return source
    text, encoding = source.text, source.encoding
    repaired = garble.repair(text)
    if repaired is not None and repaired[0].count("\n") == text.count("\n"):  # labels still fit
        text, read_as = repaired
        note = f"repaired from {read_as} mojibake"
        encoding = f"{encoding} ({note})" if encoding else note
    return msgspec.structs.replace(source, text=text, encoding=encoding, garbled=garble.find_garbled(text))
