"""title-parts — the title names the body, the year, the subject and the document type.

``require`` lists the parts to check: agency, year, subject (patterns in ``subject``),
doctype (patterns in ``doctype``, e.g. 报告). Message value ``missing`` lists what is absent.
"""

from __future__ import annotations

from collections.abc import Iterator

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import t
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST
from checker.parse.agency import agency_from_title

PARAMS = params_schema(
    {
        "require": described(
            {"type": "array", "items": {"enum": ["agency", "year", "subject", "doctype"]}},
            "标题须包含的部分：机关、年度、主题、文种",
            "parts the title must hold: body, year, subject, document type",
        ),
        "subject": described(
            REGEX_LIST, "标题“主题”部分的正则表达式", "regular expression of the title's subject part"
        ),
        "doctype": described(
            REGEX_LIST,
            "标题“文种”部分的正则表达式（如 报告）",
            "regular expression of the title's document-type part (such as 报告, report)",
        ),
    },
)

VALUES = ("missing",)  # what its messages may name

# a year, not the second of a range (2021—2025年); 二〇二四年 counts too; "——2024年度" is a subtitle
_YEAR = regex_cache.compile(r"(?<!\d)(?<!\d[\-—])20\d{2}\s*年?|二[〇○零]二[〇○零一二三四五六七八九]\s*年")


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    title = locus.text
    missing: list[str] = []
    for part in rule.params.get("require", ["agency", "year", "doctype"]):
        if part == "agency":
            ok = agency_from_title(title) is not None
        elif part == "year":
            ok = _YEAR.search(title) is not None
        else:
            ok = any(regex_cache.compile(p).search(title) for p in rule.params.get(part, []))
        if not ok:
            missing.append(part)
    if missing:
        lang = ctx.lang
        names = t("rt.list-separator", lang).join(t(f"rt.title.{m}", lang) for m in missing)
        values = {"missing": names, "agency": ctx.agency_hint(), "year": ctx.year_hint()}
        yield Hit(len(missing) / 4, "weak", locus.anchor, *locus.anchor_span, values)
