"""``audit.xlsx``: summary (ranking), coverage, findings, copies and errors sheets, named in the
reader's language (``book.*`` catalogue keys), written by the project's own streaming writer
(:mod:`checker.audit.xlsx`): every row goes to disk as it is made, so memory stays flat in N, and
text from the reports stays text (a report is untrusted input: no formula or link is made of it).

Each report's result is decoded once, in path order, for the findings and errors sheets; what the
summary, coverage and copies sheets need of it (score, grade, verdict, number of findings, element
marks, body and year) goes to a scratch SQLite database, where their passes (ranked, by body, by
similarity) look it up a batch at a time. Reading the store so takes 0.76 s of CPU at 10,000
reports instead of the 1.87 s of three decoding passes (``benchmarks/bench_workbook.py``).

A sheet holds at most Excel's 1,048,576 rows: the rows past it go on in a sheet of their own
right after it, 问题清单（续2）, with the same header and formats. (At about 8 findings a report,
the findings of 135,000 reports fill a sheet; before, the audit then stopped with a ValueError
after checking everything.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from itertools import chain, islice
from pathlib import Path
from typing import Any

from checker.audit.batches import batches
from checker.audit.corpus import Corpus, element_status, kind_names, status_names
from checker.audit.xlsx import MAX_ROWS, Sheet, Workbook
from checker.i18n import DEFAULT_LANG, t

MARKS = {"present": "✓", "weak": "△", "missing": "✗"}
SEVERITIES = ("error", "warning", "info")
COLOR_SCALE = ("#F8696B", "#FFEB84", "#63BE7B")  # lowest score red, median yellow, highest green
BATCH = 500  # reports looked up (and stored) in the scratch database per statement
NO_META = (None, None)  # (agency, year) of a copy's report not in the store, as Corpus.meta has it
ROWS_PER_SHEET = MAX_ROWS  # header included; the rows past it go on in a continuation sheet

# (catalogue key book.col.*, width in characters) of each sheet's columns
SUMMARY = (
    ("rank", 6),
    ("file", 48),
    ("body", 28),
    ("year", 8),
    ("score", 8),
    ("grade", 8),
    ("passed", 10),
    ("findings", 8),
    ("status", 10),
)
COVERAGE = (("body", 28), ("year", 8), ("file", 40))  # then one column (10 wide) per element
FINDINGS = (
    ("file", 40),
    ("body", 24),
    ("year", 8),
    ("rule", 22),
    ("element", 16),
    ("severity", 8),
    ("line", 6),
    ("problem", 50),
    ("suggestion", 50),
    ("excerpt", 40),
    ("basis", 30),
)
COPIES = (
    ("kind", 16),
    ("part", 16),
    ("report", 40),
    ("body", 24),
    ("year", 8),
    ("other", 40),
    ("other-body", 24),
    ("other-year", 8),
    ("share", 10),
    ("passages", 80),
)
ERRORS = (("file", 48), ("status", 10), ("code", 14), ("detail", 70))


def write_workbook(corpus: Corpus, path: Path, lang: str = DEFAULT_LANG) -> Path:
    """``audit.xlsx`` with its sheet names, column headers and status words in ``lang``."""
    elements = corpus.element_names(lang)
    with Workbook(path) as book, closing(_Seen()) as seen:
        fmt = {
            "head": book.style(
                bold=True, fill="#1F4E79", color="#FFFFFF", border=True, wrap=True, valign="center"
            ),
            "pct": book.style(num_format="0%"),
            "wrap": book.style(wrap=True, valign="top"),
            "bad": book.highlight(fill="#FFC7CE", color="#9C0006"),
            "good": book.highlight(fill="#C6EFCE", color="#006100"),
            "weak": book.highlight(fill="#FFEB9C", color="#9C5700"),
        }
        summary = _Sheets(book, lang, "summary", SUMMARY, fmt)
        coverage = _Sheets(book, lang, "coverage", COVERAGE, fmt, tuple((name, 10) for _, name in elements))
        findings = _Sheets(book, lang, "findings", FINDINGS, fmt)
        copies = _Sheets(book, lang, "copies", COPIES, fmt)
        errors = _Sheets(book, lang, "errors", ERRORS, fmt)
        _findings_and_errors(findings, errors, corpus, seen, fmt, lang)
        _summary(summary, corpus, seen, fmt, lang)
        _coverage(coverage, corpus, seen, fmt, len(elements))
        _copies(copies, corpus, seen, fmt, lang)
    return path


class _Sheets:
    """One sheet of the book and, past :data:`ROWS_PER_SHEET` rows, its continuations: each
    right after the one before, with the same name plus （续2）, （续3）…, header and widths."""

    def __init__(
        self,
        book: Workbook,
        lang: str,
        name: str,
        columns: tuple[tuple[str, int], ...],
        fmt: dict[str, int],
        named: tuple[tuple[str, int], ...] = (),
    ) -> None:
        """``columns`` by catalogue key, then ``named`` columns that already have their names."""
        self.book, self.lang, self.head_style = book, lang, fmt["head"]
        self.name = t(f"book.sheet.{name}", lang)
        self.heads = [(t(f"book.col.{key}", lang), width) for key, width in columns] + list(named)
        self.sheets: list[Sheet] = []
        self._add()

    def _add(self) -> None:
        name = self.name
        if self.sheets:
            name = t("book.sheet.continued", self.lang, name=self.name, part=len(self.sheets) + 1)
        after = self.sheets[-1] if self.sheets else None
        sheet = self.book.sheet(name, [width for _, width in self.heads], freeze_rows=1, after=after)
        sheet.row([head for head, _ in self.heads], self.head_style)
        self.sheets.append(sheet)

    def row(self, values: Sequence[Any]) -> None:
        self.rows((values,))

    def rows(self, rows: Iterable[Sequence[Any]], style: int | Sequence[int] = 0) -> None:
        """Append ``rows`` (consumed as they come), starting a continuation sheet when one is full."""
        pending = iter(rows)
        while True:
            sheet = self.sheets[-1]
            sheet.rows(islice(pending, ROWS_PER_SHEET - sheet.next_row), style)
            following = next(pending, None)
            if following is None:
                return
            pending = chain((following,), pending)
            self._add()

    def each(self, formats: Callable[[Sheet, int], None]) -> None:
        """``formats(sheet, last)`` on every sheet holding rows below its header (``last``: its
        last row, 0-based)."""
        for sheet in self.sheets:
            if sheet.next_row > 1:
                formats(sheet, sheet.next_row - 1)


class _Seen:
    """What the other sheets need of each report decoded by the findings pass, in a private
    temporary SQLite database (on disk, deleted when closed): memory stays flat in N. Written and
    read a batch at a time (one statement per batch, not per report)."""

    COLUMNS = ("path", "agency", "year", "score", "grade", "passed", "findings", "marks")

    def __init__(self) -> None:
        self.db = sqlite3.connect("")
        # no declared types: a score keeps its class (int or float) on the way through
        self.db.execute(f"CREATE TABLE seen ({', '.join(self.COLUMNS)}, PRIMARY KEY (path)) WITHOUT ROWID")
        self.pending: list[tuple] = []

    def add(self, row: tuple) -> None:
        self.pending.append(row)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        marks = ", ".join("?" * len(self.COLUMNS))
        self.db.executemany(f"INSERT INTO seen VALUES ({marks})", self.pending)
        self.pending.clear()

    def get(self, paths: list[str], columns: str) -> dict[str, tuple]:
        """path → (``columns``) of each of ``paths`` that was seen."""
        sql = f"SELECT path, {columns} FROM seen WHERE path IN ({', '.join('?' * len(paths))})"
        return {path: values for path, *values in self.db.execute(sql, paths)}

    def close(self) -> None:
        self.db.close()


def _findings_and_errors(
    findings: _Sheets, errors: _Sheets, corpus: Corpus, seen: _Seen, fmt: dict[str, int], lang: str
) -> None:
    """Every report in path order, its result decoded once: its findings, its error if it failed,
    and what the summary, coverage and copies sheets will look up."""
    severities = {severity: t(f"severity.{severity}", lang) for severity in SEVERITIES}
    statuses = status_names(lang)
    ids = [element_id for element_id, _ in corpus.element_names()]
    names = dict(corpus.element_names(lang))  # a reader filters by 存在的不足和原因, not "problems"

    def rows() -> Iterator[list]:
        for report in corpus.reports():
            result = report.result
            path, agency, year = report.path, report.agency or "", report.year or ""
            found = result.get("findings", [])
            marks = element_status(report)
            seen.add(
                (
                    path,
                    report.agency,
                    report.year,
                    report.score,
                    result.get("grade") or "",
                    1 if result.get("passed") else 0,
                    len(found),
                    "|".join(MARKS.get(marks.get(e, ""), "") for e in ids),
                )
            )
            if report.status != "ok":
                error = result.get("error") or {}
                status = statuses.get(report.status, report.status)
                errors.row([path, status, error.get("code", ""), error.get("message", "")])
            for finding in found:
                severity = finding["severity"]
                yield [
                    path,
                    agency,
                    year,
                    finding["rule"],
                    names.get(finding["element"], finding["element"]),
                    severities.get(severity, severity),
                    finding["line"] or "",
                    finding["message"],
                    finding["suggestion"],
                    finding["excerpt"],
                    finding["basis"],
                ]
        seen.flush()

    findings.rows(rows())

    def formats(sheet: Sheet, last: int) -> None:
        sheet.cell_equals(1, 5, last, 5, severities["error"], fmt["bad"])
        sheet.autofilter(0, 0, last, len(FINDINGS) - 1)

    findings.each(formats)


def _looked_up(found: dict[str, tuple], path: str) -> tuple:
    if path not in found:  # stored after the findings pass: not while an audit holds the store
        raise RuntimeError(f"{path} was stored while the workbook was being written")
    return found[path]


def _summary(sheet: _Sheets, corpus: Corpus, seen: _Seen, fmt: dict[str, int], lang: str) -> None:
    statuses, passed, failed = status_names(lang), t("ui.passed", lang), t("ui.failed", lang)

    def rows() -> Iterator[list]:
        rank = 0
        for batch in batches(corpus.rows("ranked", "scored"), BATCH):
            found = seen.get([path for path, *_ in batch], "score, grade, passed, findings")
            for path, status, agency, year in batch:
                rank += 1
                score, grade, verdict, count = _looked_up(found, path)
                yield [
                    rank,
                    path,
                    agency or "",
                    year or "",
                    score,
                    grade,
                    passed if verdict else failed,
                    count,
                    statuses.get(status, status),
                ]

    sheet.rows(rows())

    def formats(part: Sheet, last: int) -> None:
        part.color_scale(1, 4, last, 4, COLOR_SCALE)
        part.cell_equals(1, 6, last, 6, failed, fmt["bad"])
        part.autofilter(0, 0, last, len(SUMMARY) - 1)

    sheet.each(formats)


def _coverage(sheet: _Sheets, corpus: Corpus, seen: _Seen, fmt: dict[str, int], count: int) -> None:
    def rows() -> Iterator[list]:
        for batch in batches(corpus.rows("body", "reports"), BATCH):
            found = seen.get([path for path, *_ in batch], "marks")
            for path, _, agency, year in batch:
                (marks,) = _looked_up(found, path)
                yield [agency or "", year or "", path, *marks.split("|")]

    sheet.rows(rows())

    def formats(part: Sheet, last: int) -> None:
        for mark, name in (("✓", "good"), ("△", "weak"), ("✗", "bad")):
            part.cell_equals(1, 3, last, 2 + count, mark, fmt[name])

    sheet.each(formats)


def _copies(sheet: _Sheets, corpus: Corpus, seen: _Seen, fmt: dict[str, int], lang: str) -> None:
    names, kinds, whole = dict(corpus.element_names(lang)), kind_names(lang), t("audit.whole", lang)

    def rows() -> Iterator[list]:
        for batch in batches(corpus.copies(), BATCH):
            meta = seen.get(sorted({c.a_path for c in batch} | {c.b_path for c in batch}), "agency, year")
            for copy in batch:
                (a_agency, a_year), (b_agency, b_year) = (
                    meta.get(copy.a_path, NO_META),
                    meta.get(copy.b_path, NO_META),
                )
                yield [
                    kinds.get(copy.kind, copy.kind),
                    names.get(copy.part, whole),
                    copy.a_path,
                    a_agency or "",
                    a_year or "",
                    copy.b_path,
                    b_agency or "",
                    b_year or "",
                    copy.similarity,
                    "\n".join(text for _, text in copy.passages),
                ]

    # the share as a percentage, the passages wrapped (one per line)
    sheet.rows(rows(), [0] * 8 + [fmt["pct"], fmt["wrap"]])
    sheet.each(lambda part, last: part.data_bar(1, 8, last, 8, "#F8696B"))
