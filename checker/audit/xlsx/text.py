"""Text in SpreadsheetML: cell strings escaped and cut to Excel's cell limit, cell references,
sheet names checked against Excel's rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

MAX_CHARS = 32_767  # Excel's limit per cell, in UTF-16 code units
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _escape_table() -> dict[int, str]:
    table = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]:
        table[code] = f"_x{code:04X}_"
    return table


_ESCAPES = _escape_table()
# a string that may need _escape: markup, characters XML cannot hold, tab and newline (which
# need no escape, but may need xml:space); a literal _xHHHH_ is looked for with "_x" in text
NEEDS_ESCAPE = re.compile("[&<>\x00-\x1f\ud800-\udfff\ufffe\uffff]").search
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


def inline_text(text: str) -> str:
    """The ``<t>`` element of a non-empty string cell: cut to the cell limit, escaped, its spaces
    kept (``xml:space="preserve"`` when it starts or ends with whitespace or holds a newline)."""
    text = _escape(_cut(text))
    if text[0].isspace() or text[-1].isspace() or "\n" in text:
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


def last_filled(values: Sequence[Any]) -> int:
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


def escape_attribute(text: str) -> str:
    """``text`` inside a double-quoted XML attribute."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def escape_text(text: str) -> str:
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


def quoted_sheet(name: str) -> str:
    """The sheet's name as a formula refers to it: quoted unless it is a plain word."""
    if _BARE_NAME.fullmatch(name) and not _REFERENCE_LIKE.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def argb(color: str) -> str:
    """``#RRGGBB`` → ``FFRRGGBB``."""
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", color):
        raise ValueError(f"colour {color!r} is not #RRGGBB")
    return "FF" + color[1:].upper()
