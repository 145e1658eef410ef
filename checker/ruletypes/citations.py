"""citations — titles in 《》 checked against a bundled, dated list of laws and regulations.

For each 《title》 (also the short form without 中华人民共和国): a title that is one or two
characters off a known one is flagged as misspelt; a known title not yet in force at the
report's date (or at the end of the year after the reported one when undated), or one
repealed before the reported year began, is flagged with its dates and successor; a
national-law-looking title (中华人民共和国…法) that is not in the list is flagged for
checking. Message values: ``title``, ``problem``, ``correct``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checker.catalogue import law_index
from checker.i18n import cn_date, t
from checker.pack import Rule
from checker.ruletypes.agency_consistency import _distance
from checker.ruletypes.base import Context, Hit

DOCUMENT_LEVEL = True  # checked even when its element is missing

_CITED = re.compile(r"《([^《》]{2,60})》")
_LAW_SHAPE = re.compile(r"^中华人民共和国.{1,30}法$")


def reference_date(ctx: Context) -> dt.date | None:
    """The date the report speaks from: its own date, else the end of the reporting window."""
    meta = ctx.document.meta
    if meta.date:
        return dt.date.fromisoformat(meta.date)
    if meta.year:
        return dt.date(meta.year + 1, 3, 31)
    return None


def _closest(title: str, index: dict) -> str | None:
    best, best_distance = None, 3
    for known in index:
        if abs(len(known) - len(title)) > 2 or known[:2] != title[:2]:
            continue
        distance = _distance(title, known, 2)
        if 0 < distance < best_distance and len(title) >= 5:
            best, best_distance = known, distance
    return best


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    index = law_index(rule.params.get("catalogue", "data/laws.yaml"))
    checks = set(rule.params.get("check", ["misspelt", "not-in-force", "repealed", "unknown"]))
    when = reference_date(ctx)
    year = ctx.document.meta.year
    lang = ctx.extra.get("lang", "zh")
    for paragraph in ctx.document.paragraphs:
        for match in _CITED.finditer(paragraph.text):
            title = match.group(1).strip()
            law = index.get(title)
            problem = correct = None
            if law is None:
                near = _closest(title, index) if "misspelt" in checks else None
                if near:
                    problem, correct = t("rt.citation.misspelt", lang), near
                elif "unknown" in checks and _LAW_SHAPE.match(title):
                    problem = t("rt.citation.unknown", lang)
                    correct = title
            elif when and "not-in-force" in checks and law.in_force > when:
                problem = t("rt.citation.not-in-force", lang, date=_when(law.in_force, lang))
                correct = law.title
            elif year and law.repealed and "repealed" in checks and law.repealed <= dt.date(year, 1, 1):
                problem = t("rt.citation.repealed", lang, date=_when(law.repealed, lang))
                correct = law.replaced_by or law.title
            if problem:
                yield Hit(
                    1.0,
                    None,
                    paragraph,
                    match.start(),
                    match.end() - match.start(),
                    {"title": title, "problem": problem, "correct": correct},
                )


def _when(date: dt.date, lang: str) -> str:
    return date.isoformat() if lang == "en" else cn_date(date)
