"""date-form — the date is written as GB/T 9704-2012 asks: 2025年1月23日.

Zero-padded (2025年01月23日), two-digit years, Chinese numerals (二〇二五年一月二十三日),
colloquial (2025年元月23号), dotted and dashed forms are advised to the standard form; the
element status is unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import get_args

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.model import DateForm
from checker.packs.model import Rule

# the ways a whole date can be written (a date without its day or with no such day is not one)
WRITTEN_FORMS = [form for form in get_args(DateForm) if form not in ("month-only", "invalid")]

PARAMS = params_schema(
    {
        "accept": described(
            {"type": "array", "items": {"enum": WRITTEN_FORMS}},
            "另外接受的日期写法",
            "date forms accepted as well",
        ),
    },
)

VALUES = ("raw", "standard")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    date_mark = ctx.document.date
    skipped = (*rule.params.get("accept", ["standard"]), "invalid", "month-only")
    if date_mark is None or date_mark.form in skipped:
        return  # an impossible date, or one without its day, is the date-window rule's to report
    date = dt.date.fromisoformat(date_mark.iso)
    standard = f"{date.year}年{date.month}月{date.day}日"
    yield Hit(
        1.0,
        None,
        date_mark.paragraph,
        date_mark.offset,
        len(date_mark.raw),
        {"raw": date_mark.raw, "standard": standard},
    )
