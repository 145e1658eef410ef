"""Garbled text: lines no reader can turn back into words, and double encodings that can be undone.

What garbled report text looks like, by how it came about:

* copied from a PDF whose font has no ToUnicode map: private-use characters (U+E000–U+F8FF),
  U+FFFD, or the font's byte codes shown as Latin-1 letters ("½·¨ÖÎË¼");
* opened with the wrong code page and saved again: UTF-8 read as GBK ("娉曟不鏀垮簻" for
  法治政府), as Windows-1252 ("æ³•æ²»"), GB18030 read as Big5 (rare traditional characters,
  bopomofo where the commas were);
* saved by an editor that could not encode Chinese: "?" in place of every character.

Every kind leaves marks ordinary text never has: the characters of :data:`SUSPECT` (C1
controls and Latin-1 letters, bopomofo, small-form variants, private-use, U+FFFD, and 銆/锛/鈥,
which the Chinese full stop, comma and quotes become when UTF-8 is read as GBK) and "??".
One regex of a few ranges and one substring search find whether a text has any, in C; only then are its
lines looked at closer. So a line misread as GBK without a loss and without punctuation (a
heading: 鍏充簬…) is found in a text that shows the marks elsewhere, not alone in clean text.

A double encoding whose bytes all survived is undone (:func:`reverse`): the text is encoded
back with the code page it was wrongly read with and decoded with the one it was written in.
Only a strict round trip that gives common report characters counts.
"""

from __future__ import annotations

import msgspec

import checker.regex_cache as regex_cache
from checker.text.common_han import han_counts

# a class of ranges only: an alternative ("|\?\?") made the scan three times dearer, so "??" is
# looked for apart, with str.find (see has_suspect)
SUSPECT = regex_cache.compile(
    "[\x80-\x9f\xc0-\xd6\xd8-\xf6\xf8-\xff\u3105-\u312f\ufe50-\ufe6b\ue000-\uf8ff\ufffd銆锛鈥]"
)
MIN_CHARS = 4  # a line with fewer visible characters is too short to judge
JUNK_SHARE = 0.3  # a line this share unreadable characters is garbled
RARE_HAN_MIN = 8  # a line with this many Han characters ...
RARE_HAN_SHARE = 0.2  # ... of which fewer than this share are common ones is misdecoded
RESTORED_SHARE = 0.4  # a round trip must give at least this share of common characters
MOSTLY = 0.3  # garbled lines holding this share of a text's characters: the text is unreadable

Kind = str  # "private-use", "replacement", "latin", "question-marks" or "mojibake"


class Garble(msgspec.Struct, frozen=True):
    """A garbled line: its 1-based number, what it is garbled with, its visible characters,
    and the line restored when it is a double encoding that can be undone."""

    line: int
    kind: Kind
    chars: int
    restored: str | None = None


# Windows-1252 as browsers and Windows decode it: the five undefined bytes become C1 controls,
# so the bytes of a UTF-8 text read that way all survive and can be got back.
_CP1252_BYTES = {
    ord(bytes([code]).decode("cp1252")): code
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
# (the code page the text was wrongly read with, the one it was written in)
CHAINS = (
    ("windows-1252", "utf-8"),
    ("gbk", "utf-8"),
    ("gb18030", "utf-8"),
    ("windows-1252", "gb18030"),
    ("big5", "gb18030"),
)


# A space inside a UTF-8 sequence (after its lead byte, à–ï, or after the lead and one more
# byte) was a no-break space, byte A0: a web page or a copy shows it as a plain space, and no
# other byte that can continue a sequence looks like one.
_LOST_NBSP = regex_cache.compile("(?<=[\xe0-\xef]) |(?<=[\xe0-\xef][\x80-\xff\u0152-\u2122]) ")


def has_suspect(text: str) -> bool:
    """Whether ``text`` shows any mark of garbling: one regex scan and one substring search."""
    return SUSPECT.search(text) is not None or "??" in text


def _as_bytes(text: str, read_as: str, written: str) -> bytes:
    if read_as == "windows-1252":
        if written == "utf-8":
            text = _LOST_NBSP.sub("\xa0", text)
        return text.translate(_CP1252_BYTES).encode("latin-1")
    return text.encode(read_as)


def _plausible(text: str) -> bool:
    han, common = han_counts(text)
    unreadable = "\ufffd" in text or any("\ue000" <= char <= "\uf8ff" for char in text)
    return han >= 2 and common >= RESTORED_SHARE * han and not unreadable


def reverse(text: str) -> tuple[str, str] | None:
    """``text`` with a double encoding undone and the code page it was misread with,
    or None when no strict round trip gives report language (or ``text`` reads as it already)."""
    if _plausible(text):
        return None
    for read_as, written in CHAINS:
        try:
            restored = _as_bytes(text, read_as, written).decode(written)
        except UnicodeError:
            continue
        if restored != text and _plausible(restored):
            return restored, read_as
    return None


def repair(text: str) -> tuple[str, str] | None:
    """The whole ``text`` with its double encoding undone, and the code page it was misread
    with; None when
    the text shows no sign of one (one regex pass) or reads as report language already."""
    if not SUSPECT.search(text):  # a double encoding never gives "?" alone
        return None
    han, common = han_counts(text[:4000])
    if han > len(text[:4000]) // 20 and common >= RARE_HAN_SHARE * han:
        return None  # real Chinese text with a few odd characters: not one double encoding
    return reverse(text)


def _junk(char: str) -> Kind | None:
    if "\ue000" <= char <= "\uf8ff":
        return "private-use"
    if char == "\ufffd":
        return "replacement"
    if char == "?":
        return "question-marks"
    if "\x80" <= char <= "\x9f" or ("\xc0" <= char <= "\xff" and char not in "×÷"):
        return "latin"
    if "\u3105" <= char <= "\u312f":
        return "mojibake"
    return None


def classify(line: str) -> tuple[Kind, int, str | None] | None:
    """(kind, visible characters, restored line) when ``line`` is garbled, else None."""
    visible = "".join(line.split())
    if len(visible) < MIN_CHARS:
        return None
    undone = reverse(line.strip(" \t\r"))  # only ASCII spaces: U+00A0 may be a misread byte
    if undone is not None:
        return "mojibake", len(visible), undone[0]
    han, common = han_counts(visible)
    if han >= RARE_HAN_MIN and common < RARE_HAN_SHARE * han:
        return "mojibake", len(visible), None
    kinds: dict[Kind, int] = {}
    for char in visible:
        kind = _junk(char)
        if kind is not None:
            kinds[kind] = kinds.get(kind, 0) + 1
    junk = sum(kinds.values())
    if junk < MIN_CHARS - 1 or junk < JUNK_SHARE * len(visible):
        return None
    return max(kinds, key=kinds.__getitem__), len(visible), None


def find_garbled(text: str) -> tuple[Garble, ...]:
    """The garbled lines of ``text``. Ordinary text costs one regex pass and nothing more."""
    if not has_suspect(text):
        return ()
    found: list[Garble] = []
    for number, line in enumerate(text.split("\n"), 1):
        judged = classify(line)  # every line: a misread heading has no punctuation to betray it
        if judged is not None:
            found.append(Garble(number, *judged))
    return tuple(found)


def mostly_garbled(text: str, garbles: tuple[Garble, ...]) -> bool:
    """Whether the garbled lines hold so much of ``text`` that what is left is no report."""
    if not garbles:
        return False
    visible = len(text) - sum(text.count(space) for space in " \n\t\r\u3000")
    return sum(garble.chars for garble in garbles) >= MOSTLY * max(visible, 1)
