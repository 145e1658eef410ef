"""publish-date — the report was published by the deadline (national: before 1 April of Y+1).

Reads the publication date the page carried (HTML metadata or a copied publication table:
发布日期) and compares it with the pack's ``parameters.publish_by``. Silent when the
publication date is unknown (a file from the drafting desk has none). Message values:
``published``, ``deadline``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, params_schema
from checker.i18n import cn_date
from checker.packs.model import Rule
from checker.parse.dates import parse_date

PARAMS = params_schema({})  # no parameters

VALUES = ("published", "deadline")  # what its messages may name


DOCUMENT_LEVEL = True  # checked even when the report's own date is missing


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    published_text = ctx.document.source_meta.get("发布日期")
    year = ctx.document.meta.year
    parsed = parse_date(published_text) if published_text else None
    if parsed is None or year is None:
        return
    month, day = (int(x) for x in ctx.pack.parameters.get("publish_by", "04-01").split("-"))
    deadline = dt.date(year + 1, month, day)
    if parsed.date < deadline:
        return
    anchor = ctx.document.date.paragraph if ctx.document.date else None
    en = ctx.lang == "en"
    yield Hit(
        1.0,
        "weak",
        anchor,
        0,
        0,
        {
            "published": parsed.date.isoformat() if en else cn_date(parsed.date),
            "deadline": deadline.isoformat() if en else cn_date(deadline),
        },
    )
