"""One worksheet: rows streamed to a temporary file as XML, then the sheet's XML around them."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import IO, Any

from checker.audit.xlsx.text import (
    MAIN_NAMESPACE,
    MAX_COLUMNS,
    MAX_ROWS,
    NEEDS_ESCAPE,
    RELATIONSHIPS,
    XML_HEAD,
    argb,
    cell_range,
    column_letter,
    escape_text,
    inline_text,
    last_filled,
)

_FLUSH_PARTS = 4096  # cells joined per write to the sheet's temporary file

_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'


class Sheet:
    """One worksheet: rows appended in order (:meth:`row`, :meth:`rows`), each with 0-based
    number ``next_row``; autofilter and conditional formats over 0-based cell ranges."""

    def __init__(self, name: str, widths: Sequence[float], freeze_rows: int) -> None:
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
        special, inline = NEEDS_ESCAPE, inline_text
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
                    widest = max(widest, last_filled(values))
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
            return f'<c r="{ref}"{s} t="inlineStr"><is>{inline_text(str(value))}</is></c>' if value else ""
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
        low, mid, high = (argb(c) for c in colors)
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
            f"<formula>{escape_text(formula)}</formula></cfRule>",
        )

    def data_bar(self, first_row: int, first_col: int, last_row: int, last_col: int, color: str) -> None:
        self._format(
            (first_row, first_col, last_row, last_col),
            f'<cfRule type="dataBar" priority="{self._priority()}"><dataBar><cfvo type="min" val="0"/>'
            f'<cfvo type="max" val="0"/><color rgb="{argb(color)}"/></dataBar></cfRule>',
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
            f'{XML_HEAD}<worksheet xmlns="{MAIN_NAMESPACE}" xmlns:r="{RELATIONSHIPS}">'
            f'<dimension ref="{dimension}"/>'
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


def _width(characters: float) -> float:
    """A column width in characters as Excel stores it (Calibri 11: 7-pixel digits, 5 of padding),
    the same arithmetic as xlsxwriter's ``set_column``."""
    if characters <= 0:
        return 0.0
    pixels = int(characters * 12 + 0.5) if characters < 1 else int(characters * 7 + 0.5) + 5
    return int(pixels / 7 * 256) / 256
