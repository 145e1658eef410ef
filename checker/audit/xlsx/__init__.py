"""A small streaming SpreadsheetML (.xlsx) writer: sheets of rows, cell styles, frozen header
rows, column widths, autofilters and three kinds of conditional format. Nothing else.

Rows become XML text with f-strings and ``str.join``: a string cell is one regex search (does it
hold anything to escape?) and one f-string, a number one f-string; escaping is one ``str.translate``
table (``str.replace`` when the text holds only markup characters). Each sheet's rows go to a
temporary file as they come (its ``<dimension>`` is only known at the end), and the zip is
written at :meth:`Workbook.close`, so memory does not grow with the number of rows.

Cells hold what they are given, never more: a string is always an inline string (``=1+1`` stays
text, ``http://…`` is no link), ints and floats are numbers (NaN and infinities: no cell), None
and "" are no cell. Strings are cut at Excel's 32,767 UTF-16 units per cell; characters XML 1.0
cannot carry (C0 controls but tab and newline, carriage return, lone surrogates, U+FFFE/U+FFFF)
are written as Excel's ``_xHHHH_`` escapes, and a literal ``_xHHHH_`` in the text as
``_x005F_xHHHH_``, as Excel and xlsxwriter do. The XML mirrors what xlsxwriter writes for the
same features, so Excel, LibreOffice and openpyxl read it alike.

    with Workbook(path) as book:
        head = book.style(bold=True, fill="#1F4E79")
        sheet = book.sheet("汇总", widths=[6, 48], freeze_rows=1)
        sheet.row(["排名", "文件"], head)
        sheet.rows([i, name] for i, name in enumerate(names, start=1))
        sheet.autofilter(0, 0, len(names), 1)
"""

from __future__ import annotations

from checker.audit.xlsx.book import Workbook
from checker.audit.xlsx.sheet import Sheet
from checker.audit.xlsx.styles import Highlight, Style
from checker.audit.xlsx.text import MAX_CHARS, MAX_ROWS, cell_range, check_sheet_name, column_letter

__all__ = [
    "MAX_CHARS",
    "MAX_ROWS",
    "Highlight",
    "Sheet",
    "Style",
    "Workbook",
    "cell_range",
    "check_sheet_name",
    "column_letter",
]
