"""Look-alike code points that PDF text layers put in place of ordinary Han characters.

A PDF exporter (Word or WPS on macOS, some printer drivers) writes each glyph's Unicode
value from the font's own table, and where a font draws 一 and the Kangxi radical ⼀ with
one glyph it may name the radical: the text then reads ⼯作⼈员 for 工作人员, which no
keyword matches. The same happens with the CJK Radicals Supplement (⻓ for 长, ⻔ for 门)
and the CJK Compatibility Ideographs (U+F900–U+FAFF). Each maps to exactly one ordinary
character, so folding them keeps every column where it was.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

# The CJK Radicals Supplement after the Unicode Character Database's
# EquivalentUnifiedIdeograph.txt (NFKC maps only two of them); the file names its source.
_SUPPLEMENT_FILE = Path(__file__).resolve().parent.parent / "data" / "equivalent_unified_ideograph.txt"

_COMPATIBILITY_RANGES = ((0x2F00, 0x2FD6), (0xF900, 0xFB00), (0x2F800, 0x2FA20))
# [start, stop) of the blocks that hold every look-alike: radicals (supplement and Kangxi),
# compatibility ideographs, and their supplement beyond the BMP
LOOKALIKE_BLOCKS = ((0x2E80, 0x2FE0), (0xF900, 0xFB00), (0x2F800, 0x2FA20))


@cache
def lookalike_map() -> dict[int, int]:
    """Code point of each look-alike → code point of the ordinary character it stands for
    (built once, the first time a text holds a character of :data:`LOOKALIKE_BLOCKS`)."""
    mapping = _supplement()
    for start, stop in _COMPATIBILITY_RANGES:
        for code in range(start, stop):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code) and folded >= "\u3400":
                mapping[code] = ord(folded)
    return mapping


def _supplement() -> dict[int, int]:
    """``first[..last] ; target`` lines of the data file as code point → code point."""
    mapping: dict[int, int] = {}
    for line in _SUPPLEMENT_FILE.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) != 2:
            continue
        first, _, last = fields[0].strip().partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            mapping[code] = int(fields[1], 16)
    return mapping
