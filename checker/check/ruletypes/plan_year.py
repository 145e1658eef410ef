"""plan-year — the plan is for the year after the reported one.

When the plan's heading or first paragraph names a year (2025年度…安排), it must be the
reported year + 1. A year the plan builds on or compares with ("在巩固2024年工作成效的基础上，
2025年我局将…", "较2024年") is not the plan's. Message values: ``plan_year``, ``expected``.
"""

from __future__ import annotations

from collections.abc import Iterator

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, params_schema
from checker.packs.model import Rule

PARAMS = params_schema({})  # no parameters

VALUES = ("plan_year", "expected")  # what its messages may name


_YEAR = regex_cache.compile(r"(?<![\d\-—~])(20\d{2})年")
# a year the plan looks back on, not the one it is for: "在巩固2024年工作成效的基础上", "较2024年"
_LOOKS_BACK_BEFORE = regex_cache.compile(
    r"(?:巩固|总结|回顾|延续|保持|较|比|相比|同比|对照)[^，,。；;]{0,6}$"
)
_LOOKS_BACK_AFTER = regex_cache.compile(r"^度?[^，,。；;]{0,10}?(?:基础|成效|成绩|经验|成果|以来|同期|水平)")


def _looks_back(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start:end`` is one the plan builds on or compares with."""
    before = text[max(0, start - 12) : start]
    return bool(_LOOKS_BACK_BEFORE.search(before) or _LOOKS_BACK_AFTER.match(text[end:]))


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    year = ctx.document.meta.year
    if locus is None or year is None:
        return
    for paragraph in locus.paragraphs[:2]:
        text = paragraph.text
        matches = list(_YEAR.finditer(text))
        if any(int(match.group(1)) == year + 1 for match in matches):
            return  # the plan's year is named, whatever else the sentence recalls
        for match in matches:
            if _looks_back(text, match.start(), match.end()):
                continue
            found = int(match.group(1))
            yield Hit(
                1.0,
                "weak",
                paragraph,
                match.start(),
                len(match.group(0)),
                {"plan_year": found, "expected": year + 1},
            )
            return
