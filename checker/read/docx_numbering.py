"""Word automatic numbering (w:numPr) turned back into the marker text a reader sees.

In a Word report "一、" or "（二）" is often not in the text at all: it is drawn from
numbering.xml. Without it the parser cannot find the outline, so we replay Word's
counters in document order and prefix each numbered paragraph with its marker.
"""

from __future__ import annotations

import msgspec
from lxml import etree

from checker.read.counters import (
    MAX_DRAWN,
    TRADITIONAL_STEMS,
    ZODIAC_BRANCHES,
    chinese_counting,
    digit_by_digit,
    glyph,
    legal_counting,
    roman,
)
from checker.read.xml_numbers import list_number, optional_decimal

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
CIRCLED = "".join(chr(code) for code in range(0x2460, 0x2474))  # ①…⑳
PARENTHESISED = "".join(chr(code) for code in range(0x2474, 0x2488))  # ⑴…⒇
FULL_STOPPED = "".join(chr(code) for code in range(0x2488, 0x249C))  # ⒈…⒛
IDEOGRAPH_PARENTHESISED = "".join(chr(code) for code in range(0x3220, 0x322A))  # ㈠…㈩
_CHINESE_COUNTING = frozenset(
    {
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "koreanCounting",
    }
)
_DIGIT_BY_DIGIT = frozenset({"ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"})
# w:lvlText longer than this is cut: Word's own patterns ("第%1章", "（%2）") are a few characters,
# and each %N in it is replaced by a number, so an unbounded pattern multiplies the text
MAX_LEVEL_TEXT = 64
LEVELS = 9  # w:ilvl 0–8


def _val(element: etree._Element | None, tag: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    child = element.find(f"{_W}{tag}")
    if child is None:
        return default
    return child.get(f"{_W}val", default)


def _letters(value: int) -> str:
    letter = chr(ord("A") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _sexagenary(value: int) -> str | None:
    """1 → 甲子, 2 → 乙丑 … 60 → 癸亥 (ideographZodiacTraditional), None past the cycle."""
    if not 1 <= value <= 60:
        return None
    return TRADITIONAL_STEMS[(value - 1) % 10] + ZODIAC_BRANCHES[(value - 1) % 12]


def _enclosed(value: int, fmt: str) -> str | None:
    """Formats drawn with one enclosed glyph each; past the glyphs, the same mark spelt out.

    Word stops at ⑳/⒇/⒛/㈩; "(21)", "21." and "（十一）" keep what the marker means, so
    the outline stays readable in a long list.
    """
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return glyph(value, CIRCLED) or str(value)
    if fmt == "decimalEnclosedParen":
        return glyph(value, PARENTHESISED) or f"({value})"
    if fmt == "decimalEnclosedFullstop":
        return glyph(value, FULL_STOPPED) or f"{value}."
    if fmt == "ideographEnclosedCircle":
        return glyph(value, IDEOGRAPH_PARENTHESISED) or f"（{chinese_counting(value)}）"
    return None


def _ideographic(value: int, fmt: str) -> str | None:
    """Chinese (and the shared CJK) ideographic formats; None for other formats."""
    if fmt in _CHINESE_COUNTING:
        return chinese_counting(value)
    if fmt == "chineseLegalSimplified":
        return legal_counting(value)
    if fmt == "ideographLegalTraditional":
        return legal_counting(value, traditional=True)
    if fmt in _DIGIT_BY_DIGIT:
        return digit_by_digit(value)
    if fmt == "ideographTraditional":
        return glyph(value, TRADITIONAL_STEMS) or str(value)
    if fmt == "ideographZodiac":
        return glyph(value, ZODIAC_BRANCHES) or str(value)
    if fmt == "ideographZodiacTraditional":
        return _sexagenary(value) or str(value)
    return _enclosed(value, fmt)


def _western(value: int, fmt: str) -> str | None:
    """Latin-script formats; None for other formats."""
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letters = _letters(value)
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        numeral = roman(value)
        return numeral if fmt == "upperRoman" else numeral.lower()
    if fmt == "numberInDash":
        return f"- {value} -"
    if fmt == "hex":
        return f"{value:X}"
    return None


def format_number(value: int, fmt: str) -> str:
    """One counter value in a w:numFmt style (ECMA-376 ST_NumberFormat).

    Formats without a rendering here (cardinalText, Hebrew …) fall back to decimal, and so
    does any value outside what a format can show (zero, negative) and any value past
    ``MAX_DRAWN``: no format draws more than a few dozen characters for one number.
    """
    if fmt == "none":
        return ""
    if not 1 <= value <= MAX_DRAWN:
        return str(value)
    return _ideographic(value, fmt) or _western(value, fmt) or str(value)


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
        for n in range(LEVELS):
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


def _level(text: str | None) -> int | None:
    """A w:ilvl value (0–8); None when absent, no number or no level Word has."""
    value = optional_decimal(text)
    return value if value is not None and 0 <= value < LEVELS else None


def level_index(text: str | None) -> int:
    """A w:lvl's or w:lvlOverride's w:ilvl; 0 (the first level) when absent or malformed."""
    return _level(text) or 0


def _parse_level(lvl: etree._Element) -> Level:
    restart = optional_decimal(_val(lvl, "lvlRestart"))  # absent or malformed: Word's default
    return Level(
        start=list_number(_val(lvl, "start")),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=(_val(lvl, "lvlText", "") or "")[:MAX_LEVEL_TEXT],
        suffix=_val(lvl, "suff", "tab") or "tab",
        legal=lvl.find(f"{_W}isLgl") is not None,
        restart_after=restart - 1 if restart is not None else None,
    )


def load_numbering(numbering: etree._Element | None, styles: etree._Element | None) -> NumberingState:
    """Read numbering.xml and the numbering that paragraph styles carry."""
    state = NumberingState()
    if numbering is not None:
        abstract: dict[str, dict[int, Level]] = {}
        for node in numbering.iterfind(f"{_W}abstractNum"):
            levels = {
                level_index(lvl.get(f"{_W}ilvl")): _parse_level(lvl) for lvl in node.iterfind(f"{_W}lvl")
            }
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iterfind(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            abstract_id = _val(num, "abstractNumId", "") or ""
            levels = dict(abstract.get(abstract_id, {}))
            starts: dict[int, int] = {}
            for override in num.iterfind(f"{_W}lvlOverride"):
                ilvl = level_index(override.get(f"{_W}ilvl"))
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels[ilvl] = _parse_level(lvl)
                start = _val(override, "startOverride")
                if start is not None:
                    starts[ilvl] = list_number(start)
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
            own[style_id] = (_val(num_pr, "numId"), _level(_val(num_pr, "ilvl")))
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
        direct = _level(direct_lvl)  # absent or malformed: the style's level
        ilvl = direct if direct is not None else ilvl
    if num_id is None:
        return ""
    return state.marker(num_id, ilvl or 0)
