"""date-window — the date falls in the reporting window after the reported year.

The window comes from the pack's ``parameters.reporting_window`` (national: 01-01 to 03-31
of year Y+1; a provincial pack may say 03-01). A date inside year Y is flagged unless
``same_year_allowed``; a date later than the window is late; a date in the future is flagged.
A web copy whose text has no date is judged by the date its page states (its 成文日期).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import cast

from checker.check.ruletypes.base import Context, Hit, params_schema
from checker.i18n import cn_date, t
from checker.model import DateForm, DateMark
from checker.packs.model import Rule
from checker.parse.dates import parse_date

PARAMS = params_schema({})  # no parameters

VALUES = ("date", "problem", "year_after", "window", "publish_by")  # what its messages may name


def _month_day(year: int, text: str) -> dt.date:
    month, day = (int(x) for x in text.split("-"))
    return dt.date(year, month, day)


def _page_date(rule: Rule, ctx: Context) -> DateMark | None:
    """The page's date as a mark at the end of the text, when only the page states one."""
    stated, locus = ctx.page_stated(rule.element), ctx.locus(rule.element)
    if stated is None or locus is None:
        return None
    value = stated[1].strip()
    parsed = parse_date(value)
    if parsed is None:
        return None
    anchor = locus.anchor
    return DateMark(parsed.date.isoformat(), value, cast(DateForm, parsed.form), anchor, len(anchor.text))


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    document = ctx.document
    date_mark = document.date or _page_date(rule, ctx)
    year = document.meta.year
    if date_mark is None or year is None:
        return
    params = ctx.pack.parameters
    window = params.get("reporting_window", {"from": "01-01", "to": "03-31"})
    lang = ctx.lang
    start, end = _month_day(year + 1, window["from"]), _month_day(year + 1, window["to"])
    problem = None
    if date_mark.form == "month-only":  # "2025年1月" under the signature
        problem = t("rt.date.no-day", lang)
    elif not date_mark.iso:  # written as a date, but no such day
        problem = t("rt.date.invalid", lang)
    else:
        date = dt.date.fromisoformat(date_mark.iso)
        if date <= dt.date(year, 12, 31) and not window.get("same_year_allowed", False):
            problem = t("rt.date.in-year", lang, year=year)
        elif date > ctx.today:
            problem = t("rt.date.future", lang)
        elif date < start:
            problem = t("rt.date.early", lang, date=_day(start, lang))
        elif date > end:
            problem = t("rt.date.late", lang, date=_day(end, lang))
    if problem is None:
        return
    values = {
        "date": date_mark.raw,
        "problem": problem,
        "year_after": year + 1,
        "window": t("rt.date.window", lang, start=_day(start, lang), end=_day(end, lang)),
        "publish_by": _day(_month_day(year + 1, params.get("publish_by", "04-01")), lang),
    }
    length = len(date_mark.raw) if document.date is not None else 0  # a page's date: a point
    yield Hit(1.0, "weak", date_mark.paragraph, date_mark.offset, length, values)


def _day(date: dt.date, lang: str) -> str:
    return date.isoformat() if lang == "en" else cn_date(date)
