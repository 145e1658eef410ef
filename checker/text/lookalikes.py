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

# CJK Radicals Supplement forms that are whole characters of simplified Chinese, after the
# Unicode Character Database's EquivalentUnifiedIdeograph.txt (NFKC maps only ⺟ and ⻳).
# Component forms such as ⺅ (亻) or ⺡ (氵) never stand alone in running text and stay.
_SUPPLEMENT = {
    "⺌": "小", "⺍": "小", "⺝": "月", "⺟": "母", "⺠": "民", "⺧": "牛", "⺩": "王",
    "⺫": "目", "⺬": "示", "⺮": "竹", "⺳": "网", "⺶": "羊", "⺷": "羊", "⻁": "虎",
    "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻑": "長", "⻓": "长",
    "⻔": "门", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞",
    "⻝": "食", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
    "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
}  # fmt: skip

_COMPATIBILITY_RANGES = ((0x2F00, 0x2FD6), (0xF900, 0xFB00), (0x2F800, 0x2FA20))


def lookalike_map() -> dict[int, int]:
    """Code point of each look-alike → code point of the ordinary character it stands for."""
    mapping = {ord(radical): ord(char) for radical, char in _SUPPLEMENT.items()}
    for start, stop in _COMPATIBILITY_RANGES:
        for code in range(start, stop):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code) and folded >= "\u3400":
                mapping[code] = ord(folded)
    return mapping
