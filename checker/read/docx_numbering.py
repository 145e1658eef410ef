"""Word automatic numbering (w:numPr) turned back into the marker text a reader sees.

In a Word report "一、" or "（二）" is often not in the text at all: it is drawn from
numbering.xml. Without it the parser cannot find the outline, so we replay Word's
counters in document order and prefix each numbered paragraph with its marker.
"""

from __future__ import annotations

import msgspec
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
HAN_DIGITS = "一二三四五六七八九"
LEGAL_DIGITS = "壹贰叁肆伍陆柒捌玖"
TRADITIONAL_STEMS = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _val(element: etree._Element | None, tag: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    child = element.find(f"{_W}{tag}")
    if child is None:
        return default
    return child.get(f"{_W}val", default)


def chinese_counting(value: int, digits: str = HAN_DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
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


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _letters(value: int) -> str:
    letter = chr(ord("A") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def format_number(value: int, fmt: str) -> str:
    """One counter value in a w:numFmt style; unknown styles fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):  # fmt: skip
        return chinese_counting(value)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(value, LEGAL_DIGITS, "拾")
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return TRADITIONAL_STEMS[(value - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[value - 1] if 1 <= value <= len(CIRCLED) else str(value)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "upperLetter":
        return _letters(value)
    if fmt == "lowerLetter":
        return _letters(value).lower()
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "none":
        return ""
    return str(value)


class Level(msgspec.Struct, frozen=True):
    """One w:lvl: where it starts, how it counts and the text pattern ("%1、")."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False
    restart_after: int | None = None  # w:lvlRestart: restart after this (0-based) level


class NumberingState(msgspec.Struct):
    """Word's list counters, replayed paragraph by paragraph in document order."""

    levels: dict[str, dict[int, Level]] = msgspec.field(default_factory=dict)  # counter key → levels
    instance_key: dict[str, str] = msgspec.field(default_factory=dict)  # numId → counter key
    overrides: dict[str, dict[int, int]] = msgspec.field(default_factory=dict)  # numId → start
    counters: dict[str, dict[int, int]] = msgspec.field(default_factory=dict)
    style_numbering: dict[str, tuple[str | None, int | None]] = msgspec.field(default_factory=dict)

    def marker(self, num_id: str, ilvl: int) -> str:
        """The marker text for the next paragraph of list ``num_id`` at level ``ilvl``."""
        key = self.instance_key.get(num_id)
        if key is None or num_id == "0":
            return ""
        levels = self.levels.get(key, {})
        level = levels.get(ilvl, Level())
        counters = self.counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.overrides.get(num_id, {}).get(ilvl, level.start)
        for deeper, deeper_level in levels.items():
            if deeper > ilvl and (deeper_level.restart_after is None or deeper_level.restart_after >= ilvl):
                counters.pop(deeper, None)
        text = level.text
        for n in range(9):
            placeholder = f"%{n + 1}"
            if placeholder not in text:
                continue
            other = levels.get(n, Level())
            value = counters.get(n, other.start)
            fmt = "decimal" if level.legal and other.fmt != "none" else other.fmt
            text = text.replace(placeholder, format_number(value, fmt))
        if level.fmt == "bullet":
            return ""  # bullets carry no structure and are drawn with symbol fonts
        if not text:
            return ""
        return text + {"tab": " ", "space": " "}.get(level.suffix, "")


def _parse_level(lvl: etree._Element) -> Level:
    restart = _val(lvl, "lvlRestart")
    return Level(
        start=int(_val(lvl, "start", "1") or 1),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        suffix=_val(lvl, "suff", "tab") or "tab",
        legal=lvl.find(f"{_W}isLgl") is not None,
        restart_after=int(restart) - 1 if restart not in (None, "") else None,
    )


def load_numbering(numbering: etree._Element | None, styles: etree._Element | None) -> NumberingState:
    """Read numbering.xml and the numbering that paragraph styles carry."""
    state = NumberingState()
    if numbering is not None:
        abstract: dict[str, dict[int, Level]] = {}
        for node in numbering.iterfind(f"{_W}abstractNum"):
            levels = {int(lvl.get(f"{_W}ilvl", "0")): _parse_level(lvl) for lvl in node.iterfind(f"{_W}lvl")}
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iterfind(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            abstract_id = _val(num, "abstractNumId", "") or ""
            levels = dict(abstract.get(abstract_id, {}))
            starts: dict[int, int] = {}
            for override in num.iterfind(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels[ilvl] = _parse_level(lvl)
                start = _val(override, "startOverride")
                if start is not None:
                    starts[ilvl] = int(start)
            # Lists sharing an abstract definition continue each other's counts in Word,
            # unless a list restarts (startOverride): then it counts on its own.
            key = f"num:{num_id}" if starts else f"abstract:{abstract_id}"
            state.instance_key[num_id] = key
            state.levels[key] = levels
            if starts:
                state.overrides[num_id] = starts
    if styles is not None:
        _load_style_numbering(state, styles)
    return state


def _load_style_numbering(state: NumberingState, styles: etree._Element) -> None:
    """Resolve numPr through each paragraph style's basedOn chain."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.iterfind(f"{_W}style"):
        style_id = style.get(f"{_W}styleId", "")
        parent = _val(style, "basedOn")
        if parent:
            based_on[style_id] = parent
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            ilvl = _val(num_pr, "ilvl")
            own[style_id] = (_val(num_pr, "numId"), int(ilvl) if ilvl is not None else None)
    for style_id in set(own) | set(based_on):
        num_id: str | None = None
        level: int | None = None
        current, seen = style_id, set()
        while current and current not in seen:
            seen.add(current)
            found_id, found_lvl = own.get(current, (None, None))
            num_id = num_id if num_id is not None else found_id
            level = level if level is not None else found_lvl
            current = based_on.get(current, "")
        if num_id is not None:
            state.style_numbering[style_id] = (num_id, level)


def paragraph_marker(state: NumberingState, paragraph: etree._Element) -> str:
    """Marker for a w:p element (direct numPr first, then its style's), advancing counters."""
    ppr = paragraph.find(f"{_W}pPr")
    style_id = _val(ppr, "pStyle")
    num_id, ilvl = state.style_numbering.get(style_id or "", (None, None))
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if num_pr is not None:
        direct_id, direct_lvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        num_id = direct_id if direct_id is not None else num_id
        ilvl = int(direct_lvl) if direct_lvl is not None else ilvl
    if num_id is None:
        return ""
    return state.marker(num_id, ilvl or 0)
