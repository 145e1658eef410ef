"""The markers a browser draws before the items of an HTML list (<ol>/<li>) that names how
it counts: "一、" for ``list-style-type: cjk-ideographic``, "III." for ``type="I"``.

Word and LibreOffice "save as web page" turn a report's automatic numbering into such lists;
without the markers its part headings lose their "一、". A plain <ol> says nothing about how
it counts (LibreOffice writes one for a "一、" list, a browser shows "1."): it gets none.
"""

from __future__ import annotations

import re

import checker.regex_cache as regex_cache
from checker.read.counters import chinese_counting, digit_by_digit, legal_counting, roman

_LIST_STYLE = regex_cache.compile(
    r"list-style(?:-type)?\s*:[^;]*?\b(decimal(?:-leading-zero)?|(?:lower|upper)-(?:alpha|latin|roman)|"
    r"lower-greek|cjk-[a-z-]+|(?:simp|trad)-chinese-(?:in)?formal|none|disc|circle|square)\b",
    re.IGNORECASE,
)
_TYPE_STYLES = {  # the <ol type> attribute (case matters)
    "1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman",
}  # fmt: skip
_ALPHABETS = {
    "lower-alpha": "abcdefghijklmnopqrstuvwxyz", "lower-latin": "abcdefghijklmnopqrstuvwxyz",
    "upper-alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "upper-latin": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "lower-greek": "αβγδεζηθικλμνξοπρστυφχψω",
    "cjk-heavenly-stem": "甲乙丙丁戊己庚辛壬癸", "cjk-earthly-branch": "子丑寅卯辰巳午未申酉戌亥",
}  # fmt: skip
_INFORMAL = frozenset({"cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal"})
_INTEGER = regex_cache.compile(r"[+-]?\d{1,6}")


def _list_style(node) -> str | None:
    """The counter style ``node`` (a list or a list item) names, if it names one."""
    style = node.attributes.get("style") or ""
    match = _LIST_STYLE.search(style)
    if match:
        return match.group(1).lower()
    kind = (node.attributes.get("type") or "").strip()
    return _TYPE_STYLES.get(kind)


def _int_attribute(node, name: str) -> int | None:
    """An integer attribute (``start``, ``value``), None when absent or malformed."""
    value = (node.attributes.get(name) or "").strip()
    return int(value) if _INTEGER.fullmatch(value) else None


def list_markers(node) -> dict[int, str]:
    """Markers of the list items of one <ol>/<ul> (by ``mem_id``), when the list or the item
    names a counter style."""
    if "reversed" in node.attributes:
        return {}  # counting down needs the item count; rare enough to leave unmarked
    list_style = _list_style(node)
    number = _int_attribute(node, "start")
    number = 1 if number is None else number
    markers: dict[int, str] = {}
    for child in node.iter():
        if child.tag != "li":
            continue
        value = _int_attribute(child, "value")
        number = number if value is None else value
        marker = counter_text(number, _list_style(child) or list_style)
        if marker:  # a browser leaves a gap after "1." but none after "一、"
            markers[child.mem_id] = f"{marker} " if marker.endswith(".") else marker
        number += 1
    return markers


def _alphabetic(number: int, letters: str) -> str:
    """A positive number in an alphabetic counter (a … z, aa …)."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, len(letters))
        out = letters[rest] + out
    return out


def _chinese(number: int, style: str) -> str | None:
    """A number in one of the Chinese counter styles (below 1000), None for other styles."""
    if style in _INFORMAL:
        return chinese_counting(number)
    if style in ("simp-chinese-formal", "trad-chinese-formal"):
        return legal_counting(number, traditional=style.startswith("trad"))
    if style == "cjk-decimal":
        return digit_by_digit(number)
    return None


def counter_text(number: int, style: str | None) -> str | None:
    """The marker a browser draws for ``number`` in a CSS counter style, None if none."""
    if style is None or number < 1:
        return None
    if style in ("decimal", "decimal-leading-zero"):
        return f"{number:02d}." if style == "decimal-leading-zero" else f"{number}."
    if style in _ALPHABETS:
        suffix = "." if style.startswith(("lower", "upper")) else "、"
        return _alphabetic(number, _ALPHABETS[style]) + suffix
    if style in ("lower-roman", "upper-roman") and number < 4000:
        numeral = roman(number)
        return (numeral.lower() if style == "lower-roman" else numeral) + "."
    chinese = _chinese(number, style) if number < 1000 else None
    return chinese + "、" if chinese else None
