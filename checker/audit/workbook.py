"""``audit.xlsx``: 汇总 (ranking), 要素覆盖, 问题清单, 雷同 and 错误 sheets, via xlsxwriter."""

from __future__ import annotations

from pathlib import Path

from checker.audit.corpus import KIND_NAMES, STATUS_NAMES, Corpus, element_status

MARKS = {"present": "✓", "weak": "△", "missing": "✗"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def write_workbook(corpus: Corpus, path: Path) -> Path:
    import xlsxwriter

    # constant_memory: each row goes to disk as it is written, so memory stays flat in N
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
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
    _summary(book, corpus, fmt)
    _coverage(book, corpus, fmt)
    _findings(book, corpus, fmt)
    _copies(book, corpus, fmt)
    _errors(book, corpus, fmt)
    book.close()
    return path


def _write_cells(sheet, row: int, values: list) -> None:
    """``write_row`` without its per-cell type dispatch: plain strings and numbers go straight
    to ``write_string``/``write_number``; anything ``write`` treats specially (empty strings and
    None as blanks, a leading ``=`` or ``{=`` as a formula, a URL as a link) still goes to ``write``."""
    for column, value in enumerate(values):
        kind = value.__class__
        if kind is str and value and ":" not in value and value[0] not in "={":
            sheet.write_string(row, column, value)
        elif kind is int or kind is float:
            sheet.write_number(row, column, value)
        else:
            sheet.write(row, column, value)


def _header(sheet, names: list[str], fmt, widths: list[int]) -> None:
    for column, (name, width) in enumerate(zip(names, widths, strict=True)):
        sheet.write(0, column, name, fmt["head"])
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)


def _summary(book, corpus: Corpus, fmt) -> None:
    sheet = book.add_worksheet("汇总")
    _header(
        sheet,
        ["排名", "文件", "机关", "年度", "得分", "等级", "是否通过", "问题数", "状态"],
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
                "通过" if result.get("passed") else "未通过",
                len(result.get("findings", [])),
                STATUS_NAMES.get(report.status, report.status),
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
            1, 6, last, 6, {"type": "cell", "criteria": "==", "value": '"未通过"', "format": fmt["bad"]}
        )
        sheet.autofilter(0, 0, last, 8)


def _coverage(book, corpus: Corpus, fmt) -> None:
    sheet = book.add_worksheet("要素覆盖")
    elements = corpus.element_names()
    _header(
        sheet,
        ["机关", "年度", "文件", *[name for _, name in elements]],
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


def _findings(book, corpus: Corpus, fmt) -> None:
    sheet = book.add_worksheet("问题清单")
    _header(
        sheet,
        ["文件", "机关", "年度", "规则", "要素", "级别", "行", "问题", "建议", "原文摘录", "依据"],
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
                    SEVERITY_NAMES.get(finding["severity"], finding["severity"]),
                    finding["line"] or "",
                    finding["message"],
                    finding["suggestion"],
                    finding["excerpt"],
                    finding["basis"],
                ],
            )
            row += 1
    if row > 1:
        sheet.conditional_format(
            1, 5, row - 1, 5, {"type": "cell", "criteria": "==", "value": '"错误"', "format": fmt["bad"]}
        )
        sheet.autofilter(0, 0, row - 1, 10)


def _copies(book, corpus: Corpus, fmt) -> None:
    sheet = book.add_worksheet("雷同")
    _header(
        sheet,
        ["类型", "部分", "报告", "机关", "年度", "雷同对象", "对象机关", "对象年度", "相同比例", "相同段落"],
        fmt,
        [16, 16, 40, 24, 8, 40, 24, 8, 10, 80],
    )
    names = dict(corpus.element_names())
    for i, copy in enumerate(corpus.copies, start=1):
        (a_agency, a_year), (b_agency, b_year) = corpus.meta(copy.a_path), corpus.meta(copy.b_path)
        _write_cells(
            sheet,
            i,
            [
                KIND_NAMES.get(copy.kind, copy.kind),
                names.get(copy.part, "全文"),
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


def _errors(book, corpus: Corpus, fmt) -> None:
    sheet = book.add_worksheet("错误")
    _header(sheet, ["文件", "状态", "错误代码", "说明"], fmt, [48, 10, 14, 70])
    for i, report in enumerate(corpus.reports(only="failed"), start=1):
        error = report.result.get("error") or {}
        _write_cells(
            sheet,
            i,
            [
                report.path,
                STATUS_NAMES.get(report.status, report.status),
                error.get("code", ""),
                error.get("message", ""),
            ],
        )
