"""``audit.xlsx``: summary (ranking), coverage, findings, copies and errors sheets, via xlsxwriter;
named in the reader's language (``book.*`` catalogue keys)."""

from __future__ import annotations

from pathlib import Path

from checker.audit.corpus import Corpus, element_status, kind_names, status_names
from checker.i18n import DEFAULT_LANG, t

MARKS = {"present": "✓", "weak": "△", "missing": "✗"}
SEVERITIES = ("error", "warning", "info")
# constant_memory: each row goes to disk as it is written, so memory stays flat in N; text from
# the reports stays text: no formula or link is made of it (a report is untrusted input)
BOOK_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}


def _words(lang: str, *keys: str) -> list[str]:
    """Sheet and column names in ``lang`` (catalogue keys ``book.*``)."""
    return [t(f"book.{key}", lang) for key in keys]


def write_workbook(corpus: Corpus, path: Path, lang: str = DEFAULT_LANG) -> Path:
    """``audit.xlsx`` with its sheet names, column headers and status words in ``lang``."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), BOOK_OPTIONS)
    fmt = {
        "head": book.add_format(
            {
                "bold": True,
                "bg_color": "#1F4E79",
                "font_color": "#FFFFFF",
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
            }
        ),
        "good": book.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"}),
        "weak": book.add_format({"bg_color": "#FFEB9C", "font_color": "#9C5700"}),
        "bad": book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
        "pct": book.add_format({"num_format": "0%"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }
    _summary(book, corpus, fmt, lang)
    _coverage(book, corpus, fmt, lang)
    _findings(book, corpus, fmt, lang)
    _copies(book, corpus, fmt, lang)
    _errors(book, corpus, fmt, lang)
    book.close()
    return path


def _write_cells(sheet, row: int, values: list) -> None:
    """One row of plain values: text always as text (a report's ``=…`` is never a formula, its
    ``http://…`` never a link: the workbook holds what the reports say), numbers as numbers,
    empty strings and None as blank cells. Straight to ``write_string``/``write_number``,
    without ``write``'s per-cell type dispatch."""
    for column, value in enumerate(values):
        kind = value.__class__
        if kind is str:
            if value:
                sheet.write_string(row, column, value)
        elif kind is int or kind is float:
            sheet.write_number(row, column, value)
        elif value is not None:
            sheet.write(row, column, value)


def _header(sheet, names: list[str], fmt, widths: list[int]) -> None:
    for column, (name, width) in enumerate(zip(names, widths, strict=True)):
        sheet.write(0, column, name, fmt["head"])
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)


def _summary(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.summary", lang))
    statuses, passed, failed = status_names(lang), t("ui.passed", lang), t("ui.failed", lang)
    _header(
        sheet,
        _words(lang, "col.rank", "col.file", "col.body", "col.year", "col.score", "col.grade", "col.passed")
        + _words(lang, "col.findings", "col.status"),
        fmt,
        [6, 48, 28, 8, 8, 8, 10, 8, 10],
    )
    last = 0
    for i, report in enumerate(corpus.reports("ranked", "scored"), start=1):
        last = i
        result = report.result
        _write_cells(
            sheet,
            i,
            [
                i,
                report.path,
                report.agency or "",
                report.year or "",
                report.score,
                result.get("grade") or "",
                passed if result.get("passed") else failed,
                len(result.get("findings", [])),
                statuses.get(report.status, report.status),
            ],
        )
    if last:
        sheet.conditional_format(
            1,
            4,
            last,
            4,
            {"type": "3_color_scale", "min_color": "#F8696B", "mid_color": "#FFEB84", "max_color": "#63BE7B"},
        )
        sheet.conditional_format(
            1, 6, last, 6, {"type": "cell", "criteria": "==", "value": f'"{failed}"', "format": fmt["bad"]}
        )
        sheet.autofilter(0, 0, last, 8)


def _coverage(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.coverage", lang))
    elements = corpus.element_names(lang)
    _header(
        sheet,
        [*_words(lang, "col.body", "col.year", "col.file"), *[name for _, name in elements]],
        fmt,
        [28, 8, 40, *[10] * len(elements)],
    )
    rows = 0
    for i, report in enumerate(corpus.reports("body", "reports"), start=1):
        rows = i
        statuses = element_status(report)
        _write_cells(
            sheet,
            i,
            [
                report.agency or "",
                report.year or "",
                report.path,
                *[MARKS.get(statuses.get(e, ""), "") for e, _ in elements],
            ],
        )
    if rows:
        for mark, name in (("✓", "good"), ("△", "weak"), ("✗", "bad")):
            sheet.conditional_format(
                1,
                3,
                rows,
                2 + len(elements),
                {"type": "cell", "criteria": "==", "value": f'"{mark}"', "format": fmt[name]},
            )


def _findings(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.findings", lang))
    severities = {severity: t(f"severity.{severity}", lang) for severity in SEVERITIES}
    _header(
        sheet,
        _words(lang, "col.file", "col.body", "col.year", "col.rule", "col.element", "col.severity")
        + _words(lang, "col.line", "col.problem", "col.suggestion", "col.excerpt", "col.basis"),
        fmt,
        [40, 24, 8, 22, 16, 8, 6, 50, 50, 40, 30],
    )
    row = 1
    for report in corpus.reports():
        for finding in report.result.get("findings", []):
            _write_cells(
                sheet,
                row,
                [
                    report.path,
                    report.agency or "",
                    report.year or "",
                    finding["rule"],
                    finding["element"],
                    severities.get(finding["severity"], finding["severity"]),
                    finding["line"] or "",
                    finding["message"],
                    finding["suggestion"],
                    finding["excerpt"],
                    finding["basis"],
                ],
            )
            row += 1
    if row > 1:
        error = {"type": "cell", "criteria": "==", "value": f'"{severities["error"]}"', "format": fmt["bad"]}
        sheet.conditional_format(1, 5, row - 1, 5, error)
        sheet.autofilter(0, 0, row - 1, 10)


def _copies(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.copies", lang))
    _header(
        sheet,
        _words(lang, "col.kind", "col.part", "col.report", "col.body", "col.year", "col.other")
        + _words(lang, "col.other-body", "col.other-year", "col.share", "col.passages"),
        fmt,
        [16, 16, 40, 24, 8, 40, 24, 8, 10, 80],
    )
    names, kinds, whole = dict(corpus.element_names(lang)), kind_names(lang), t("audit.whole", lang)
    for i, copy in enumerate(corpus.copies, start=1):
        (a_agency, a_year), (b_agency, b_year) = corpus.meta(copy.a_path), corpus.meta(copy.b_path)
        _write_cells(
            sheet,
            i,
            [
                kinds.get(copy.kind, copy.kind),
                names.get(copy.part, whole),
                copy.a_path,
                a_agency or "",
                a_year or "",
                copy.b_path,
                b_agency or "",
                b_year or "",
            ],
        )
        sheet.write_number(i, 8, copy.similarity, fmt["pct"])
        sheet.write(i, 9, "\n".join(text for _, text in copy.passages), fmt["wrap"])
    if corpus.copies:
        sheet.conditional_format(1, 8, len(corpus.copies), 8, {"type": "data_bar", "bar_color": "#F8696B"})


def _errors(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.errors", lang))
    statuses = status_names(lang)
    _header(sheet, _words(lang, "col.file", "col.status", "col.code", "col.detail"), fmt, [48, 10, 14, 70])
    for i, report in enumerate(corpus.reports(only="failed"), start=1):
        error = report.result.get("error") or {}
        _write_cells(
            sheet,
            i,
            [
                report.path,
                statuses.get(report.status, report.status),
                error.get("code", ""),
                error.get("message", ""),
            ],
        )
