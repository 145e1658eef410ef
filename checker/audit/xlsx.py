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

import datetime as dt
import math
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import IO, Any

MAX_CHARS = 32_767  # Excel's limit per cell, in UTF-16 code units
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
_FLUSH_PARTS = 4096  # cells joined per write to the sheet's temporary file

# ---------------------------------------------------------------- text


def _escape_table() -> dict[int, str]:
    table = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]:
        table[code] = f"_x{code:04X}_"
    return table


_ESCAPES = _escape_table()
# a string that may need _escape: markup, characters XML cannot hold, tab and newline (which
# need no escape, but may need xml:space); a literal _xHHHH_ is looked for with "_x" in text
_SPECIAL = re.compile("[&<>\x00-\x1f\ud800-\udfff\ufffe\uffff]").search
# the underscore that starts a literal _xHHHH_, overlapping ones too: in "_x005F_x0041_" both
# (xlsxwriter's non-overlapping match escapes only the first; decoding every _xHHHH_ left to
# right, as ECMA-376's ST_Xstring has it, then gives "_x005FA")
_LITERAL = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
# characters only the table can escape (str.translate is slow on CJK text: 0.1 µs a character)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]").search


def _escape(text: str) -> str:
    """``text`` as the content of a ``<t>`` element."""
    if "_x" in text:
        text = _LITERAL.sub("_x005F_", text)
    if _UNSAFE(text):
        return text.translate(_ESCAPES)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str) -> str:
    """The ``<t>`` element of a non-empty string cell: cut to the cell limit, escaped, its spaces
    kept (``xml:space="preserve"`` when it starts or ends with whitespace or holds a newline)."""
    text = _escape(_cut(text))
    if text[0].isspace() or text[-1].isspace() or "\n" in text:
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


def _last_filled(values: Sequence[Any]) -> int:
    """The column of the last value that makes a cell (-1 when none does)."""
    for column in range(len(values) - 1, -1, -1):
        value = values[column]
        if value is not None and value != "":
            return column
    return -1


def _cut(text: str) -> str:
    """``text`` cut to Excel's cell limit (UTF-16 units: a character above U+FFFF counts 2)."""
    if len(text) <= MAX_CHARS // 2 or len(text.encode("utf-16-le", "surrogatepass")) <= 2 * MAX_CHARS:
        return text
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > MAX_CHARS:
            return text[:index]
    return text


def _attr(text: str) -> str:
    """``text`` inside a double-quoted XML attribute."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _data(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: 0 → A, 25 → Z, 26 → AA."""
    if not 0 <= index < MAX_COLUMNS:
        raise ValueError(f"column {index} outside 0..{MAX_COLUMNS - 1}")
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_range(first_row: int, first_col: int, last_row: int, last_col: int, absolute: bool = False) -> str:
    """``A1:C3`` (or ``$A$1:$C$3``) from 0-based bounds; one cell is ``A1``."""
    mark = "$" if absolute else ""
    first = f"{mark}{column_letter(first_col)}{mark}{first_row + 1}"
    last = f"{mark}{column_letter(last_col)}{mark}{last_row + 1}"
    return first if first == last else f"{first}:{last}"


_BAD_NAME = re.compile("[\\[\\]:*?/\\\\\x00-\x1f\ud800-\udfff\ufffe\uffff]")
_BARE_NAME = re.compile(r"[^\W\d][\w.]*")
_REFERENCE_LIKE = re.compile(r"[A-Za-z]{1,3}\d+|[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*|true|false", re.IGNORECASE)


def check_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """``name`` if Excel accepts it as a sheet name, else ValueError: 1–31 characters, none of
    ``[]:*?/\\`` (nor control characters), not starting or ending with an apostrophe, not
    "History" (Excel's own), not already taken (case-insensitively)."""
    if not isinstance(name, str) or not name:
        raise ValueError("a sheet name must be a non-empty string")
    if len(name.encode("utf-16-le", "surrogatepass")) > 62:
        raise ValueError(f"sheet name longer than 31 characters: {name!r}")
    if _BAD_NAME.search(name):
        raise ValueError(f"sheet name with a character Excel forbids ([]:*?/\\): {name!r}")
    if name.startswith("'") or name.endswith("'"):
        raise ValueError(f"sheet name starting or ending with an apostrophe: {name!r}")
    if name.casefold() == "history":
        raise ValueError("'History' is a sheet name Excel keeps for itself")
    if name.casefold() in {other.casefold() for other in taken}:
        raise ValueError(f"two sheets named {name!r}")
    return name


def _quoted_sheet(name: str) -> str:
    """The sheet's name as a formula refers to it: quoted unless it is a plain word."""
    if _BARE_NAME.fullmatch(name) and not _REFERENCE_LIKE.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _width(characters: float) -> float:
    """A column width in characters as Excel stores it (Calibri 11: 7-pixel digits, 5 of padding),
    the same arithmetic as xlsxwriter's ``set_column``."""
    if characters <= 0:
        return 0.0
    pixels = int(characters * 12 + 0.5) if characters < 1 else int(characters * 7 + 0.5) + 5
    return int(pixels / 7 * 256) / 256


def _argb(color: str) -> str:
    """``#RRGGBB`` → ``FFRRGGBB``."""
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", color):
        raise ValueError(f"colour {color!r} is not #RRGGBB")
    return "FF" + color[1:].upper()


# ---------------------------------------------------------------- styles


@dataclass(frozen=True)
class Style:
    """A cell format (``cellXfs`` entry)."""

    bold: bool = False
    color: str | None = None  # font colour, #RRGGBB
    fill: str | None = None  # solid background, #RRGGBB
    border: bool = False  # thin on all four sides
    wrap: bool = False
    valign: str | None = None  # "top", "center", "bottom"
    num_format: str | None = None  # e.g. "0%"


@dataclass(frozen=True)
class Highlight:
    """A differential format (``dxfs`` entry) for conditional formats: font and fill colour."""

    fill: str
    color: str


_BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}


def _font_xml(style: Style) -> str:
    bold = "<b/>" if style.bold else ""
    color = f'<color rgb="{_argb(style.color)}"/>' if style.color else ""
    return f'<font>{bold}<sz val="11"/>{color}<name val="Calibri"/><family val="2"/></font>'


def _fill_xml(color: str) -> str:
    return f'<fill><patternFill patternType="solid"><fgColor rgb="{_argb(color)}"/><bgColor indexed="64"/></patternFill></fill>'  # noqa: E501


_THIN = '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>'  # noqa: E501


def _styles_xml(styles: list[Style], highlights: list[Highlight]) -> str:
    fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']
    fills = [
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
    ]
    borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"]
    formats: dict[str, int] = {}
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
    for style in styles[1:]:
        font = _font_xml(style)
        if font not in fonts:
            fonts.append(font)
        font_id = fonts.index(font) if style.bold or style.color else 0
        fill_id = 0
        if style.fill:
            fill = _fill_xml(style.fill)
            if fill not in fills:
                fills.append(fill)
            fill_id = fills.index(fill)
        border_id = 0
        if style.border:
            if _THIN not in borders:
                borders.append(_THIN)
            border_id = borders.index(_THIN)
        number = 0
        if style.num_format:
            if style.num_format in _BUILTIN_FORMATS:
                number = _BUILTIN_FORMATS[style.num_format]
            else:
                number = formats.setdefault(style.num_format, 164 + len(formats))
        applied = "".join(
            f' apply{name}="1"'
            for name, on in (
                ("NumberFormat", number),
                ("Font", font_id),
                ("Fill", fill_id),
                ("Border", border_id),
                ("Alignment", style.wrap or style.valign),
            )
            if on
        )
        alignment = ""
        if style.wrap or style.valign:
            vertical = f' vertical="{style.valign}"' if style.valign else ""
            wrap = ' wrapText="1"' if style.wrap else ""
            alignment = f"<alignment{vertical}{wrap}/>"
        ids = f'numFmtId="{number}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}"'
        head = f'<xf {ids} xfId="0"{applied}'
        xfs.append(f"{head}>{alignment}</xf>" if alignment else f"{head}/>")
    numbers = "".join(f'<numFmt numFmtId="{i}" formatCode="{_attr(code)}"/>' for code, i in formats.items())
    dxfs = "".join(
        f'<dxf><font><color rgb="{_argb(h.color)}"/></font>'
        f'<fill><patternFill><bgColor rgb="{_argb(h.fill)}"/></patternFill></fill></dxf>'
        for h in highlights
    )
    return (
        _XML_HEAD
        + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (f'<numFmts count="{len(formats)}">{numbers}</numFmts>' if formats else "")
        + f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
        + f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
        + f'<borders count="{len(borders)}">{"".join(borders)}</borders>'
        + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        + f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        + f'<dxfs count="{len(highlights)}">{dxfs}</dxfs>'
        + '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
        'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    )


# ---------------------------------------------------------------- sheets

_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'


class Sheet:
    """One worksheet: rows appended in order (:meth:`row`, :meth:`rows`), each with 0-based
    number ``next_row``; autofilter and conditional formats over 0-based cell ranges."""

    def __init__(self, book: Workbook, name: str, widths: Sequence[float], freeze_rows: int) -> None:
        self.book = book
        self.name = name
        self.widths = list(widths)
        self.freeze_rows = freeze_rows
        self.next_row = 0
        self.last_col = -1
        self.filter: tuple[int, int, int, int] | None = None
        self._formats: dict[str, list[str]] = {}
        # the rows so far, as UTF-8 XML (closed by Workbook.close or on an error in its ``with``)
        self._data: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._letters: list[str] = [column_letter(i) for i in range(max(26, len(self.widths)))]

    # -- rows

    def row(self, values: Sequence[Any], style: int | Sequence[int] = 0) -> None:
        """Append one row; ``style`` is one cell style for the whole row (from
        :meth:`Workbook.style`) or one per column (0: none)."""
        self.rows((values,), style)

    def rows(self, rows: Iterable[Sequence[Any]], style: int | Sequence[int] = 0) -> None:
        """Append every row of ``rows`` (an iterable is consumed as it goes: rows are not kept)."""
        letters = self._letters
        attrs: Iterable[str]
        if isinstance(style, int):
            attrs = repeat(f' s="{style}"' if style else "")
        else:
            attrs = [f' s="{s}"' if s else "" for s in style]
            attrs += [""] * (len(letters) - len(attrs))
        data = self._data
        special, inline = _SPECIAL, _inline
        number = self.next_row + 1
        widest = self.last_col
        out: list[str] = []
        append = out.append
        for values in rows:
            if len(values) > len(letters):
                self._more_letters(len(values))
                if isinstance(attrs, list):
                    attrs += [""] * (len(letters) - len(attrs))
            r = str(number)
            mark = len(out)
            append(f'<row r="{r}">')
            for letter, value, s in zip(letters, values, attrs):  # noqa: B905 (attrs: endless)
                kind = value.__class__
                if kind is str:
                    if not value:
                        continue
                    # the common case first: nothing to escape or cut, no space at either end
                    # (strip() returns the string itself when it strips nothing)
                    if len(value) > 16_383 or special(value) or "_x" in value or value.strip() is not value:
                        append(f'<c r="{letter}{r}"{s} t="inlineStr"><is>{inline(value)}</is></c>')
                    else:
                        append(f'<c r="{letter}{r}"{s} t="inlineStr"><is><t>{value}</t></is></c>')
                elif kind is int:
                    append(f'<c r="{letter}{r}"{s}><v>{value}</v></c>')
                elif kind is float:
                    if value - value:  # NaN or an infinity (for any other float x - x == 0.0)
                        continue
                    append(f'<c r="{letter}{r}"{s}><v>{value!r}</v></c>')
                elif value is None:
                    continue
                else:
                    append(self._other(f"{letter}{r}", s, value))
            if len(out) == mark + 1:  # no cell: no row element
                out.pop()
            else:
                append("</row>")
                if len(values) - 1 > widest:
                    widest = max(widest, _last_filled(values))
            number += 1
            if len(out) > _FLUSH_PARTS:
                data.write("".join(out).encode("utf-8"))
                out.clear()
        data.write("".join(out).encode("utf-8"))
        if number - 1 > MAX_ROWS:
            raise ValueError(f"sheet {self.name!r}: more than {MAX_ROWS} rows")
        self.next_row = number - 1
        self.last_col = widest

    def _other(self, ref: str, s: str, value: Any) -> str:
        """A cell of a class the fast path does not know: bools, int/float/str subclasses."""
        if isinstance(value, bool):
            return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int):
            return f'<c r="{ref}"{s}><v>{int(value)}</v></c>'
        if isinstance(value, float):
            number = float(value)
            return f'<c r="{ref}"{s}><v>{number!r}</v></c>' if math.isfinite(number) else ""
        if isinstance(value, str):
            return f'<c r="{ref}"{s} t="inlineStr"><is>{_inline(str(value))}</is></c>' if value else ""
        raise TypeError(f"cell value of type {type(value).__name__}: str, int, float or None only")

    def _more_letters(self, count: int) -> None:
        if count > MAX_COLUMNS:
            raise ValueError(f"sheet {self.name!r}: more than {MAX_COLUMNS} columns")
        self._letters.extend(column_letter(i) for i in range(len(self._letters), count))

    # -- filters and conditional formats (0-based, inclusive bounds)

    def autofilter(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        self.filter = (first_row, first_col, last_row, last_col)

    def color_scale(
        self, first_row: int, first_col: int, last_row: int, last_col: int, colors: tuple[str, str, str]
    ) -> None:
        """Three-colour scale: lowest value, 50th percentile, highest value."""
        low, mid, high = (_argb(c) for c in colors)
        self._format(
            (first_row, first_col, last_row, last_col),
            f'<cfRule type="colorScale" priority="{self._priority()}"><colorScale><cfvo type="min" val="0"/>'
            f'<cfvo type="percentile" val="50"/><cfvo type="max" val="0"/><color rgb="{low}"/>'
            f'<color rgb="{mid}"/><color rgb="{high}"/></colorScale></cfRule>',
        )

    def cell_equals(
        self, first_row: int, first_col: int, last_row: int, last_col: int, text: str, highlight: int
    ) -> None:
        """Cells equal to the string ``text`` get the ``highlight`` (from :meth:`Workbook.highlight`)."""
        formula = '"' + text.replace('"', '""') + '"'
        self._format(
            (first_row, first_col, last_row, last_col),
            f'<cfRule type="cellIs" dxfId="{highlight}" priority="{self._priority()}" operator="equal">'
            f"<formula>{_data(formula)}</formula></cfRule>",
        )

    def data_bar(self, first_row: int, first_col: int, last_row: int, last_col: int, color: str) -> None:
        self._format(
            (first_row, first_col, last_row, last_col),
            f'<cfRule type="dataBar" priority="{self._priority()}"><dataBar><cfvo type="min" val="0"/>'
            f'<cfvo type="max" val="0"/><color rgb="{_argb(color)}"/></dataBar></cfRule>',
        )

    def _priority(self) -> int:
        """The next rule's priority: 1, 2, … in the order the rules were added to the sheet."""
        return sum(len(rules) for rules in self._formats.values()) + 1

    def _format(self, bounds: tuple[int, int, int, int], rule: str) -> None:
        self._formats.setdefault(cell_range(*bounds), []).append(rule)

    # -- the part

    def _head(self, selected: bool) -> str:
        last_row = max(self.next_row - 1, 0)
        dimension = cell_range(0, 0, last_row, max(self.last_col, 0))
        tab = ' tabSelected="1"' if selected else ""
        if self.freeze_rows:
            top = f"A{self.freeze_rows + 1}"
            view = (
                f'<sheetView{tab} workbookViewId="0"><pane ySplit="{self.freeze_rows}" topLeftCell="{top}" '
                'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
            )
        else:
            view = f'<sheetView{tab} workbookViewId="0"/>'
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{_width(w)}" customWidth="1"/>'
            for i, w in enumerate(self.widths, start=1)
        )
        return (
            f'{_XML_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><dimension ref="{dimension}"/>'
            f'<sheetViews>{view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>"
        )

    def _tail(self) -> str:
        parts = ["</sheetData>"]
        if self.filter:
            parts.append(f'<autoFilter ref="{cell_range(*self.filter)}"/>')
        for ref, rules in self._formats.items():
            parts.append(f'<conditionalFormatting sqref="{ref}">{"".join(rules)}</conditionalFormatting>')
        parts.append(_MARGINS)
        parts.append("</worksheet>")
        return "".join(parts)

    def _part(self, selected: bool) -> tuple[bytes, IO[bytes], bytes]:
        """The part's XML: its head, the rows (a file, rewound) and its tail."""
        self._data.seek(0)
        return self._head(selected).encode("utf-8"), self._data, self._tail().encode("utf-8")

    def _discard(self) -> None:
        self._data.close()


# ---------------------------------------------------------------- the book


class Workbook:
    """An .xlsx file at ``path``, written when the book is closed (``with`` closes it)."""

    def __init__(self, path: Path | str, created: dt.datetime | None = None, compresslevel: int = 1) -> None:
        self.path = Path(path)
        self.created = created
        self.compresslevel = compresslevel
        self.sheets: list[Sheet] = []
        self._styles: list[Style] = [Style()]
        self._highlights: list[Highlight] = []
        self._closed = False

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.close()
        else:
            self._discard()

    def style(self, **options: Any) -> int:
        """A cell style (:class:`Style` fields as keywords); returns its number for ``Sheet.row``."""
        style = Style(**options)
        if style not in self._styles:
            self._styles.append(style)
        return self._styles.index(style)

    def highlight(self, fill: str, color: str) -> int:
        """A conditional format's look; returns its number for ``Sheet.cell_equals``."""
        highlight = Highlight(fill, color)
        _argb(fill), _argb(color)
        if highlight not in self._highlights:
            self._highlights.append(highlight)
        return self._highlights.index(highlight)

    def sheet(self, name: str, widths: Sequence[float] = (), freeze_rows: int = 0) -> Sheet:
        """A new sheet, after the others; ``widths`` of the first columns in characters."""
        check_sheet_name(name, (s.name for s in self.sheets))
        sheet = Sheet(self, name, widths, freeze_rows)
        self.sheets.append(sheet)
        return sheet

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if not self.sheets:
            self.sheet("Sheet1")
        try:
            self._write()
        finally:
            self._discard()

    def _discard(self) -> None:
        self._closed = True
        for sheet in self.sheets:
            sheet._discard()

    def _write(self) -> None:
        created = (self.created or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as archive:

            def part(name: str) -> zipfile.ZipInfo:
                """A member with a fixed time, so the same rows make the same file."""
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info._compresslevel = self.compresslevel  # type: ignore[attr-defined]
                return info

            archive.writestr(part("[Content_Types].xml"), self._content_types())
            archive.writestr(part("_rels/.rels"), _ROOT_RELS)
            archive.writestr(part("docProps/app.xml"), self._app())
            archive.writestr(part("docProps/core.xml"), _CORE.format(created=created))
            archive.writestr(part("xl/workbook.xml"), self._workbook())
            archive.writestr(part("xl/_rels/workbook.xml.rels"), self._workbook_rels())
            archive.writestr(part("xl/styles.xml"), _styles_xml(self._styles, self._highlights))
            for i, sheet in enumerate(self.sheets, start=1):
                head, rows, tail = sheet._part(selected=i == 1)
                info = part(f"xl/worksheets/sheet{i}.xml")
                info.file_size = len(head) + os.fstat(rows.fileno()).st_size + len(tail)  # zip64 if need be
                with archive.open(info, "w") as target:
                    target.write(head)
                    shutil.copyfileobj(rows, target, 1 << 20)
                    target.write(tail)

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(self.sheets) + 1)
        )
        return _CONTENT_TYPES.replace("{sheets}", sheets)

    def _app(self) -> str:
        names = "".join(f"<vt:lpstr>{_data(sheet.name)}</vt:lpstr>" for sheet in self.sheets)
        return _APP.format(count=len(self.sheets), names=names)

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name="{_attr(sheet.name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, sheet in enumerate(self.sheets, start=1)
        )
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{_data(_quoted_sheet(sheet.name))}!{cell_range(*sheet.filter, absolute=True)}</definedName>"
            for i, sheet in enumerate(self.sheets)
            if sheet.filter
        )
        return (
            f'{_XML_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}">'
            '<fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/>'
            '<workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" '
            f'windowWidth="16095" windowHeight="9660"/></bookViews><sheets>{sheets}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        )

    def _workbook_rels(self) -> str:
        count = len(self.sheets)
        rels = [
            f'<Relationship Id="rId{i}" Type="{_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        ]
        rels.append(f'<Relationship Id="rId{count + 1}" Type="{_RELS}/styles" Target="styles.xml"/>')
        return (
            f'{_XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{''.join(rels)}</Relationships>"
        )


_CONTENT_TYPES = (
    _XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}</Types>"
)
_ROOT_RELS = (
    _XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_RELS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    _XML_HEAD
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>'
    "</vt:variant><vt:variant><vt:i4>{count}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
    '<TitlesOfParts><vt:vector size="{count}" baseType="lpstr">{names}</vt:vector></TitlesOfParts>'
    "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
)
_CORE = (
    _XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">'
    '{created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
    "</cp:coreProperties>"
)
