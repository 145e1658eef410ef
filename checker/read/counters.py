"""Numbers written as list markers count them: 一 / 十二 / 一百零五, 壹拾, 〇一, Ⅻ, 甲乙丙.

Word's numbering formats (``checker.read.docx_numbering``) and CSS counter styles of HTML
lists (``checker.read.html_lists``) draw the same Chinese and Roman numerals; both take them
from here.
"""

from __future__ import annotations

# Past this a list number is drawn as plain digits in every style, as Roman numerals stop at
# 3999: no counter style then draws more than a few dozen characters for one number (an
# upperLetter list starting at 10^10 would otherwise repeat a letter 400 million times).
MAX_DRAWN = 3999

HAN_DIGITS = "一二三四五六七八九"
LEGAL_DIGITS = "壹贰叁肆伍陆柒捌玖"
LEGAL_TRADITIONAL_DIGITS = "壹貳參肆伍陸柒捌玖"
IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
TRADITIONAL_STEMS = "甲乙丙丁戊己庚辛壬癸"
ZODIAC_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def chinese_counting(value: int, digits: str = HAN_DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting); with
    the legal digits and 拾, 10 → 壹拾. Past 999 the plain number."""
    if value <= 0:
        return str(value)
    if value < 10:
        return digits[value - 1]
    if value < 100:
        tens, units = divmod(value, 10)
        head = "" if tens == 1 and digits is HAN_DIGITS else digits[tens - 1]
        return head + ten + (digits[units - 1] if units else "")
    hundreds, rest = divmod(value, 100)
    if hundreds >= 10:
        return str(value)
    tail = "" if rest == 0 else ("零" if rest < 10 else "") + chinese_counting(rest, digits, ten)
    if 10 <= rest < 20 and digits is HAN_DIGITS:
        tail = "一" + tail
    return digits[hundreds - 1] + "百" + tail


def legal_counting(value: int, traditional: bool = False) -> str:
    """Financial numerals: 11 → 壹拾壹, 105 → 壹佰零伍 (simplified or traditional digits)."""
    digits = LEGAL_TRADITIONAL_DIGITS if traditional else LEGAL_DIGITS
    return chinese_counting(value, digits, "拾").replace("百", "佰")


def roman(value: int) -> str:
    """A positive number in upper-case Roman numerals (12 → XII); past 3999 (or below 1) the
    plain number."""
    if not 1 <= value <= MAX_DRAWN:
        return str(value)
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def digit_by_digit(value: int) -> str:
    """10 → 一〇, 2024 → 二〇二四: one ideograph per decimal digit."""
    if value < 0:
        return str(value)
    return "".join(IDEOGRAPH_DIGITS[int(digit)] for digit in str(value))


def glyph(value: int, glyphs: str) -> str | None:
    """The ``value``-th glyph of a numbered series, or None outside it."""
    return glyphs[value - 1] if 1 <= value <= len(glyphs) else None
