"""Plain data passed between pipeline stages: lines, paragraphs, sections, findings, results."""

from __future__ import annotations

from bisect import bisect_right
from typing import Literal

import msgspec

Severity = Literal["error", "warning", "info"]
Status = Literal["present", "weak", "missing"]
DateForm = Literal[
    "standard",
    "padded",
    "short-year",
    "chinese-numerals",
    "colloquial",
    "dotted",
    "dashed",
    "month-only",
    "invalid",
]


class Line(msgspec.Struct, frozen=True):
    """One normalised physical line and how its characters map back to the original.

    ``columns[i]`` is the 0-based original column of ``text[i]``; ``None`` means the
    identity shifted by ``offset`` (the common case: nothing removed inside the line).
    """

    number: int
    text: str
    offset: int = 0
    columns: tuple[int, ...] | None = None
    width: int = 0  # display width of the original line: how full the layout made it

    def piece(self, start: int, end: int) -> Line:
        """The characters ``start:end`` as a line of their own, still mapped to the original."""
        columns = tuple(self.column(i) - 1 for i in range(start, end))
        return Line(self.number, self.text[start:end], self.offset, columns, self.width)

    def column(self, index: int) -> int:
        """1-based original column of normalised character ``index``."""
        if self.columns is not None:
            if not self.columns:
                return self.offset + 1
            return self.columns[min(max(index, 0), len(self.columns) - 1)] + 1
        return self.offset + index + 1


class Paragraph(msgspec.Struct, frozen=True):
    """A logical paragraph: physical lines re-joined where layout had broken them."""

    index: int
    lines: tuple[Line, ...]
    starts: tuple[int, ...]
    text: str

    @classmethod
    def join(cls, index: int, lines: list[Line]) -> Paragraph:
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line.text)
        return cls(index, tuple(lines), tuple(starts), "".join(line.text for line in lines))

    @property
    def line(self) -> int:
        return self.lines[0].number

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based in the original, of character ``offset``."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return self.lines[i].number, self.lines[i].column(offset - self.starts[i])

    def end(self) -> tuple[int, int]:
        """(line, column) of the place just after the last character: the column after that
        character's in the original (a point at the end of a line is after its last
        character, never before it)."""
        if not self.text:
            return self.line, self.lines[0].column(0)
        line, column = self.position(len(self.text) - 1)
        return line, column + 1


class Heading(msgspec.Struct, frozen=True):
    """A numbered heading: its marker (一、 / (一) / 1. …), rank and title text."""

    marker: str
    rank: int
    title: str
    run_in: bool  # body text follows the title in the same paragraph


def repr_without(record: msgspec.Struct, *hidden: str) -> str:
    """``repr`` of a record without some of its fields (what ``field(repr=False)`` was)."""
    shown = (f"{name}={getattr(record, name)!r}" for name in record.__struct_fields__ if name not in hidden)
    return f"{type(record).__qualname__}({', '.join(shown)})"


class Section(msgspec.Struct):
    """A heading with the paragraphs under it and its sub-sections.

    ``parent`` is a back-reference: left out of ``repr``, and set after the section exists
    when it is unpickled or deep-copied, so the copy's parent is the copied parent.
    """

    heading: Heading
    paragraph: Paragraph
    body: list[Paragraph] = msgspec.field(default_factory=list)
    children: list[Section] = msgspec.field(default_factory=list)
    parent: Section | None = None

    def __repr__(self) -> str:
        return repr_without(self, "parent")

    def __reduce__(self) -> tuple[type[Section], tuple[Heading, Paragraph], tuple[object, ...]]:
        # msgspec's own __reduce__ passes every field to the constructor: a deep copy then
        # copies a child's parent before that parent exists, and gets a second copy of it.
        # The tree goes in the state, set once the section exists (as for a dataclass).
        return (Section, (self.heading, self.paragraph), (self.body, self.children, self.parent))

    def __setstate__(self, state: tuple[list[Paragraph], list[Section], Section | None]) -> None:
        self.body, self.children, self.parent = state

    def all_paragraphs(self) -> list[Paragraph]:
        """Heading paragraph, own body, then every descendant's, in document order."""
        out = [self.paragraph, *self.body]
        for child in self.children:
            out.extend(child.all_paragraphs())
        out.sort(key=lambda p: p.index)
        return out

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1


class DateMark(msgspec.Struct, frozen=True):
    """A date written in the text, parsed, with the form it was written in."""

    iso: str
    raw: str
    form: DateForm
    paragraph: Paragraph
    offset: int


class Claim(msgspec.Struct, frozen=True):
    """One place that says which year, or which body, the report is about.

    ``source``: title, opening, heading, date, plan or signature; ``value``: the year reported
    on ("2023", also for a plan heading that writes 2024) or the body's name.
    """

    source: str
    value: str
    paragraph: Paragraph | None = None
    offset: int = 0
    length: int = 0


class Evidence(msgspec.Struct, frozen=True):
    """Every claim on the year and the body, and the values the weighed claims support."""

    year_claims: tuple[Claim, ...] = ()
    agency_claims: tuple[Claim, ...] = ()
    year: int | None = None
    agency: str | None = None


class Meta(msgspec.Struct, frozen=True):
    agency: str | None
    year: int | None
    title: str | None
    date: str | None


class Part(msgspec.Struct, frozen=True):
    """A document besides the report in the same text (a compilation's next report, a 述法报告
    before or after the report): the paragraph index where it starts (just after the previous
    one's closing), its title, the paragraph holding the title, and its first paragraph."""

    start: int
    title: str
    title_paragraph: Paragraph
    opening: Paragraph | None = None


class Document(msgspec.Struct, frozen=True):
    """A parsed report. Paragraph indices run over the text's paragraphs; ``paragraphs`` are
    the report's (with a cover notice above it), not those of documents before or after it."""

    paragraphs: tuple[Paragraph, ...]
    title: tuple[Paragraph, ...]
    addressee: Paragraph | None
    preamble: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    closing: tuple[Paragraph, ...]
    signature: Paragraph | None
    signature_agency: str | None
    date: DateMark | None
    meta: Meta
    source_meta: dict[str, str]
    evidence: Evidence = Evidence()
    # documents after this one in the same text (a compilation, a 述法报告 after the report);
    # title, body and closing above are this one's only
    later: tuple[Part, ...] = ()
    # documents before the report in the same text, left out (a 述法报告 placed first)
    earlier: tuple[Part, ...] = ()

    @property
    def title_text(self) -> str:
        return "".join(p.text for p in self.title)

    def all_sections(self):
        for section in self.sections:
            yield from section.walk()

    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraphs between title and signature."""
        skip = {p.index for p in self.title}
        if self.signature is not None:
            skip.add(self.signature.index)
        if self.date is not None:
            skip.add(self.date.paragraph.index)
        return tuple(p for p in self.paragraphs if p.index not in skip)


class Basis(msgspec.Struct, frozen=True):
    source: str
    article: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        parts = [self.source]
        if self.article:
            parts.append(self.article)
        return "".join(parts)


class Fix(msgspec.Struct, frozen=True):
    """A mechanical correction a rule declares (``fix:`` in the pack): the text as written
    at the finding's line and column, ``old``, is to become ``new`` ("" deletes it)."""

    old: str
    new: str


class Finding(msgspec.Struct, frozen=True):
    rule: str
    element: str
    severity: Severity
    message: str
    suggestion: str
    line: int | None
    column: int | None
    excerpt: str
    basis: str
    location: str | None = None
    waived: str | None = None
    fingerprint: str = ""
    fix: Fix | None = None  # not part of the JSON contract: ``fzcheck annotate --fix`` applies it


class ElementResult(msgspec.Struct, frozen=True):
    id: str
    name: str
    status: Status
    line: int | None
    score: float
    weight: float


class ErrorInfo(msgspec.Struct, frozen=True):
    code: str
    message: str


class Result(msgspec.Struct, frozen=True):
    path: str
    status: Literal["ok", "error"]
    error: ErrorInfo | None = None
    is_report: bool = False
    not_report_reason: str | None = None
    format: str | None = None
    meta: Meta = Meta(None, None, None, None)
    score: float | None = None
    grade: str | None = None
    passed: bool = False
    elements: tuple[ElementResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    sha256: str | None = None
