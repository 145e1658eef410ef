"""Find and parse written dates: 2025年1月23日, 二〇二五年一月二十三日, 2025年元月23号, 2025.1.23,
2025-01-23."""

from __future__ import annotations

import datetime as dt
import re

import msgspec

import checker.regex_cache as regex_cache

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DIGIT_CLASS = "〇○零O一二三四五六七八九"

# 元月 is January and 号 stands for 日 in everyday writing: both are dates, in a colloquial form
DATE_PATTERN = regex_cache.compile(
    rf"(?<!\d)(?P<y>\d{{4}}|\d{{2}}|[{_CN_DIGIT_CLASS}]{{4}})年(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}}|元)月"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?P<day>[日号])"
    r"|(?<![\d.])(?P<y2>\d{4})(?P<sep>[.\-/])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d.])"
)


class ParsedDate(msgspec.Struct, frozen=True):
    date: dt.date
    form: str
    start: int
    end: int
    raw: str


def _cn_number(text: str) -> int:
    """十二 → 12, 二十三 → 23, 三十一 → 31, 一 → 1."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _number(text: str) -> int:
    if text == "元":  # 元月
        return 1
    if text.isdigit():
        return int(text)
    if len(text) == 4 and "十" not in text:  # 二〇二五 year
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    return _cn_number(text)


def _form(match: re.Match[str]) -> str:
    if match.group("y2"):
        return "dotted" if match.group("sep") == "." else "dashed"
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    if not year.isdigit():
        return "chinese-numerals"
    if month == "元" or match.group("day") == "号":
        return "colloquial"
    if len(year) == 2:
        return "short-year"
    if (month.isdigit() and month.startswith("0")) or (day.isdigit() and day.startswith("0")):
        return "padded"
    if not (month.isdigit() and day.isdigit()):
        return "chinese-numerals"
    return "standard"


def parse_date_match(match: re.Match[str]) -> ParsedDate | None:
    try:
        if match.group("y2"):
            year, month, day = (int(match.group(g)) for g in ("y2", "m2", "d2"))
        else:
            year = _number(match.group("y"))
            if year < 100:
                year += 2000
            month, day = _number(match.group("m")), _number(match.group("d"))
        date = dt.date(year, month, day)
    except (KeyError, ValueError):
        return None
    return ParsedDate(date, _form(match), match.start(), match.end(), match.group(0))


def find_dates(text: str) -> list[ParsedDate]:
    """Every valid date in ``text``, in order."""
    out = []
    for match in DATE_PATTERN.finditer(text):
        parsed = parse_date_match(match)
        if parsed is not None:
            out.append(parsed)
    return out


def parse_date(text: str) -> ParsedDate | None:
    """The first valid date in ``text``."""
    dates = find_dates(text)
    return dates[0] if dates else None
