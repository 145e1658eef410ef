"""Which Word table cell a paragraph sits in: the parser must not read a cell as a heading.

Shared by the docx and Word 2003 XML readers (same element names, different namespaces). The
place is found from the paragraph itself (its nearest w:tc ancestor), so a reader that is
handed paragraphs walked elsewhere (``fzcheck annotate``) marks the same lines.
"""

from __future__ import annotations

from msgspec.structs import replace

from checker.read.source import LineLayout, TableCell


class CellFinder:
    """Numbers tables in the order their first paragraph is met and places paragraphs in them."""

    def __init__(self, namespace: str) -> None:
        self._tc, self._tr, self._tbl = (f"{{{namespace}}}{name}" for name in ("tc", "tr", "tbl"))
        self._tables: dict[object, TableCell] = {}  # w:tbl → its first row's place
        self._rows: dict[object, int] = {}  # w:tr → its number in its table

    def cell(self, paragraph) -> TableCell | None:
        """The table cell holding ``paragraph`` (the innermost one), None outside tables."""
        node = paragraph.getparent()
        while node is not None and node.tag != self._tc:
            node = node.getparent()
        if node is None:
            return None
        row = node.getparent()
        while row is not None and row.tag != self._tr:  # a cell inside w:sdt or w:customXml
            row = row.getparent()
        table = row.getparent() if row is not None else None
        if row is None or table is None:
            return None
        while table is not None and table.tag != self._tbl:  # rows inside w:customXml, w:sdt
            table = table.getparent()
        if table is None:
            return None
        known = self._tables.get(table)
        if known is None:
            cells = sum(1 for _ in table.iter(self._tc))
            known = TableCell(len(self._tables) + 1, 1, box=cells == 1)
            self._tables[table] = known
            own = (r for r in table.iter(self._tr) if _owner(r, self._tbl) is table)
            self._rows.update((r, number) for number, r in enumerate(own, start=1))
        return replace(known, row=self._rows.get(row, 1))


def _owner(row, table_tag: str):
    """The table a row belongs to (nested tables have rows of their own)."""
    node = row.getparent()
    while node is not None and node.tag != table_tag:
        node = node.getparent()
    return node


def with_cell(hint: LineLayout | None, cell: TableCell | None) -> LineLayout | None:
    """``hint`` marked as a table cell's line (a bare hint when the reader had none)."""
    if cell is None:
        return hint
    return replace(hint, cell=cell) if hint is not None else LineLayout(cell=cell)
