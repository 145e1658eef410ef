"""plan-year — the plan is for the year after the reported one.

When the plan's heading or first paragraph names a year (2025年度…安排), it must be the
reported year + 1. Message values: ``plan_year``, ``expected``.
"""

from __future__ import annotations

from collections.abc import Iterator

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, params_schema
from checker.packs.model import Rule

PARAMS = params_schema({})  # no parameters


_YEAR = regex_cache.compile(r"(?<![\d\-—~])(20\d{2})年")


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    year = ctx.document.meta.year
    if locus is None or year is None:
        return
    for paragraph in locus.paragraphs[:2]:
        match = _YEAR.search(paragraph.text)
        if match:
            found = int(match.group(1))
            if found != year + 1:
                yield Hit(
                    1.0,
                    "weak",
                    paragraph,
                    match.start(),
                    len(match.group(0)),
                    {"plan_year": found, "expected": year + 1},
                )
            return
