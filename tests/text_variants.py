"""Seed reports as PDF text layers and web copies garble them: realistic transformations."""

from __future__ import annotations

import unicodedata


def _lookalikes(ranges: tuple[tuple[int, int], ...]) -> dict[str, str]:
    """Ordinary character → the first look-alike in ``ranges`` that NFKC folds to it."""
    table: dict[str, str] = {}
    for start, stop in ranges:
        for code in range(start, stop):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table.setdefault(folded, chr(code))
    return table


KANGXI = _lookalikes(((0x2F00, 0x2FD6),))
COMPATIBILITY = _lookalikes(((0xF900, 0xFB00),))
SUPPLEMENT = {"长": "⻓", "门": "⻔", "见": "⻅", "车": "⻋", "马": "⻢", "页": "⻚", "风": "⻛", "龙": "⻰"}


def with_lookalikes(text: str, table: dict[str, str]) -> str:
    """``text`` as a macOS PDF export names its glyphs: 工作人员 → ⼯作⼈员."""
    return "".join(table.get(char, char) for char in text)


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def with_invisible(text: str, mark: str, every: int = 3) -> str:
    """``text`` with ``mark`` after every ``every``-th Han character, inside words."""
    out: list[str] = []
    for index, char in enumerate(text):
        out.append(char)
        if is_han(char) and index % every == 0:
            out.append(mark)
    return "".join(out)


def fake_bold(line: str) -> str:
    """A line printed twice over, as its text copy reads: 法法治治."""
    return "".join(char if char.isspace() else char * 2 for char in line)


def letter_spaced(line: str, space: str = " ") -> str:
    """A line with a space after every character: 法 治 2 0 2 4 年."""
    return space.join(line)


def per_line(text: str, change, short_only: bool = False) -> str:
    """``change`` applied to every non-empty line (or to the short ones: headings)."""
    return "\n".join(
        change(line) if line.strip() and (not short_only or len(line) < 40) else line
        for line in text.split("\n")
    )


def char_at(text: str, line: int, column: int) -> str:
    """The character of ``text`` at a finding's 1-based line and column."""
    row = text.split("\n")[line - 1]
    return row[column - 1] if column - 1 < len(row) else ""


# Garbled text as tools make it (tests/text/test_garble.py, tests/check/test_garbled_text.py)


def private_use(text: str) -> str:
    """Copied from a PDF whose font has no ToUnicode map: each Han glyph a private-use code."""
    return "".join(chr(0xE000 + ord(char) % 0x1000) if is_han(char) else char for char in text)


def replacement(text: str) -> str:
    """The same copied by a viewer that shows unmapped glyphs as U+FFFD."""
    return "".join("\ufffd" if is_han(char) else char for char in text)


def font_bytes_as_latin1(text: str) -> str:
    """A PDF font whose codes are the GBK bytes, copied out as Latin-1 letters (½·¨ÖÎ)."""
    return "".join(char.encode("gbk").decode("latin-1") if is_han(char) else char for char in text)


def misread(text: str, written: str, read_as: str) -> str:
    """``text`` saved in ``written``, opened as ``read_as`` (what cannot be read becomes
    U+FFFD, as editors do) and saved again."""
    return text.encode(written, errors="replace").decode(read_as, errors="replace")


def windows_1252(text: str, written: str = "utf-8") -> str:
    """``text`` opened as Windows-1252 the way browsers and Windows decode it: the five
    undefined bytes become C1 controls, so every byte survives."""
    undefined = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    data = text.encode(written)
    return "".join(chr(b) if b in undefined else bytes([b]).decode("cp1252") for b in data)


def question_marks(text: str) -> str:
    """Saved by an editor that could not encode Chinese (ANSI/ASCII): "?" for each character."""
    return text.encode("ascii", errors="replace").decode("ascii")


# How tools garble a report beyond repair, by name (each a function of the text).
LOSSY = {
    "private-use": private_use,
    "replacement": replacement,
    "latin": font_bytes_as_latin1,
    "utf-8 read as gbk": lambda text: misread(text, "utf-8", "gbk"),
    "utf-8 read as gb18030": lambda text: misread(text, "utf-8", "gb18030"),
    "utf-8 read as cp1252": lambda text: misread(text, "utf-8", "cp1252"),
    "gbk read as big5": lambda text: misread(text, "gbk", "big5"),
    "question marks": question_marks,
}
