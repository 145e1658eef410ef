"""date-window — the date falls in the reporting window after the reported year.

The window comes from the pack's ``parameters.reporting_window`` (national: 01-01 to 03-31
of year Y+1; a provincial pack may say 03-01). A date inside year Y is flagged unless
``same_year_allowed``; a date later than the window is late; a date in the future is flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.pack import Rule
from checker.ruletypes.base import Context, Hit


def _month_day(year: int, text: str) -> dt.date:
    month, day = (int(x) for x in text.split("-"))
    return dt.date(year, month, day)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    document = ctx.document
    date_mark = document.date
    year = document.meta.year
    if date_mark is None or year is None:
        return
    params = ctx.pack.parameters
    window = params.get("reporting_window", {"from": "01-01", "to": "03-31"})
    date = dt.date.fromisoformat(date_mark.iso)
    start, end = _month_day(year + 1, window["from"]), _month_day(year + 1, window["to"])
    en = ctx.extra.get("lang") == "en"
    problem = None
    if date <= dt.date(year, 12, 31) and not window.get("same_year_allowed", False):
        problem = f"is inside the reported year {year}" if en else f"落在所报告的{year}年度之内，年度尚未结束"
    elif date > ctx.today:
        problem = "is in the future" if en else "晚于今天，日期可能写错"
    elif date < start:
        problem = f"is before the window {start}" if en else f"早于报告期（{start.month}月{start.day}日起）"
    elif date > end:
        problem = (
            f"is after the deadline {end}" if en else f"晚于报告时限（{end.month}月{end.day}日），属逾期报告"
        )
    if problem is None:
        return
    values = {
        "date": date_mark.raw,
        "problem": problem,
        "year_after": year + 1,
        "window": f"{start.month}月{start.day}日至{end.month}月{end.day}日",
        "publish_by": _publish_by(params, year),
    }
    yield Hit(1.0, "weak", date_mark.paragraph, date_mark.offset, len(date_mark.raw), values)


def _publish_by(params: dict, year: int) -> str:
    month, day = (int(x) for x in params.get("publish_by", "04-01").split("-"))
    return f"{year + 1}年{month}月{day}日"
